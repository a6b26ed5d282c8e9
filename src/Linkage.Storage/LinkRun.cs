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
public static class LinkRun
{
    /// <param name="started">Told the run id as soon as the run is recorded, before any work.</param>
    /// <exception cref="Exception">Whatever failed; the run is recorded as failed first.</exception>
    public static (long RunId, LinkResult Result) Execute(
        LinkStore store,
        LinkRunRequest request,
        LinkEngine engine,
        LinkOptions options,
        IProgress<LinkProgress>? progress = null,
        Action<long>? started = null,
        CancellationToken cancellationToken = default)
    {
        var runId = store.BeginRun(request.Kind, engine.Model.Name, request.ReferencesFile, request.ListingsFile);
        started?.Invoke(runId);
        try
        {
            var save = new Stopwatch();
            var link = new Stopwatch();
            var references = request.References;
            save.Start();
            if (references is not null)
            {
                store.SaveReferences(runId, references);
            }
            else if (request.Scope == LinkScope.Batch)
            {
                references = store.ReadReferences();
            }
            var (referencesNew, referencesChanged) = store.CountReferenceChanges(runId);
            var scrape = store.SaveListings(runId, request.Listings);
            save.Stop();
            var linked = request.Scope == LinkScope.Batch
                ? LinkBatch(store, runId, references!, request.Listings, engine, options, link, save, progress, cancellationToken)
                : StoredLinking.Link(store, runId, request.Scope, request.Listings, engine, options, link, save, progress, cancellationToken);
            var result = linked.Result;
            save.Start();
            var queued = store.CountQueuedPairs(runId);
            save.Stop();
            store.CompleteRun(runId, request.Ingest with
            {
                ReferencesRead = request.References is null ? linked.ReferencesRead : request.Ingest.ReferencesRead,
                ListingsRead = Math.Max(request.Ingest.ListingsRead, request.Listings.Count),
                CandidatePairs = result.CandidatePairs,
                PairsKept = result.Matches.Count,
                Matches = result.MatchCount,
                Reviews = result.ReviewCount,
                ReferencesNew = referencesNew,
                ReferencesChanged = referencesChanged,
                ListingsNew = scrape.New,
                ListingsChanged = scrape.Changed,
                ListingsVanished = scrape.Vanished,
                PairsQueued = queued,
                PairsFlagged = linked.Saved.FlaggedForRereview,
                LinkMilliseconds = link.ElapsedMilliseconds,
                SaveMilliseconds = save.ElapsedMilliseconds,
                ReferencesRelinked = linked.ReferencesRelinked,
                PairsSkipped = linked.PairsSkipped,
                PairsRetired = linked.PairsRetired,
            });
            return (runId, result);
        }
        catch (Exception ex)
        {
            store.FailRun(runId, ex is OperationCanceledException ? "cancelled before the run finished" : ex.Message);
            throw;
        }
    }

    /// <summary>The run's own listings against the references; stored pairs of other listings stay as they are.</summary>
    private static StoredLinkOutcome LinkBatch(
        LinkStore store, long runId, IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, LinkEngine engine,
        LinkOptions options, Stopwatch link, Stopwatch save, IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        link.Start();
        var result = Linker.Link(references, listings, engine, options, progress, cancellationToken);
        link.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        save.Start();
        var saved = store.SaveCandidates(runId, result.Matches);
        save.Stop();
        return new StoredLinkOutcome(result, saved, "batch", references.Count, 0, 0, 0);
    }
}
