using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// Merges newly compared candidates into references' stored candidate lists without comparing anything again.
/// A reference keeps its best candidates by the comparisons' weight alone (ties: the lower listing id), so when
/// its stored list was its best and every candidate that appeared since is offered, the merged list is the one a
/// full run would keep. Sibling evidence is then applied again to the merged lists, whole sibling groups at a time,
/// as a full run applies it.
/// </summary>
internal static class CandidateMerge
{
    /// <param name="referenceIds">The references to merge, whole sibling groups, in the order the result takes.</param>
    /// <param name="stored">Each reference's stored candidates as compared (<see cref="SiblingEvidence.Unlifted"/>).</param>
    /// <param name="offered">
    /// Newly compared candidates, without sibling evidence. One for a stored listing replaces the stored one unless
    /// it has the same levels and blocking rules: then the stored one stands, scored as it was.
    /// </param>
    /// <returns>Each reference's merged list, rank 1 first, with sibling evidence.</returns>
    public static CandidateMatch[] Merge(
        IReadOnlyList<string> referenceIds, ILookup<string, CandidateMatch> stored, ILookup<string, CandidateMatch> offered,
        int cap, PairSiblingGroups groups, MatchModel model)
    {
        var lists = new List<CandidateMatch>();
        var byListing = new Dictionary<string, CandidateMatch>(StringComparer.Ordinal);
        foreach (var reference in referenceIds)
        {
            byListing.Clear();
            foreach (var candidate in stored[reference])
            {
                byListing[candidate.ListingId] = candidate;
            }
            foreach (var candidate in offered[reference])
            {
                if (!byListing.TryGetValue(candidate.ListingId, out var kept) || !SameComparison(kept, candidate))
                {
                    byListing[candidate.ListingId] = candidate;
                }
            }
            lists.AddRange(byListing.Values
                .OrderByDescending(c => c.MatchWeight)
                .ThenBy(c => c.ListingId, StringComparer.Ordinal)
                .Take(cap)
                .Select((c, i) => c.Rank == i + 1 ? c : c with { Rank = i + 1 }));
        }
        return SiblingEvidence.Apply(lists, groups, model);
    }

    private static bool SameComparison(CandidateMatch a, CandidateMatch b) =>
        a.Levels.SequenceEqual(b.Levels) && a.BlockingRules.SequenceEqual(b.BlockingRules);
}
