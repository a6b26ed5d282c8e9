using System.Diagnostics;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Storage;
using Linkage.Synthetic;

namespace Linkage.Tests.Nightly;

/// <summary>
/// Workers on several machines sharing one PostgreSQL upload queue, as real processes: every job is linked by
/// exactly one of them. Skipped without <c>LINKAGE_TEST_POSTGRES</c> on a developer's machine, failing on CI.
/// </summary>
[RequiresPostgres]
public sealed class WorkerUploadPostgresTests : IDisposable
{
    private const int Jobs = 6;

    private readonly NightlyInbox _box = new();
    private readonly Lazy<PostgresTarget> _database = new(() => new PostgresTarget());

    private string Database => _database.Value.Target;

    [StoreFact]
    public void Two_workers_link_every_queued_upload_exactly_once()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 60, Seed = 20261124 }, _box.Corpus);
        var listings = File.ReadAllBytes(Path.Combine(_box.Corpus, "listings.csv"));
        var jobs = new List<long>();
        using (var store = LinkStores.Open(Database))
        {
            LinkRun.Execute(store, new LinkRunRequest
            {
                Kind = "link",
                References = RecordFileReader.ReadReferences(Path.Combine(_box.Corpus, "references.csv")).Records,
                Listings = [],
            }, LinkEngine.Default, new LinkOptions());
            for (var i = 0; i < Jobs; i++)
            {
                jobs.Add(store.EnqueueUpload(new UploadRequest("ivanna", $"listings-{i}.csv", listings, 0, 0, [])));
            }
        }
        string[] arguments = ["worker", "--inbox", _box.Inbox, "--db", Database, "--upload-poll", "00:00:00.100"];
        using var first = LinkageProcess.Start(arguments);
        using var second = LinkageProcess.Start(arguments);

        var clock = Stopwatch.StartNew();
        while (!jobs.All(id => Upload(id).Finished))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"timed out:\n{first.Output}\n{second.Output}");
            Assert.False(first.HasExited || second.HasExited, $"a worker exited:\n{first.Output}\n{second.Output}");
            Thread.Sleep(100);
        }
        first.Terminate();
        second.Terminate();

        Assert.Equal((0, 0), (first.WaitForExit(TimeSpan.FromSeconds(30)), second.WaitForExit(TimeSpan.FromSeconds(30))));
        var finished = jobs.Select(Upload).ToList();
        using var store2 = LinkStores.Open(Database);
        var runs = store2.ListRuns(100).Where(run => run.Kind == "upload").ToList();
        Assert.True(finished.All(job => job is { Status: UploadJob.Completed, Attempts: 1 }),
            string.Join('\n', runs.Select(run => $"run {run.RunId} {run.Status}: {run.Error}")));
        Assert.Equal(Jobs, finished.Select(job => job.RunId).Distinct().Count());
        Assert.Equal(Jobs, runs.Count);
        Assert.All(runs, run => Assert.Equal("completed", run.Status));
        Assert.Equal(Jobs, CompletedLines(first.Output) + CompletedLines(second.Output));
    }

    private static int CompletedLines(string output) =>
        output.Split('\n').Count(line => line.Contains("\"EventId\":31", StringComparison.Ordinal));

    private UploadJob Upload(long id)
    {
        using var store = LinkStores.Open(Database);
        return store.GetUpload(id)!;
    }

    public void Dispose()
    {
        if (_database.IsValueCreated)
        {
            _database.Value.Dispose();
        }
        _box.Dispose();
    }
}
