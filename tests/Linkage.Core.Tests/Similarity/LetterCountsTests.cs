using Linkage.Comparison;
using Linkage.Comparison.Similarity;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Tests.Similarity;

/// <summary>The letter-count filter never overrules a kernel, and what the pair loop is told to skip it may skip.</summary>
public class LetterCountsTests
{
    [Fact]
    public void The_bounds_never_exceed_what_the_naive_kernels_compute()
    {
        var strings = new RandomStrings(21);
        var rejected = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = strings.NextPair();
            if (a.Length == 0 || b.Length == 0 || a.Length > LetterCounts.MaxLength || b.Length > LetterCounts.MaxLength)
            {
                continue;
            }
            var counts = new LetterCounts([a, b]);
            var difference = LetterCounts.Difference(counts, 0, counts, 1);
            Assert.True(LetterCounts.MinimumDistance(difference) <= NaiveSimilarity.Osa(a, b), $"'{a}' / '{b}'");
            var similarity = NaiveSimilarity.JaroWinkler(a, b);
            foreach (var cutoff in (double[])[0.5, 0.7, 0.8, 0.85, 0.92, 0.97])
            {
                if (LetterCounts.BelowJaroWinkler(a.Length, b.Length, difference, cutoff))
                {
                    rejected++;
                    Assert.True(similarity < cutoff, $"'{a}' / '{b}' at {cutoff}: {similarity}");
                }
            }
        }
        Assert.InRange(rejected, 1000, int.MaxValue);
    }

    [Fact]
    public void Random_identity_numbers_are_mostly_told_apart_without_a_kernel()
    {
        var random = new Random(4);
        var numbers = Enumerable.Range(0, 2000).Select(_ => random.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var counts = new LetterCounts(numbers);

        var filtered = Enumerable.Range(0, 1999).Count(i => LetterCounts.MinimumDistance(LetterCounts.Difference(counts, i, counts, i + 1)) > 2);

        Assert.InRange(filtered, 1000, 1999);
    }

    [Theory]
    [InlineData("jaro_winkler", new[] { 0.92, 0.8 })]
    [InlineData("edit_distance", new[] { 1.0, 2.0 })]
    public void A_column_cursor_gives_the_straightforward_level_or_says_truly_that_it_is_weaker_than_needed(string kind, double[] thresholds)
    {
        var strings = new RandomStrings(22);
        var pairs = Enumerable.Range(0, 150).Select(_ => strings.NextPair()).ToArray();
        var references = pairs.Select(p => new PersonDetails { GivenName = p.Query }).ToArray();
        // Listings: the pairs' candidates and a few more, so every reference meets near and far values.
        var listings = pairs.Select(p => new PersonDetails { GivenName = p.Candidate }).ToArray();
        var model = new ComparisonModel
        {
            Name = "given_name", Column = "given_name", Kind = kind, Thresholds = thresholds,
            Levels = [.. Enumerable.Range(0, thresholds.Length + 3).Select(i => new LevelModel { Name = $"l{i}", M = 0.5, U = 0.5 })],
        };
        var comparison = ColumnComparison.Create(model, references, listings);
        var cursor = comparison.OpenCursor();
        var exact = 0;
        for (var r = 0; r < references.Length; r++)
        {
            cursor.MoveTo(r);
            for (var l = 0; l < listings.Length; l++)
            {
                var level = comparison.Level(r, l);
                Assert.Equal(level, cursor.Level(l));
                var quick = cursor.QuickLevel(l);
                Assert.True(quick == -1 || quick == level, $"quick level {quick}, level {level}");
                for (var strongestUseful = -1; strongestUseful < comparison.NullLevel; strongestUseful++)
                {
                    var told = cursor.Level(l, strongestUseful);
                    if (level <= strongestUseful || level == comparison.NullLevel)
                    {
                        Assert.Equal(level, told);
                        exact++;
                    }
                    else
                    {
                        Assert.InRange(told, strongestUseful + 1, comparison.NullLevel - 1);
                    }
                }
            }
        }
        Assert.InRange(exact, 1, int.MaxValue);
    }
}
