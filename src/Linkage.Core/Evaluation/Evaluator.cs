using Linkage.Linking;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Linkage.Evaluation;

/// <summary>
/// Measures a linkage output (the candidate pairs the linker kept) against the truth (every true pair).
/// </summary>
/// <remarks>
/// <para>A pair is true when (reference id, listing id) is in the truth; ids compare ordinally. Recall is always
/// over every distinct true pair, so true pairs absent from the output count as never retrieved.</para>
/// <para><b>At the decision</b>: positives are the pairs decided <c>match</c>; a second set of figures also counts
/// <c>review</c> as positive, since review is what reaches people.</para>
/// <para><b>Curve, best F1 and average precision</b>: a threshold t counts every pair with probability ≥ t as
/// positive. Pairs of equal probability cannot be separated by any threshold, so they enter the curve together:
/// there is one point per distinct probability, highest first, and the figures do not depend on the input order.
/// Best F1 is the point with the highest F1; among equal F1 the highest threshold (fewest pairs) wins.
/// Average precision is Σₖ (Rₖ − Rₖ₋₁)·Pₖ over those points with R₀ = 0: the area under the step-wise curve,
/// which for distinct probabilities is the mean, over all true pairs, of the precision at the rank where each was
/// retrieved (0 for those never retrieved).</para>
/// <para><b>Ranks</b>: see <see cref="RankRecall"/>; computed at K = 1 and K = 10.</para>
/// <para>A ratio whose denominator is 0 (no positives, no truth) is reported as 0.</para>
/// </remarks>
public static class Evaluator
{
    /// <summary>Reads a matches CSV and a truth CSV and evaluates the one against the other.</summary>
    /// <exception cref="EvaluationInputException">A file is unreadable or a row breaks its contract.</exception>
    public static EvaluationReport EvaluateFiles(string matchesPath, string truthPath)
    {
        var pairs = EvaluationInput.ReadMatches(matchesPath);
        var truth = EvaluationInput.ReadTruth(truthPath);
        return Evaluate(pairs, truth);
    }

    /// <summary>Evaluates <paramref name="pairs"/> against <paramref name="truth"/>; repeated truth pairs count once.</summary>
    /// <exception cref="ArgumentException">A pair has an empty id, a rank below 1, a probability outside [0, 1],
    /// or appears twice in <paramref name="pairs"/>.</exception>
    public static EvaluationReport Evaluate(IEnumerable<ScoredPair> pairs, IEnumerable<TruthPair> truth)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(truth);

        var truePairs = new HashSet<(string ReferenceId, string ListingId)>();
        foreach (var pair in truth)
        {
            if (string.IsNullOrEmpty(pair.ReferenceId) || string.IsNullOrEmpty(pair.ListingId))
            {
                throw new ArgumentException("A true pair has an empty reference or listing id.", nameof(truth));
            }
            truePairs.Add((pair.ReferenceId, pair.ListingId));
        }
        var trueListingsPerReference = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (referenceId, _) in truePairs)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(trueListingsPerReference, referenceId, out _)++;
        }

        var seen = new HashSet<(string, string)>();
        var probabilities = new List<double>();
        var isTrue = new List<bool>();
        var top1 = new RankRecallCounter(1);
        var top10 = new RankRecallCounter(10);
        int matches = 0, trueMatches = 0, matchesOrReviews = 0, trueMatchesOrReviews = 0, found = 0;
        foreach (var pair in pairs)
        {
            if (Problem(pair) is { } problem)
            {
                throw new ArgumentException(problem, nameof(pairs));
            }
            var key = (pair.ReferenceId, pair.ListingId);
            if (!seen.Add(key))
            {
                throw new ArgumentException(
                    $"The output holds the pair ({pair.ReferenceId}, {pair.ListingId}) more than once.", nameof(pairs));
            }
            var truePair = truePairs.Contains(key);
            probabilities.Add(pair.Probability);
            isTrue.Add(truePair);
            if (pair.Decision == MatchDecision.Match)
            {
                matches++;
                trueMatches += truePair ? 1 : 0;
            }
            if (pair.Decision is MatchDecision.Match or MatchDecision.Review)
            {
                matchesOrReviews++;
                trueMatchesOrReviews += truePair ? 1 : 0;
            }
            if (truePair)
            {
                found++;
                top1.AddTrueListing(pair.ReferenceId, pair.Rank);
                top10.AddTrueListing(pair.ReferenceId, pair.Rank);
            }
        }

        var curve = PrecisionRecallCurve.Build(CollectionsMarshal.AsSpan(probabilities), CollectionsMarshal.AsSpan(isTrue), truePairs.Count);
        return new EvaluationReport(
            PairsOut: probabilities.Count,
            TruePairs: truePairs.Count,
            TruePairsFound: found,
            ReferencesWithTruth: trueListingsPerReference.Count,
            AtMatch: PrecisionRecall.FromCounts(matches, trueMatches, truePairs.Count),
            AtMatchOrReview: PrecisionRecall.FromCounts(matchesOrReviews, trueMatchesOrReviews, truePairs.Count),
            BestF1: PrecisionRecallCurve.BestF1(curve),
            RecallAt1: top1.Result(trueListingsPerReference),
            RecallAt10: top10.Result(trueListingsPerReference),
            AveragePrecision: PrecisionRecallCurve.AveragePrecision(curve),
            Curve: curve);
    }

    private static string? Problem(ScoredPair pair) =>
        string.IsNullOrEmpty(pair.ReferenceId) || string.IsNullOrEmpty(pair.ListingId)
            ? "A pair has an empty reference or listing id."
        : pair.Rank < 1
            ? $"Pair ({pair.ReferenceId}, {pair.ListingId}) has rank {pair.Rank}; ranks start at 1."
        : !(pair.Probability is >= 0 and <= 1)
            ? string.Create(CultureInfo.InvariantCulture, $"Pair ({pair.ReferenceId}, {pair.ListingId}) has probability {pair.Probability}, outside [0, 1].")
        : null;
}
