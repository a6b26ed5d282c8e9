namespace Linkage.Evaluation;

/// <summary>
/// Precision, recall and F1 when some of the output pairs are counted as positive.
/// Recall is over every true pair, including those the output does not contain.
/// A ratio whose denominator is 0 is reported as 0.
/// </summary>
/// <param name="Positives">Output pairs counted as positive.</param>
/// <param name="TruePositives">Positives that are true pairs.</param>
public sealed record PrecisionRecall(int Positives, int TruePositives, double Precision, double Recall, double F1)
{
    internal static PrecisionRecall FromCounts(int positives, int truePositives, int truePairs) => new(
        positives,
        truePositives,
        Ratio(truePositives, positives),
        Ratio(truePositives, truePairs),
        // The harmonic mean of precision and recall, written on counts so it needs no special case for zeros.
        Ratio(2 * truePositives, positives + truePairs));

    internal static double Ratio(double numerator, double denominator) =>
        denominator == 0 ? 0 : numerator / denominator;
}
