using System.Diagnostics;
using Linkage.Linking;

namespace Linkage.Storage;

/// <summary>
/// A full link run (<see cref="LinkScope.Full"/>) split across N processes writing into one store, which together
/// record exactly what one <see cref="LinkRun"/> of that scope over the same request records: one run row, the
/// batch's records stored once, every stored reference linked against every current listing, in id order, by the
/// one shard its block belongs to (<see cref="LinkOptions.Shard"/>), and the pairs no shard scored retired. Being
/// full, it records its scope and model fingerprint, so the next unsharded run can be incremental on top of it.
/// <para>
/// The steps, in the order a shard takes them: the first shard to find the batch unstaged calls
/// <see cref="Stage"/>; every shard calls <see cref="LinkShard"/> with its own <see cref="LinkOptions.Shard"/>;
/// each then calls <see cref="TryComplete"/>, which completes the run once all N shards have. The host holds
/// one lock (the stage lock) around staging and completing, so exactly one shard stages and one completes;
/// linking runs unlocked and in parallel, each shard writing disjoint pairs. They are <see cref="LinkRun"/>'s
/// steps: <see cref="LinkRun.Stage"/>, <see cref="LinkRun.LinkAndSave"/>, <see cref="LinkRun.Complete"/>.
/// </para>
/// <para>Every step is safe to repeat: a killed shard re-run saves the same pairs again, and staging again only marks unchanged records seen.</para>
/// </summary>
internal static class ShardedLinkRun
{
    /// <summary>Stores the batch's records once for all shards (<see cref="LinkRun.Stage"/>).</summary>
    public static void Stage(LinkStore store, long runId, LinkRunRequest request)
    {
        var clock = Stopwatch.StartNew();
        LinkRun.Stage(store, runId, request);
        store.MarkShardedRunStaged(runId, clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// Links the shard's references against every current listing and saves their candidates as they come
    /// (<see cref="StoredLinking.LinkAll"/>, as a full unsharded run does), recording the shard's outcome; returns the
    /// shard's counts.
    /// </summary>
    /// <exception cref="Exception">Whatever failed; the shard and its run are recorded failed first.</exception>
    public static RunCounts LinkShard(
        LinkStore store,
        long runId,
        LinkRunRequest request,
        LinkEngine engine,
        LinkOptions options,
        IProgress<LinkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var shard = options.Shard ?? throw new ArgumentException("a sharded run links one shard: set LinkOptions.Shard", nameof(options));
        store.StartShard(runId, shard.Index);
        try
        {
            return store.Publish(() =>
            {
                var clocks = new RunClocks();
                clocks.Save.Start();
                var references = StoredLinking.SortedReferences(store);
                clocks.Save.Stop();
                var outcome = StoredLinking.LinkAll(store, runId, references, request.Listings, engine, options, clocks, progress, cancellationToken);
                var counts = LinkRun.Linked(outcome, clocks);
                store.BeginResult();
                store.CompleteShard(runId, shard.Index, counts);
                return counts;
            }, cancellationToken);
        }
        catch (Exception ex)
        {
            store.FailShard(runId, shard.Index, shard.Count, LinkRun.Cancelled(ex, cancellationToken) ? "cancelled before the shard finished" : ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Completes the run when all <paramref name="shardCount"/> shards have: retires the current pairs no shard
    /// scored, records the run's scope, and completes it (<see cref="LinkRun.Complete"/>) with the counts one
    /// process would have recorded: the shards' sums, and the records' changes as the staging shard stored them.
    /// True when this call completed it. Call under the stage lock, so only one shard can.
    /// </summary>
    public static bool TryComplete(LinkStore store, long runId, int shardCount, LinkRunRequest request, LinkEngine engine, LinkOptions options)
    {
        var (completed, linked) = store.ShardTotals(runId);
        if (completed < shardCount || store.GetRun(runId)?.Status != "running")
        {
            return false;
        }
        return store.Publish(() =>
        {
            var clock = Stopwatch.StartNew();
            store.BeginResult();
            var retired = store.MarkCurrentPairs(runId, null);
            store.RecordLinkScope(runId, StoredLinking.Full, StoredLinking.Fingerprint(engine.Model, options));
            var (referencesNew, referencesChanged) = store.CountReferenceChanges(runId);
            var (listingsNew, listingsChanged, listingsVanished) = store.CountListingChanges(runId);
            var references = store.CountReferences();
            LinkRun.Complete(store, runId, request,
                linked with
                {
                    ReferencesRead = references,
                    ReferencesRelinked = references,
                    PairsRetired = retired,
                    SaveMilliseconds = linked.SaveMilliseconds + clock.ElapsedMilliseconds,
                },
                new StagedRecords(referencesNew, referencesChanged, listingsNew, listingsChanged, listingsVanished));
            return true;
        }, CancellationToken.None);
    }
}
