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

    [Fact]
    public void Offsets_apart_are_separate_patterns_and_near_ones_share_their_mean()
    {
        var patterns = new LevelPatterns(2);

        patterns.Add([0, 1], offset: 2.0);
        patterns.Add([0, 1], count: 3, offset: 2.0 + LevelPatterns.OffsetBucket / 10);
        patterns.Add([0, 1], offset: -1.0);

        Assert.Equal(2, patterns.Count);
        Assert.Equal([0, 1], patterns.Levels(1).ToArray());
        Assert.Equal((2.0 + 3 * (2.0 + LevelPatterns.OffsetBucket / 10)) / 4, patterns.OffsetOf(0), 12);
        Assert.Equal(-1.0, patterns.OffsetOf(1), 12);
    }
}
