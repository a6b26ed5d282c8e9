using System.Diagnostics;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Storage;

/// <summary>What one recorded link run reads: the listings, and the references or none to link the stored ones.</summary>
public sealed record LinkRunRequest
{
    /// <summary>The run's kind in the runs table: <c>link</c>, <c>upload</c>, …</summary>
    public required string Kind { get; init; }

    public string? ReferencesFile { get; init; }

    public string? ListingsFile { get; init; }

    /// <summary>References to store and link; null links the listings against the references already stored.</summary>
    public IReadOnlyList<ReferenceRecord>? References { get; init; }

    public required IReadOnlyList<ListingRecord> Listings { get; init; }

    /// <summary>Which pairs the run computes; <see cref="LinkScope.Batch"/> unless the host keeps the whole result current.</summary>
    public LinkScope Scope { get; init; } = LinkScope.Batch;

    /// <summary>Rows read and rejected by ingest, recorded with the run.</summary>
    public RunCounts Ingest { get; init; } = new();
}

/// <summary>
/// A link run recorded in a store from start to end: the run row, the records it read, the candidate pairs it
/// kept, and its outcome, completed or failed. The one path every host (command line, review app uploads,
/// nightly jobs) takes, so a run is recorded the same way whoever starts it.
/// </summary>
/// <remarks>
/// Linking runs on background threads (<see cref="Linker.Start"/>) while this thread stores the records, then
/// stores each batch of kept candidates as it comes, so storing overlaps comparing and no run holds all its pairs
/// in memory. The run's result (its candidate pairs and retirements) is written in one transaction with the
/// row that completes the run (<see cref="LinkStore.Publish"/>): it appears whole when the run completes, and a run
/// stopped or killed before leaves the stored result as it was. Its records are stored before, in their own.
/// A sharded run (<see cref="ShardedLinkRun"/>) takes the same steps, <see cref="Stage"/>, <see cref="LinkAndSave"/>
/// and <see cref="Complete"/>, spread over its shards.
/// </remarks>
public static class LinkRun
{
    /// <param name="started">Told the run id as soon as the run is recorded, before any work.</param>
    /// <param name="kept">Given each batch of kept candidates once it is stored, in reference order (a sibling
    /// group's children together), rank 1 first; for writing them elsewhere as they come. Batch-scoped runs only:
    /// a run keeping the stored result current (<see cref="LinkScope.Full"/>, <see cref="LinkScope.Incremental"/>)
    /// reports only its counts.</param>
    /// <exception cref="Exception">Whatever failed; the run is recorded as failed first.</exception>
    public static (long RunId, LinkSummary Summary) Execute(
        LinkStore store,
        LinkRunRequest request,
        LinkEngine engine,
        LinkOptions options,
        IProgress<LinkProgress>? progress = null,
        Action<long>? started = null,
        Action<IReadOnlyList<CandidateMatch>>? kept = null,
        CancellationToken cancellationToken = default)
    {
        var runId = store.BeginRun(request.Kind, engine.Model.Name, request.ReferencesFile, request.ListingsFile);
        started?.Invoke(runId);
        try
        {
            var work = store.Publish(() =>
            {
                var done = request.Scope == LinkScope.Batch
                    ? LinkBatch(store, runId, request, engine, options, progress, kept, cancellationToken)
                    : LinkStored(store, runId, request, engine, options, progress, cancellationToken);
                store.BeginResult();
                Complete(store, runId, request, Linked(done.Outcome, done.Clocks), done.Staged);
                return done;
            }, cancellationToken);
            return (runId, work.Outcome.Summary);
        }
        catch (Exception ex)
        {
            store.FailRun(runId, Cancelled(ex, cancellationToken) ? "cancelled before the run finished" : ex.Message);
            throw;
        }
    }

    /// <summary>
    /// Whether a failure is the run being stopped: the cancellation itself, or whatever a stopped run tripped over
    /// on its way out (a wrapped cancellation, a store call abandoned mid-way), so the run row says "cancelled".
    /// </summary>
    internal static bool Cancelled(Exception failure, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
        || failure is OperationCanceledException
        || (failure is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(e => e is OperationCanceledException));

    /// <summary>
    /// Stores the run's records: its references when it brings them, then its listings. <paramref name="referencesStored"/>
    /// is called in between.
    /// </summary>
    internal static StagedRecords Stage(LinkStore store, long runId, LinkRunRequest request, Action? referencesStored = null)
    {
        if (request.References is not null)
        {
            store.SaveReferences(runId, request.References);
        }
        referencesStored?.Invoke();
        var (referencesNew, referencesChanged) = store.CountReferenceChanges(runId);
        var scrape = store.SaveListings(runId, request.Listings);
        return new StagedRecords(referencesNew, referencesChanged, scrape.New, scrape.Changed, scrape.Vanished);
    }

    /// <summary>
    /// Links <paramref name="references"/> (their <see cref="LinkOptions.Shard"/> when set) against
    /// <paramref name="listings"/> on background threads, and stores each batch of kept candidates as it comes, in
    /// the run's result (<see cref="LinkStore.BeginResult"/>), which the caller commits with the run's completion.
    /// <paramref name="whileLinking"/> runs on this thread once linking has started, before the first batch is
    /// stored: a batch run stores its records then.
    /// </summary>
    internal static StoredLinkOutcome LinkAndSave(
        LinkStore store, long runId, IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings,
        LinkEngine engine, LinkOptions options, RunClocks clocks, IProgress<LinkProgress>? progress, Action? whileLinking,
        Action<IReadOnlyList<CandidateMatch>>? kept, CancellationToken cancellationToken)
    {
        clocks.Link.Start();
        using var linking = Linker.Start(references, listings, engine, options, progress, cancellationToken);
        if (whileLinking is not null)
        {
            clocks.Save.Start();
            whileLinking();
            clocks.Save.Stop();
        }
        using var candidates = store.BeginCandidates(runId);
        foreach (var batch in linking.Batches())
        {
            clocks.Save.Start();
            candidates.Add(batch);
            clocks.Save.Stop();
            kept?.Invoke(batch);
        }
        clocks.Link.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        clocks.Save.Start();
        var saved = candidates.Complete();
        clocks.Save.Stop();
        return new StoredLinkOutcome(linking.Summary, saved, references.Count, 0, 0, 0);
    }

    /// <summary>The counts of what a run (or one shard of it) linked and saved, with its clocks.</summary>
    internal static RunCounts Linked(StoredLinkOutcome outcome, RunClocks clocks) => new()
    {
        ReferencesRead = outcome.ReferencesRead,
        CandidatePairs = outcome.Summary.CandidatePairs,
        PairsKept = outcome.Summary.PairsKept,
        Matches = outcome.Summary.MatchCount,
        Reviews = outcome.Summary.ReviewCount,
        PairsFlagged = outcome.Saved.FlaggedForRereview,
        // A batch run overlaps the two: linking until its last batch was taken, and this thread's time spent storing.
        LinkMilliseconds = clocks.Link.ElapsedMilliseconds,
        SaveMilliseconds = clocks.Save.ElapsedMilliseconds,
        ReferencesRelinked = outcome.ReferencesRelinked,
        PairsSkipped = outcome.PairsSkipped,
        PairsRetired = outcome.PairsRetired,
    };

    /// <summary>
    /// Completes the run with the request's ingest counts, what was <paramref name="linked"/>, the records
    /// <paramref name="staged"/>, and the pairs that entered the queue.
    /// </summary>
    internal static void Complete(LinkStore store, long runId, LinkRunRequest request, RunCounts linked, StagedRecords staged)
    {
        var count = Stopwatch.StartNew();
        var queued = store.CountQueuedPairs(runId);
        store.CompleteRun(runId, linked with
        {
            ReferencesRead = request.References is null ? linked.ReferencesRead : request.Ingest.ReferencesRead,
            ReferencesRejected = request.Ingest.ReferencesRejected,
            ListingsRead = Math.Max(request.Ingest.ListingsRead, request.Listings.Count),
            ListingsRejected = request.Ingest.ListingsRejected,
            ReadMilliseconds = request.Ingest.ReadMilliseconds,
            ReferencesNew = staged.ReferencesNew,
            ReferencesChanged = staged.ReferencesChanged,
            ListingsNew = staged.ListingsNew,
            ListingsChanged = staged.ListingsChanged,
            ListingsVanished = staged.ListingsVanished,
            PairsQueued = queued,
            SaveMilliseconds = linked.SaveMilliseconds + count.ElapsedMilliseconds,
        });
    }

    /// <summary>
    /// The run's own listings against the references (the given ones, or the stored ones); stored pairs of other
    /// listings stay as they are. The records are stored while linking starts.
    /// </summary>
    private static RunWork LinkBatch(
        LinkStore store, long runId, LinkRunRequest request, LinkEngine engine, LinkOptions options,
        IProgress<LinkProgress>? progress, Action<IReadOnlyList<CandidateMatch>>? kept, CancellationToken cancellationToken)
    {
        var clocks = new RunClocks();
        clocks.Save.Start();
        var references = request.References ?? store.ReadReferences();
        clocks.Save.Stop();
        StagedRecords? staged = null;
        var outcome = LinkAndSave(store, runId, references, request.Listings, engine, options, clocks, progress,
            () => staged = Stage(store, runId, request), kept, cancellationToken);
        return new RunWork(outcome, clocks, staged!);
    }

    /// <summary>
    /// Keeps the store's whole result current (<see cref="StoredLinking"/>): the records are stored first, since
    /// what changed since the last completed run decides which pairs are computed. The stored references are read
    /// on another connection meanwhile, once the run's own are stored.
    /// </summary>
    private static RunWork LinkStored(
        LinkStore store, long runId, LinkRunRequest request, LinkEngine engine, LinkOptions options,
        IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        var clocks = new RunClocks();
        clocks.Save.Start();
        Task<ReferenceRecord[]>? references = null;
        var staged = Stage(store, runId, request, () => references = StoredLinking.ReadReferencesAside(store));
        clocks.Save.Stop();
        var outcome = StoredLinking.Link(store, runId, request.Scope, request.Listings, references!, engine, options, clocks, progress, cancellationToken);
        return new RunWork(outcome, clocks, staged);
    }

    private sealed record RunWork(StoredLinkOutcome Outcome, RunClocks Clocks, StagedRecords Staged);
}

/// <summary>What storing a run's records changed: references and listings new or changed, listings vanished.</summary>
internal sealed record StagedRecords(long ReferencesNew, long ReferencesChanged, long ListingsNew, long ListingsChanged, long ListingsVanished);

/// <summary>A run's two clocks: linking, and this thread's time storing; they overlap in a streamed run.</summary>
internal sealed class RunClocks
{
    public Stopwatch Link { get; } = new();

    public Stopwatch Save { get; } = new();
}
