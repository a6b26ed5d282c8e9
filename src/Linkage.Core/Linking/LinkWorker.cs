using Linkage.Blocking;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>One thread's reusable buffers for linking references one at a time; nothing here is shared.</summary>
/// <param name="referenceKeys">The session's references' blocking keys, computed once for every worker.</param>
/// <param name="newListings">Per listing, whether it is one of <see cref="LinkOptions.NewListings"/>; null when unset.</param>
internal sealed class LinkWorker(LinkSession session, BlockingIndex index, RecordKeys referenceKeys, LinkOptions options, bool[]? newListings = null)
{
    /// <summary>Slack for rounding: the bound and the weight sum the same terms in different orders.</summary>
    private const double Slack = 1e-9;

    private readonly CandidateFinder _finder = new(index, referenceKeys, session.Listings.Count, newListings);
    private readonly TopCandidates _top = new(options.MaxCandidatesPerReference, session.ListingIds);
    private readonly PairScorer _scorer = new(session.Model);
    private readonly double _reviewWeight = CompiledModel.WeightOf(session.Model.Model.Thresholds.Review);
    /// <summary>The most sibling evidence can add to a pair of a reference with a sibling group.</summary>
    private readonly double _siblingLift = Math.Max(0, session.Model.Model.SiblingWeight ?? 0);

    public long CandidatePairs { get; private set; }

    public long[] PairsPerRule { get; } = new long[index.Rules.Count];

    /// <summary>Adds the reference's kept candidates to <paramref name="kept"/>, rank 1 first.</summary>
    public void Link(int reference, IReadOnlyList<ReferenceRecord> references, List<CandidateMatch> kept)
    {
        _finder.Find(reference);
        _top.Clear();
        _scorer.MoveTo(reference);
        var masks = _finder.RuleMasks;
        for (var i = 0; i < masks.Count; i++)
        {
            CountRules(masks[i]);
        }
        if (options.Exhaustive)
        {
            CompareAll(references[reference].Person.SiblingGroup.Length > 0 ? _reviewWeight - _siblingLift : _reviewWeight);
        }
        else
        {
            CompareCandidates(options.EntryWeight?.Invoke(references[reference].RecordId) ?? double.NegativeInfinity);
        }

        for (var rank = 0; rank < _top.Count; rank++)
        {
            var (weight, listing) = _top[rank];
            kept.Add(session.Explain(
                reference, listing, weight, rank + 1, _finder.RuleMaskOf(listing), references[reference], index.Rules));
        }
    }

    /// <param name="entry">The least weight a candidate must reach to be kept (<see cref="LinkOptions.EntryWeight"/>).</param>
    private void CompareCandidates(double entry)
    {
        var candidates = _finder.Candidates;
        CandidatePairs += candidates.Count;
        for (var i = 0; i < candidates.Count; i++)
        {
            var listing = candidates[i];
            // Once the top list is full, a pair that cannot beat its last entry needs no string kernel.
            var weight = _scorer.Weight(listing, Math.Max(entry, _top.Floor) - Slack);
            if (!double.IsNegativeInfinity(weight) && weight >= entry - Slack)
            {
                _top.Offer(weight, listing);
            }
        }
    }

    /// <param name="floor">The least weight that can end at or above review: the review weight, less the sibling
    /// weight when the reference has siblings.</param>
    private void CompareAll(double floor)
    {
        var count = session.Listings.Count;
        CandidatePairs += count;
        for (var listing = 0; listing < count; listing++)
        {
            var weight = _scorer.Weight(listing, Math.Max(floor, _top.Floor) - Slack);
            // A pruned pair is −∞. The floor compares weights, not probabilities rounded near 0 or 1.
            if (weight >= floor - Slack)
            {
                _top.Offer(weight, listing);
            }
        }
    }

    private void CountRules(uint mask)
    {
        for (var rule = 0; mask != 0; rule++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                PairsPerRule[rule]++;
            }
        }
    }
}
