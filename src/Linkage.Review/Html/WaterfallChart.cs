using Linkage.Linking;

namespace Linkage.Review.Html;

/// <summary>
/// The per-field evidence of one pair as a waterfall: the prior, then each comparison's weight added in model
/// order (a term-frequency adjustment as its own step after its level), ending at the pair's match weight.
/// Drawn server-side as SVG; labels are encoded like any text.
/// </summary>
internal static class WaterfallChart
{
    private const int RowHeight = 26;
    private const int LabelWidth = 220;
    private const int PlotWidth = 460;
    private const int ValueWidth = 70;

    public static Markup Render(IReadOnlyList<FieldEvidence> evidence, double matchWeight)
    {
        var prior = matchWeight - evidence.Sum(e => e.Weight);
        var steps = new List<(string Label, double From, double To, string Kind)> { ("prior", 0, prior, "prior") };
        var running = prior;
        void Step(string label, double weight)
        {
            steps.Add((label, running, running + weight, weight >= 0 ? "for" : "against"));
            running += weight;
        }
        foreach (var item in evidence)
        {
            Step($"{item.Comparison}: {item.Level}", item.LevelWeight);
            if (item.TermFrequency != 0)
            {
                Step($"{item.Comparison}: term frequency", item.TermFrequency);
            }
        }
        steps.Add(("match weight", 0, matchWeight, "total"));

        var low = Math.Min(0, steps.Min(s => Math.Min(s.From, s.To)));
        var high = Math.Max(0, steps.Max(s => Math.Max(s.From, s.To)));
        var span = Math.Max(high - low, 1e-9);
        double X(double value) => LabelWidth + (value - low) / span * PlotWidth;

        var height = steps.Count * RowHeight + 20;
        var html = new HtmlWriter();
        html.Add($"""
            <svg class="waterfall" viewBox="0 0 {LabelWidth + PlotWidth + ValueWidth} {height}" role="img" aria-label="evidence waterfall">
            <line class="axis" x1="{X(0):0.#}" y1="0" x2="{X(0):0.#}" y2="{height - 16}"/>
            """);
        for (var i = 0; i < steps.Count; i++)
        {
            var (label, from, to, kind) = steps[i];
            var y = i * RowHeight + 4;
            var left = X(Math.Min(from, to));
            var width = Math.Max(1.5, Math.Abs(X(to) - X(from)));
            html.Add($"""
                <text class="label" x="{LabelWidth - 6}" y="{y + 15}">{Shorten(label)}</text>
                <rect class="{kind}" x="{left:0.#}" y="{y}" width="{width:0.#}" height="{RowHeight - 8}"><title>{label}: {to - from:+0.00;-0.00;0.00}</title></rect>
                <text class="value" x="{LabelWidth + PlotWidth + 4}" y="{y + 15}">{to - from:+0.00;-0.00;0.00}</text>
                """);
            if (i > 0 && i < steps.Count - 1)
            {
                html.Add($"""<line class="link" x1="{X(from):0.#}" y1="{y - 8}" x2="{X(from):0.#}" y2="{y}"/>""");
            }
        }
        html.Add($"""
            <text class="scale" x="{LabelWidth}" y="{height - 2}">{low:0.0}</text>
            <text class="scale end" x="{LabelWidth + PlotWidth}" y="{height - 2}">{high:0.0}</text></svg>
            """);
        return new Markup(html.ToString());
    }

    private static string Shorten(string text) => text.Length <= 34 ? text : string.Concat(text.AsSpan(0, 33), "…");
}
