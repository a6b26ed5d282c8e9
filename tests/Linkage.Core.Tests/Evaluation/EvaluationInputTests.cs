using Linkage.Linking;
using System.Text;
using Linkage.Evaluation;

namespace Linkage.Tests.Evaluation;

public sealed class EvaluationInputTests : IDisposable
{
    private const string MatchesHeader = "reference_id,listing_id,rank,match_probability,match_weight,decision,explanation";

    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-evaluation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadsMatchesWithBomCrlfMultiLineExplanationsAndColumnsInAnyOrder()
    {
        var path = Write("matches.csv",
            "\uFEFFdecision,listing_id,reference_id,rank,match_probability,match_weight,explanation,extra\r\n" +
            "match,L1,R1,1,0.95,7.2,\"surname agrees,\r\nbirth date agrees\",x\r\n" +
            " Review ,L2,R1,2,1e-3,-4.1,\"\",\r\n" +
            "non-match,L3,R2,1,0,-9,,\r\n");

        var pairs = EvaluationInput.ReadMatches(path);

        Assert.Equal(
            [
                new ScoredPair("R1", "L1", 1, 0.95, MatchDecision.Match),
                new ScoredPair("R1", "L2", 2, 0.001, MatchDecision.Review),
                new ScoredPair("R2", "L3", 1, 0, MatchDecision.NonMatch),
            ],
            pairs);
    }

    [Fact]
    public void ReadsTruth()
    {
        var path = Write("truth.csv", "reference_id,listing_id\nR1,L1\nR1,L2\nR2,L3\n");

        Assert.Equal([new TruthPair("R1", "L1"), new TruthPair("R1", "L2"), new TruthPair("R2", "L3")], EvaluationInput.ReadTruth(path));
    }

    [Theory]
    [InlineData("R2,L2,0,0.5,1,match,", "rank", "'0' is not a rank")]
    [InlineData("R2,L2,1.5,0.5,1,match,", "rank", "'1.5' is not a rank")]
    [InlineData("R2,L2,2,1.01,1,match,", "match_probability", "'1.01' is not a probability")]
    [InlineData("R2,L2,2,NaN,1,match,", "match_probability", "'NaN' is not a probability")]
    [InlineData("R2,L2,2,0,5,1,match,", null, "has 8 fields where the header has 7")]
    [InlineData("R2,L2,2,0.5,1,maybe,", "decision", "'maybe' is not one of match, review, non-match")]
    [InlineData(" ,L2,2,0.5,1,match,", "reference_id", "is empty")]
    [InlineData("R2,,2,0.5,1,match,", "listing_id", "is empty")]
    [InlineData("R1,L1,2,0.5,1,review,", null, "repeats the pair of line 2")]
    [InlineData("R2,L\"2,2,0.5,1,match,", "listing_id", "has a stray quote in 'L\"2'")]
    public void ABadMatchesRowNamesFileLineAndField(string row, string? field, string problem)
    {
        // The row before it spans lines 3 and 4 and a blank line follows it, so the bad row starts on line 6.
        var path = Write("matches.csv",
            MatchesHeader + "\nR1,L1,1,0.9,5,match,ok\nR1,L9,2,0.2,-1,non-match,\"two\nlines\"\n\n" + row + "\n");

        var error = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadMatches(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(6, error.Line);
        Assert.Equal(field, error.Field);
        var expectedStart = field is null ? $"{path}, line 6: " : $"{path}, line 6, field {field}: ";
        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMatchesHeaderWithoutANeededColumnIsRefused()
    {
        var path = Write("matches.csv", "reference_id,listing_id,rank,match_weight,decision\nR1,L1,1,3,match\n");

        var error = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadMatches(path));

        Assert.Equal((1, "match_probability"), (error.Line, error.Field));
        Assert.Contains("the header lacks this column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedTruthPairNamesBothLines()
    {
        var path = Write("truth.csv", "reference_id,listing_id\nR1,L1\nR2,L2\nR1,L1\n");

        var error = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadTruth(path));

        Assert.Equal($"{path}, line 4: repeats the pair of line 2", error.Message);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var path = Write("truth.csv", "");

        var error = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadTruth(path));

        Assert.Equal($"{path}: is empty: no header row", error.Message);
    }

    [Fact]
    public void AMissingFileIsRefusedWithItsPath()
    {
        var path = Path.Combine(_directory, "absent.csv");

        var error = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadTruth(path));

        Assert.Equal((path, 0), (error.FilePath, error.Line));
        Assert.StartsWith($"{path}: cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotUtf8IsRefused()
    {
        var path = Path.Combine(_directory, "truth.csv");
        var windows1251Surname = new byte[] { 0xCA, 0xEE, 0xE2, 0xE0, 0xEB, 0xFC }; // "Коваль" in Windows-1251
        File.WriteAllBytes(path, [.. "reference_id,listing_id\nR1,L1\n"u8, .. windows1251Surname, .. ",L2\n"u8]);

        var error = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadTruth(path));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void AHugeValueInAnErrorIsShortenedAndMadePrintable()
    {
        var hostile = new string('9', 1_000_000) + "\0\u001b[31m";
        var path = Write("matches.csv", MatchesHeader + "\nR1,L1," + hostile + ",0.5,1,match,\n");

        var error = Assert.Throws<EvaluationInputException>(() => EvaluationInput.ReadMatches(path));

        Assert.True(error.Message.Length < 300, error.Message);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void EvaluatingFilesGivesTheFiguresOfThePairsTheyHold()
    {
        var matches = Write("matches.csv", MatchesHeader + "\n" + string.Concat(HandComputedExample.Pairs.Select(p =>
            $"{p.ReferenceId},{p.ListingId},{p.Rank},{p.Probability:R},0,{MatchDecisionText.ToText(p.Decision)},\n")));
        var truth = Write("truth.csv", "reference_id,listing_id\n" + string.Concat(HandComputedExample.Truth.Select(t =>
            $"{t.ReferenceId},{t.ListingId}\n")));

        var fromFiles = Evaluator.EvaluateFiles(matches, truth);

        var inMemory = Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth);
        Assert.Equal(inMemory with { Curve = [] }, fromFiles with { Curve = [] });
        Assert.Equal(inMemory.Curve.ToArray(), fromFiles.Curve.ToArray());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
