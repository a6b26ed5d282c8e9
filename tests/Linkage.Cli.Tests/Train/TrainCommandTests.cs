using Linkage.Cli.Commands;
using Linkage.Scoring;
using Linkage.Synthetic;

namespace Linkage.Tests.Train;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-train-").FullName;

    [Fact]
    public void Train_writes_a_model_that_link_reads_and_explain_uses()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 300, Seed = 9 }, _directory);
        var references = Path.Combine(_directory, "references.csv");
        var listings = Path.Combine(_directory, "listings.csv");
        var model = Path.Combine(_directory, "model.json");

        var trained = TrainCommand.Create().Parse([
            "--references", references, "--listings", listings, "--truth", Path.Combine(_directory, "truth.csv"),
            "--random-pairs", "50000", "--name", "cli-test", "--out", model]).Invoke();

        Assert.Equal(0, trained);
        Assert.Equal("cli-test", MatchModelJson.Load(model).Name);
        var linked = LinkCommand.Create().Parse([
            "--references", references, "--listings", listings, "--model", model,
            "--out", Path.Combine(_directory, "matches.csv"), "--db", Path.Combine(_directory, "q.db")]).Invoke();
        Assert.Equal(0, linked);
        var firstTruth = File.ReadLines(Path.Combine(_directory, "truth.csv")).Skip(1).First().Split(',');
        var explained = ExplainCommand.Create().Parse([
            firstTruth[0], firstTruth[1], "--references", references, "--listings", listings, "--model", model]).Invoke();
        Assert.Equal(0, explained);
    }

    [Fact]
    public void Explain_refuses_an_unknown_id()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 20, Seed = 9 }, _directory);

        var exit = ExplainCommand.Create().Parse([
            "NO-SUCH-ID", "L-1", "--references", Path.Combine(_directory, "references.csv"),
            "--listings", Path.Combine(_directory, "listings.csv")]).Invoke();

        Assert.Equal(2, exit);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
