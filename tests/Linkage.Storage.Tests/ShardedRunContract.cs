using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Storage;
using Linkage.Synthetic;

namespace Linkage.Tests;

/// <summary>
/// What a sharded run records against what one <see cref="LinkRun"/> records over the same batch, and how a
/// failed shard fails its run and is resumed. The shards run in turn here; the nightly tests run them as processes.
/// </summary>
public abstract class ShardedRunContract(Func<StoreTarget> target) : IDisposable
{
    private const string Kind = "nightly";
    private const int Shards = 3;

    private readonly Lazy<StoreTarget> _sharded = new(target);
    private readonly Lazy<StoreTarget> _single = new(target);
    private readonly string _corpus = Directory.CreateTempSubdirectory("linkage-sharded-run-").FullName;

    public void Dispose()
    {
        foreach (var store in new[] { _sharded, _single }.Where(s => s.IsValueCreated))
        {
            store.Value.Dispose();
        }
        Directory.Delete(_corpus, recursive: true);
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public void The_shards_record_the_counts_and_queue_of_one_full_run_and_only_the_last_completes_it()
    {
        var request = Request() with { Scope = LinkScope.Full };
        using var single = LinkStores.Open(_single.Value.Target);
        var (singleRun, _) = LinkRun.Execute(single, request, LinkEngine.Default, new LinkOptions());
        using var store = LinkStores.Open(_sharded.Value.Target);
        var runId = Begin(store, request);

        for (var k = 0; k < Shards; k++)
        {
            Assert.False(ShardedLinkRun.TryComplete(store, runId, Shards, request, LinkEngine.Default, new LinkOptions()), "the run completes with its last shard, not before");
            ShardedLinkRun.LinkShard(store, runId, request, LinkEngine.Default, new LinkOptions { Shard = LinkShard.Create(k, Shards) });
        }
        Assert.True(ShardedLinkRun.TryComplete(store, runId, Shards, request, LinkEngine.Default, new LinkOptions()));
        Assert.False(ShardedLinkRun.TryComplete(store, runId, Shards, request, LinkEngine.Default, new LinkOptions()), "a run completes once");

        Assert.Equal(WithoutTimings(single.GetRun(singleRun)!.Counts), WithoutTimings(store.GetRun(runId)!.Counts));
        Assert.Equal(StoredLinking.Full, store.GetRun(runId)!.LinkScope);
        Assert.Equal(Queue(single), Queue(store));
        Assert.Null(store.FindOpenShardedRun(Kind));
    }

    [StoreFact]
    public void An_incremental_run_after_a_sharded_one_builds_on_it_and_relinks_nothing_unchanged()
    {
        var request = Request();
        using var store = LinkStores.Open(_sharded.Value.Target);
        var runId = Begin(store, request);
        for (var k = 0; k < Shards; k++)
        {
            ShardedLinkRun.LinkShard(store, runId, request, LinkEngine.Default, new LinkOptions { Shard = LinkShard.Create(k, Shards) });
        }
        Assert.True(ShardedLinkRun.TryComplete(store, runId, Shards, request, LinkEngine.Default, new LinkOptions()));
        var queue = Queue(store);

        var (next, _) = LinkRun.Execute(store, request with { Scope = LinkScope.Incremental }, LinkEngine.Default, new LinkOptions());

        var run = store.GetRun(next)!;
        Assert.Equal(StoredLinking.Incremental, run.LinkScope);
        Assert.Equal(0, run.Counts.ReferencesRelinked);
        Assert.Equal(0, run.Counts.PairsRetired);
        Assert.Equal(queue, Queue(store));
    }

    [StoreFact]
    public void A_failed_shard_fails_its_run_loudly_and_a_re_run_resumes_it()
    {
        var request = Request();
        using var store = LinkStores.Open(_sharded.Value.Target);
        var runId = Begin(store, request);
        ShardedLinkRun.LinkShard(store, runId, request, LinkEngine.Default, new LinkOptions { Shard = LinkShard.Create(0, Shards) });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ShardedLinkRun.LinkShard(
            store, runId, request, LinkEngine.Default, new LinkOptions { Shard = LinkShard.Create(1, Shards) }, null, cancelled.Token));

        var failed = store.GetRun(runId)!;
        Assert.Equal("failed", failed.Status);
        Assert.StartsWith("shard 1/3 failed", failed.Error, StringComparison.Ordinal);
        Assert.Equal("failed", store.ShardStatus(runId, 1));
        Assert.Equal(new OpenShardedRun(runId, Shards, "batch", true, true), store.FindOpenShardedRun(Kind));
        Assert.False(ShardedLinkRun.TryComplete(store, runId, Shards, request, LinkEngine.Default, new LinkOptions()));

        store.ResumeShardedRun(runId);
        for (var k = 1; k < Shards; k++)
        {
            ShardedLinkRun.LinkShard(store, runId, request, LinkEngine.Default, new LinkOptions { Shard = LinkShard.Create(k, Shards) });
        }
        Assert.True(ShardedLinkRun.TryComplete(store, runId, Shards, request, LinkEngine.Default, new LinkOptions()));
        Assert.Equal("completed", store.GetRun(runId)!.Status);
        Assert.Null(store.GetRun(runId)!.Error);
    }

    [StoreFact]
    public void A_closed_run_is_no_longer_open_and_stays_failed()
    {
        var request = Request();
        using var store = LinkStores.Open(_sharded.Value.Target);
        var runId = Begin(store, request);

        store.CloseShardedRun(runId, "abandoned: its files left the inbox");

        Assert.Null(store.FindOpenShardedRun(Kind));
        Assert.Equal("failed", store.GetRun(runId)!.Status);
    }

    private static long Begin(LinkStore store, LinkRunRequest request)
    {
        var runId = store.BeginShardedRun(Kind, LinkEngine.Default.Model.Name, null, null, Shards, "batch");
        Assert.Equal(new OpenShardedRun(runId, Shards, "batch", false, false), store.FindOpenShardedRun(Kind));
        ShardedLinkRun.Stage(store, runId, request);
        return runId;
    }

    private LinkRunRequest Request()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 80, Seed = 5 }, _corpus);
        var references = RecordFileReader.ReadReferences(Path.Combine(_corpus, "references.csv"));
        var listings = RecordFileReader.ReadListings(Path.Combine(_corpus, "listings.csv"));
        return new LinkRunRequest
        {
            Kind = Kind,
            References = references.Records,
            Listings = listings.Records,
            Ingest = new RunCounts { ReferencesRead = references.RowsRead, ListingsRead = listings.RowsRead },
        };
    }

    private static RunCounts WithoutTimings(RunCounts counts) => counts with { ReadMilliseconds = 0, LinkMilliseconds = 0, SaveMilliseconds = 0 };

    private static List<string> Queue(LinkStore store) =>
        [.. store.Queue(new QueueQuery { Limit = int.MaxValue, Order = QueueOrder.Reference })
            .Select(p => string.Join('|', p.ReferenceId, p.ListingId, p.Rank, p.MatchWeight.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                p.MachineDecision, string.Join(',', p.Levels), string.Join(';', p.Evidence.Select(e => e.Comparison + ":" + e.Level + ":" + e.Detail))))];
}

public sealed class SqliteShardedRunTests() : ShardedRunContract(() => new SqliteTarget());

[RequiresPostgres]
public sealed class PostgresShardedRunTests() : ShardedRunContract(() => new PostgresTarget());
