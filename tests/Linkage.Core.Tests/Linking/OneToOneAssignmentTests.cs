using Linkage.Dates;
using Linkage.Linking;
using Linkage.Ingest;
using Linkage.Records;
using Linkage.Synthetic;
using Linkage.Tests.Ingest;

namespace Linkage.Tests.Linking;

public class OneToOneAssignmentTests
{
    private static PersonDetails Child(string surname, string given, Sex sex, string date) =>
        new() { Surname = surname, GivenName = given, Sex = sex, BirthDateText = date, BirthDate = PartialDate.Parse(date, null, out _) };

    private static CandidateMatch Claim(string reference, string listing, double probability) => new()
    {
        ReferenceId = reference,
        ListingId = listing,
        Rank = 1,
        MatchProbability = probability,
        MatchWeight = Math.Log2(probability / (1 - probability)),
        Decision = LinkEngine.Default.Model.Thresholds.Match <= probability ? MatchDecision.Match : MatchDecision.Review,
        Levels = [],
        Evidence = [],
        BlockingRules = [],
    };

    [Fact]
    public void A_listing_claimed_by_two_children_goes_to_the_more_probable_one()
    {
        ReferenceRecord[] references =
        [
            new("UA-1", Child("Шевчук", "Олександр", Sex.Male, "2014-03-12")),
            new("UA-2", Child("Мельник", "Дмитро", Sex.Male, "2013-07-01")),
        ];
        CandidateMatch[] claims = [Claim("UA-1", "L-1", 0.97), Claim("UA-2", "L-1", 0.95), Claim("UA-2", "L-2", 0.5)];

        var assigned = OneToOneAssignment.Apply(claims, references, LinkEngine.Default);

        Assert.Equal(claims[0], assigned[0]);
        Assert.Equal(MatchDecision.NonMatch, assigned[1].Decision);
        Assert.Equal(claims[1].MatchProbability, assigned[1].MatchProbability);
        var why = Assert.Single(assigned[1].Evidence);
        Assert.Equal("assigned_elsewhere", why.Level);
        Assert.Contains("UA-1", why.Detail, StringComparison.Ordinal);
        // An uncontested claim is untouched.
        Assert.Equal(claims[2], assigned[2]);
    }

    [Fact]
    public void Duplicate_reports_of_one_child_keep_their_claims_and_a_child_may_hold_several_listings()
    {
        ReferenceRecord[] references =
        [
            new("UA-1", Child("Поліщук", "Соломія", Sex.Female, "2011-11-23")),
            new("NGO-7", Child("Polishchuk", "Solomiia", Sex.Female, "23.11.2011")),
        ];
        // L-1 and L-2: the same child listed twice (a re-listing under a new id).
        CandidateMatch[] claims = [Claim("UA-1", "L-1", 0.99), Claim("NGO-7", "L-1", 0.96), Claim("UA-1", "L-2", 0.98)];

        var assigned = OneToOneAssignment.Apply(claims, references, LinkEngine.Default);

        Assert.Equal(claims[1].Decision, assigned[1].Decision);
        Assert.Equal("duplicate_report", Assert.Single(assigned[1].Evidence).Level);
        Assert.Equal(claims[0], assigned[0]);
        Assert.Equal(claims[2], assigned[2]);
    }

    [Fact]
    public void Claims_already_decided_non_match_do_not_contest_a_listing()
    {
        ReferenceRecord[] references =
        [
            new("UA-1", Child("Шевчук", "Олександр", Sex.Male, "2014-03-12")),
            new("UA-2", Child("Мельник", "Дмитро", Sex.Male, "2013-07-01")),
        ];
        CandidateMatch[] claims = [Claim("UA-1", "L-1", 0.97), Claim("UA-2", "L-1", 0.01) with { Decision = MatchDecision.NonMatch }];

        Assert.Equal(claims, OneToOneAssignment.Apply(claims, references, LinkEngine.Default));
    }

    [Fact]
    public void Linking_one_to_one_leaves_each_listing_one_child_with_its_duplicate_reports()
    {
        using var directory = new TempDirectory();
        CorpusGenerator.Write(new SynthOptions { Children = 300, Seed = 11 }, directory.Path);
        var references = RecordFileReader.ReadReferences(Path.Combine(directory.Path, "references.csv")).Records;
        var listings = RecordFileReader.ReadListings(Path.Combine(directory.Path, "listings.csv")).Records;

        var free = Linker.Link(references, listings, LinkEngine.Default, new LinkOptions { DegreeOfParallelism = 1 }).Matches;
        var assigned = Linker.Link(references, listings, LinkEngine.Default, new LinkOptions { DegreeOfParallelism = 1, OneToOne = true }).Matches;

        Assert.Equal(free.Select(m => (m.ReferenceId, m.ListingId, m.MatchProbability)), assigned.Select(m => (m.ReferenceId, m.ListingId, m.MatchProbability)));
        foreach (var claims in assigned.Where(m => m.Decision != MatchDecision.NonMatch).GroupBy(m => m.ListingId))
        {
            var owners = claims.Where(m => !m.Evidence.Any(e => e.Comparison == OneToOneAssignment.ComparisonName)).ToArray();
            Assert.Single(owners);
        }
        Assert.True(free.Count(m => m.Decision != MatchDecision.NonMatch) > assigned.Count(m => m.Decision != MatchDecision.NonMatch));
    }
}
