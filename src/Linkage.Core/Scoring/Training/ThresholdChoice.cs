namespace Linkage.Scoring.Training;

/// <summary>
/// Decision thresholds chosen on held-back labelled pairs: <c>match</c> at the lowest probability whose pairs at
/// or above it reach a target precision, <c>review</c> at the highest probability whose pairs at or above it
/// include a target share of the held-back matches among them, with the figures each reaches there.
/// </summary>
public sealed record ThresholdChoice(
    double TargetPrecision, double TargetRecall, DecisionThresholds Thresholds,
    double PrecisionAtMatch, double RecallAtMatch, double RecallAtReview, bool PrecisionReached)
{
    /// <summary>The held-back labelled pairs the thresholds were chosen on: the candidates <c>link</c> kept for held-back references.</summary>
    public double Pairs { get; init; }

    /// <summary>The held-back matches among <see cref="Pairs"/>: the recall figures are shares of these.</summary>
    public double MatchesScored { get; init; }

    /// <summary>
    /// All labelled matches of held-back references, kept or not: blocking and the top-candidate cut lose the
    /// rest before any threshold.
    /// </summary>
    public double Matches { get; init; }

    /// <param name="scored">Each group of pairs' probability, size and matches.</param>
    /// <param name="totalMatches">The matches recall is measured against.</param>
    /// <param name="fallback">Thresholds kept for a target no threshold reaches.</param>
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
