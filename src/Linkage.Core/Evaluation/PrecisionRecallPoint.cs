namespace Linkage.Evaluation;

/// <summary>
/// A point of the precision-recall curve: the figures when every output pair whose probability is at least
/// <paramref name="Threshold"/> is counted as positive.
/// </summary>
public sealed record PrecisionRecallPoint(double Threshold, PrecisionRecall Figures);
