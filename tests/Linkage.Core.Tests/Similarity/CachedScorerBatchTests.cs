using Linkage.Comparison.Similarity;

namespace Linkage.Tests.Similarity;

public class CachedScorerBatchTests
{
    private static readonly string[] Candidates = ["Олександр", "Александр", "", "Олесь", "Oleksandr", new('о', 70)];

    [Fact]
    public void ScoresEachCandidateOfTheArenaAsIfAlone()
    {
        var arena = string.Concat(Candidates);
        var offsets = new int[Candidates.Length + 1];
        for (var i = 0; i < Candidates.Length; i++)
        {
            offsets[i + 1] = offsets[i] + Candidates[i].Length;
        }
        ICachedScorer[] scorers = [new CachedJaroWinkler("Олександр"), new CachedLevenshtein("Олександр"), new CachedOsa("Олександр")];
        foreach (var scorer in scorers)
        {
            var scores = new double[Candidates.Length];
            CachedScorerBatch.ScoreAll(scorer, arena, offsets, scores, scoreCutoff: 0.5);
            for (var i = 0; i < Candidates.Length; i++)
            {
                Assert.Equal(scorer.Similarity(Candidates[i], 0.5), scores[i]);
            }
        }
    }

    [Fact]
    public void RejectsOffsetsThatDoNotFitTheScores()
    {
        Assert.Throws<ArgumentException>(() => CachedScorerBatch.ScoreAll(new CachedOsa("a"), "ab", [0, 1, 2], new double[1]));
    }
}
