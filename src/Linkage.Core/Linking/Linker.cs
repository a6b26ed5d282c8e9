using Linkage.Blocking;
using Linkage.Records;

namespace Linkage.Linking;

/// <summary>
/// The whole pipeline for one run: prepare both sides once, block, compare every candidate pair into a level
/// vector, score it, keep each reference's best candidates ranked, decide, and explain what was kept.
/// </summary>
public static class Linker
{
    /// <summary>Links on background threads; take the kept candidates from <see cref="LinkInProgress.Batches"/> as they come.</summary>
    public static LinkInProgress Start(
        IReadOnlyList<ReferenceRecord> references,
        IReadOnlyList<ListingRecord> listings,
        LinkEngine engine,
        LinkOptions? options = null,
        IProgress<LinkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LinkOptions();
        return new(options.Shard?.Select(references) ?? references, listings, engine, options, progress, cancellationToken);
    }

    /// <summary>Links and holds every kept candidate in memory; for runs small enough, such as training.</summary>
    public static LinkResult Link(
        IReadOnlyList<ReferenceRecord> references,
        IReadOnlyList<ListingRecord> listings,
        LinkEngine engine,
        LinkOptions? options = null,
        IProgress<LinkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var stream = Start(references, listings, engine, options, progress, cancellationToken);
        return Collect(stream);
    }

    /// <summary>
    /// Links a session already prepared, with its blocking index, so one preparation serves several runs (the
    /// blocking report's exhaustive and blocked runs).
    /// </summary>
    internal static LinkResult Link(
        LinkSession session, IReadOnlyList<ReferenceRecord> references, BlockingIndex index, LinkEngine engine, LinkOptions options,
        CancellationToken cancellationToken = default)
    {
        using var stream = new LinkInProgress(references, session.ListingRecords, engine, options, null, cancellationToken, (session, index));
        return Collect(stream);
    }

    private static LinkResult Collect(LinkInProgress stream)
    {
        var matches = new List<CandidateMatch>();
        foreach (var batch in stream.Batches())
        {
            matches.AddRange(batch);
        }
        var summary = stream.Summary;
        return new LinkResult { Matches = matches, CandidatePairs = summary.CandidatePairs, PairsPerRule = summary.PairsPerRule };
    }
}
