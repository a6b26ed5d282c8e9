using Linkage.Blocking;

namespace Linkage.Tests.Blocking;

public class CandidateFinderTests
{
    /// <summary>Records as rows of key values; 0 is "no value".</summary>
    private sealed class Table(params (int Given, int Year, int[] Alternates)[] rows) : IBlockingKeySource
    {
        public int Count => rows.Length;

        public int Values(BlockingKeyPart part, int record, Span<int> values)
        {
            var row = rows[record];
            var all = part switch
            {
                BlockingKeyPart.GivenNameKey => new[] { row.Given }.Concat(row.Alternates).Where(v => v != 0).ToArray(),
                BlockingKeyPart.BirthYear => row.Year == 0 ? [] : [row.Year],
                _ => [],
            };
            all.CopyTo(values);
            return all.Length;
        }

        /// <summary>The birth year stands in for a column of another schema ("year").</summary>
        public int ColumnValue(string column, int record) =>
            column == "year" ? rows[record].Year : throw new ArgumentOutOfRangeException(nameof(column), column, null);
    }

    private static readonly BlockingRule GivenAndYear = new("given+year", [BlockingKeyPart.GivenNameKey, BlockingKeyPart.BirthYear]);
    private static readonly BlockingRule YearOnly = new("year", [BlockingKeyPart.BirthYear]);

    [Fact]
    public void Candidates_are_the_union_of_rules_each_listed_once_with_every_rule_that_proposed_it()
    {
        var listings = new Table((1, 2014, []), (1, 2015, []), (2, 2014, []), (1, 0, []));
        var references = new Table((1, 2014, []));
        var finder = new CandidateFinder(BlockingIndex.Build([GivenAndYear, YearOnly], listings), references, listings.Count);

        finder.Find(0);

        var proposed = finder.Candidates.Zip(finder.RuleMasks).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(new Dictionary<int, uint> { [0] = 0b11, [2] = 0b10 }, proposed);
    }

    [Fact]
    public void A_record_missing_a_key_part_is_not_blocked_by_that_rule()
    {
        var listings = new Table((1, 0, []), (0, 2014, []));
        var references = new Table((1, 2014, []));
        var finder = new CandidateFinder(BlockingIndex.Build([GivenAndYear], listings), references, listings.Count);

        finder.Find(0);

        Assert.Empty(finder.Candidates);
    }

    [Fact]
    public void Multi_valued_keys_meet_on_any_value_and_the_finder_resets_between_references()
    {
        // A diminutive stands for two full names (keys 5 and 6); a listing with either meets it.
        var listings = new Table((5, 2014, []), (6, 2014, []), (7, 2014, []));
        var references = new Table((9, 2014, [5, 6]), (7, 2014, []));
        var finder = new CandidateFinder(BlockingIndex.Build([GivenAndYear], listings), references, listings.Count);

        finder.Find(0);
        Assert.Equal([0, 1], finder.Candidates.Order());
        finder.Find(1);
        Assert.Equal([2], finder.Candidates);
    }

    [Fact]
    public void Matches_exhaustive_key_equality_on_random_tables()
    {
        var random = new Random(11);
        (int, int, int[]) Row() => (random.Next(0, 6), random.Next(0, 3) == 0 ? 0 : 2010 + random.Next(3), []);
        var listings = new Table(Enumerable.Range(0, 300).Select(_ => Row()).ToArray());
        var references = new Table(Enumerable.Range(0, 50).Select(_ => Row()).ToArray());
        var finder = new CandidateFinder(BlockingIndex.Build([GivenAndYear], listings), references, listings.Count);
        Span<int> a = stackalloc int[8];
        Span<int> b = stackalloc int[8];

        for (var r = 0; r < references.Count; r++)
        {
            finder.Find(r);
            var expected = new List<int>();
            for (var l = 0; l < listings.Count; l++)
            {
                var sameGiven = references.Values(BlockingKeyPart.GivenNameKey, r, a) == 1 && listings.Values(BlockingKeyPart.GivenNameKey, l, b) == 1 && a[0] == b[0];
                var sameYear = references.Values(BlockingKeyPart.BirthYear, r, a) == 1 && listings.Values(BlockingKeyPart.BirthYear, l, b) == 1 && a[0] == b[0];
                if (sameGiven && sameYear)
                {
                    expected.Add(l);
                }
            }
            Assert.Equal(expected, finder.Candidates.Order());
        }
    }

    [Fact]
    public void A_column_key_blocks_like_the_key_part_it_stands_for()
    {
        var random = new Random(12);
        (int, int, int[]) Row() => (random.Next(0, 6), random.Next(0, 3) == 0 ? 0 : 2010 + random.Next(3), []);
        var listings = new Table(Enumerable.Range(0, 300).Select(_ => Row()).ToArray());
        var references = new Table(Enumerable.Range(0, 50).Select(_ => Row()).ToArray());
        var givenAndYearColumn = BlockingRule.FromModel(new Linkage.Scoring.BlockingRuleModel { Name = "given+column", Keys = ["given_name_key", "column:year"] });
        var byParts = new CandidateFinder(BlockingIndex.Build([GivenAndYear], listings), references, listings.Count);
        var byColumn = new CandidateFinder(BlockingIndex.Build([givenAndYearColumn], listings), references, listings.Count);

        Assert.Equal(["year"], givenAndYearColumn.Columns);
        for (var r = 0; r < references.Count; r++)
        {
            byParts.Find(r);
            byColumn.Find(r);
            Assert.Equal(byParts.Candidates.Order(), byColumn.Candidates.Order());
        }
    }
}
