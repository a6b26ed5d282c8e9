using Linkage.Scoring.Training;

namespace Linkage.Tests.Scoring;

public class LogisticRegressionTests
{
    [Fact]
    public void Newton_recovers_the_coefficients_that_generated_the_labels()
    {
        var shape = KnownParameters.Shape;
        const double intercept = -2.0;
        double[][] coefficients = [[3.0, 1.0, -1.5, 0], [2.5, 1.2, 0.3, -2.0, 0], [0.4, -1.0, 0]];
        var patterns = Labelled(coefficients, intercept, 300_000, new Random(21));

        var fit = LogisticRegression.Fit(patterns, shape, l2: 1e-3);

        Assert.True(fit.Converged);
        Assert.Equal(intercept, fit.Intercept, 0.1);
        for (var c = 0; c < shape.Comparisons; c++)
        {
            Assert.Equal(0, fit.Coefficients[c][shape.NullLevels[c]]);
            for (var level = 0; level < shape.NullLevels[c]; level++)
            {
                Assert.True(Math.Abs(coefficients[c][level] - fit.Coefficients[c][level]) < 0.1,
                    $"{shape.Names[c]} level {level}: {coefficients[c][level]} fitted {fit.Coefficients[c][level]:0.000}");
            }
        }
    }

    [Fact]
    public void An_offset_is_held_fixed_so_the_coefficients_do_not_count_it_again()
    {
        // Exact given names carry a term-frequency offset of +3 or −3 bits (rare or common), half each: the
        // labels follow coefficient + offset, so a fit that ignores the offset learns a different coefficient.
        var shape = KnownParameters.Shape;
        const double intercept = -2.0;
        double[][] coefficients = [[2.0, 1.0, -1.5, 0], [2.5, 1.2, 0.3, -2.0, 0], [0.4, -1.0, 0]];
        // Rare names are also likelier among matches here, so the offset is not independent of the label.
        var withOffsets = Labelled(coefficients, intercept, 300_000, new Random(23),
            (levels, random) => levels[0] == 0 ? (random.NextDouble() < 0.8 ? 3.0 : -3.0) : 0);
        var withoutOffsets = new LevelPatterns(shape.Comparisons);
        for (var p = 0; p < withOffsets.Count; p++)
        {
            withoutOffsets.Add(withOffsets.Levels(p), withOffsets.CountOf(p), withOffsets.MatchesOf(p));
        }

        var fit = LogisticRegression.Fit(withOffsets, shape, l2: 1e-3);
        var blind = LogisticRegression.Fit(withoutOffsets, shape, l2: 1e-3);

        Assert.Equal(coefficients[0][0], fit.Coefficients[0][0], 0.1);
        Assert.True(Math.Abs(blind.Coefficients[0][0] - coefficients[0][0]) > 0.5, $"without the offset: {blind.Coefficients[0][0]:0.000}");
    }

    [Fact]
    public void A_level_fitted_against_its_sign_is_pinned_at_zero_and_the_rest_refitted()
    {
        // Sex "agree" (level 0 of the third comparison) is generated at −0.8 against "missing", as blocking's
        // selection makes it look; its m and u say agreeing is evidence for a match.
        var shape = KnownParameters.Shape;
        double[][] coefficients = [[3.0, 1.0, -1.5, 0], [2.5, 1.2, 0.3, -2.0, 0], [-0.8, -2.5, 0]];
        var patterns = Labelled(coefficients, -2.0, 200_000, new Random(24));
        int[][] signs = [[1, 1, -1, 0], [1, 1, 1, -1, 0], [1, -1, 0]];

        var free = LogisticRegression.Fit(patterns, shape, l2: 1e-3);
        var signed = LogisticRegression.Fit(patterns, shape, l2: 1e-3, signs);

        Assert.True(free.Coefficients[2][0] < -0.5, $"unconstrained: {free.Coefficients[2][0]:0.000}");
        Assert.Equal(0, signed.Coefficients[2][0]);
        Assert.True(signed.Coefficients[2][1] < 0);
        for (var c = 0; c < shape.Comparisons; c++)
        {
            for (var level = 0; level < signs[c].Length; level++)
            {
                Assert.True(signs[c][level] * signed.Coefficients[c][level] >= 0, $"{shape.Names[c]} level {level}: {signed.Coefficients[c][level]:0.000}");
            }
        }
        Assert.Equal(coefficients[0][0], signed.Coefficients[0][0], 0.15);
    }

    [Fact]
    public void A_stronger_penalty_shrinks_the_coefficients()
    {
        var patterns = KnownParameters.Generate(20_000, 0.2, seed: 22);

        var loose = LogisticRegression.Fit(patterns, KnownParameters.Shape, l2: 0.01);
        var tight = LogisticRegression.Fit(patterns, KnownParameters.Shape, l2: 1_000);

        Assert.True(Norm(tight) < Norm(loose) / 2);
    }

    /// <summary>
    /// Level vectors of <see cref="KnownParameters.Shape"/> drawn uniformly, each a match with the probability the
    /// intercept, the coefficients and, when given, an offset in bits (drawn after the levels) make it.
    /// </summary>
    private static LevelPatterns Labelled(
        double[][] coefficients, double intercept, int pairs, Random random, Func<byte[], Random, double>? offsetBits = null)
    {
        var shape = KnownParameters.Shape;
        var patterns = new LevelPatterns(shape.Comparisons);
        var levels = new byte[shape.Comparisons];
        for (var i = 0; i < pairs; i++)
        {
            var logOdds = intercept;
            for (var c = 0; c < shape.Comparisons; c++)
            {
                levels[c] = (byte)random.Next(shape.LevelNames[c].Count);
                logOdds += coefficients[c][levels[c]];
            }
            var offset = offsetBits?.Invoke(levels, random) ?? 0;
            logOdds += offset * Math.Log(2);
            var isMatch = random.NextDouble() < 1 / (1 + Math.Exp(-logOdds));
            patterns.Add(levels, 1, isMatch ? 1 : 0, offset);
        }
        return patterns;
    }

    private static double Norm(LogisticModel model) => model.Coefficients.Sum(row => row.Sum(b => b * b));
}
