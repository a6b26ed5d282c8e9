using Linkage.Linking;
using Linkage.Names;
using Linkage.Places;
using Linkage.Records;
using Linkage.Storage;
using Linkage.Dates;

namespace Linkage.Tests;

/// <summary>What the nightly job relies on from the store: the run lock, abandoned runs, and the counts a run records.</summary>
public abstract class NightlyRunContract(Func<StoreTarget> target) : StoreContract(target)
{
    private const string Job = "nightly";

    private static readonly LinkEngine Engine = LinkEngine.Create(LinkEngine.DefaultModel, NameKnowledge.Default, Gazetteer.Default);

    private string Target => Database.Target;

    [StoreFact]
    public void The_run_lock_has_one_holder_and_is_free_again_once_released()
    {
        LinkStores.Open(Target).Dispose();
        using (var first = RunLock.TryAcquire(Target, Job))
        {
            Assert.NotNull(first);
            Assert.Null(RunLock.TryAcquire(Target, Job));
            using var otherJob = RunLock.TryAcquire(Target, "other-job");
            Assert.NotNull(otherJob);
        }
        using var again = RunLock.TryAcquire(Target, Job);
        Assert.NotNull(again);
    }

    [StoreFact]
    public void Shared_holders_of_the_run_lock_coexist_and_exclude_an_exclusive_one()
    {
        LinkStores.Open(Target).Dispose();
        using (var exclusive = RunLock.TryAcquire(Target, Job))
        {
            Assert.NotNull(exclusive);
            Assert.Null(RunLock.TryAcquireShared(Target, Job));
        }
        using (var first = RunLock.TryAcquireShared(Target, Job))
        using (var second = RunLock.TryAcquireShared(Target, Job))
        {
            Assert.NotNull(first);
            Assert.NotNull(second);
            Assert.Null(RunLock.TryAcquire(Target, Job));
        }
        using var again = RunLock.TryAcquire(Target, Job);
        Assert.NotNull(again);
    }

    [StoreFact]
    public async Task A_waiting_run_takes_the_lock_when_the_holder_releases_it()
    {
        LinkStores.Open(Target).Dispose();
        var holder = RunLock.TryAcquire(Target, Job)!;
        var waiting = RunLock.AcquireAsync(Target, Job, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        holder.Dispose();
        using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(RunLock.TryAcquire(Target, Job));
    }

    [StoreFact]
    public void Only_the_given_kinds_runs_left_running_are_marked_abandoned()
    {
        using var store = LinkStores.Open(Target);
        var nightly = store.BeginRun(Job, "model", null, null);
        var link = store.BeginRun("link", "model", null, null);
        var done = store.BeginRun(Job, "model", null, null);
        store.CompleteRun(done, new RunCounts());

        Assert.Equal(1, store.FailAbandonedRuns(Job));

        Assert.Equal("failed", store.GetRun(nightly)!.Status);
        Assert.Contains("abandoned", store.GetRun(nightly)!.Error, StringComparison.Ordinal);
        Assert.Equal("running", store.GetRun(link)!.Status);
        Assert.Equal("completed", store.GetRun(done)!.Status);
    }

    [StoreFact]
    public void A_run_records_what_was_new_changed_vanished_and_queued()
    {
        using var store = LinkStore();
        var first = Run(store, [Reference("R1"), Reference("R2", "Ігор")], [Listing("L1"), Listing("L2", given: "Игорь")], readMs: 1234);
        var firstCounts = store.GetRun(first.RunId)!.Counts;
        Assert.Equal((2L, 0L, 2L, 0L, 0L), (firstCounts.ReferencesNew, firstCounts.ReferencesChanged, firstCounts.ListingsNew,
            firstCounts.ListingsChanged, firstCounts.ListingsVanished));
        Assert.True(first.Summary.PairsKept > 0, "the corpus should give pairs");
        Assert.Equal(first.Summary.PairsKept, firstCounts.PairsQueued);
        Assert.Equal(1234, firstCounts.ReadMilliseconds);

        var second = Run(store, [Reference("R1"), Reference("R2", "Іван")], [Listing("L1", day: 2), Listing("L3", given: "Иван")]);
        var secondCounts = store.GetRun(second.RunId)!.Counts;
        Assert.Equal((0L, 1L, 1L, 0L, 1L), (secondCounts.ReferencesNew, secondCounts.ReferencesChanged, secondCounts.ListingsNew,
            secondCounts.ListingsChanged, secondCounts.ListingsVanished));

        var repeat = Run(store, [Reference("R1"), Reference("R2", "Іван")], [Listing("L1", day: 2), Listing("L3", given: "Иван")]);
        var repeatCounts = store.GetRun(repeat.RunId)!.Counts;
        Assert.Equal((0L, 0L, 0L, 0L, 0L, 0L), (repeatCounts.ReferencesNew, repeatCounts.ReferencesChanged, repeatCounts.ListingsNew,
            repeatCounts.ListingsChanged, repeatCounts.ListingsVanished, repeatCounts.PairsQueued));
        Assert.Equal(second.Summary.PairsKept, repeatCounts.PairsKept);
    }

    [StoreFact]
    public void A_run_that_fails_while_storing_pairs_leaves_none_of_them()
    {
        using var store = LinkStore();
        long? runId = null;
        var request = new LinkRunRequest
        {
            Kind = Job,
            References = [Reference("R1"), Reference("R2", "Ігор")],
            Listings = [Listing("L1"), Listing("L2", given: "Игорь")],
        };

        var failure = Assert.Throws<IOException>(() => LinkRun.Execute(store, request, Engine, new LinkOptions(),
            started: id => runId = id, kept: _ => throw new IOException("disk full")));

        Assert.Equal("disk full", failure.Message);
        Assert.Equal("failed", store.GetRun(runId!.Value)!.Status);
        Assert.Empty(store.Queue(new QueueQuery { Limit = 100 }));
        // The records were stored before the pairs, in their own transactions.
        Assert.NotNull(store.GetListing("L1"));
    }

    private LinkStore LinkStore() => LinkStores.Open(Target);

    private static ReferenceRecord Reference(string id, string given = "Олександр") =>
        new(id, new PersonDetails { Surname = "Коваленко", GivenName = given, Sex = Sex.Male, BirthDate = new PartialDate(2014, 3, 12) });

    /// <summary>A listing of the same child as <see cref="Reference"/> with the same given name, so the pair is a candidate.</summary>
    private static ListingRecord Listing(string id, string given = "Александр", int day = 1) =>
        new(id, new PersonDetails { Surname = "Коваленко", GivenName = given, Sex = Sex.Male, BirthDate = new PartialDate(2014, 3, 12) })
        {
            Source = "usynovite",
            ScrapedAt = new DateTimeOffset(2024, 5, day, 0, 0, 0, TimeSpan.Zero),
            PlacementRegion = "Московская область",
            Url = "https://example.org/" + id,
        };

    private static (long RunId, LinkSummary Summary) Run(
        LinkStore store, IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, long readMs = 0) =>
        LinkRun.Execute(store, new LinkRunRequest
        {
            Kind = Job,
            References = references,
            Listings = listings,
            Ingest = new RunCounts { ReadMilliseconds = readMs },
        }, Engine, new LinkOptions());
}

public sealed class SqliteNightlyRunTests() : NightlyRunContract(() => new SqliteTarget());

[RequiresPostgres]
public sealed class PostgresNightlyRunTests() : NightlyRunContract(() => new PostgresTarget());
