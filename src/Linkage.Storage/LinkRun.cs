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
/// in memory. The candidate pairs are written in one transaction: they appear together when the run completes.
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
            var (outcome, scrape, referencesNew, referencesChanged, link, save) = request.Scope == LinkScope.Batch
                ? LinkBatch(store, runId, request, engine, options, progress, kept, cancellationToken)
                : LinkStored(store, runId, request, engine, options, progress, cancellationToken);
            save.Start();
            var queued = store.CountQueuedPairs(runId);
            save.Stop();
            var summary = outcome.Summary;
            store.CompleteRun(runId, request.Ingest with
            {
                ReferencesRead = request.References is null ? outcome.ReferencesRead : request.Ingest.ReferencesRead,
                ListingsRead = Math.Max(request.Ingest.ListingsRead, request.Listings.Count),
                CandidatePairs = summary.CandidatePairs,
                PairsKept = summary.PairsKept,
                Matches = summary.MatchCount,
                Reviews = summary.ReviewCount,
                ReferencesNew = referencesNew,
                ReferencesChanged = referencesChanged,
                ListingsNew = scrape.New,
                ListingsChanged = scrape.Changed,
                ListingsVanished = scrape.Vanished,
                PairsQueued = queued,
                PairsFlagged = outcome.Saved.FlaggedForRereview,
                // A batch run overlaps the two: linking until its last batch was taken, and this thread's time spent storing.
                LinkMilliseconds = link.ElapsedMilliseconds,
                SaveMilliseconds = save.ElapsedMilliseconds,
                ReferencesRelinked = outcome.ReferencesRelinked,
                PairsSkipped = outcome.PairsSkipped,
                PairsRetired = outcome.PairsRetired,
            });
            return (runId, summary);
        }
        catch (Exception ex)
        {
            store.FailRun(runId, ex is OperationCanceledException ? "cancelled before the run finished" : ex.Message);
            throw;
        }
    }

    /// <summary>
    /// The run's own listings against the references (the given ones, or the stored ones); stored pairs of other
    /// listings stay as they are. Linking runs in the background while the records are stored, and each batch of
    /// kept candidates is stored as it comes, in one transaction.
    /// </summary>
    private static RunWork LinkBatch(
        LinkStore store, long runId, LinkRunRequest request, LinkEngine engine, LinkOptions options,
        IProgress<LinkProgress>? progress, Action<IReadOnlyList<CandidateMatch>>? kept, CancellationToken cancellationToken)
    {
        var save = Stopwatch.StartNew();
        var references = request.References ?? store.ReadReferences();
        save.Stop();
        using var bulk = store.BulkWriting();
        var link = Stopwatch.StartNew();
        using var linking = Linker.Start(references, request.Listings, engine, options, progress, cancellationToken);
        save.Start();
        if (request.References is not null)
        {
            store.SaveReferences(runId, references);
        }
        var (referencesNew, referencesChanged) = store.CountReferenceChanges(runId);
        var scrape = store.SaveListings(runId, request.Listings);
        save.Stop();
        CandidateSaveSummary saved;
        using (var candidates = store.BeginCandidates(runId))
        {
            foreach (var batch in linking.Batches())
            {
                save.Start();
                candidates.Add(batch);
                save.Stop();
                kept?.Invoke(batch);
            }
            link.Stop();
            cancellationToken.ThrowIfCancellationRequested();
            save.Start();
            saved = candidates.Complete();
            save.Stop();
        }
        var outcome = new StoredLinkOutcome(linking.Summary, saved, "batch", references.Count, 0, 0, 0);
        return new RunWork(outcome, scrape, referencesNew, referencesChanged, link, save);
    }

    /// <summary>
    /// Keeps the store's whole result current (<see cref="StoredLinking"/>): the records are stored first, since
    /// what changed since the last completed run decides which pairs are computed.
    /// </summary>
    private static RunWork LinkStored(
        LinkStore store, long runId, LinkRunRequest request, LinkEngine engine, LinkOptions options,
        IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        var save = Stopwatch.StartNew();
        var link = new Stopwatch();
        if (request.References is not null)
        {
            store.SaveReferences(runId, request.References);
        }
        var (referencesNew, referencesChanged) = store.CountReferenceChanges(runId);
        var scrape = store.SaveListings(runId, request.Listings);
        save.Stop();
        var outcome = StoredLinking.Link(store, runId, request.Scope, request.Listings, engine, options, link, save, progress, cancellationToken);
        return new RunWork(outcome, scrape, referencesNew, referencesChanged, link, save);
    }

    private sealed record RunWork(
        StoredLinkOutcome Outcome, ListingScrapeSummary Scrape, long ReferencesNew, long ReferencesChanged, Stopwatch Link, Stopwatch Save);
}
