using Linkage.Scoring.Training;

namespace Linkage.Tests.Scoring;

public class ExpectationMaximisationTests
{
    private static readonly double[][] FlatStart = [[0.4, 0.3, 0.3, 1], [0.3, 0.3, 0.2, 0.2, 1], [0.6, 0.4, 1]];

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public void Em_recovers_the_m_values_and_lambda_that_generated_the_pairs(double lambda)
    {
        var pairs = KnownParameters.Generate(200_000, lambda, seed: 11);

        var result = ExpectationMaximisation.Run(
            pairs, KnownParameters.Shape, KnownParameters.U, FlatStart, startLambda: 0.5, [true, true, true], new EmSettings());

        Assert.True(result.Converged);
        Assert.Equal(lambda, result.Lambda, 0.005);
        for (var c = 0; c < KnownParameters.Shape.Comparisons; c++)
        {
            for (var level = 0; level < KnownParameters.Shape.NullLevels[c]; level++)
            {
                Assert.True(Math.Abs(KnownParameters.M[c][level] - result.M[c][level]) < 0.02,
                    $"{KnownParameters.Shape.Names[c]} level {level}: m {KnownParameters.M[c][level]} estimated {result.M[c][level]:0.000}");
            }
        }
    }

    [Fact]
    public void A_comparison_held_fixed_keeps_its_starting_m_and_the_others_are_still_recovered()
    {
        var pairs = KnownParameters.Generate(200_000, 0.1, seed: 12);

        var result = ExpectationMaximisation.Run(
            pairs, KnownParameters.Shape, KnownParameters.U, FlatStart, startLambda: 0.5, [true, true, false], new EmSettings());

        Assert.Equal(FlatStart[2], result.M[2]);
        Assert.Equal(0.1, result.Lambda, 0.01);
        Assert.Equal(KnownParameters.M[0][0], result.M[0][0], 0.02);
        Assert.Equal(KnownParameters.M[1][0], result.M[1][0], 0.02);
    }

    [Fact]
    public void Prior_matches_pull_a_level_with_no_evidence_towards_its_starting_m()
    {
        var pairs = KnownParameters.Generate(2_000, 0.05, seed: 13);
        double[][] start = [[0.7, 0.2, 0.1, 1], [0.6, 0.2, 0.15, 0.05, 1], [0.95, 0.05, 1]];

        var plain = ExpectationMaximisation.Run(pairs, KnownParameters.Shape, KnownParameters.U, start, 0.05, [true, true, true], new EmSettings());
        var anchored = ExpectationMaximisation.Run(
            pairs, KnownParameters.Shape, KnownParameters.U, start, 0.05, [true, true, true], new EmSettings { PriorMatches = 1_000 });

        var plainDistance = Distance(plain.M, start);
        var anchoredDistance = Distance(anchored.M, start);
        Assert.True(anchoredDistance < plainDistance / 2, $"anchored {anchoredDistance:0.000} vs plain {plainDistance:0.000}");
    }

    [Fact]
    public void A_run_cut_short_says_it_did_not_converge()
    {
        var pairs = KnownParameters.Generate(20_000, 0.1, seed: 14);

        var result = ExpectationMaximisation.Run(
            pairs, KnownParameters.Shape, KnownParameters.U, FlatStart, 0.5, [true, true, true], new EmSettings { MaxIterations = 2 });

        Assert.False(result.Converged);
        Assert.Equal(2, result.Iterations);
    }

    private static double Distance(double[][] a, double[][] b) =>
        a.Zip(b).Sum(rows => rows.First.Zip(rows.Second).Sum(x => Math.Abs(x.First - x.Second)));
}
