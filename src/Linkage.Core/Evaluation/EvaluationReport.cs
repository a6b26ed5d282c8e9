using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Linkage.Evaluation;

/// <summary>
/// The figures of one linkage output measured against the truth. See <see cref="Evaluator"/> for how each
/// is defined.
/// </summary>
/// <param name="PairsOut">Candidate pairs in the output.</param>
/// <param name="TruePairs">Distinct true pairs in the truth.</param>
/// <param name="TruePairsFound">True pairs present in the output, whatever their decision.</param>
/// <param name="ReferencesWithTruth">References with at least one true listing.</param>
/// <param name="AtMatch">Pairs decided <c>match</c> counted as positive.</param>
/// <param name="AtMatchOrReview">Pairs decided <c>match</c> or <c>review</c> counted as positive: what reaches people.</param>
/// <param name="BestF1">The curve point with the highest F1; null when the output is empty.</param>
/// <param name="AveragePrecision">Area under the step-wise precision-recall curve, recall over all true pairs.</param>
/// <param name="Curve">Precision-recall points, one per distinct probability, highest threshold first.</param>
public sealed record EvaluationReport(
    int PairsOut,
    int TruePairs,
    int TruePairsFound,
    int ReferencesWithTruth,
    PrecisionRecall AtMatch,
    PrecisionRecall AtMatchOrReview,
    PrecisionRecallPoint? BestF1,
    RankRecall RecallAt1,
    RankRecall RecallAt10,
    double AveragePrecision,
    [property: JsonIgnore] ImmutableArray<PrecisionRecallPoint> Curve)
{
    /// <summary>True pairs the output does not contain at all: no threshold can recover them.</summary>
    public int TruePairsMissing => TruePairs - TruePairsFound;
}
