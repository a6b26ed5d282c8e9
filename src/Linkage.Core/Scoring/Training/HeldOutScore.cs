namespace Linkage.Scoring.Training;

/// <summary>
/// How well one candidate model's match probabilities predict held-back labels: mean log loss and Brier score
/// (lower is better) and the area under the ROC curve (higher is better).
/// </summary>
public sealed record HeldOutScore(string Candidate, double LogLoss, double Brier, double Auc, double Pairs, double Matches)
{
    /// <summary>Probabilities are clipped this far from 0 and 1 so one confident mistake costs a lot but not infinity.</summary>
    private const double Clip = 1e-12;

    /// <param name="probability">The match probability of a level vector with an offset in bits, as scoring computes it.</param>
    internal static HeldOutScore Measure(string candidate, LevelPatterns heldOut, Func<ReadOnlySpan<byte>, double, double> probability)
    {
        var scored = new List<(double Probability, double Count, double Matches)>(heldOut.Count);
        double logLoss = 0, brier = 0;
        for (var p = 0; p < heldOut.Count; p++)
        {
            var q = Math.Clamp(probability(heldOut.Levels(p), heldOut.OffsetOf(p)), Clip, 1 - Clip);
            var matches = heldOut.MatchesOf(p);
            var nonMatches = heldOut.CountOf(p) - matches;
            logLoss -= matches * Math.Log(q) + nonMatches * Math.Log(1 - q);
            brier += matches * (1 - q) * (1 - q) + nonMatches * q * q;
            scored.Add((q, heldOut.CountOf(p), matches));
        }
        var total = heldOut.TotalCount;
        return new HeldOutScore(candidate, logLoss / total, brier / total, AreaUnderCurve(scored, heldOut.TotalMatches, total - heldOut.TotalMatches), total, heldOut.TotalMatches);
    }

    /// <summary>
    /// The probability that a random match outscores a random non-match, ties counting half (Mann–Whitney).
    /// </summary>
    private static double AreaUnderCurve(List<(double Probability, double Count, double Matches)> scored, double positives, double negatives)
    {
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        scored.Sort((a, b) => a.Probability.CompareTo(b.Probability));
        double negativesBelow = 0, area = 0;
        for (var i = 0; i < scored.Count;)
        {
            double tiedMatches = 0, tiedNonMatches = 0;
            var probability = scored[i].Probability;
            for (; i < scored.Count && scored[i].Probability == probability; i++)
            {
                tiedMatches += scored[i].Matches;
                tiedNonMatches += scored[i].Count - scored[i].Matches;
            }
            area += tiedMatches * (negativesBelow + tiedNonMatches / 2);
            negativesBelow += tiedNonMatches;
        }
        return area / (positives * negatives);
    }
}
