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

        /// <summary>Each record's sibling group (0: none); none at all when empty.</summary>
        public int[] Groups { get; init; } = [];

        /// <summary>Each record's surname skeleton; none at all when empty.</summary>
        public string[] Surnames { get; init; } = [];

        public string NameSkeleton(Linkage.Names.NameKind kind, int record) =>
            kind == Linkage.Names.NameKind.Surname && Surnames.Length > 0 ? Surnames[record] : "";

        public int SiblingGroup(int record) => Groups.Length > 0 ? Groups[record] : 0;
    }

    private static BlockingRule[] WithSiblingCross(params BlockingRule[] rules) => BlockingRule.FromModels(
        [.. rules.Select(r => new Linkage.Scoring.BlockingRuleModel { Name = r.Name, Keys = ["birth_year"] }),
         new Linkage.Scoring.BlockingRuleModel { Name = "siblings", Kind = "sibling_cross", Via = [rules[0].Name] }])
        .Select((rule, i) => i < rules.Length ? rules[i] : rule).ToArray();

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
    public void A_sides_keys_computed_once_hold_each_records_distinct_keys_and_none_under_sibling_cross()
    {
        // Record 0 gives its own key again as an alternate; record 1 has no year; record 2 has none of the rule's values.
        var records = new Table((5, 2014, [5, 6, 6]), (5, 0, []), (0, 0, []), (6, 2015, [])) { Groups = [1, 1, 0, 0] };
        var rules = WithSiblingCross(GivenAndYear);

        var keys = RecordKeys.Compute(rules, records);

        var one = new List<ulong>();
        BlockKeys.Compute(GivenAndYear, new Table((5, 2014, [])), 0, one, []);
        var other = new List<ulong>();
        BlockKeys.Compute(GivenAndYear, new Table((6, 2014, [])), 0, other, []);
        Assert.Equal([one[0], other[0]], keys.Of(0, 0).ToArray());
        Assert.True(keys.Of(0, 1).IsEmpty);
        Assert.True(keys.Of(0, 2).IsEmpty);
        Assert.Equal(1, keys.Of(0, 3).Length);
        Assert.NotEqual(one[0], keys.Of(0, 3)[0]);
        Assert.All(Enumerable.Range(0, records.Count), r => Assert.True(keys.Of(1, r).IsEmpty));
        Assert.Equal(keys.Groups!.GroupOf(0), keys.Groups.GroupOf(1));
        Assert.Equal(0, keys.Groups.GroupOf(2));
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
    public void Sibling_cross_pairs_two_groups_once_a_via_rule_pairs_two_of_their_children()
    {
        // r0 meets l0 on given name and year; r1, r0's sibling, was listed as l1 beside l0 under another name and year.
        var listings = new Table((1, 2014, []), (9, 2017, []), (9, 2017, []), (2, 2016, [])) { Groups = [20, 20, 21, 0] };
        var references = new Table((1, 2014, []), (2, 2016, []), (3, 2018, [])) { Groups = [10, 10, 0] };
        var rules = WithSiblingCross(GivenAndYear);
        var finder = new CandidateFinder(BlockingIndex.Build(rules, listings), references, listings.Count);

        finder.Find(1);
        Assert.Equal(new Dictionary<int, uint> { [3] = 0b01, [0] = 0b10, [1] = 0b10 }, finder.Candidates.Zip(finder.RuleMasks).ToDictionary(p => p.First, p => p.Second));
        finder.Find(0);
        Assert.Equal(new Dictionary<int, uint> { [0] = 0b01 }, finder.Candidates.Zip(finder.RuleMasks).ToDictionary(p => p.First, p => p.Second));
        finder.Find(2);
        Assert.Empty(finder.Candidates);
    }

    [Fact]
    public void Sibling_cross_matches_its_definition_on_random_tables()
    {
        var random = new Random(13);
        (int, int, int[]) Row() => (random.Next(1, 8), 2010 + random.Next(4), []);
        var listingRows = Enumerable.Range(0, 200).Select(_ => Row()).ToArray();
        var referenceRows = Enumerable.Range(0, 60).Select(_ => Row()).ToArray();
        var listings = new Table(listingRows) { Groups = listingRows.Select(_ => random.Next(3) == 0 ? 0 : random.Next(1, 60)).ToArray() };
        var references = new Table(referenceRows) { Groups = referenceRows.Select(_ => random.Next(3) == 0 ? 0 : random.Next(1, 25)).ToArray() };
        var rules = WithSiblingCross(GivenAndYear, YearOnly);
        var finder = new CandidateFinder(BlockingIndex.Build(rules, listings), references, listings.Count);

        bool Via(int r, int l) => referenceRows[r].Item1 == listingRows[l].Item1 && referenceRows[r].Item2 == listingRows[l].Item2;
        var crossPairs = 0;
        for (var r = 0; r < references.Count; r++)
        {
            finder.Find(r);
            var expected = new List<int>();
            for (var l = 0; l < listings.Count; l++)
            {
                var g = references.Groups[r];
                var h = listings.Groups[l];
                var cross = g != 0 && h != 0 && Enumerable.Range(0, references.Count).Any(r2 => r2 != r && references.Groups[r2] == g
                    && Enumerable.Range(0, listings.Count).Any(l2 => listings.Groups[l2] == h && Via(r2, l2)));
                if (cross)
                {
                    expected.Add(l);
                }
            }
            var proposed = finder.Candidates.Where((_, i) => (finder.RuleMasks[i] & 0b100) != 0).Order().ToArray();
            Assert.Equal(expected, proposed);
            crossPairs += proposed.Length;
        }
        Assert.InRange(crossPairs, 1, int.MaxValue);
    }

    [Fact]
    public void A_minhash_rule_proposes_pairs_sharing_a_band_and_its_keys()
    {
        var random = new Random(14);
        string[] surnames = ["kovalenko", "kovalenka", "bondarenko", "bondarenco", "tkachuk", "tkachyk", "melnyk", ""];
        (int, int, int[]) Row() => (1, 2010 + random.Next(3), []);
        var listingRows = Enumerable.Range(0, 120).Select(_ => Row()).ToArray();
        var referenceRows = Enumerable.Range(0, 40).Select(_ => Row()).ToArray();
        var listings = new Table(listingRows) { Surnames = listingRows.Select(_ => surnames[random.Next(surnames.Length)]).ToArray() };
        var references = new Table(referenceRows) { Surnames = referenceRows.Select(_ => surnames[random.Next(surnames.Length)]).ToArray() };
        var rule = BlockingRule.FromModel(new Linkage.Scoring.BlockingRuleModel
        {
            Name = "surname_minhash+year", Kind = "minhash", Keys = ["birth_year"],
            MinHash = new Linkage.Scoring.MinHashModel { Field = "surname", Bands = 6, Rows = 2, Seed = 3 },
        });
        var finder = new CandidateFinder(BlockingIndex.Build([rule], listings), references, listings.Count);

        ulong[] Bands(string name)
        {
            var keys = new ulong[6];
            return keys[..rule.MinHash!.BandKeys(name, keys)];
        }
        var nearSpellings = 0;
        for (var r = 0; r < references.Count; r++)
        {
            finder.Find(r);
            var expected = Enumerable.Range(0, listings.Count)
                .Where(l => referenceRows[r].Item2 == listingRows[l].Item2
                    && Bands(references.Surnames[r]).Zip(Bands(listings.Surnames[l])).Any(p => p.First == p.Second))
                .ToArray();
            Assert.Equal(expected, finder.Candidates.Order());
            nearSpellings += expected.Count(l => listings.Surnames[l] != references.Surnames[r]);
        }
        Assert.InRange(nearSpellings, 1, int.MaxValue);
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
