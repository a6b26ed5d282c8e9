namespace Linkage.Scoring.Training;

/// <summary>
/// Decision thresholds chosen on held-back labels: <c>match</c> at the lowest probability whose pairs at or
/// above it reach a target precision, <c>review</c> at the highest probability whose pairs at or above it
/// include a target share of the held-back matches, with the figures each reaches there.
/// </summary>
public sealed record ThresholdChoice(
    double TargetPrecision, double TargetRecall, DecisionThresholds Thresholds,
    double PrecisionAtMatch, double RecallAtMatch, double RecallAtReview, bool PrecisionReached)
{
    /// <param name="heldOut">Held-back labelled pairs.</param>
    /// <param name="probability">The model's match probability for a level vector with an offset in bits.</param>
    /// <param name="fallback">Thresholds kept for a target no threshold reaches.</param>
    internal static ThresholdChoice Choose(
        LevelPatterns heldOut, Func<ReadOnlySpan<byte>, double, double> probability, double targetPrecision, double targetRecall, DecisionThresholds fallback)
    {
        var scored = new (double Probability, double Count, double Matches)[heldOut.Count];
        for (var p = 0; p < heldOut.Count; p++)
        {
            scored[p] = (probability(heldOut.Levels(p), heldOut.OffsetOf(p)), heldOut.CountOf(p), heldOut.MatchesOf(p));
        }
        return Choose(scored, heldOut.TotalMatches, targetPrecision, targetRecall, fallback);
    }

    internal static ThresholdChoice Choose(
        (double Probability, double Count, double Matches)[] scored, double totalMatches, double targetPrecision, double targetRecall,
        DecisionThresholds fallback)
    {
        var byProbability = scored.OrderByDescending(s => s.Probability).ToArray();
        double? match = null, review = null;
        double precisionAtMatch = 0, recallAtMatch = 0, recallAtReview = 0;
        double pairs = 0, matches = 0;
        // Walk thresholds from the top; pairs tied on a probability are all in or all out.
        for (var i = 0; i < byProbability.Length;)
        {
            var threshold = byProbability[i].Probability;
            for (; i < byProbability.Length && byProbability[i].Probability == threshold; i++)
            {
                pairs += byProbability[i].Count;
                matches += byProbability[i].Matches;
            }
            var precision = pairs > 0 ? matches / pairs : 0;
            var recall = totalMatches > 0 ? matches / totalMatches : 0;
            if (precision >= targetPrecision)
            {
                (match, precisionAtMatch, recallAtMatch) = (threshold, precision, recall);
            }
            if (review is null && recall >= targetRecall)
            {
                (review, recallAtReview) = (threshold, recall);
            }
        }
        var matchThreshold = match ?? fallback.Match;
        var reviewThreshold = Math.Min(review ?? fallback.Review, matchThreshold);
        return new ThresholdChoice(
            targetPrecision, targetRecall, new DecisionThresholds { Match = matchThreshold, Review = reviewThreshold },
            precisionAtMatch, recallAtMatch, recallAtReview, match is not null);
    }
}
