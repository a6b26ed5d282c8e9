using Linkage.Scoring;
using Linkage.Scoring.Training;

namespace Linkage.Tests.Scoring;

public class ThresholdChoiceTests
{
    private static readonly DecisionThresholds Fallback = new() { Match = 0.9, Review = 0.2 };

    // 100 held-back matches. Counted from the top: p ≥ 0.95 holds 60 pairs, 60 matches; ≥ 0.8 holds 80, 78;
    // ≥ 0.5 holds 100, 90 (precision 0.90); ≥ 0.1 holds 200, 99; ≥ 0.01 holds 1,000, 100.
    private static readonly (double Probability, double Count, double Matches)[] HeldOut =
        [(0.95, 60, 60), (0.8, 20, 18), (0.5, 20, 12), (0.1, 100, 9), (0.01, 800, 1)];

    [Fact]
    public void Match_threshold_is_the_lowest_probability_reaching_the_target_precision()
    {
        var choice = ThresholdChoice.Choose(HeldOut, 100, targetPrecision: 0.95, targetRecall: 0.99, Fallback);

        Assert.Equal(0.8, choice.Thresholds.Match);
        Assert.Equal(78.0 / 80, choice.PrecisionAtMatch, 12);
        Assert.Equal(0.78, choice.RecallAtMatch, 12);
        Assert.True(choice.PrecisionReached);
        Assert.Equal(0.9, ThresholdChoice.Choose(HeldOut, 100, 0.90, 0.99, Fallback).PrecisionAtMatch, 12);
        Assert.Equal(0.5, ThresholdChoice.Choose(HeldOut, 100, 0.90, 0.99, Fallback).Thresholds.Match);
    }

    [Fact]
    public void Review_threshold_is_the_highest_probability_keeping_the_target_recall()
    {
        Assert.Equal(0.1, ThresholdChoice.Choose(HeldOut, 100, 0.95, targetRecall: 0.99, Fallback).Thresholds.Review);
        Assert.Equal(0.01, ThresholdChoice.Choose(HeldOut, 100, 0.95, targetRecall: 1, Fallback).Thresholds.Review);
        // A recall the match threshold already keeps puts review at the match threshold, never above it.
        var choice = ThresholdChoice.Choose(HeldOut, 100, 0.95, targetRecall: 0.5, Fallback);
        Assert.Equal(choice.Thresholds.Match, choice.Thresholds.Review);
    }

    [Fact]
    public void An_unreachable_precision_keeps_the_fallback_and_says_so()
    {
        (double, double, double)[] poor = [(0.9, 10, 5), (0.5, 10, 5)];

        var choice = ThresholdChoice.Choose(poor, 10, targetPrecision: 0.95, targetRecall: 0.99, Fallback);

        Assert.False(choice.PrecisionReached);
        Assert.Equal(Fallback.Match, choice.Thresholds.Match);
    }
}
