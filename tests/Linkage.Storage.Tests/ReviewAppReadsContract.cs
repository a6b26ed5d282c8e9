using Linkage.Dates;
using Linkage.Records;
using Linkage.Storage;
using static Linkage.Tests.StoreData;

namespace Linkage.Tests;

/// <summary>The reads the review web app adds to the store (LinkStore.ReviewApp.cs), run once per database.</summary>
public abstract class ReviewAppReadsContract(Func<StoreTarget> target) : StoreContract(target)
{
    // LIKE wildcards, the escape character and a JSON-escaped quote: the sibling lookup must treat them literally.
    private const string Group = "50%_\\\"x\"";

    [StoreFact]
    public void Records_read_back_with_every_field_the_reviewer_sees()
    {
        var reference = new ReferenceRecord("R1", new PersonDetails
        {
            Surname = "<script>alert(1)</script>", GivenName = "Олександр", Patronymic = "Іванович", Sex = Sex.Male,
            BirthDateText = "03.2014", BirthDate = new PartialDate(2014, 3, 0), BirthPlace = "Маріуполь", BirthRegion = "Донецька",
            SiblingGroup = Group, Notes = "line one\nline two",
            ExtraFields = [new("eye_colour", "карие"), new("=formula", "@x")],
            Warnings = [new FieldWarning("sex", "unknown spelling 'x'")],
        });
        var listing = Listing("L1") with { Person = new PersonDetails { Surname = "К.", GivenName = "Александр", SiblingGroup = Group } };
        using var store = LinkStores.Open(Database.Target);
        var run = store.BeginRun("link", "m", null, null);
        store.SaveReferences(run, [reference, Reference("R0")]);
        store.SaveListings(run, [listing]);

        var read = store.GetReference("R1")!;
        Assert.Equal(reference.RecordId, read.RecordId);
        var (expected, actual) = (reference.Person, read.Person);
        Assert.Equal((expected.Surname, expected.GivenName, expected.Patronymic, expected.Sex, expected.BirthDateText, expected.BirthDate),
            (actual.Surname, actual.GivenName, actual.Patronymic, actual.Sex, actual.BirthDateText, actual.BirthDate));
        Assert.Equal((expected.BirthPlace, expected.BirthRegion, expected.SiblingGroup, expected.Notes),
            (actual.BirthPlace, actual.BirthRegion, actual.SiblingGroup, actual.Notes));
        Assert.Equal(expected.ExtraFields, actual.ExtraFields);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(["R0", "R1"], store.ReadReferences().Select(r => r.RecordId));
        Assert.Null(store.GetReference("R9"));

        var readListing = store.GetListingRecord("L1")!;
        Assert.Equal((listing.Source, listing.ScrapedAt, listing.PlacementRegion, listing.Url, listing.Person.Surname),
            (readListing.Source, readListing.ScrapedAt, readListing.PlacementRegion, readListing.Url, readListing.Person.Surname));
    }

    [StoreFact]
    public void Siblings_share_the_group_exactly_within_one_source_as_currently_listed()
    {
        using var store = LinkStores.Open(Database.Target);
        ListingRecord InGroup(string id, string group, string source = "usynovite") =>
            Listing(id, source) with { Person = new PersonDetails { GivenName = id, SiblingGroup = group } };
        var run = store.BeginRun("link", "m", null, null);
        store.SaveReferences(run, [
            new ReferenceRecord("R1", new PersonDetails { SiblingGroup = Group }),
            new ReferenceRecord("R2", new PersonDetails { SiblingGroup = Group }),
            new ReferenceRecord("R3", new PersonDetails { SiblingGroup = "50x_\\\"x\"" }),
        ]);
        store.SaveListings(run, [InGroup("L1", Group), InGroup("L2", Group), InGroup("L3", "50%"), InGroup("L4", Group, "other-site")]);
        store.SaveListings(run, [InGroup("L5", Group, "other-site")]);

        Assert.Equal(["R2"], store.GetReferenceSiblings(store.GetReference("R1")!).Select(r => r.RecordId));
        Assert.Equal(["L2"], store.GetListingSiblings(store.GetListingRecord("L1")!).Select(l => l.ListingId));

        // A later scrape moves L2 out of the group: an old version no longer makes it a sibling.
        var later = store.BeginRun("link", "m", null, null);
        store.SaveListings(later, [InGroup("L1", Group), InGroup("L2", "another") with { Url = "changed" }, InGroup("L3", "50%")]);
        Assert.Empty(store.GetListingSiblings(store.GetListingRecord("L1")!));
    }

    [StoreFact]
    public void Users_counts_filter_values_decisions_and_runs_are_listed()
    {
        using var store = LinkStores.Open(Database.Target);
        var run = store.BeginRun("link", "m", null, null);
        store.SaveReferences(run, [Reference("R1"), Reference("R2")]);
        store.SaveListings(run, [Listing("L1"), Listing("L2", source: "b-site", region: "Тульская область")]);
        store.SaveCandidates(run, [Candidate("R1", "L1", 0.95), Candidate("R2", "L2", 0.5), Candidate("R1", "L2", 0.1, rank: 2)]);
        store.CompleteRun(run, new RunCounts { PairsKept = 3 });
        store.AddUser("taras", UserRole.Reviewer, "a long enough password", "test");
        store.AddUser("ada", UserRole.Admin, "a long enough password", "test");

        Assert.True(store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Unsure, "taras", 1, "first look")).Status == DecisionStatus.Saved);
        Assert.True(store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Confirmed, "ada", 2, "checked")).Status == DecisionStatus.Saved);
        Assert.True(store.Decide(new DecisionRequest("R2", "L2", ReviewDecision.Rejected, "taras", 1)).Status == DecisionStatus.Saved);

        Assert.Equal([("ada", UserRole.Admin), ("taras", UserRole.Reviewer)], store.ListUsers().Select(u => (u.Name, u.Role)));
        Assert.Equal(new QueueCounts(Undecided: 1, Confirmed: 1, Rejected: 1, Unsure: 0, NeedsRereview: 0), store.CountQueue());
        var (sources, regions) = store.QueueSourcesAndRegions();
        Assert.Equal(["b-site", "usynovite"], sources);
        Assert.Equal(["Московская область", "Тульская область"], regions);
        Assert.Equal(
            [(ReviewDecision.Unsure, "first look", "taras", 2L), (ReviewDecision.Confirmed, "checked", "ada", 3L)],
            store.GetDecisions("R1", "L1").Select(d => (d.Decision, d.Note, d.Reviewer, d.PairVersion)));
        var second = store.BeginRun("upload", "m", null, "x.csv");
        Assert.Equal([second, run], store.ListRuns(10).Select(r => r.RunId));
        Assert.Equal([second], store.ListRuns(1).Select(r => r.RunId));
    }
}

public sealed class SqliteReviewAppReadsTests() : ReviewAppReadsContract(() => new SqliteTarget());

[RequiresPostgres]
public sealed class PostgresReviewAppReadsTests() : ReviewAppReadsContract(() => new PostgresTarget());
