using Linkage.Cli.Commands;
using Linkage.Evaluation;
using Linkage.Synthetic;

namespace Linkage.Tests.Link;

/// <summary>The whole pipeline on a generated corpus, from its CSV files to the matches CSV, judged against its truth.</summary>
public sealed class SyntheticCorpusLinkTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-synthetic-").FullName;

    [Fact]
    public void True_listings_rank_first_for_most_children_and_decided_matches_are_mostly_right()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 400, Seed = 20261124 }, _directory);
        var matches = Path.Combine(_directory, "matches.csv");

        var exit = LinkCommand.Create().Parse(
        [
            "--references", Path.Combine(_directory, "references.csv"),
            "--listings", Path.Combine(_directory, "listings.csv"),
            "--out", matches,
            "--db", Path.Combine(_directory, "queue.db"),
        ]).Invoke();

        Assert.Equal(0, exit);
        var report = Evaluator.EvaluateFiles(matches, Path.Combine(_directory, "truth.csv"));
        Assert.True(report.ReferencesWithTruth > 100, $"the corpus should list many children, got {report.ReferencesWithTruth}");
        Assert.True(report.RecallAt1.HitRate >= 0.75, $"hit rate@1 {report.RecallAt1.HitRate:0.000}");
        Assert.True(report.RecallAt10.HitRate >= 0.90, $"hit rate@10 {report.RecallAt10.HitRate:0.000}");
        Assert.True(report.AtMatch.Precision >= 0.80, $"precision of decided matches {report.AtMatch.Precision:0.000}");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
