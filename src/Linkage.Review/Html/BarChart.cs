namespace Linkage.Review.Html;

/// <summary>A horizontal bar chart of counts, drawn server-side as SVG.</summary>
internal static class BarChart
{
    private const int RowHeight = 22;
    private const int LabelWidth = 240;
    private const int PlotWidth = 400;

    public static Markup Render(string title, IReadOnlyList<(string Label, int Count)> rows)
    {
        if (rows.Count == 0)
        {
            return HtmlWriter.Fragment($"<p>No confirmed matches yet.</p>");
        }
        var max = Math.Max(1, rows.Max(r => r.Count));
        var html = new HtmlWriter();
        html.Add($"""<svg class="bars" viewBox="0 0 {LabelWidth + PlotWidth + 60} {rows.Count * RowHeight + 4}" role="img" aria-label="{title}">""");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, count) = rows[i];
            var y = i * RowHeight + 2;
            var width = Math.Max(1.0, (double)PlotWidth * count / max);
            html.Add($"""
                <text class="label" x="{LabelWidth - 6}" y="{y + 14}">{(label.Length > 36 ? label[..35] + "…" : label)}</text>
                <rect x="{LabelWidth}" y="{y}" width="{width:0.#}" height="{RowHeight - 6}"/>
                <text class="value" x="{LabelWidth + width + 4:0.#}" y="{y + 14}">{count}</text>
                """);
        }
        html.Add($"</svg>");
        return new Markup(html.ToString());
    }
}
