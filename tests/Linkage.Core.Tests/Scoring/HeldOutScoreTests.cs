using Linkage.Scoring.Training;

namespace Linkage.Tests.Scoring;

public class HeldOutScoreTests
{
    [Fact]
    public void Auc_agrees_with_counting_every_match_non_match_pair()
    {
        var patterns = KnownParameters.Generate(400, 0.3, seed: 31);
        var random = new Random(32);
        // Few distinct scores, so ties between patterns occur and must count half.
        var scores = Enumerable.Range(0, patterns.Count).Select(_ => random.Next(5) / 5.0).ToArray();
        var byLevels = Enumerable.Range(0, patterns.Count).ToDictionary(p => string.Join(',', patterns.Levels(p).ToArray()), p => scores[p]);

        var score = HeldOutScore.Measure("test", patterns, (levels, _) => byLevels[string.Join(',', levels.ToArray())]);

        double wins = 0, comparisons = 0;
        for (var a = 0; a < patterns.Count; a++)
        {
            for (var b = 0; b < patterns.Count; b++)
            {
                var pairs = patterns.MatchesOf(a) * (patterns.CountOf(b) - patterns.MatchesOf(b));
                comparisons += pairs;
                wins += pairs * (scores[a] > scores[b] ? 1 : scores[a] == scores[b] ? 0.5 : 0);
            }
        }
        Assert.Equal(wins / comparisons, score.Auc, 10);
    }

    [Fact]
    public void The_true_model_scores_better_than_a_model_that_ignores_the_evidence()
    {
        var heldOut = KnownParameters.Generate(50_000, 0.1, seed: 33);
        var shape = KnownParameters.Shape;

        var informed = HeldOutScore.Measure("true", heldOut, (levels, _) =>
        {
            var odds = 0.1 / 0.9;
            for (var c = 0; c < levels.Length; c++)
            {
                odds *= levels[c] == shape.NullLevels[c] ? 1 : KnownParameters.M[c][levels[c]] / KnownParameters.U[c][levels[c]];
            }
            return odds / (1 + odds);
        });
        var blind = HeldOutScore.Measure("prior only", heldOut, (_, _) => 0.1);

        Assert.True(informed.LogLoss < blind.LogLoss);
        Assert.True(informed.Brier < blind.Brier);
        Assert.True(informed.Auc > 0.9);
        Assert.Equal(0.5, blind.Auc, 10);
    }
}
