using System.Collections.Immutable;

namespace Linkage.Evaluation;

/// <summary>The precision-recall curve over probability thresholds, and the figures read from it.</summary>
internal static class PrecisionRecallCurve
{
    /// <summary>One point per distinct probability, highest first; equal probabilities enter together.</summary>
    public static ImmutableArray<PrecisionRecallPoint> Build(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> isTrue, int truePairs)
    {
        var sortedProbabilities = probabilities.ToArray();
        var sortedIsTrue = isTrue.ToArray();
        // Ascending sort, walked from the end: the order inside a group of equal probabilities never matters.
        Array.Sort(sortedProbabilities, sortedIsTrue);

        var points = ImmutableArray.CreateBuilder<PrecisionRecallPoint>();
        int positives = 0, truePositives = 0;
        for (var i = sortedProbabilities.Length - 1; i >= 0;)
        {
            var threshold = sortedProbabilities[i];
            for (; i >= 0 && sortedProbabilities[i] == threshold; i--)
            {
                positives++;
                truePositives += sortedIsTrue[i] ? 1 : 0;
            }
            points.Add(new PrecisionRecallPoint(threshold, PrecisionRecall.FromCounts(positives, truePositives, truePairs)));
        }
        return points.ToImmutable();
    }

    /// <summary>Σₖ (Rₖ − Rₖ₋₁)·Pₖ with R₀ = 0.</summary>
    public static double AveragePrecision(ImmutableArray<PrecisionRecallPoint> curve)
    {
        double area = 0, previousRecall = 0;
        foreach (var point in curve)
        {
            area += (point.Figures.Recall - previousRecall) * point.Figures.Precision;
            previousRecall = point.Figures.Recall;
        }
        return area;
    }

    /// <summary>The point with the highest F1, the highest threshold among equals; null for an empty curve.</summary>
    public static PrecisionRecallPoint? BestF1(ImmutableArray<PrecisionRecallPoint> curve)
    {
        PrecisionRecallPoint? best = null;
        foreach (var point in curve)
        {
            if (best is null || point.Figures.F1 > best.Figures.F1)
            {
                best = point;
            }
        }
        return best;
    }
}
