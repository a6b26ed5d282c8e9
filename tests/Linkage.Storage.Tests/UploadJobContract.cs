using System.Collections.Concurrent;
using System.Text;
using Linkage.Dates;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Names;
using Linkage.Places;
using Linkage.Records;
using Linkage.Storage;

namespace Linkage.Tests;

/// <summary>The durable upload queue: exactly one claimer per job, token-guarded writes, orphaned jobs re-queued, and a runner that links.</summary>
public abstract class UploadJobContract(Func<StoreTarget> target) : StoreContract(target)
{
    private static readonly LinkEngine Engine = LinkEngine.Create(LinkEngine.DefaultModel, NameKnowledge.Default, Gazetteer.Default);

    private const string Header = "listing_id,source,scraped_at,surname,given_name,patronymic,sex,birth_date,birth_place,placement_region,url\n";

    private string Target => Database.Target;

    [StoreFact]
    public void A_queued_upload_keeps_its_file_and_rejects_until_claimed()
    {
        using var store = LinkStores.Open(Target);
        var content = Encoding.UTF8.GetBytes(Header + "L-1,s,2024-05-02,К.,Александр,,м,2014-03-12,,,\n");
        var rejects = new IngestReject[] { new("tmp.csv", 3, "listing_id", "duplicate listing_id <b>\0"), new("tmp.csv", 4, null, "too many fields") };

        var id = store.EnqueueUpload(new UploadRequest("ivanna", "listings.csv", content, 3, 1, rejects));

        var job = store.GetUpload(id)!;
        Assert.Equal((UploadJob.Queued, "ivanna", "listings.csv", 3L, 1L, 0L), (job.Status, job.Owner, job.FileName, job.RowsRead, job.ListingsAccepted, job.Attempts));
        Assert.Equal(rejects.Select(r => (r.Line, r.Column, r.Reason)), job.Rejects.Select(r => (r.Line, r.Column, r.Reason)));
        Assert.False(job.Finished);
        var claim = store.ClaimUpload("runner-a")!;
        Assert.Equal(id, claim.JobId);
        Assert.Equal(content, claim.Content);
        Assert.Equal(2, claim.Rejected);
        Assert.Null(store.ClaimUpload("runner-b"));
        Assert.Null(store.GetUpload(id + 1));
    }

    [StoreFact]
    public void Concurrent_claimers_each_get_different_jobs_and_together_every_job_once()
    {
        const int Jobs = 24;
        const int Claimers = 6;
        using (var store = LinkStores.Open(Target))
        {
            for (var i = 0; i < Jobs; i++)
            {
                store.EnqueueUpload(new UploadRequest("ivanna", $"f{i}.csv", new byte[] { 1, 2, 3 }, 1, 1, []));
            }
        }
        var claimed = new ConcurrentBag<(long Job, string Runner)>();
        using var start = new Barrier(Claimers);
        var claimers = Enumerable.Range(0, Claimers).Select(c => Task.Factory.StartNew(() =>
        {
            using var store = LinkStores.Open(Target);
            var runner = "runner-" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.SignalAndWait();
            while (store.ClaimUpload(runner) is { } claim)
            {
                claimed.Add((claim.JobId, runner));
                Assert.True(store.ReportUpload(claim, "link", 1, 2));
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(claimers, TimeSpan.FromMinutes(2));

        Assert.Equal(Jobs, claimed.Count);
        Assert.Equal(Jobs, claimed.Select(c => c.Job).Distinct().Count());
        using var check = LinkStores.Open(Target);
        Assert.All(claimed, c => Assert.Equal((UploadJob.Running, 1L), (check.GetUpload(c.Job)!.Status, check.GetUpload(c.Job)!.Attempts)));
    }

    [StoreFact]
    public void Only_the_claim_token_writes_a_claimed_job()
    {
        using var store = LinkStores.Open(Target);
        var id = store.EnqueueUpload(new UploadRequest("ivanna", "f.csv", new byte[] { 1 }, 1, 1, []));
        var claim = store.ClaimUpload("runner-a")!;
        var forged = claim with { Token = Guid.NewGuid().ToString("N") };

        Assert.False(store.ReportUpload(forged, "link", 5, 10));
        Assert.False(store.CompleteUpload(forged, 3));
        Assert.True(store.ReportUpload(claim, "link", 5, 10));
        Assert.True(store.CompleteUpload(claim, 3));
        Assert.False(store.FailUpload(claim, "late"));

        var job = store.GetUpload(id)!;
        Assert.Equal((UploadJob.Completed, 3L, 5L, 10L, (string?)null), (job.Status, job.PairsKept, job.Done, job.Total, job.Error));
        Assert.NotNull(job.FinishedAt);
    }

    [StoreFact]
    public void A_released_job_is_queued_again_without_counting_the_attempt()
    {
        using var store = LinkStores.Open(Target);
        var id = store.EnqueueUpload(new UploadRequest("ivanna", "f.csv", new byte[] { 1 }, 1, 1, []));
        var first = store.ClaimUpload("runner-a")!;

        Assert.True(store.ReleaseUpload(first));

        Assert.Equal((UploadJob.Queued, 0L), (store.GetUpload(id)!.Status, store.GetUpload(id)!.Attempts));
        var second = store.ClaimUpload("runner-b")!;
        Assert.Equal(id, second.JobId);
        Assert.NotEqual(first.Token, second.Token);
        Assert.False(store.ReportUpload(first, "link", 1, 1));
    }

    [StoreFact]
    public void A_job_without_heartbeat_is_queued_again_its_run_failed_and_its_old_runner_shut_out()
    {
        using var store = LinkStores.Open(Target);
        var id = store.EnqueueUpload(new UploadRequest("ivanna", "f.csv", new byte[] { 1 }, 1, 1, []));
        var other = store.EnqueueUpload(new UploadRequest("ivanna", "g.csv", new byte[] { 1 }, 1, 1, []));
        var dead = store.ClaimUpload("dead-runner")!;
        var runId = store.BeginRun("upload", "model", null, "f.csv");
        Assert.True(store.AttachUploadRun(dead, runId));
        var alive = store.ClaimUpload("live-runner")!;
        Thread.Sleep(600);
        Assert.True(store.ReportUpload(alive, "link", 1, 2));

        Assert.Equal((1, 0), store.RequeueStaleUploads(TimeSpan.FromMilliseconds(300), maxAttempts: 3));

        Assert.Equal((UploadJob.Queued, (long?)null), (store.GetUpload(id)!.Status, store.GetUpload(id)!.RunId));
        Assert.Equal(UploadJob.Running, store.GetUpload(other)!.Status);
        Assert.Equal("failed", store.GetRun(runId)!.Status);
        Assert.Contains("abandoned", store.GetRun(runId)!.Error, StringComparison.Ordinal);
        Assert.False(store.ReportUpload(dead, "link", 1, 1));
        Assert.Equal(id, store.ClaimUpload("next-runner")!.JobId);
        Assert.Equal(2, store.GetUpload(id)!.Attempts);
    }

    [StoreFact]
    public void A_job_whose_runners_keep_dying_is_given_up_after_the_last_attempt()
    {
        using var store = LinkStores.Open(Target);
        var id = store.EnqueueUpload(new UploadRequest("ivanna", "f.csv", new byte[] { 1 }, 1, 1, []));
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            store.ClaimUpload("runner")!.ToString();
            Thread.Sleep(150);
            var (requeued, givenUp) = store.RequeueStaleUploads(TimeSpan.FromMilliseconds(100), maxAttempts: 2);
            Assert.Equal(attempt == 1 ? (1, 0) : (0, 1), (requeued, givenUp));
        }

        var job = store.GetUpload(id)!;
        Assert.Equal(UploadJob.Failed, job.Status);
        Assert.Contains("2 times", job.Error, StringComparison.Ordinal);
        Assert.Null(store.ClaimUpload("runner"));
    }

    [StoreFact]
    public void The_runner_links_a_queued_upload_and_records_the_run_on_the_job()
    {
        using (var store = LinkStores.Open(Target))
        {
            LinkRun.Execute(store, new LinkRunRequest
            {
                Kind = "link",
                References = [new ReferenceRecord("UA-1", new PersonDetails
                    { Surname = "Коваленко", GivenName = "Олександр", Sex = Sex.Male, BirthDate = new PartialDate(2014, 3, 12) })],
                Listings = [],
            }, Engine, new LinkOptions());
        }
        var csv = Header + "L-1,upload-site,2024-05-02,Коваленко,Александр,,м,2014-03-12,,Тульская область,https://example.org/L-1\n";
        long id;
        using (var store = LinkStores.Open(Target))
        {
            id = store.EnqueueUpload(new UploadRequest("ivanna", "listings.csv", Encoding.UTF8.GetBytes(csv), 1, 1, []));
        }
        using var runner = new UploadJobRunner(Target, Engine, new LinkOptions { DegreeOfParallelism = 1 },
            new UploadRunnerOptions { Heartbeat = TimeSpan.FromMilliseconds(50) });

        var outcome = runner.RunNext(CancellationToken.None);

        Assert.Equal(UploadOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(id, outcome.JobId);
        using var check = LinkStores.Open(Target);
        var job = check.GetUpload(id)!;
        Assert.Equal((UploadJob.Completed, outcome.RunId, (long?)outcome.PairsKept), (job.Status, job.RunId, job.PairsKept));
        Assert.True(job.PairsKept >= 1);
        var run = check.GetRun(job.RunId!.Value)!;
        Assert.Equal(("upload", "completed", 1L), (run.Kind, run.Status, run.Counts.ListingsRead));
        Assert.NotNull(check.GetPair("UA-1", "L-1"));
        Assert.Equal(UploadOutcomeKind.NothingQueued, runner.RunNext(CancellationToken.None).Kind);
    }

    [StoreFact]
    public void A_job_whose_file_cannot_be_read_fails_with_a_message_for_the_uploader_and_starts_no_run()
    {
        long id;
        using (var store = LinkStores.Open(Target))
        {
            id = store.EnqueueUpload(new UploadRequest("ivanna", "listings.csv", Encoding.UTF8.GetBytes("not,a\nlistings,file\n"), 1, 0, []));
        }
        using var runner = new UploadJobRunner(Target, Engine, new LinkOptions(), new UploadRunnerOptions());

        var outcome = runner.RunNext(CancellationToken.None);

        Assert.Equal((UploadOutcomeKind.Failed, id, (long?)null), (outcome.Kind, outcome.JobId, outcome.RunId));
        using var check = LinkStores.Open(Target);
        var job = check.GetUpload(id)!;
        Assert.Equal((UploadJob.Failed, "the stored file could not be read as listings"), (job.Status, job.Error));
        Assert.Empty(check.ListRuns(10));
    }
}

public sealed class SqliteUploadJobTests() : UploadJobContract(() => new SqliteTarget());

[RequiresPostgres]
public sealed class PostgresUploadJobTests() : UploadJobContract(() => new PostgresTarget());
