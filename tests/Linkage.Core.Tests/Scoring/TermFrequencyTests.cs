using Linkage.Dates;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Tests.Scoring;

public class TermFrequencyTests
{
    /// <summary>The levels a term-frequency adjustment applies to: names agreeing on a key or near it, surnames on an initial.</summary>
    internal static readonly (string Comparison, string Level)[] AdjustedLevels =
    [
        ("given_name", "exact"), ("given_name", "same_key"), ("given_name", "diminutive"), ("given_name", "fuzzy_0.92"), ("given_name", "fuzzy_0.85"),
        ("surname", "exact"), ("surname", "same_key"), ("surname", "fuzzy_0.92"), ("surname", "fuzzy_0.85"), ("surname", "initial_agrees"),
    ];

    /// <summary><paramref name="model"/> with every name level that can be term-frequency adjusted adjusted, or none.</summary>
    internal static MatchModel WithTermFrequencies(MatchModel model, bool enabled = true, double? minimumU = null) => model with
    {
        Comparisons = model.Comparisons.Select(c => c with
        {
            Levels = c.Levels.Select(l => AdjustedLevels.Contains((c.Name, l.Name)) ? l with { TfAdjust = enabled, TfMinimumU = minimumU } : l).ToArray(),
        }).ToArray(),
    };

    private static PersonDetails Child(string surname, string given, string date) =>
        new() { Surname = surname, GivenName = given, Sex = Sex.Male, BirthDateText = date, BirthDate = PartialDate.Parse(date, null, out _) };

    [Fact]
    public void Adjustment_is_log2_of_u_over_the_values_share_of_listings()
    {
        // 300 listings with a value: id 1 on 240, id 2 on 60; 100 without.
        var values = Enumerable.Repeat(1, 240).Concat(Enumerable.Repeat(2, 60)).Concat(Enumerable.Repeat(0, 100)).ToArray();

        var adjustments = TermFrequencies.Adjustments(values, valueCount: 0, u: 0.1, minimumU: null);

        Assert.Equal(0, adjustments[0]);
        Assert.Equal(Math.Log2(0.1 / 0.8), adjustments[1], 12);
        Assert.Equal(Math.Log2(0.1 / 0.2), adjustments[2], 12);
    }

    [Fact]
    public void Rare_values_are_floored_at_a_minimum_count_and_the_adjustment_is_clamped()
    {
        var values = Enumerable.Repeat(1, 999).Append(2).ToArray();

        var adjustments = TermFrequencies.Adjustments(values, valueCount: 0, u: 0.001, minimumU: null);
        // Seen once among 1,000, value 2 counts as seen MinimumCount times.
        Assert.Equal(Math.Log2(0.001 / ((double)TermFrequencies.MinimumCount / 1000)), adjustments[2], 12);
        // log2(0.001 / 0.999) is about −10 bits: clamped.
        Assert.Equal(-TermFrequencies.MaxAdjustment, adjustments[1]);
        Assert.Equal(TermFrequencies.MaxAdjustment, TermFrequencies.Adjustments(values, valueCount: 0, u: 0.9, minimumU: null)[2]);
        // tf_minimum_u floors the frequency above the minimum count.
        Assert.Equal(Math.Log2(0.001 / 0.01), TermFrequencies.Adjustments(values, valueCount: 0, u: 0.001, minimumU: 0.01)[2], 12);
    }

    [Fact]
    public void Too_few_listings_give_no_adjustment()
    {
        var values = Enumerable.Range(1, TermFrequencies.MinimumListings - 1).ToArray();

        Assert.All(TermFrequencies.Adjustments(values, valueCount: 0, u: 0.01, minimumU: null), a => Assert.Equal(0, a));
    }

    [Fact]
    public void A_rare_given_name_weighs_more_than_a_common_one_at_the_same_level()
    {
        // Listings: Олександр is very common, Соломія appears twice.
        var listings = Enumerable.Range(0, 400)
            .Select(i => new ListingRecord($"L{i}", Child($"Прізвище{i}", i < 2 ? "Соломія" : "Олександр", "2014-03-12")))
            .ToArray();
        var references = new[]
        {
            new ReferenceRecord("R-common", Child("Шевчук", "Олександр", "2014-03-12")),
            new ReferenceRecord("R-rare", Child("Шевчук", "Соломія", "2014-03-12")),
        };
        var session = Session(references, listings);
        var given = Index(session, "given_name");

        var common = session.Explain(0, Listing(session, "L100"), 0, 1, 0, references[0], []).Evidence[given];
        var rare = session.Explain(1, Listing(session, "L1"), 0, 1, 0, references[1], []).Evidence[given];

        Assert.Equal("exact", common.Level);
        Assert.Equal("exact", rare.Level);
        Assert.True(rare.Weight > common.Weight + 3, $"rare {rare.Weight} vs common {common.Weight}");
        Assert.Contains("common value", common.Detail, StringComparison.Ordinal);
        Assert.Contains("rare value", rare.Detail, StringComparison.Ordinal);
        // The evidence keeps the adjustment apart from the level's own weight, which both pairs share.
        Assert.True(common.TermFrequency < 0 && rare.TermFrequency > 0, $"rare {rare.TermFrequency} vs common {common.TermFrequency}");
        Assert.Equal(common.LevelWeight, rare.LevelWeight, 0.011);
        Assert.Equal(session.Model.LevelWeight(given, 0), rare.LevelWeight, 0.011);
        Assert.Contains(FormattableString.Invariant($"of which term frequency {rare.TermFrequency:+0.0}"), rare.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rare_given_name_spelt_nearly_alike_weighs_more_than_a_common_one()
    {
        // Listings: Олександр on 300, Соломія on 2; each reference has a typo.
        var listings = Enumerable.Range(0, 400)
            .Select(i => new ListingRecord($"L{i}", Child($"Прізвище{i}", i < 2 ? "Соломія" : i < 302 ? "Олександр" : $"Ім'я{i}", "2014-03-12")))
            .ToArray();
        var references = new[]
        {
            new ReferenceRecord("R-common", Child("Шевчук", "Олексагдр", "2014-03-12")),
            new ReferenceRecord("R-rare", Child("Шевчук", "Соломіф", "2014-03-12")),
        };
        var session = Session(references, listings);
        var given = Index(session, "given_name");

        var common = session.Explain(0, Listing(session, "L100"), 0, 1, 0, references[0], []).Evidence[given];
        var rare = session.Explain(1, Listing(session, "L1"), 0, 1, 0, references[1], []).Evidence[given];

        Assert.StartsWith("fuzzy", common.Level, StringComparison.Ordinal);
        Assert.Equal(common.Level, rare.Level);
        Assert.True(rare.Weight > common.Weight + 3, $"rare {rare.Weight} vs common {common.Weight}");
    }

    [Fact]
    public void At_a_fuzzy_level_the_more_common_of_the_two_spellings_counts()
    {
        // A typo makes a listing's spelling unique; the reference's name is the common one.
        var listings = Enumerable.Range(0, 400)
            .Select(i => new ListingRecord($"L{i}", Child($"Прізвище{i}", i == 0 ? "Олексагдр" : i < 300 ? "Олександр" : $"Ім'я{i}", "2014-03-12")))
            .ToArray();
        var references = new[]
        {
            new ReferenceRecord("R-common", Child("Шевчук", "Олександр", "2014-03-12")),
            new ReferenceRecord("R-unseen", Child("Шевчук", "Олексапдр", "2014-03-12")),
        };
        var session = Session(references, listings);
        var given = Index(session, "given_name");
        var typo = Listing(session, "L0");
        var level = session.Model.Comparisons[given].Level(0, typo);
        var typoAgainstItself = session.Model.Comparisons[given].Level(1, typo);

        var adjustment = session.Model.Adjustment(given, level, 0, typo);
        // Against a spelling no listing holds, the listing's own (rare, bounded) frequency counts.
        var unseen = session.Model.Adjustment(given, typoAgainstItself, 1, typo);

        Assert.StartsWith("fuzzy", session.Model.Comparisons[given].LevelNames[level], StringComparison.Ordinal);
        Assert.True(adjustment < 0, $"a common name misspelt adjusts by {adjustment}");
        Assert.True(unseen > 0 && unseen <= TermFrequencies.MaxAdjustment, $"unseen spelling adjusts by {unseen}");
    }

    [Fact]
    public void Adjustments_at_every_level_stay_within_the_bound()
    {
        var listings = Enumerable.Range(0, 400)
            .Select(i => new ListingRecord($"L{i}", Child(i % 7 == 0 ? "Коваленко" : $"Прізвище{i}", i % 3 == 0 ? "Іван" : $"Ім'я{i}", "2014-03-12")))
            .ToArray();
        string[] names = ["Іван", "Іванн", "Ім'я5", "Ім'яя5", "Соломія"];
        var references = names.Select((name, i) => new ReferenceRecord($"R{i}", Child(i % 2 == 0 ? "Коваленко" : "Ковальенко", name, "2014-03-12")))
            .ToArray();
        var session = Session(references, listings);

        for (var r = 0; r < references.Length; r++)
        {
            for (var l = 0; l < listings.Length; l++)
            {
                for (var c = 0; c < session.Model.Comparisons.Count; c++)
                {
                    var adjustment = session.Model.Adjustment(c, session.Model.Comparisons[c].Level(r, l), r, l);
                    Assert.InRange(adjustment, -TermFrequencies.MaxAdjustment, TermFrequencies.MaxAdjustment);
                }
            }
        }
    }

    [Fact]
    public void An_initial_only_surname_weighs_by_how_common_its_initial_is()
    {
        // Most listed surnames start with К, a few with Щ.
        var listings = Enumerable.Range(0, 400)
            .Select(i => new ListingRecord($"L{i}", Child(i < 5 ? $"Щербак{i}" : $"Коваленко{i}", "Іван", "2014-03-12")))
            .ToArray();
        var references = new[]
        {
            new ReferenceRecord("R-K", Child("К.", "Іван", "2014-03-12")),
            new ReferenceRecord("R-Shch", Child("Щ.", "Іван", "2014-03-12")),
        };
        var session = Session(references, listings);
        var surname = Index(session, "surname");

        var common = session.Explain(0, Listing(session, "L200"), 0, 1, 0, references[0], []).Evidence[surname];
        var rare = session.Explain(1, Listing(session, "L2"), 0, 1, 0, references[1], []).Evidence[surname];

        Assert.Equal("initial_agrees", common.Level);
        Assert.Equal("initial_agrees", rare.Level);
        Assert.True(rare.Weight > common.Weight, $"rare {rare.Weight} vs common {common.Weight}");
    }

    [Fact]
    public void A_level_that_names_no_value_cannot_be_adjusted()
    {
        var model = LinkEngine.DefaultModel;
        var broken = model with
        {
            Comparisons = model.Comparisons.Select(c => c.Name != "birth_date" ? c : c with
            {
                Levels = c.Levels.Select((l, i) => i == 0 ? l with { TfAdjust = true } : l).ToArray(),
            }).ToArray(),
        };
        var engine = LinkEngine.Create(broken, LinkEngine.Default.Names, LinkEngine.Default.Places);
        var one = new[] { new ReferenceRecord("R", Child("Шевчук", "Іван", "2014-03-12")) };
        var listing = new[] { new ListingRecord("L", Child("Шевчук", "Іван", "2014-03-12")) };

        var error = Assert.Throws<InvalidDataException>(() => LinkSession.Prepare(one, listing, engine, new ParallelOptions()));
        Assert.Contains("birth_date", error.Message, StringComparison.Ordinal);
    }

    private static LinkSession Session(ReferenceRecord[] references, ListingRecord[] listings)
    {
        var engine = LinkEngine.Create(WithTermFrequencies(LinkEngine.DefaultModel), LinkEngine.Default.Names, LinkEngine.Default.Places);
        return LinkSession.Prepare(references, listings, engine, new ParallelOptions());
    }

    private static int Index(LinkSession session, string comparison) =>
        session.Model.Comparisons.Select((c, i) => (c.Name, i)).Single(x => x.Name == comparison).i;

    private static int Listing(LinkSession session, string id) =>
        session.ListingRecords.Select((l, i) => (l.ListingId, i)).Single(x => x.ListingId == id).i;
}
