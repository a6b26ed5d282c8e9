using Linkage.Blocking;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Scoring;

/// <summary>
/// Scores and explains one reference–listing pair under a model, whether or not blocking would propose it:
/// each comparison's level, weight (with its term-frequency part) and the values that met, the total weight and
/// the blocking rules that would propose the pair (none means blocking misses it).
/// </summary>
public static class PairExplainer
{
    /// <summary>The pair on its own: no other listing gives frequencies, so no term-frequency adjustment applies.</summary>
    public static CandidateMatch Explain(ReferenceRecord reference, ListingRecord listing, LinkEngine engine) =>
        Explain(reference, [listing], listing.ListingId, engine);

    /// <summary>
    /// The pair among all of a run's <paramref name="listings"/>, so its term-frequency adjustments are those
    /// <c>link</c> computes on them (sibling evidence, which needs the other pairs, is not included).
    /// </summary>
    /// <exception cref="ArgumentException">No listing has <paramref name="listingId"/>.</exception>
    public static CandidateMatch Explain(ReferenceRecord reference, IReadOnlyList<ListingRecord> listings, string listingId, LinkEngine engine)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var session = LinkSession.Prepare([reference], listings, engine, parallel);
        var listing = -1;
        for (var i = 0; i < session.ListingRecords.Count && listing < 0; i++)
        {
            listing = session.ListingRecords[i].ListingId == listingId ? i : -1;
        }
        if (listing < 0)
        {
            throw new ArgumentException($"no listing '{listingId}' among the listings", nameof(listingId));
        }
        var finder = new CandidateFinder(BlockingIndex.Build(engine.BlockingRules, session.Listings), session.References, session.Listings.Count);
        finder.Find(0);
        var levels = session.Model.Comparisons.Select(c => (byte)c.Level(0, listing)).ToArray();
        return session.Explain(0, listing, session.Model.Weight(levels, 0, listing), rank: 1, finder.RuleMaskOf(listing), reference, engine.BlockingRules);
    }
}
