using Linkage.Dates;
using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public class CorpusGeneratorTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private static readonly string[] NameColumns = ["surname", "given_name", "patronymic"];
    private static readonly System.Buffers.SearchValues<char> UkrainianOnlyLetters = System.Buffers.SearchValues.Create("іїєґІЇЄҐ'");

    [Fact]
    public void FilesCarryTheContractHeaders()
    {
        Assert.Equal(["record_id", "surname", "given_name", "patronymic", "sex", "birth_date", "birth_place", "birth_region", "sibling_group", "notes"],
            corpus.ReferenceHeader);
        Assert.Equal(["listing_id", "source", "scraped_at", "surname", "given_name", "patronymic", "sex", "birth_date", "birth_place",
            "birth_region", "placement_region", "sibling_group", "url", "notes"], corpus.ListingHeader);
        Assert.Equal(["reference_id", "listing_id"], corpus.TruthHeader);
    }

    [Fact]
    public void SummaryCountsMatchTheFiles()
    {
        Assert.Equal(corpus.Options.Children, corpus.Summary.Children);
        Assert.Equal(corpus.Options.Children, corpus.Summary.DistractorChildren);
        Assert.Equal(corpus.Summary.References, corpus.References.Count);
        Assert.Equal(corpus.Summary.Listings, corpus.Listings.Count);
        Assert.Equal(corpus.Summary.TruthPairs, corpus.Truth.Count);
        var listingsInTruth = corpus.Truth.Select(t => t["listing_id"]).Distinct().Count();
        Assert.Equal(corpus.Summary.TrueListings, listingsInTruth);
        Assert.Equal(corpus.Summary.References - corpus.Summary.Children, corpus.Summary.Alterations[Alteration.DuplicateReport].Applied);
    }

    [Fact]
    public void IdsAreUniqueAndTruthPointsAtExistingRows()
    {
        var referenceIds = corpus.References.Select(r => r["record_id"]).ToHashSet();
        var listingIds = corpus.Listings.Select(l => l["listing_id"]).ToHashSet();
        Assert.Equal(corpus.References.Count, referenceIds.Count);
        Assert.Equal(corpus.Listings.Count, listingIds.Count);
        Assert.All(corpus.Truth, pair =>
        {
            Assert.Contains(pair["reference_id"], referenceIds);
            Assert.Contains(pair["listing_id"], listingIds);
        });
        Assert.Equal(corpus.Truth.Count, corpus.Truth.Select(t => (t["reference_id"], t["listing_id"])).Distinct().Count());
    }

    [Fact]
    public void AChildReportedTwiceHasBothReferencesPairedWithEachListing()
    {
        var referencesPerListing = corpus.Truth.GroupBy(t => t["listing_id"]).Select(g => g.Count()).ToList();
        Assert.Contains(2, referencesPerListing);
        var duplicateIds = corpus.References.Where(r => r["record_id"].StartsWith("NGO-", StringComparison.Ordinal)).Select(r => r["record_id"]).ToHashSet();
        var listingsOfDuplicates = corpus.Truth.Where(t => duplicateIds.Contains(t["reference_id"])).Select(t => t["listing_id"]).ToHashSet();
        Assert.NotEmpty(listingsOfDuplicates);
        Assert.All(listingsOfDuplicates, id => Assert.Equal(2, corpus.Truth.Count(t => t["listing_id"] == id)));
    }

    [Fact]
    public void EveryAlterationOccursAtAboutItsConfiguredRate()
    {
        foreach (var kind in Enum.GetValues<Alteration>())
        {
            var count = corpus.Summary.Alterations[kind];
            var rate = corpus.Options.RateOf(kind);
            Assert.True(count.Applied > 0, $"{kind} never applied");
            Assert.True(count.Eligible >= 150, $"{kind} eligible only {count.Eligible} times");
            var tolerance = 4.5 * Math.Sqrt(rate * (1 - rate) / count.Eligible) + 0.002;
            Assert.True(Math.Abs(count.Rate - rate) <= tolerance, $"{kind}: rate {count.Rate:F4}, configured {rate}, tolerance {tolerance:F4}");
        }
    }

    [Fact]
    public void ListingsAreWrittenInRussianCyrillic()
    {
        var withUkrainianLetters = 0;
        foreach (var listing in corpus.Listings)
        {
            foreach (var column in NameColumns)
            {
                Assert.DoesNotMatch("[A-Za-z]", listing[column]);
            }
            withUkrainianLetters += NameColumns.Any(c => listing[c].AsSpan().ContainsAny(UkrainianOnlyLetters)) ? 1 : 0;
        }
        // Only the rare surname copied with its Ukrainian letters.
        Assert.InRange(withUkrainianLetters, 1, corpus.Summary.TrueListings * 3 * corpus.Options.SurnameUkrainianSpellingRate);
        Assert.Contains(corpus.Listings, l => l["surname"].Length == 2 && l["surname"][1] == '.');
    }

    [Fact]
    public void ReferencesAreUkrainianCyrillicOrLatinAtTheConfiguredShare()
    {
        var latin = corpus.References.Count(r => r["given_name"].Length > 0 && char.IsAsciiLetter(r["given_name"][0]));
        foreach (var reference in corpus.References.Where(r => !char.IsAsciiLetter(r["given_name"][0])))
        {
            foreach (var column in NameColumns)
            {
                Assert.DoesNotMatch("[ыэъёЫЭЪЁA-Za-z]", reference[column]);
            }
        }
        var expected = corpus.Options.ReferenceLatinKmuRate + (1 - corpus.Options.ReferenceLatinKmuRate) * corpus.Options.ReferenceLatinInformalRate;
        // Script is drawn per family report, so the share varies more than per row.
        Assert.InRange((double)latin / corpus.References.Count, expected * 0.7, expected * 1.3);
    }

    [Fact]
    public void ListedSiblingsAreSiblingsInTheReferences()
    {
        var primaryOf = corpus.References.ToDictionary(r => r["record_id"]);
        var referencesOf = corpus.Truth.GroupBy(t => t["listing_id"]).ToDictionary(g => g.Key, g => g.Select(t => t["reference_id"]).ToList());
        var trueListings = corpus.Listings.Where(l => referencesOf.ContainsKey(l["listing_id"])).ToList();
        foreach (var group in trueListings.Where(l => l["sibling_group"].Length > 0).GroupBy(l => l["sibling_group"]))
        {
            var referenceGroups = group.SelectMany(l => referencesOf[l["listing_id"]]).Select(id => primaryOf[id]["sibling_group"])
                .Where(g => g.Length > 0).Distinct().ToList();
            Assert.Single(referenceGroups);
            Assert.True(group.SelectMany(l => referencesOf[l["listing_id"]]).Where(id => id.StartsWith("UA-", StringComparison.Ordinal)).Distinct().Count() >= 2);
        }
        // Share of listed children whose siblings are listed (Yale HRL: 46.6%).
        var children = trueListings.GroupBy(l => referencesOf[l["listing_id"]].First(id => id.StartsWith("UA-", StringComparison.Ordinal))).ToList();
        var withSiblings = children.Count(c => c.First()["sibling_group"].Length > 0);
        Assert.InRange((double)withSiblings / children.Count, corpus.Options.SiblingShare - 0.05, corpus.Options.SiblingShare + 0.05);
    }

    [Fact]
    public void SomeSiblingGroupsHoldTwins()
    {
        var twins = corpus.References.Where(r => r["sibling_group"].Length > 0)
            .GroupBy(r => r["sibling_group"])
            .Count(g => g.Select(r => PartialDate.Parse(r["birth_date"], null, out _)).Where(d => d.Precision == DatePrecision.Day)
                .GroupBy(d => d).Any(same => same.Count() >= 2));
        Assert.True(twins > 0);
    }

    [Fact]
    public void DatesParseAndComeInMixedForms()
    {
        foreach (var row in corpus.References.Concat(corpus.Listings).Where(r => r["birth_date"].Length > 0))
        {
            PartialDate.Parse(row["birth_date"], null, out var warning);
            Assert.Null(warning);
        }
        var dates = corpus.Listings.Select(l => l["birth_date"]).Concat(corpus.References.Select(r => r["birth_date"])).ToList();
        Assert.Contains(dates, d => d.Length == 10 && d[4] == '-');
        Assert.Contains(dates, d => d.Length == 10 && d[2] == '.');
        Assert.Contains(dates, d => d.Length == 7 && d[2] == '.');
        Assert.Contains(dates, d => d.EndsWith("г.р.", StringComparison.Ordinal));
        Assert.Contains(dates, d => d.EndsWith("р.н.", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySexSpellingIsOneTheIngestReads()
    {
        foreach (var row in corpus.References.Concat(corpus.Listings))
        {
            Assert.True(Linkage.Records.SexParser.TryParse(row["sex"], out _), $"unknown sex spelling '{row["sex"]}'");
        }
    }

    [Fact]
    public void RenamedPlacesAppearUnderTheirSovietNames()
    {
        var places = corpus.Listings.Select(l => l["birth_place"].Replace("г. ", "", StringComparison.Ordinal)).ToHashSet();
        Assert.Contains("Артёмовск", places);
        Assert.Contains("ДНР", places);
    }

    [Fact]
    public void ScrapesOfAProfileFallOnDifferentNights()
    {
        var profiles = corpus.Listings.GroupBy(l => l["url"]).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(profiles);
        foreach (var profile in profiles)
        {
            var nights = profile.Select(l => l["scraped_at"][..10]).ToList();
            Assert.Equal(nights.Count, nights.Distinct().Count());
        }
    }

    [Fact]
    public void ListingRowsOfOneChildAreNotKeptTogetherInTheFile()
    {
        var position = corpus.Listings.Select((l, i) => (l["listing_id"], i)).ToDictionary(p => p.Item1, p => p.i);
        var gaps = corpus.Truth.GroupBy(t => t["reference_id"]).Where(g => g.Count() > 1)
            .Select(g => g.Select(t => position[t["listing_id"]]).Order().ToList())
            .SelectMany(p => p.Zip(p.Skip(1), (a, b) => b - a)).ToList();
        Assert.True(gaps.Average() > 100, $"mean gap {gaps.Average()}");
    }
}
