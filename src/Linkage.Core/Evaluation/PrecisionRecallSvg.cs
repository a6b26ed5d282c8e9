using System.Globalization;
using System.Text;

namespace Linkage.Evaluation;

/// <summary>
/// Draws an <see cref="EvaluationReport"/>'s precision-recall curve as a standalone SVG document: axes with
/// ticks and labels, the step-wise curve whose area is the average precision, and markers at the decision
/// (match, and match or review) and at best F1.
/// </summary>
public static class PrecisionRecallSvg
{
    private const int Width = 720;
    private const int Height = 480;
    private const int PlotLeft = 64;
    private const int PlotTop = 56;
    private const int PlotSize = 376;
    private const int LegendLeft = PlotLeft + PlotSize + 24;
    private const int Ticks = 5;
    private const string CurveColour = "#1f77b4";
    private const string MatchColour = "#d62728";
    private const string MatchOrReviewColour = "#ff7f0e";
    private const string BestF1Colour = "#2ca02c";

    /// <summary>The SVG document (UTF-8 text) for <paramref name="report"/>.</summary>
    /// <param name="title">Shown above the plot, e.g. the file names; any text is escaped.</param>
    public static string Render(EvaluationReport report, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var svg = new StringBuilder();
        var heading = string.IsNullOrWhiteSpace(title) ? "Precision-recall curve" : title;
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append("<title>").Append(Escape(heading)).Append("</title>\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        AppendText(svg, PlotLeft, 22, heading, "font-size=\"15\" font-weight=\"bold\"");
        AppendText(svg, PlotLeft, 40, Invariant(
            $"average precision {report.AveragePrecision:0.000} · {report.PairsOut} pairs out · {report.TruePairs} true pairs, {report.TruePairsMissing} not in the output"), "");
        AppendAxes(svg);
        AppendCurve(svg, report);
        AppendMarkersAndLegend(svg, report);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendAxes(StringBuilder svg)
    {
        svg.Append("<g class=\"axes\" stroke=\"#000\" fill=\"none\">\n");
        for (var i = 0; i <= Ticks; i++)
        {
            double value = (double)i / Ticks, x = X(value), y = Y(value);
            if (i > 0)
            {
                svg.Append(Invariant($"<line x1=\"{x:0.##}\" y1=\"{PlotTop}\" x2=\"{x:0.##}\" y2=\"{PlotTop + PlotSize}\" stroke=\"#ddd\"/>\n"));
                svg.Append(Invariant($"<line x1=\"{PlotLeft}\" y1=\"{y:0.##}\" x2=\"{PlotLeft + PlotSize}\" y2=\"{y:0.##}\" stroke=\"#ddd\"/>\n"));
            }
            svg.Append(Invariant($"<line x1=\"{x:0.##}\" y1=\"{PlotTop + PlotSize}\" x2=\"{x:0.##}\" y2=\"{PlotTop + PlotSize + 5}\"/>\n"));
            svg.Append(Invariant($"<line x1=\"{PlotLeft - 5}\" y1=\"{y:0.##}\" x2=\"{PlotLeft}\" y2=\"{y:0.##}\"/>\n"));
        }
        svg.Append(Invariant($"<rect x=\"{PlotLeft}\" y=\"{PlotTop}\" width=\"{PlotSize}\" height=\"{PlotSize}\"/>\n"));
        svg.Append("</g>\n<g class=\"tick-labels\">\n");
        for (var i = 0; i <= Ticks; i++)
        {
            double value = (double)i / Ticks, x = X(value), y = Y(value);
            var label = value.ToString("0.0", CultureInfo.InvariantCulture);
            AppendText(svg, x, PlotTop + PlotSize + 19, label, "text-anchor=\"middle\"");
            AppendText(svg, PlotLeft - 8, y + 4, label, "text-anchor=\"end\"");
        }
        svg.Append("</g>\n");
        AppendText(svg, PlotLeft + PlotSize / 2.0, PlotTop + PlotSize + 38, "Recall", "text-anchor=\"middle\" class=\"axis-label\"");
        var middle = PlotTop + PlotSize / 2.0;
        AppendText(svg, 18, middle, "Precision",
            Invariant($"text-anchor=\"middle\" class=\"axis-label\" transform=\"rotate(-90 18 {middle:0.##})\""));
    }

    /// <summary>
    /// Precision is drawn as a step: over each recall interval (Rₖ₋₁, Rₖ] it is Pₖ, so the area under the line
    /// is the average precision.
    /// </summary>
    private static void AppendCurve(StringBuilder svg, EvaluationReport report)
    {
        if (report.Curve.IsEmpty)
        {
            AppendText(svg, PlotLeft + PlotSize / 2.0, PlotTop + PlotSize / 2.0, "no pairs in the output", "text-anchor=\"middle\" class=\"empty\"");
            return;
        }
        var path = new StepPath();
        var previousRecall = 0.0;
        foreach (var point in report.Curve)
        {
            path.Add(X(previousRecall), Y(point.Figures.Precision));
            path.Add(X(point.Figures.Recall), Y(point.Figures.Precision));
            previousRecall = point.Figures.Recall;
        }
        svg.Append(Invariant($"<path class=\"curve\" fill=\"none\" stroke=\"{CurveColour}\" stroke-width=\"2\" d=\""));
        path.AppendTo(svg);
        svg.Append("\"/>\n");
    }

    private static void AppendMarkersAndLegend(StringBuilder svg, EvaluationReport report)
    {
        var legendY = PlotTop + 8;
        if (!report.Curve.IsEmpty)
        {
            AppendLegendEntry(svg, ref legendY, CurveColour, "line", "probability ≥ threshold");
        }
        AppendMarker(svg, ref legendY, "marker-match", MatchColour, report.AtMatch, "decided match");
        AppendMarker(svg, ref legendY, "marker-match-or-review", MatchOrReviewColour, report.AtMatchOrReview, "decided match or review");
        if (report.BestF1 is { } best)
        {
            AppendMarker(svg, ref legendY, "marker-best-f1", BestF1Colour, best.Figures,
                Invariant($"best F1, probability ≥ {best.Threshold:0.000}"));
        }
    }

    private static void AppendMarker(StringBuilder svg, ref int legendY, string className, string colour, PrecisionRecall figures, string label)
    {
        var description = Invariant($"{label}: precision {figures.Precision:0.000}, recall {figures.Recall:0.000}, F1 {figures.F1:0.000}");
        svg.Append(Invariant($"<circle class=\"{className}\" cx=\"{X(figures.Recall):0.##}\" cy=\"{Y(figures.Precision):0.##}\" r=\"5\" fill=\"{colour}\" stroke=\"#000\">"));
        svg.Append("<title>").Append(Escape(description)).Append("</title></circle>\n");
        AppendLegendEntry(svg, ref legendY, colour, "circle", label);
        AppendText(svg, LegendLeft + 24, legendY, Invariant($"P {figures.Precision:0.000}  R {figures.Recall:0.000}  F1 {figures.F1:0.000}"), "fill=\"#444\"");
        legendY += 24;
    }

    private static void AppendLegendEntry(StringBuilder svg, ref int legendY, string colour, string shape, string label)
    {
        svg.Append(shape == "line"
            ? Invariant($"<line x1=\"{LegendLeft}\" y1=\"{legendY - 4}\" x2=\"{LegendLeft + 16}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n")
            : Invariant($"<circle cx=\"{LegendLeft + 8}\" cy=\"{legendY - 4}\" r=\"5\" fill=\"{colour}\" stroke=\"#000\"/>\n"));
        AppendText(svg, LegendLeft + 24, legendY, label, "");
        legendY += 18;
    }

    private static void AppendText(StringBuilder svg, double x, double y, string text, string attributes)
    {
        svg.Append(Invariant($"<text x=\"{x:0.##}\" y=\"{y:0.##}\""));
        if (attributes.Length > 0)
        {
            svg.Append(' ').Append(attributes);
        }
        svg.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    private static double X(double recall) => PlotLeft + recall * PlotSize;

    private static double Y(double precision) => PlotTop + (1 - precision) * PlotSize;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text safe inside an SVG element or attribute: markup characters escaped, and characters XML 1.0 forbids
    /// (NUL and other controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\t' or '\n' or '\r' => c.ToString(),
                _ when c < ' ' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    /// <summary>
    /// The vertices of an axis-aligned step line, rounded to a tenth of a pixel, without repeated vertices
    /// and with each straight run reduced to its ends, so that a curve of a million points stays a few kilobytes.
    /// </summary>
    private sealed class StepPath
    {
        private readonly List<(double X, double Y)> _vertices = [];

        public void Add(double x, double y)
        {
            var vertex = (Math.Round(x, 1), Math.Round(y, 1));
            var count = _vertices.Count;
            if (count > 0 && _vertices[count - 1] == vertex)
            {
                return;
            }
            if (count > 1 && OnOneLine(_vertices[count - 2], _vertices[count - 1], vertex))
            {
                _vertices[count - 1] = vertex;
                return;
            }
            _vertices.Add(vertex);
        }

        public void AppendTo(StringBuilder svg)
        {
            for (var i = 0; i < _vertices.Count; i++)
            {
                svg.Append(i == 0 ? "M" : " L").Append(Invariant($"{_vertices[i].X:0.#} {_vertices[i].Y:0.#}"));
            }
        }

        // A vertical run may turn back (precision falls on false pairs, then rises on a true one), so only runs
        // that keep their direction merge.
        private static bool OnOneLine((double X, double Y) a, (double X, double Y) b, (double X, double Y) c) =>
            (a.X == b.X && b.X == c.X && Math.Sign(b.Y - a.Y) == Math.Sign(c.Y - b.Y))
            || (a.Y == b.Y && b.Y == c.Y && Math.Sign(b.X - a.X) == Math.Sign(c.X - b.X));
    }
}
