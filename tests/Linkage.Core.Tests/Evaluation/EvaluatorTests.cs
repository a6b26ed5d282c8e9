using Linkage.Linking;
using Linkage.Evaluation;

namespace Linkage.Tests.Evaluation;

public class EvaluatorTests
{
    private const double Tolerance = 1e-12;

    // Counts: 8 pairs out, 5 true pairs, 4 of them in the output (R3-L5 missing), 3 references with truth.
    [Fact]
    public void CountsPairsTruePairsAndTruePairsMissingFromTheOutput()
    {
        var report = Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth);

        Assert.Equal(8, report.PairsOut);
        Assert.Equal(5, report.TruePairs);
        Assert.Equal(4, report.TruePairsFound);
        Assert.Equal(1, report.TruePairsMissing);
        Assert.Equal(3, report.ReferencesWithTruth);
    }

    // Decided match: R1-L1 (true), R2-L8 (false), R3-L4 (true): P = 2/3, R = 2/5, F1 = 2·2/(3+5) = 1/2.
    // Match or review adds R1-L7 (false), R1-L2 (true), R2-L3 (true): 6 positives, 4 true:
    // P = 4/6, R = 4/5, F1 = 2·4/(6+5) = 8/11.
    [Fact]
    public void PrecisionRecallAndF1AtTheDecision()
    {
        var report = Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth);

        AssertFigures(report.AtMatch, positives: 3, truePositives: 2, precision: 2.0 / 3, recall: 0.4, f1: 0.5);
        AssertFigures(report.AtMatchOrReview, positives: 6, truePositives: 4, precision: 4.0 / 6, recall: 0.8, f1: 8.0 / 11);
    }

    // By probability, highest first (equal probabilities together):
    //   p ≥ 0.95: 1 pair, 1 true → P 1,   R 0.2, F1 2/6
    //   p ≥ 0.90: 2, 2           → P 1,   R 0.4, F1 4/7
    //   p ≥ 0.80: 3, 2           → P 2/3, R 0.4, F1 4/8
    //   p ≥ 0.60: 5, 3 (the tie) → P 3/5, R 0.6, F1 6/10
    //   p ≥ 0.40: 6, 4           → P 2/3, R 0.8, F1 8/11  ← best
    //   p ≥ 0.20: 7, 4           → P 4/7, R 0.8, F1 8/12
    //   p ≥ 0.10: 8, 4           → P 1/2, R 0.8, F1 8/13
    [Fact]
    public void CurveHasOnePointPerDistinctProbabilityAndBestF1AtThreshold040()
    {
        var report = Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth);

        Assert.Equal([0.95, 0.90, 0.80, 0.60, 0.40, 0.20, 0.10], report.Curve.Select(p => p.Threshold));
        Assert.Equal([1, 2, 3, 5, 6, 7, 8], report.Curve.Select(p => p.Figures.Positives));
        Assert.Equal([1, 2, 2, 3, 4, 4, 4], report.Curve.Select(p => p.Figures.TruePositives));
        Assert.NotNull(report.BestF1);
        Assert.Equal(0.40, report.BestF1.Threshold);
        AssertFigures(report.BestF1.Figures, positives: 6, truePositives: 4, precision: 2.0 / 3, recall: 0.8, f1: 8.0 / 11);
    }

    // AP = Σ ΔR·P = 0.2·1 + 0.2·1 + 0·(2/3) + 0.2·(3/5) + 0.2·(2/3) + 0 + 0 = (1 + 1 + 3/5 + 2/3)/5 = 49/75.
    // Were the tie at 0.60 broken with the true pair first, its precision would be 3/4 and AP 41/60 ≈ 0.683 instead;
    // the missing R3-L5 keeps the curve's recall below 1.
    [Fact]
    public void AveragePrecisionCountsTiesTogetherAndMissingTruePairsAsNeverRetrieved()
    {
        var report = Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth);

        Assert.Equal(49.0 / 75, report.AveragePrecision, Tolerance);
    }

    // R1: true L1 at rank 1, L2 at rank 3 → @1 1/2, @10 2/2.  R2: true L3 at rank 2 → @1 0, @10 1.
    // R3: true L4 at rank 1, L5 missing → @1 1/2, @10 1/2.
    // Recall@1 = (1/2 + 0 + 1/2)/3 = 1/3; recall@10 = (1 + 1 + 1/2)/3 = 5/6.
    // Hit rate@1 = 2/3 (R1, R3); hit rate@10 = 3/3.
    [Fact]
    public void RecallAndHitRateAtRank1And10()
    {
        var report = Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth);

        AssertRankRecall(report.RecallAt1, k: 1, recall: 1.0 / 3, hitRate: 2.0 / 3);
        AssertRankRecall(report.RecallAt10, k: 10, recall: 5.0 / 6, hitRate: 1);
    }

    [Fact]
    public void FiguresDoNotDependOnTheOrderOfThePairs()
    {
        var expected = Evaluator.Evaluate(HandComputedExample.Pairs, HandComputedExample.Truth);
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var shuffled = HandComputedExample.Pairs.ToArray();
            random.Shuffle(shuffled);

            var report = Evaluator.Evaluate(shuffled, Enumerable.Reverse(HandComputedExample.Truth));

            Assert.Equal(expected.AveragePrecision, report.AveragePrecision);
            Assert.Equal(expected.BestF1, report.BestF1);
            Assert.Equal(expected.Curve.ToArray(), report.Curve.ToArray());
            Assert.Equal(expected.RecallAt1, report.RecallAt1);
        }
    }

    // All four pairs share p = 0.5; two are true, of 2 true pairs. One point: P 2/4, R 1, so AP = 1/2
    // whatever order the pairs come in (a true-first order would give 1, a false-first one 5/12).
    [Fact]
    public void PairsOfEqualProbabilityFormOnePoint()
    {
        ScoredPair[] pairs =
        [
            new("R1", "L1", 1, 0.5, MatchDecision.Review),
            new("R1", "L2", 2, 0.5, MatchDecision.Review),
            new("R2", "L3", 1, 0.5, MatchDecision.Review),
            new("R2", "L4", 2, 0.5, MatchDecision.Review),
        ];
        TruthPair[] truth = [new("R1", "L1"), new("R2", "L3")];

        var report = Evaluator.Evaluate(pairs, truth);

        var point = Assert.Single(report.Curve);
        Assert.Equal(0.5, point.Threshold);
        AssertFigures(point.Figures, positives: 4, truePositives: 2, precision: 0.5, recall: 1, f1: 4.0 / 6);
        Assert.Equal(0.5, report.AveragePrecision, Tolerance);
    }

    // Two thresholds with the same F1 (2/3): p ≥ 0.9 (1 pair, 1 true of 2) and p ≥ 0.3 (4 pairs, 2 true).
    [Fact]
    public void AmongEqualBestF1TheHighestThresholdWins()
    {
        ScoredPair[] pairs =
        [
            new("R1", "L1", 1, 0.9, MatchDecision.Match),
            new("R1", "L2", 2, 0.6, MatchDecision.Review),
            new("R2", "L3", 1, 0.5, MatchDecision.Review),
            new("R2", "L4", 2, 0.3, MatchDecision.Review),
        ];
        TruthPair[] truth = [new("R1", "L1"), new("R2", "L4")];

        var report = Evaluator.Evaluate(pairs, truth);

        Assert.Equal(2.0 / 3, report.Curve[^1].Figures.F1, Tolerance);
        Assert.NotNull(report.BestF1);
        Assert.Equal(0.9, report.BestF1.Threshold);
        Assert.Equal(2.0 / 3, report.BestF1.Figures.F1, Tolerance);
    }

    [Fact]
    public void AnEmptyOutputScoresZeroAndMissesEveryTruePair()
    {
        var report = Evaluator.Evaluate([], HandComputedExample.Truth);

        Assert.Equal(0, report.PairsOut);
        Assert.Equal(5, report.TruePairsMissing);
        Assert.Empty(report.Curve);
        Assert.Null(report.BestF1);
        Assert.Equal(0, report.AveragePrecision);
        AssertFigures(report.AtMatch, 0, 0, 0, 0, 0);
        AssertFigures(report.AtMatchOrReview, 0, 0, 0, 0, 0);
        Assert.Equal(new RankRecall(1, 0, 0), report.RecallAt1);
        Assert.Equal(new RankRecall(10, 0, 0), report.RecallAt10);
    }

    [Fact]
    public void WithoutTruthEveryPairIsAFalsePositive()
    {
        var report = Evaluator.Evaluate(HandComputedExample.Pairs, []);

        Assert.Equal(0, report.TruePairs);
        AssertFigures(report.AtMatch, positives: 3, truePositives: 0, precision: 0, recall: 0, f1: 0);
        Assert.Equal(0, report.AveragePrecision);
        Assert.Equal(0, report.ReferencesWithTruth);
    }

    [Fact]
    public void ATruePairGivenTwiceCountsOnce()
    {
        var report = Evaluator.Evaluate(HandComputedExample.Pairs, [.. HandComputedExample.Truth, new("R1", "L1")]);

        Assert.Equal(5, report.TruePairs);
        Assert.Equal(0.4, report.AtMatch.Recall, Tolerance);
    }

    [Theory]
    [InlineData("R1", "L1", 0, 0.5)]
    [InlineData("R1", "L1", 1, 1.5)]
    [InlineData("R1", "L1", 1, double.NaN)]
    [InlineData("", "L1", 1, 0.5)]
    public void AnInvalidPairIsRefused(string referenceId, string listingId, int rank, double probability)
    {
        ScoredPair[] pairs = [new(referenceId, listingId, rank, probability, MatchDecision.Match)];

        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(pairs, HandComputedExample.Truth));
    }

    [Fact]
    public void APairGivenTwiceInTheOutputIsRefused()
    {
        ScoredPair[] pairs =
        [
            new("R1", "L1", 1, 0.9, MatchDecision.Match),
            new("R1", "L1", 2, 0.3, MatchDecision.NonMatch),
        ];

        var error = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(pairs, HandComputedExample.Truth));
        Assert.Contains("(R1, L1)", error.Message, StringComparison.Ordinal);
    }

    private static void AssertFigures(PrecisionRecall figures, int positives, int truePositives, double precision, double recall, double f1)
    {
        Assert.Equal(positives, figures.Positives);
        Assert.Equal(truePositives, figures.TruePositives);
        Assert.Equal(precision, figures.Precision, Tolerance);
        Assert.Equal(recall, figures.Recall, Tolerance);
        Assert.Equal(f1, figures.F1, Tolerance);
    }

    private static void AssertRankRecall(RankRecall figures, int k, double recall, double hitRate)
    {
        Assert.Equal(k, figures.K);
        Assert.Equal(recall, figures.Recall, Tolerance);
        Assert.Equal(hitRate, figures.HitRate, Tolerance);
    }
}
