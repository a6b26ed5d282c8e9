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
        var random = new Random(21);
        var patterns = new LevelPatterns(shape.Comparisons);
        var levels = new byte[shape.Comparisons];
        for (var i = 0; i < 300_000; i++)
        {
            var logOdds = intercept;
            for (var c = 0; c < shape.Comparisons; c++)
            {
                levels[c] = (byte)random.Next(shape.LevelNames[c].Count);
                logOdds += coefficients[c][levels[c]];
            }
            var isMatch = random.NextDouble() < 1 / (1 + Math.Exp(-logOdds));
            patterns.Add(levels, 1, isMatch ? 1 : 0);
        }

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
    public void A_stronger_penalty_shrinks_the_coefficients()
    {
        var patterns = KnownParameters.Generate(20_000, 0.2, seed: 22);

        var loose = LogisticRegression.Fit(patterns, KnownParameters.Shape, l2: 0.01);
        var tight = LogisticRegression.Fit(patterns, KnownParameters.Shape, l2: 1_000);

        Assert.True(Norm(tight) < Norm(loose) / 2);
    }

    private static double Norm(LogisticModel model) => model.Coefficients.Sum(row => row.Sum(b => b * b));
}
