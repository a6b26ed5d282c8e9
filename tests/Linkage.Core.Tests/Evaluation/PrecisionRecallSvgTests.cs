using Linkage.Linking;
using System.Xml.Linq;
using Linkage.Evaluation;

namespace Linkage.Tests.Evaluation;

public class PrecisionRecallSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // The plot square is 376 px from (64, 56): x = 64 + 376·recall, y = 56 + 376·(1 − precision), to 0.1 px.
    // The hand-computed curve (see EvaluatorTests) as steps, straight runs merged:
    //   P 1 over recall 0→0.4; down to P 2/3 then 3/5 at 0.4; P 3/5 to 0.6; up to 2/3; P 2/3 to 0.8; down to 1/2.
    [Fact]
    public void DrawsTheCurveAsStepsWhoseAreaIsAveragePrecision()
    {
        var document = Parse(Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth));

        var curve = Assert.Single(document.Descendants(Svg + "path"), e => (string?)e.Attribute("class") == "curve");
        Assert.Equal("M64 56 L214.4 56 L214.4 206.4 L289.6 206.4 L289.6 181.3 L364.8 181.3 L364.8 244", (string?)curve.Attribute("d"));
    }

    // Best F1 at recall 0.8, precision 2/3; decided match at recall 0.4, precision 2/3;
    // match or review at recall 0.8, precision 2/3.
    [Fact]
    public void MarksTheDecisionAndBestF1()
    {
        var document = Parse(Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth));

        Assert.Equal(("364.8", "181.33"), Centre(document, "marker-best-f1"));
        Assert.Equal(("214.4", "181.33"), Centre(document, "marker-match"));
        Assert.Equal(("364.8", "181.33"), Centre(document, "marker-match-or-review"));
    }

    [Fact]
    public void HasAxesWithLabelledTicks()
    {
        var texts = Parse(Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth))
            .Descendants(Svg + "text").Select(e => e.Value).ToList();

        Assert.Contains("Recall", texts);
        Assert.Contains("Precision", texts);
        Assert.Equal(2, texts.Count(t => t == "0.6"));
    }

    [Fact]
    public void EscapesTheTitle()
    {
        const string title = "<script>alert('x')</script> & \"quotes\" \0 \uD800 Іванко";

        var document = Parse(Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth), title);

        var shown = document.Root!.Element(Svg + "title")!.Value;
        Assert.Equal("<script>alert('x')</script> & \"quotes\" \uFFFD \uFFFD Іванко", shown);
        Assert.Empty(document.Descendants(Svg + "script"));
    }

    [Fact]
    public void AnEmptyOutputGivesAPlotWithoutACurve()
    {
        var document = Parse(Evaluator.Evaluate([], HandComputedExample.Truth));

        Assert.DoesNotContain(document.Descendants(Svg + "path"), e => (string?)e.Attribute("class") == "curve");
        Assert.Contains(document.Descendants(Svg + "text"), e => e.Value == "no pairs in the output");
    }

    // 200,000 pairs with distinct probabilities: the path keeps about two vertices per tenth of a pixel of
    // recall at most, not four hundred thousand.
    [Fact]
    public void ALargeCurveStaysSmall()
    {
        var random = new Random(11);
        var pairs = new List<ScoredPair>();
        var truth = new List<TruthPair>();
        for (var i = 0; i < 200_000; i++)
        {
            var isTrue = random.Next(10) == 0;
            var probability = isTrue ? Math.Sqrt(random.NextDouble()) : random.NextDouble();
            pairs.Add(new ScoredPair($"R{i}", "L", 1, probability, MatchDecision.Review));
            if (isTrue)
            {
                truth.Add(new TruthPair($"R{i}", "L"));
            }
        }

        var svg = PrecisionRecallSvg.Render(Evaluator.Evaluate(pairs, truth));

        var curve = Assert.Single(XDocument.Parse(svg).Descendants(Svg + "path"), e => (string?)e.Attribute("class") == "curve");
        Assert.True(svg.Length < 300_000, $"SVG of {svg.Length} characters");
        Assert.StartsWith("M64 ", (string?)curve.Attribute("d"), StringComparison.Ordinal);
    }

    private static XDocument Parse(EvaluationReport report, string? title = null)
    {
        var document = XDocument.Parse(PrecisionRecallSvg.Render(report, title));
        Assert.Equal(Svg + "svg", document.Root!.Name);
        return document;
    }

    private static (string? X, string? Y) Centre(XDocument document, string className)
    {
        var marker = Assert.Single(document.Descendants(Svg + "circle"), e => (string?)e.Attribute("class") == className);
        return ((string?)marker.Attribute("cx"), (string?)marker.Attribute("cy"));
    }
}
