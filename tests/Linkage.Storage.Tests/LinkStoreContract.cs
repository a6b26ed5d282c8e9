using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Linkage.Linking;
using Linkage.Storage;
using static Linkage.Tests.StoreData;

namespace Linkage.Tests;

/// <summary>The store suite, run once per database by the derived classes.</summary>
public abstract class LinkStoreContract(Func<StoreTarget> target) : StoreContract(target)
{
    private const string Reviewer = "olena";
    private const string SecondReviewer = "taras";

    private StoreTarget Target => Database;

    private LinkStore Open() => LinkStores.Open(Target.Target);

    [StoreFact]
    public void Migrations_apply_once_in_order_and_a_newer_database_is_refused()
    {
        Open().Dispose();
        Open().Dispose();
        using (var connection = Target.OpenRawConnection())
        {
            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L], Column(connection, "SELECT number FROM schema_migrations ORDER BY applied_at, number").Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)));
            Execute(connection, "INSERT INTO schema_migrations (number, name, applied_at) VALUES (999, '999_future.sql', CURRENT_TIMESTAMP)");
        }
        var error = Assert.Throws<InvalidOperationException>(Open);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Processes_opening_a_fresh_database_at_once_migrate_it_exactly_once()
    {
        using var start = new Barrier(4);
        var openings = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            Open().Dispose();
        })).ToArray();
        Task.WaitAll(openings);

        using var connection = Target.OpenRawConnection();
        Assert.Equal(11L, Convert.ToInt64(Column(connection, "SELECT COUNT(*) FROM schema_migrations").Single(), CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(Column(connection, "SELECT COUNT(*) FROM roles").Single(), CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void A_run_goes_from_running_to_completed_or_failed_once()
    {
        using var store = Open();
        var run = store.BeginRun("link", "test-model", "refs.csv", "listings.csv");
        Assert.Equal("running", store.GetRun(run)!.Status);
        store.CompleteRun(run, new RunCounts { ReferencesRead = 2, ListingsRead = 3, CandidatePairs = 40_000_000_000, PairsKept = 2, Matches = 1, Reviews = 1 });

        var completed = store.GetRun(run)!;
        Assert.Equal("completed", completed.Status);
        Assert.NotNull(completed.FinishedAt);
        Assert.True(completed.FinishedAt >= completed.StartedAt);
        Assert.Equal(40_000_000_000, completed.Counts.CandidatePairs);
        Assert.Equal(3, completed.Counts.ListingsRead);
        Assert.Throws<InvalidOperationException>(() => store.FailRun(run, "late"));

        var failed = store.BeginRun("link", "test-model", null, null);
        store.FailRun(failed, "listings.csv: no usable rows");
        Assert.Equal(("failed", "listings.csv: no usable rows"), (store.GetRun(failed)!.Status, store.GetRun(failed)!.Error));
        Assert.Null(store.GetRun(failed + 100));
    }

    [StoreFact]
    public void Listings_keep_a_version_per_content_change_and_vanished_listings_are_marked()
    {
        using var store = Open();
        var first = store.BeginRun("link", "m", null, null);
        Assert.Equal(new ListingScrapeSummary(3, 0, 0, 0),
            store.SaveListings(first, [Listing("L1"), Listing("L2"), Listing("L3", source: "regional")]));

        // The next scrape of usynovite changes L1 and no longer has L2; regional was not scraped again.
        var second = store.BeginRun("link", "m", null, null);
        Assert.Equal(new ListingScrapeSummary(0, 1, 0, 1), store.SaveListings(second, [Listing("L1", given: "Саша", day: 2)]));

        var history = store.GetListingHistory("L1");
        Assert.Equal(2, history.Count);
        Assert.NotEqual(history[0].ContentHash, history[1].ContentHash);
        Assert.Equal((first, second), (history[0].RunId, history[1].RunId));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero), history[1].ScrapedAt);
        Assert.Equal("Саша", JsonDocument.Parse(history[1].Data).RootElement.GetProperty("given_name").GetString());
        var vanished = store.GetListing("L2")!;
        Assert.Equal(second, vanished.VanishedRunId);
        Assert.NotNull(vanished.VanishedAt);
        Assert.Null(store.GetListing("L3")!.VanishedRunId);

        // Re-scraped unchanged (only the scrape time differs): no new version; a listing that comes back is unmarked.
        var third = store.BeginRun("link", "m", null, null);
        Assert.Equal(new ListingScrapeSummary(0, 0, 2, 0), store.SaveListings(third, [Listing("L1", given: "Саша", day: 3), Listing("L2", day: 3)]));
        Assert.Equal(2, store.GetListingHistory("L1").Count);
        Assert.Single(store.GetListingHistory("L2"));
        var back = store.GetListing("L2")!;
        Assert.Null(back.VanishedRunId);
        Assert.Equal(third, back.LastSeenRunId);
        Assert.Equal(first, back.ChangedRunId);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 0, 0, 0, TimeSpan.Zero), back.LastScrapedAt);
    }

    [StoreFact]
    public void A_listing_twice_in_one_scrape_is_stored_then_changed()
    {
        using var store = Open();
        var run = store.BeginRun("link", "m", null, null);

        Assert.Equal(new ListingScrapeSummary(1, 1, 0, 0), store.SaveListings(run, [Listing("L1"), Listing("L1", given: "Саша")]));

        var history = store.GetListingHistory("L1");
        Assert.Equal(2, history.Count);
        Assert.Equal(history[1].ContentHash, store.GetListing("L1")!.ContentHash);
    }

    [StoreFact]
    public void A_scrape_larger_than_one_write_batch_is_stored_whole()
    {
        using var store = Open();
        var count = 2 * 500 + 123;
        var first = store.BeginRun("link", "m", null, null);
        Assert.Equal(new ListingScrapeSummary(count, 0, 0, 0),
            store.SaveListings(first, Enumerable.Range(0, count).Select(i => Listing("L" + i.ToString(CultureInfo.InvariantCulture)))));
        store.SaveReferences(first, [Reference("R1")]);
        store.SaveCandidates(first, Enumerable.Range(0, count).Select(i => Candidate("R1", "L" + i.ToString(CultureInfo.InvariantCulture), 0.5, rank: i + 1)));

        // Every third listing changed, every seventh gone.
        var second = store.BeginRun("link", "m", null, null);
        var next = Enumerable.Range(0, count).Where(i => i % 7 != 0)
            .Select(i => Listing("L" + i.ToString(CultureInfo.InvariantCulture), given: i % 3 == 0 ? "Саша" : "Александр"));
        var summary = store.SaveListings(second, next);

        var gone = Enumerable.Range(0, count).Count(i => i % 7 == 0);
        var changed = Enumerable.Range(0, count).Count(i => i % 7 != 0 && i % 3 == 0);
        Assert.Equal(new ListingScrapeSummary(0, changed, count - gone - changed, gone), summary);
        Assert.Equal(count, store.Queue(new QueueQuery { Limit = int.MaxValue }).Count);
        Assert.Equal(2, store.GetListingHistory("L3").Count);
        Assert.Equal(second, store.GetListing("L14")!.VanishedRunId);
    }

    [StoreFact]
    public void Two_stores_saving_overlapping_listings_at_once_both_succeed_with_one_version_per_content()
    {
        // A nightly run and an upload (or two upload runners) scrape overlapping listings: ids [0, 2n) and [n, 3n);
        // of the shared ones, the even ones have the same content in both scrapes, the odd ones differ.
        const int n = 1200;
        Open().Dispose();
        static string Id(int i) => "L" + i.ToString(CultureInfo.InvariantCulture);
        var scrapes = new[]
        {
            Enumerable.Range(0, 2 * n).Select(i => Listing(Id(i))).ToArray(),
            Enumerable.Range(n, 2 * n).Select(i => Listing(Id(i), given: i < 2 * n && i % 2 == 1 ? "Саша" : "Александр")).ToArray(),
        };
        using var start = new Barrier(2);
        var saves = scrapes.Select(scrape => Task.Run(() =>
        {
            using var store = Open();
            var run = store.BeginRun("upload", "m", null, null);
            start.SignalAndWait();
            return (Run: run, Summary: store.SaveListings(run, scrape));
        })).ToArray();
        Task.WaitAll(saves);

        var (first, second) = (saves[0].Result, saves[1].Result);
        Assert.Equal(3 * n, first.Summary.New + second.Summary.New);
        Assert.Equal(n / 2, first.Summary.Changed + second.Summary.Changed);
        Assert.Equal(n / 2, first.Summary.Unchanged + second.Summary.Unchanged);
        using var check = Open();
        for (var i = 0; i < 3 * n; i++)
        {
            var history = check.GetListingHistory(Id(i));
            var listing = check.GetListing(Id(i))!;
            var differs = i >= n && i < 2 * n && i % 2 == 1;
            Assert.Equal(differs ? 2 : 1, history.Count);
            Assert.Equal(history.Count, history.Select(v => v.ContentHash).Distinct().Count());
            Assert.Equal(history[^1].ContentHash, listing.ContentHash);
            Assert.Equal(history[0].RunId, listing.FirstRunId);
            Assert.Equal(history[^1].RunId, listing.ChangedRunId);
            if (differs)
            {
                Assert.Equal(new[] { first.Run, second.Run }.Order(), history.Select(v => v.RunId).Order());
            }
        }
    }

    [StoreFact]
    public void A_decided_pair_stays_decided_across_re_runs_and_each_score_is_kept()
    {
        using var store = Open();
        store.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
        var first = Seed(store, Candidate("R1", "L1", 0.55));
        var seen = store.GetPair("R1", "L1")!;
        Assert.Equal(DecisionStatus.Saved, store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Confirmed, Reviewer, seen.Version, "same birthmark in photo")).Status);

        var second = Seed(store, Candidate("R1", "L1", 0.97));
        var third = Seed(store, Candidate("R1", "L1", 0.45));

        var pair = store.GetPair("R1", "L1")!;
        Assert.Equal(ReviewDecision.Confirmed, pair.Decision);
        Assert.Equal("same birthmark in photo", pair.Note);
        Assert.Equal(Reviewer, pair.DecidedBy);
        Assert.False(pair.NeedsRereview);
        Assert.Equal(0.45, pair.MatchProbability);
        Assert.Equal(third, pair.LastRunId);
        Assert.Equal([(first, 0.55), (second, 0.97), (third, 0.45)], store.GetScoreHistory("R1", "L1").Select(s => (s.RunId, s.MatchProbability)));
        Assert.Single(store.Queue(new QueueQuery()));
    }

    [StoreFact]
    public void Evidence_that_contradicts_a_decision_flags_the_pair_for_re_review_without_changing_it()
    {
        using var store = Open();
        store.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
        Seed(store, Candidate("R1", "L1", 0.95), Candidate("R2", "L2", 0.3), Candidate("R3", "L3", 0.5));
        Decide(store, "R1", "L1", ReviewDecision.Confirmed);
        Decide(store, "R2", "L2", ReviewDecision.Rejected);
        Decide(store, "R3", "L3", ReviewDecision.Confirmed);
        var versionBefore = store.GetPair("R1", "L1")!.Version;

        // R1 confirmed now scores below the review threshold; R2 rejected now scores a match; R3 merely moves.
        var rerun = Seed(store, Candidate("R1", "L1", 0.05), Candidate("R2", "L2", 0.99), Candidate("R3", "L3", 0.4));

        var flagged = store.Queue(new QueueQuery { Status = QueueStatus.NeedsRereview, Order = QueueOrder.Reference });
        Assert.Equal(["R1", "R2"], flagged.Select(p => p.ReferenceId));
        Assert.Equal([ReviewDecision.Confirmed, ReviewDecision.Rejected], flagged.Select(p => p.Decision!.Value));
        Assert.Contains("non-match", flagged[0].RereviewReason, StringComparison.Ordinal);
        Assert.Equal(versionBefore + 1, flagged[0].Version);
        var audit = store.ReadAudit("R1", "L1");
        Assert.Equal(["decide", "flag-rereview"], audit.Select(a => a.Action));
        Assert.Equal(rerun, audit[1].RunId);

        // Another contradicting run neither bumps nor audits again; a new decision clears the flag.
        Seed(store, Candidate("R1", "L1", 0.04));
        Assert.Equal(versionBefore + 1, store.GetPair("R1", "L1")!.Version);
        Assert.Equal(2, store.ReadAudit("R1", "L1").Count);
        Decide(store, "R1", "L1", ReviewDecision.Rejected);
        Assert.Equal(["R2"], store.Queue(new QueueQuery { Status = QueueStatus.NeedsRereview }).Select(p => p.ReferenceId));
    }

    [StoreFact]
    public void A_decision_on_a_stale_version_is_a_conflict_that_writes_nothing()
    {
        using var store = Open();
        store.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
        store.AddUser(SecondReviewer, UserRole.Admin, "battery staple", "admin");
        Seed(store, Candidate("R1", "L1", 0.6));
        var seenByBoth = store.GetPair("R1", "L1")!.Version;

        var first = store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Confirmed, Reviewer, seenByBoth, "first"));
        var second = store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Rejected, SecondReviewer, seenByBoth, "second"));

        Assert.Equal(DecisionStatus.Saved, first.Status);
        Assert.Equal(DecisionStatus.Conflict, second.Status);
        Assert.Equal(ReviewDecision.Confirmed, second.Current!.Decision);
        Assert.Equal(Reviewer, second.Current.DecidedBy);
        Assert.Contains("confirmed", second.Message, StringComparison.Ordinal);
        Assert.Equal("first", store.GetPair("R1", "L1")!.Note);
        var audit = Assert.Single(store.ReadAudit("R1", "L1"));
        Assert.Equal((Reviewer, "decide"), (audit.Actor, audit.Action));
        Assert.Contains("given_name", audit.Evidence, StringComparison.Ordinal);

        // Having seen the current version, the second reviewer may overrule; both decisions stay in the audit log.
        var retry = store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Rejected, SecondReviewer, second.Current.Version, "second, after reading the first"));
        Assert.Equal(DecisionStatus.Saved, retry.Status);
        Assert.Equal([Reviewer, SecondReviewer], store.ReadAudit("R1", "L1").Select(a => a.Actor));
        Assert.Equal(DecisionStatus.NotFound, store.Decide(new DecisionRequest("R9", "L9", ReviewDecision.Unsure, Reviewer, 1)).Status);
    }

    [StoreFact]
    public void Two_reviewers_deciding_the_same_pair_at_the_same_moment_get_one_save_and_one_conflict()
    {
        using (var setup = Open())
        {
            setup.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
            setup.AddUser(SecondReviewer, UserRole.Reviewer, "battery staple", "admin");
            Seed(setup, Candidate("R1", "L1", 0.6));
        }
        using var start = new Barrier(2);
        var decisions = new[] { (Reviewer, ReviewDecision.Confirmed), (SecondReviewer, ReviewDecision.Rejected) }.Select(d => Task.Run(() =>
        {
            using var store = Open();
            var seen = store.GetPair("R1", "L1")!.Version;
            start.SignalAndWait();
            return store.Decide(new DecisionRequest("R1", "L1", d.Item2, d.Item1, seen, d.Item1));
        })).ToArray();
        var results = Task.WhenAll(decisions).GetAwaiter().GetResult();

        Assert.Equal([DecisionStatus.Saved, DecisionStatus.Conflict], results.Select(r => r.Status).Order());
        var winner = results.Single(r => r.Status == DecisionStatus.Saved).Current!;
        using var check = Open();
        var pair = check.GetPair("R1", "L1")!;
        Assert.Equal((winner.Decision, winner.DecidedBy, winner.Version), (pair.Decision, pair.DecidedBy, pair.Version));
        Assert.Equal([winner.DecidedBy], check.ReadAudit("R1", "L1").Select(a => a.Actor));
    }

    [StoreFact]
    public void Only_reviewers_and_admins_may_decide()
    {
        using var store = Open();
        store.AddUser("ivan", UserRole.Investigator, "password one", "admin");
        Seed(store, Candidate("R1", "L1", 0.6));
        var version = store.GetPair("R1", "L1")!.Version;
        Assert.Equal(DecisionStatus.Forbidden, store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Confirmed, "ivan", version)).Status);
        Assert.Equal(DecisionStatus.Forbidden, store.Decide(new DecisionRequest("R1", "L1", ReviewDecision.Confirmed, "nobody", version)).Status);
        Assert.Null(store.GetPair("R1", "L1")!.Decision);
        Assert.Equal(["add-user"], store.ReadAudit().Select(a => a.Action));
    }

    [StoreFact]
    public void The_audit_log_refuses_update_delete_and_truncate_at_the_database()
    {
        using (var store = Open())
        {
            store.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
        }
        using var connection = Target.OpenRawConnection();
        Assert.ThrowsAny<DbException>(() => Execute(connection, "UPDATE audit_log SET actor = 'someone else'"));
        Assert.ThrowsAny<DbException>(() => Execute(connection, "DELETE FROM audit_log"));
        if (connection is Npgsql.NpgsqlConnection)
        {
            Assert.ThrowsAny<DbException>(() => Execute(connection, "TRUNCATE audit_log"));
        }
        Assert.Equal("admin", Column(connection, "SELECT actor FROM audit_log").Single());
        Assert.DoesNotContain(typeof(LinkStore).GetMethods(), m => m.IsPublic && m.Name.Contains("Audit", StringComparison.Ordinal) && m.Name != nameof(LinkStore.ReadAudit));
    }

    [StoreFact]
    public void Users_have_roles_and_salted_pbkdf2_passwords()
    {
        using var store = Open();
        Assert.True(store.AddUser(Reviewer, UserRole.Reviewer, "same password", "admin"));
        Assert.True(store.AddUser(SecondReviewer, UserRole.Investigator, "same password", "admin"));
        Assert.False(store.AddUser(Reviewer, UserRole.Admin, "another", "admin"));

        Assert.Equal(UserRole.Reviewer, store.VerifyPassword(Reviewer, "same password")!.Role);
        Assert.Equal(UserRole.Investigator, store.GetUser(SecondReviewer)!.Role);
        Assert.Null(store.VerifyPassword(Reviewer, "same passwore"));
        Assert.Null(store.VerifyPassword(Reviewer, ""));
        Assert.Null(store.VerifyPassword("nobody", "same password"));

        using var connection = Target.OpenRawConnection();
        var rows = Column(connection, "SELECT password_hash || ' ' || password_salt || ' ' || CAST(password_iterations AS TEXT) FROM users ORDER BY name")
            .Select(r => ((string)r).Split(' ')).ToArray();
        Assert.NotEqual(rows[0][0], rows[1][0]);
        Assert.NotEqual(rows[0][1], rows[1][1]);
        Assert.All(rows, r => Assert.True(long.Parse(r[2], CultureInfo.InvariantCulture) >= 100_000));
        Assert.All(rows, r => Assert.DoesNotContain("same password", r[0], StringComparison.Ordinal));
    }

    [StoreFact]
    public void A_stored_pair_keeps_its_term_frequency_part_and_its_weight_before_sibling_evidence()
    {
        using var store = Open();
        var run = store.BeginRun("link", "test", null, null);
        store.SaveReferences(run, [Reference("R1")]);
        store.SaveListings(run, [Listing("L1")]);
        var candidate = Candidate("R1", "L1", 0.95);
        store.SaveCandidates(run, [candidate with
        {
            ComparisonWeight = candidate.MatchWeight - 2.5,
            Evidence = [new FieldEvidence("given_name", "same_key", 7.9, "Соломія ≡ Соломия (rare value)", 1.8), candidate.Evidence[1]],
        }]);

        var pair = store.GetPair("R1", "L1")!;
        Assert.Equal([1.8, 0], pair.Evidence.Select(e => e.TermFrequency));
        using var connection = Target.OpenRawConnection();
        Assert.Equal(candidate.MatchWeight - 2.5, Convert.ToDouble(Column(connection, "SELECT comparison_weight FROM candidate_pairs").Single(), CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Upgrading_fills_each_record_s_sibling_group_from_its_stored_document()
    {
        using (var store = Open())
        {
            var run = store.BeginRun("link", "test", null, null);
            store.SaveReferences(run, [Reference("R1") with { Person = Reference("R1").Person with { SiblingGroup = "F1" } }, Reference("R2")]);
            store.SaveListings(run, [Listing("L1") with { Person = Listing("L1").Person with { SiblingGroup = "G1" } }, Listing("L2")]);
            var again = store.BeginRun("link", "test", null, null);
            store.SaveListings(again, [Listing("L1") with { Person = Listing("L1").Person with { SiblingGroup = "G2" } }, Listing("L2")]);
        }
        using (var connection = Target.OpenRawConnection())
        {
            // As a store from before migration 9 holds them.
            Execute(connection, "UPDATE listings SET sibling_group = NULL");
            Execute(connection, "UPDATE reference_records SET sibling_group = NULL");
            Execute(connection, "DELETE FROM schema_migrations WHERE number = 9");
        }

        Open().Dispose();

        using var upgraded = Target.OpenRawConnection();
        Assert.Equal(["L1:G2", "L2:"], Column(upgraded, "SELECT listing_id || ':' || COALESCE(sibling_group, '') FROM listings ORDER BY listing_id"));
        Assert.Equal(["R1:F1", "R2:"], Column(upgraded, "SELECT reference_id || ':' || COALESCE(sibling_group, '') FROM reference_records ORDER BY reference_id"));
    }

    [StoreFact]
    public void Hostile_text_is_stored_and_read_back_verbatim()
    {
        const string hostile = "'); DROP TABLE runs; -- <script>alert(1)</script> \"\\ %_ 👶🏽 ‮ \u200b Ёё";
        using var store = Open();
        store.AddUser(hostile, UserRole.Reviewer, hostile, hostile);
        var run = store.BeginRun(hostile, hostile, hostile, null);
        store.SaveReferences(run, [Reference("R'1", hostile + "\u0000")]);
        store.SaveListings(run, [Listing("L\"1", source: hostile, given: hostile, region: hostile)]);
        store.SaveCandidates(run, [Candidate("R'1", "L\"1", 0.5, hostile + "\u0000")]);
        var pair = store.GetPair("R'1", "L\"1")!;
        var saved = store.Decide(new DecisionRequest("R'1", "L\"1", ReviewDecision.Unsure, hostile, pair.Version, hostile));

        Assert.Equal(DecisionStatus.Saved, saved.Status);
        Assert.Equal(hostile + "\u0000", pair.Evidence[0].Detail);
        Assert.Equal(hostile, saved.Current!.Note);
        Assert.Equal((hostile, hostile), (pair.Source, pair.PlacementRegion));
        Assert.Equal([pair.ReferenceId], store.Queue(new QueueQuery { Source = hostile, PlacementRegion = hostile }).Select(p => p.ReferenceId));
        Assert.Equal(hostile, JsonDocument.Parse(store.GetListingHistory("L\"1")[0].Data).RootElement.GetProperty("given_name").GetString());
        Assert.Equal(hostile, store.VerifyPassword(hostile, hostile)!.Name);
        Assert.Equal(hostile, store.GetRun(run)!.Kind);
        Assert.Throws<ArgumentException>(() => store.Decide(new DecisionRequest("R'1", "L\"1", ReviewDecision.Unsure, hostile, saved.Current.Version, "nul \u0000")));
    }

    [StoreFact]
    public void The_queue_filters_by_status_source_region_and_band_and_orders_three_ways()
    {
        using var store = Open();
        store.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
        var run = store.BeginRun("link", "m", null, null);
        store.SaveReferences(run, [Reference("R1"), Reference("R2"), Reference("R3")]);
        store.SaveListings(run, [Listing("L1"), Listing("L2", region: "Ростовская область"), Listing("L3", source: "regional")]);
        store.SaveCandidates(run, [Candidate("R1", "L2", 0.93), Candidate("R2", "L1", 0.52, rank: 1), Candidate("R2", "L3", 0.1, rank: 2), Candidate("R3", "L3", 0.3)]);
        Decide(store, "R1", "L2", ReviewDecision.Confirmed);

        static string[] Pairs(IEnumerable<QueueItem> items) => [.. items.Select(p => p.ReferenceId + "/" + p.ListingId)];
        Assert.Equal(["R1/L2", "R2/L1", "R3/L3", "R2/L3"], Pairs(store.Queue(new QueueQuery())));
        Assert.Equal(["R2/L1", "R3/L3", "R2/L3", "R1/L2"], Pairs(store.Queue(new QueueQuery { Order = QueueOrder.Uncertainty })));
        Assert.Equal(["R1/L2", "R2/L1", "R2/L3", "R3/L3"], Pairs(store.Queue(new QueueQuery { Order = QueueOrder.Reference })));
        Assert.Equal(["R2/L1", "R3/L3", "R2/L3"], Pairs(store.Queue(new QueueQuery { Status = QueueStatus.Undecided })));
        Assert.Equal(["R1/L2"], Pairs(store.Queue(new QueueQuery { Decision = ReviewDecision.Confirmed })));
        Assert.Equal(["R3/L3", "R2/L3"], Pairs(store.Queue(new QueueQuery { Source = "regional" })));
        Assert.Equal(["R1/L2"], Pairs(store.Queue(new QueueQuery { PlacementRegion = "Ростовская область" })));
        Assert.Equal(["R2/L1", "R3/L3"], Pairs(store.Queue(new QueueQuery { MinProbability = 0.2, MaxProbability = 0.9 })));
        Assert.Equal(["R1/L2"], Pairs(store.Queue(new QueueQuery { MachineDecision = MatchDecision.Match })));
        Assert.Equal(["R2/L1"], Pairs(store.Queue(new QueueQuery { Limit = 1, Offset = 1 })));
    }

    [StoreFact]
    public void A_pairs_rank_is_its_place_among_its_childs_current_candidates_in_the_order_a_run_ranks_them()
    {
        using var store = Open();
        // Weights 3.17 and 2: "c3" was compared at 2, "B1" and "a2" at 0.5 and lifted by sibling evidence; on a full tie the
        // lower listing id by code point goes first ("B1" before "a2", whatever the database's locale says).
        var run = Seed(store,
            Candidate("R1", "a2", 0.8) with { ComparisonWeight = 0.5 },
            Candidate("R1", "c3", 0.8),
            Candidate("R1", "B1", 0.8) with { ComparisonWeight = 0.5 },
            Candidate("R1", "d4", 0.9),
            Candidate("R2", "a2", 0.5));

        (string, int)[] Ranks() => [.. store.Queue(new QueueQuery { ReferenceId = "R1", Order = QueueOrder.Reference })
            .Select(p => (p.ListingId, p.Rank))];
        Assert.Equal([("d4", 1), ("c3", 2), ("B1", 3), ("a2", 4)], Ranks());
        Assert.Equal(1, store.GetPair("R2", "a2")!.Rank);

        // A retired pair no longer counts for the others; it reads as ranked after the current ones above it.
        store.MarkCurrentPairs(run, [("R1", "c3")]);
        Assert.Equal([("d4", 1), ("c3", 2), ("B1", 2), ("a2", 3)], Ranks());
    }

    [StoreFact]
    public void Admins_assign_children_with_all_their_candidates_and_every_change_is_audited()
    {
        using var store = Open();
        store.AddUser("admin", UserRole.Admin, "admin password", "setup");
        store.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
        store.AddUser(SecondReviewer, UserRole.Reviewer, "battery staple", "admin");
        store.AddUser("ivan", UserRole.Investigator, "investigates", "admin");
        Seed(store, Candidate("R1", "L1", 0.9), Candidate("R1", "L2", 0.6, rank: 2), Candidate("R2", "L1", 0.5), Candidate("R3", "L3", 0.3));
        var audited = store.ReadAudit().Count;

        Assert.Equal(AssignmentStatus.Forbidden, store.Assign(["R1"], Reviewer, Reviewer).Status);
        Assert.Equal(AssignmentStatus.UnknownAssignee, store.Assign(["R1"], "ivan", "admin").Status);
        Assert.Equal(AssignmentStatus.UnknownAssignee, store.Assign(["R1"], "nobody", "admin").Status);
        Assert.Equal(AssignmentStatus.NotFound, store.Assign(["R1", "R9"], Reviewer, "admin").Status);
        Assert.Null(store.GetAssignee("R1"));
        Assert.Equal(audited, store.ReadAudit().Count);

        Assert.Equal(2, store.Assign(["R1", "R2", "R1"], Reviewer, "admin").Changed);
        Assert.Equal(2, store.Assign(["R1", "R2"], SecondReviewer, "admin").Changed);
        Assert.Equal(1, store.Assign(["R1"], Reviewer, "admin").Changed);
        Assert.Equal(0, store.Assign(["R1"], Reviewer, "admin").Changed); // already theirs: nothing to audit
        Assert.Equal((Reviewer, SecondReviewer, (string?)null), (store.GetAssignee("R1"), store.GetAssignee("R2"), store.GetAssignee("R3")));
        Decide(store, "R1", "L1", ReviewDecision.Confirmed);

        static string[] Pairs(IEnumerable<QueueItem> items) => [.. items.Select(p => p.ReferenceId + "/" + p.ListingId).Order(StringComparer.Ordinal)];
        Assert.Equal(["R1/L1", "R1/L2"], Pairs(store.Queue(new QueueQuery { Assignee = AssigneeFilter.To(Reviewer) })));
        Assert.Equal(["R1/L1", "R1/L2", "R3/L3"], Pairs(store.Queue(new QueueQuery { Assignee = AssigneeFilter.ToOrUnassigned(Reviewer) })));
        Assert.Equal(["R3/L3"], Pairs(store.Queue(new QueueQuery { Assignee = AssigneeFilter.NoOne })));
        Assert.Equal(["R1/L1", "R1/L2", "R2/L1"], Pairs(store.Queue(new QueueQuery { Assignee = new AssigneeFilter(null, false) })));
        Assert.Equal(SecondReviewer, store.GetPair("R2", "L1")!.Assignee);
        Assert.Equal(
            [new AssigneeProgress(null, 1, 1, 0), new AssigneeProgress(Reviewer, 1, 2, 1), new AssigneeProgress(SecondReviewer, 1, 1, 0)],
            store.CountByAssignee());

        Assert.Equal(AssignmentStatus.Forbidden, store.Unassign(["R1"], SecondReviewer).Status);
        Assert.Equal(1, store.Unassign(["R1", "R3"], "admin").Changed);
        Assert.Null(store.GetAssignee("R1"));
        Assert.Equal(
            [("assign", "R1", $"to {Reviewer}"), ("assign", "R2", $"to {Reviewer}"), ("assign", "R1", $"to {SecondReviewer} (was {Reviewer})"),
             ("assign", "R2", $"to {SecondReviewer} (was {Reviewer})"), ("assign", "R1", $"to {Reviewer} (was {SecondReviewer})"),
             ("unassign", "R1", $"from {Reviewer}")],
            store.ReadAudit().Where(a => a.Action is "assign" or "unassign").Select(a => (a.Action, a.ReferenceId!, a.Detail)));
        Assert.All(store.ReadAudit().Where(a => a.Action is "assign" or "unassign"), a => Assert.Equal("admin", a.Actor));
    }

    /// <summary>One run that reads the pairs' records and scores them; returns the run.</summary>
    private static long Seed(LinkStore store, params CandidateMatch[] candidates)
    {
        var run = store.BeginRun("link", "m", null, null);
        store.SaveReferences(run, candidates.Select(c => Reference(c.ReferenceId)).DistinctBy(r => r.RecordId));
        store.SaveListings(run, candidates.Select(c => Listing(c.ListingId)).DistinctBy(l => l.ListingId));
        store.SaveCandidates(run, candidates);
        store.CompleteRun(run, new RunCounts { PairsKept = candidates.Length });
        return run;
    }

    private static void Decide(LinkStore store, string reference, string listing, ReviewDecision decision)
    {
        var result = store.Decide(new DecisionRequest(reference, listing, decision, Reviewer, store.GetPair(reference, listing)!.Version));
        Assert.Equal(DecisionStatus.Saved, result.Status);
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object> Column(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }
        return values;
    }
}

public sealed class SqliteLinkStoreTests() : LinkStoreContract(() => new SqliteTarget());

[RequiresPostgres]
public sealed class PostgresLinkStoreTests() : LinkStoreContract(() => new PostgresTarget());
