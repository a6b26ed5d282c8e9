using Linkage.Dates;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Storage;
using Microsoft.Data.Sqlite;

namespace Linkage.Tests;

public sealed class SqliteLinkStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-store-").FullName;

    private string DbPath => Path.Combine(_directory, "queue.db");

    [Fact]
    public void A_completed_run_keeps_its_records_counts_and_ranked_candidates()
    {
        using (var store = SqliteLinkStore.Open(DbPath))
        {
            var run = store.BeginRun("link", "test-model", "refs.csv", "listings.csv");
            store.SaveReferences(run, [Reference("R1", "Олександр"), Reference("R2", "Соломія")]);
            store.SaveListings(run, [Listing("L1", "Александр"), Listing("L2", "Соломия")]);
            store.SaveCandidates(run, [Candidate("R1", "L1", 0.97, MatchDecision.Match), Candidate("R2", "L2", 0.4, MatchDecision.Review)]);
            store.CompleteRun(run, new RunCounts { ReferencesRead = 2, ListingsRead = 2, CandidatePairs = 4, PairsKept = 2, Matches = 1, Reviews = 1 });
        }

        using var reopened = SqliteLinkStore.Open(DbPath);
        var stored = reopened.GetRun(1)!;
        Assert.Equal("completed", stored.Status);
        Assert.NotNull(stored.FinishedAt);
        Assert.Equal(4, stored.Counts.CandidatePairs);
        Assert.Equal(1, stored.Counts.Matches);

        var queue = reopened.ReadCandidates();
        Assert.Equal(["L1", "L2"], queue.Select(c => c.ListingId));
        Assert.Equal("match", queue[0].Decision);
        Assert.Contains("given_name", queue[0].Explanation, StringComparison.Ordinal);
        Assert.Single(reopened.ReadCandidates("review"));
    }

    [Fact]
    public void A_pair_scored_again_is_updated_not_duplicated()
    {
        using var store = SqliteLinkStore.Open(DbPath);
        var first = store.BeginRun("link", "m", null, null);
        store.SaveReferences(first, [Reference("R1", "Олександр")]);
        store.SaveListings(first, [Listing("L1", "Александр")]);
        store.SaveCandidates(first, [Candidate("R1", "L1", 0.5, MatchDecision.Review)]);
        var second = store.BeginRun("link", "m", null, null);
        store.SaveReferences(second, [Reference("R1", "Олександр")]);
        store.SaveListings(second, [Listing("L1", "Александр")]);
        store.SaveCandidates(second, [Candidate("R1", "L1", 0.95, MatchDecision.Match)]);

        var only = Assert.Single(store.ReadCandidates());
        Assert.Equal(second, only.RunId);
        Assert.Equal(0.95, only.MatchProbability);
    }

    [Fact]
    public void A_failed_run_records_its_error()
    {
        using var store = SqliteLinkStore.Open(DbPath);
        var run = store.BeginRun("link", "m", null, null);
        store.FailRun(run, "listings.csv: no usable rows");
        var stored = store.GetRun(run)!;
        Assert.Equal("failed", stored.Status);
        Assert.Equal("listings.csv: no usable rows", stored.Error);
    }

    [Fact]
    public void Migrations_apply_once_and_a_newer_database_is_refused()
    {
        SqliteLinkStore.Open(DbPath).Dispose();
        SqliteLinkStore.Open(DbPath).Dispose();
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM schema_migrations";
            Assert.Equal(1L, (long)count.ExecuteScalar()!);
            count.CommandText = "INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'later')";
            count.ExecuteNonQuery();
        }
        var error = Assert.Throws<InvalidOperationException>(() => SqliteLinkStore.Open(DbPath));
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_is_stored_verbatim_as_data()
    {
        using var store = SqliteLinkStore.Open(DbPath);
        var run = store.BeginRun("link", "m", null, null);
        const string hostile = "'); DROP TABLE runs; -- <script>alert(1)</script>\u0000";
        store.SaveReferences(run, [Reference("R1", hostile)]);
        store.SaveListings(run, [Listing("L1", hostile)]);
        store.SaveCandidates(run, [Candidate("R1", "L1", 0.1, MatchDecision.NonMatch, hostile)]);
        Assert.NotNull(store.GetRun(run));
        Assert.Contains("DROP TABLE", Assert.Single(store.ReadCandidates()).Explanation, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ReferenceRecord Reference(string id, string given) =>
        new(id, new PersonDetails { GivenName = given, Sex = Sex.Male, BirthDate = new PartialDate(2014, 3, 0), BirthDateText = "03.2014" });

    private static ListingRecord Listing(string id, string given) =>
        new(id, new PersonDetails { GivenName = given, Surname = "К." }) { Source = "usynovite", ScrapedAt = DateTimeOffset.UnixEpoch };

    private static CandidateMatch Candidate(string reference, string listing, double probability, MatchDecision decision, string detail = "Олександр ≡ Александр") =>
        new()
        {
            ReferenceId = reference,
            ListingId = listing,
            Rank = 1,
            MatchProbability = probability,
            MatchWeight = Math.Log2(probability / (1 - probability)),
            Decision = decision,
            Levels = [1, 0],
            Evidence = [new FieldEvidence("given_name", "same_key", 6.1, detail)],
            BlockingRules = ["given_key+birth_year"],
        };
}
