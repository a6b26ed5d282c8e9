using System.Globalization;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Scoring;

/// <summary>
/// Sibling co-listing as group-level evidence. When children of one reference sibling group have candidates
/// in one listing sibling group, each such pair gets the model's <see cref="MatchModel.SiblingWeight"/> added,
/// provided another child of the group has a candidate there at or above the review threshold, judged on the
/// comparison evidence alone (so two weak pairs cannot lift each other). Each reference's candidates are then
/// re-ranked and decided again.
/// </summary>
internal static class SiblingEvidence
{
    public const string ComparisonName = "siblings";

    /// <param name="matches">Grouped by reference, holding every kept candidate of each sibling group present.</param>
    public static CandidateMatch[] Apply(IReadOnlyList<CandidateMatch> matches, PairSiblingGroups groups, MatchModel model)
    {
        if (model.SiblingWeight is not { } bonus || bonus == 0)
        {
            return [.. matches];
        }
        var supporters = Supporters(matches, groups, model.Thresholds.Review);
        var result = new List<CandidateMatch>(matches.Count);
        var start = 0;
        while (start < matches.Count)
        {
            // Matches come grouped by reference; re-rank each group after the bonus.
            var end = start;
            while (end < matches.Count && matches[end].ReferenceId == matches[start].ReferenceId)
            {
                end++;
            }
            var rescored = Enumerable.Range(start, end - start).Select(i => supporters[i] is { } support
                ? Lift(matches[i], support, bonus, model.Thresholds)
                : matches[i]);
            // OrderByDescending is stable: equal weights keep the linker's order.
            result.AddRange(rescored.OrderByDescending(m => m.MatchWeight).Select((m, rank) => m.Rank == rank + 1 ? m : m with { Rank = rank + 1 }));
            start = end;
        }
        return [.. result];
    }

    /// <summary>
    /// For each candidate, the most probable candidate of another child of its reference's sibling group in its
    /// listing's sibling group with probability at least <paramref name="threshold"/>, or null when there is none.
    /// </summary>
    public static CandidateMatch?[] Supporters(IReadOnlyList<CandidateMatch> matches, PairSiblingGroups groups, double threshold)
    {
        var confident = new Dictionary<(string, string), List<CandidateMatch>>();
        foreach (var match in matches)
        {
            if (match.MatchProbability >= threshold && groups.Of(match) is { } pair)
            {
                if (!confident.TryGetValue(pair, out var list))
                {
                    confident[pair] = list = [];
                }
                list.Add(match);
            }
        }
        // The strongest supporter first, then by ids: the explanation names the same sibling pair whatever order the
        // references came in (a shard, an incremental run and a full run order them differently).
        foreach (var list in confident.Values)
        {
            list.Sort(static (a, b) =>
            {
                var byProbability = b.MatchProbability.CompareTo(a.MatchProbability);
                if (byProbability != 0)
                {
                    return byProbability;
                }
                var byReference = string.CompareOrdinal(a.ReferenceId, b.ReferenceId);
                return byReference != 0 ? byReference : string.CompareOrdinal(a.ListingId, b.ListingId);
            });
        }
        return matches.Select(match => groups.Of(match) is { } pair && confident.TryGetValue(pair, out var list)
            ? list.FirstOrDefault(o => o.ReferenceId != match.ReferenceId && o.ListingId != match.ListingId)
            : null).ToArray();
    }

    /// <summary>The pair as its comparisons scored it, without sibling evidence: what <see cref="Apply"/> takes.</summary>
    public static CandidateMatch Unlifted(CandidateMatch match, DecisionThresholds thresholds)
    {
        if (match.ComparisonWeight == match.MatchWeight)
        {
            return match;
        }
        var probability = CompiledModel.Probability(match.ComparisonWeight);
        return match with
        {
            MatchWeight = match.ComparisonWeight,
            MatchProbability = probability,
            Decision = CompiledModel.Decide(probability, thresholds),
            Evidence = [.. match.Evidence.Where(e => e.Comparison != ComparisonName)],
        };
    }

    private static CandidateMatch Lift(CandidateMatch match, CandidateMatch support, double bonus, DecisionThresholds thresholds)
    {
        var weight = match.MatchWeight + bonus;
        var probability = CompiledModel.Probability(weight);
        return match with
        {
            ComparisonWeight = match.ComparisonWeight,
            MatchWeight = weight,
            MatchProbability = probability,
            Decision = CompiledModel.Decide(probability, thresholds),
            Evidence = [.. match.Evidence, new FieldEvidence(ComparisonName, "co_listed", Math.Round(bonus, 2),
                string.Create(CultureInfo.InvariantCulture, $"sibling {support.ReferenceId} ~ {support.ListingId} in the same listing group"))],
        };
    }
}
