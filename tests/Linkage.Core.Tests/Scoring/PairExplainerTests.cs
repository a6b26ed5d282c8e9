using Linkage.Dates;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Tests.Scoring;

public class PairExplainerTests
{
    private static PersonDetails Child(string surname, string given, Sex sex, string date) =>
        new() { Surname = surname, GivenName = given, Sex = sex, BirthDateText = date, BirthDate = PartialDate.Parse(date, null, out _) };

    [Fact]
    public void A_russified_pair_is_explained_field_by_field_and_its_weights_add_up()
    {
        var reference = new ReferenceRecord("UA-1", Child("Лисенко", "Олександр", Sex.Male, "2014-03-12"));
        var listing = new ListingRecord("L-1", Child("Лысенко", "Александр", Sex.Male, "2014-03-12"));

        var explained = PairExplainer.Explain(reference, listing, LinkEngine.Default);

        var model = LinkEngine.DefaultModel;
        Assert.Equal(model.Comparisons.Select(c => c.Name), explained.Evidence.Select(e => e.Comparison));
        Assert.Equal("exact", explained.Evidence.Single(e => e.Comparison == "birth_date").Level);
        Assert.Contains("Олександр", explained.Evidence.Single(e => e.Comparison == "given_name").Detail, StringComparison.Ordinal);
        var priorWeight = Math.Log2(model.Prior / (1 - model.Prior));
        Assert.Equal(explained.MatchWeight, priorWeight + explained.Evidence.Sum(e => e.Weight), 0.05);
        Assert.NotEmpty(explained.BlockingRules);
    }

    [Fact]
    public void A_pair_no_rule_proposes_is_still_scored_and_says_so()
    {
        var reference = new ReferenceRecord("UA-2", Child("Поліщук", "Соломія", Sex.Female, "2011-11-23"));
        var listing = new ListingRecord("L-2", Child("Иванов", "Дмитрий", Sex.Male, "2005-01-01"));

        var explained = PairExplainer.Explain(reference, listing, LinkEngine.Default);

        Assert.Empty(explained.BlockingRules);
        Assert.Equal(MatchDecision.NonMatch, explained.Decision);
        Assert.Equal("disagree", explained.Evidence.Single(e => e.Comparison == "sex").Level);
    }

    [Fact]
    public void Among_all_listings_the_term_frequency_part_is_shown_and_the_weight_is_what_link_gives()
    {
        var listings = Enumerable.Range(0, 400)
            .Select(i => new ListingRecord($"L{i}", Child($"Прізвище{i}", i < 2 ? "Соломія" : "Олександр", Sex.Female, "2011-11-23")))
            .ToArray();
        var reference = new ReferenceRecord("UA-3", Child("Прізвище1", "Соломія", Sex.Female, "2011-11-23"));
        var engine = LinkEngine.Create(TermFrequencyTests.WithTermFrequencies(LinkEngine.DefaultModel), LinkEngine.Default.Names, LinkEngine.Default.Places);

        var among = PairExplainer.Explain(reference, listings, "L1", engine);
        var alone = PairExplainer.Explain(reference, listings[1], engine);
        var linked = Linker.Link([reference], listings, engine, new LinkOptions { DegreeOfParallelism = 1 }).Matches.Single(m => m.ListingId == "L1");

        var given = among.Evidence.Single(e => e.Comparison == "given_name");
        Assert.True(given.TermFrequency > 0, $"term frequency {given.TermFrequency}");
        Assert.Equal(0, alone.Evidence.Single(e => e.Comparison == "given_name").TermFrequency);
        Assert.Equal(linked.MatchWeight, among.MatchWeight, 9);
        Assert.Equal(linked.BlockingRules, among.BlockingRules);
        Assert.Throws<ArgumentException>(() => PairExplainer.Explain(reference, listings, "no-such-listing", engine));
    }
}
