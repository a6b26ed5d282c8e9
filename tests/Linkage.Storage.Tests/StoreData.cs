using Linkage.Dates;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Tests;

/// <summary>Small records and candidate pairs for the store tests.</summary>
internal static class StoreData
{
    public static ReferenceRecord Reference(string id, string given = "Олександр") =>
        new(id, new PersonDetails { GivenName = given, Sex = Sex.Male, BirthDate = new PartialDate(2014, 3, 0), BirthDateText = "03.2014" });

    public static ListingRecord Listing(string id, string source = "usynovite", string given = "Александр", string region = "Московская область", int day = 1) =>
        new(id, new PersonDetails { GivenName = given, Surname = "К." })
        {
            Source = source,
            ScrapedAt = new DateTimeOffset(2024, 5, day, 0, 0, 0, TimeSpan.Zero),
            PlacementRegion = region,
            Url = "https://example.org/" + id,
        };

    public static CandidateMatch Candidate(string reference, string listing, double probability, string detail = "Олександр ≡ Александр", int rank = 1) =>
        new()
        {
            ReferenceId = reference,
            ListingId = listing,
            Rank = rank,
            MatchProbability = probability,
            MatchWeight = Math.Log2(probability / (1 - probability)),
            Decision = probability >= 0.9 ? MatchDecision.Match : probability >= 0.2 ? MatchDecision.Review : MatchDecision.NonMatch,
            Levels = [1, 0],
            Evidence = [new FieldEvidence("given_name", "same_key", 6.1, detail), new FieldEvidence("birth_date", "year_month", 2.5, "03.2014")],
            BlockingRules = ["given_key+birth_year"],
        };
}
