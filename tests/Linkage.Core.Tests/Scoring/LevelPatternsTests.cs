using Linkage.Scoring.Training;

namespace Linkage.Tests.Scoring;

public class LevelPatternsTests
{
    [Fact]
    public void Equal_level_vectors_are_one_pattern_whose_counts_and_matches_add_up()
    {
        var patterns = new LevelPatterns(3);

        patterns.Add([0, 1, 2]);
        patterns.Add([0, 1, 2], count: 2, matches: 1);
        patterns.Add([2, 1, 0], count: 1, matches: 1);

        Assert.Equal(2, patterns.Count);
        Assert.Equal([0, 1, 2], patterns.Levels(0).ToArray());
        Assert.Equal((3.0, 1.0), (patterns.CountOf(0), patterns.MatchesOf(0)));
        Assert.Equal((4.0, 2.0), (patterns.TotalCount, patterns.TotalMatches));
        Assert.Throws<ArgumentException>(() => patterns.Add([0, 1]));
    }
}
