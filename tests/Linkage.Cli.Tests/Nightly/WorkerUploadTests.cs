using System.Diagnostics;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Storage;
using Linkage.Synthetic;

namespace Linkage.Tests.Nightly;

/// <summary>
/// <c>linkage worker</c> as the review app's external upload runner: it links uploads the app queued in the store,
/// takes over a job whose runner died, and on SIGTERM puts its job back in the queue with the run recorded cancelled.
/// </summary>
public sealed class WorkerUploadTests : IDisposable
{
    private readonly NightlyInbox _box = new();

    [Fact]
    public void The_worker_links_queued_uploads_and_takes_over_a_job_whose_runner_died()
    {
        var corpus = StoreReferences(children: 60);
        var listings = File.ReadAllBytes(Path.Combine(corpus, "listings.csv"));
        long orphaned, queued;
        using (var store = LinkStores.Open(_box.Database))
        {
            orphaned = Enqueue(store, listings);
            Assert.Equal(orphaned, store.ClaimUpload("a-runner-that-died")!.JobId);
            queued = Enqueue(store, listings);
        }
        using var worker = LinkageProcess.Start(["worker", "--inbox", _box.Inbox, "--db", _box.Database,
            "--upload-poll", "00:00:00.200", "--upload-stale-after", "00:00:05"]);

        WaitUntil(() => Upload(queued).Status == UploadJob.Completed, worker);
        WaitUntil(() => Upload(orphaned).Status == UploadJob.Completed, worker);
        worker.Terminate();

        Assert.Equal(0, worker.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, Upload(orphaned).Attempts);
        using var store2 = LinkStores.Open(_box.Database);
        foreach (var job in new[] { Upload(queued), Upload(orphaned) })
        {
            var run = store2.GetRun(job.RunId!.Value)!;
            Assert.Equal(("upload", "completed"), (run.Kind, run.Status));
            Assert.True(job.PairsKept > 0);
        }
        Assert.Contains("queued again 1 upload jobs", worker.Output, StringComparison.Ordinal);
        Assert.Contains($"upload job {orphaned} completed", worker.Output, StringComparison.Ordinal);
        AssertNoPersonalData(corpus, worker.Output);
    }

    [Fact]
    public void Sigterm_mid_upload_records_the_run_cancelled_and_queues_the_job_again()
    {
        var corpus = StoreReferences(children: 1500);
        long job;
        using (var store = LinkStores.Open(_box.Database))
        {
            job = Enqueue(store, File.ReadAllBytes(Path.Combine(corpus, "listings.csv")));
        }
        using var worker = LinkageProcess.Start(["worker", "--inbox", _box.Inbox, "--db", _box.Database, "--upload-poll", "00:00:00.200"]);
        WaitUntil(() => Upload(job).RunId is not null, worker);

        worker.Terminate();

        Assert.Equal(0, worker.WaitForExit(TimeSpan.FromSeconds(40)));
        var after = Upload(job);
        Assert.Equal((UploadJob.Queued, 0L, (long?)null), (after.Status, after.Attempts, after.RunId));
        Assert.Equal(0, NightlyInbox.Scalar(_box.Database, "SELECT COUNT(*) FROM runs WHERE status = 'running'"));
        Assert.Equal(1, NightlyInbox.Scalar(_box.Database, "SELECT COUNT(*) FROM runs WHERE kind = 'upload' AND status = 'failed' AND error LIKE '%cancelled%'"));
        Assert.Contains("the job queued again", worker.Output, StringComparison.Ordinal);
    }

    /// <summary>Writes a synthetic corpus and stores its references, as earlier runs would have.</summary>
    private string StoreReferences(int children)
    {
        CorpusGenerator.Write(new SynthOptions { Children = children, Seed = 20261124 }, _box.Corpus);
        using var store = LinkStores.Open(_box.Database);
        LinkRun.Execute(store, new LinkRunRequest
        {
            Kind = "link",
            References = RecordFileReader.ReadReferences(Path.Combine(_box.Corpus, "references.csv")).Records,
            Listings = [],
        }, LinkEngine.Default, new LinkOptions());
        return _box.Corpus;
    }

    /// <summary>What the review app does with an upload it validated.</summary>
    private static long Enqueue(LinkStore store, byte[] listings) =>
        store.EnqueueUpload(new UploadRequest("ivanna", "listings.csv", listings, 0, 0, []));

    private UploadJob Upload(long id)
    {
        using var store = LinkStores.Open(_box.Database);
        return store.GetUpload(id)!;
    }

    private static void AssertNoPersonalData(string corpus, string output)
    {
        var listings = RecordFileReader.ReadListings(Path.Combine(corpus, "listings.csv")).Records;
        foreach (var name in listings.Select(l => l.Person.GivenName).OfType<string>().Where(n => n.Length >= 4).Distinct())
        {
            Assert.DoesNotContain(name, output, StringComparison.Ordinal);
        }
    }

    private static void WaitUntil(Func<bool> condition, LinkageProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, "the worker exited:\n" + process.Output);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "timed out:\n" + process.Output);
            Thread.Sleep(50);
        }
    }

    public void Dispose() => _box.Dispose();
}
