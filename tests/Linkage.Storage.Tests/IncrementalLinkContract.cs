using System.Data.Common;
using System.Globalization;
using Linkage.Dates;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Storage;
using Linkage.Synthetic;

namespace Linkage.Tests;

/// <summary>
/// Incremental linking's promise: after any incremental run, the store's current pairs are exactly those one full
/// run on the final data would keep (ids, scores, evidence, ranks), decisions stay, and unchanged pairs are not
/// rewritten. The engine is the default without term-frequency adjustments: those are computed from each session's
/// listings, so with them an incremental run's scores differ from a full run's by design.
/// </summary>
public abstract class IncrementalLinkContract(Func<StoreTarget> target) : IDisposable
{
    private const string Reviewer = "olena";

    private static readonly LinkEngine Engine = WithoutTermFrequencies(LinkEngine.Default);

    private readonly Dictionary<LinkStore, StoreTarget> _targets = [];

    private readonly string _corpora = Directory.CreateTempSubdirectory("linkage-incremental-").FullName;

    public void Dispose()
    {
        foreach (var t in _targets.Values)
        {
            t.Dispose();
        }
        Directory.Delete(_corpora, recursive: true);
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public void An_incremental_run_leaves_the_current_pairs_of_a_full_run_on_the_final_data()
    {
        // Small caps fill every reference's list, so new candidates must outrank stored ones to enter.
        foreach (var (seed, cap) in new (ulong, int)[] { (11, 10), (12, 3), (13, 2), (14, 1) })
        {
            var options = new LinkOptions { MaxCandidatesPerReference = cap };
            var (references, listings) = Corpus(seed);
            var random = new Random((int)seed);
            var (firstReferences, laterReferences) = Split(references, random, 0.1);
            var (firstListings, laterListings) = Split(listings, random, 0.1);
            // The second scrape: every listing of the first but a few (vanished), some changed, plus the new ones.
            var rescraped = firstListings.Where(_ => random.NextDouble() > 0.03)
                .Select(l => random.NextDouble() < 0.08 ? Changed(l) : l with { ScrapedAt = l.ScrapedAt?.AddDays(1) })
                .Concat(laterListings).ToArray();
            var changedReferences = firstReferences.Where(_ => random.NextDouble() < 0.08).Select(Changed).ToArray();
            var secondReferences = laterReferences.Concat(changedReferences).ToArray();

            using var incremental = Open();
            Run(incremental, LinkScope.Full, firstReferences, firstListings, options);
            var decided = DecideTopPairs(incremental);
            var secondRun = Run(incremental, LinkScope.Incremental, secondReferences, rescraped, options);

            var finalReferences = firstReferences.Select(r => changedReferences.FirstOrDefault(c => c.RecordId == r.RecordId) ?? r)
                .Concat(laterReferences).ToArray();
            using var full = Open();
            Run(full, LinkScope.Full, finalReferences, rescraped, options);

            Assert.Equal(CurrentPairs(full), CurrentPairs(incremental));
            var run = incremental.GetRun(secondRun)!;
            Assert.Equal("incremental", run.LinkScope);
            Assert.True(run.Counts.PairsSkipped > 0, $"seed {seed}: an incremental run should leave some pairs as stored");
            Assert.True(run.Counts.ReferencesRelinked < finalReferences.Length, $"seed {seed}: not every reference should be relinked");
            foreach (var (reference, listing, decision) in decided)
            {
                Assert.Equal(decision, incremental.GetPair(reference, listing)!.Decision);
            }

            // The third scrape brings the vanished listings back unchanged: they rejoin the current listings.
            var returned = rescraped.Concat(firstListings.Where(l => !rescraped.Any(r => r.ListingId == l.ListingId))).ToArray();
            Run(incremental, LinkScope.Incremental, [], returned, options);
            using var fullAgain = Open();
            Run(fullAgain, LinkScope.Full, finalReferences, returned, options);
            Assert.Equal(CurrentPairs(fullAgain), CurrentPairs(incremental));
        }
    }

    [StoreFact]
    public void References_alone_are_linked_against_the_stored_listings()
    {
        var (references, listings) = Corpus(21);
        var (first, later) = Split(references, new Random(21), 0.2);
        using var incremental = Open();
        Run(incremental, LinkScope.Full, first, listings);
        var before = CurrentPairs(incremental);

        var runId = Run(incremental, LinkScope.Incremental, later, []);

        using var full = Open();
        Run(full, LinkScope.Full, references, listings);
        Assert.Equal(CurrentPairs(full), CurrentPairs(incremental));
        var pairsOfNewReferences = CurrentPairs(incremental).Count(p => later.Any(r => p.StartsWith(r.RecordId + "|", StringComparison.Ordinal)));
        Assert.True(pairsOfNewReferences > 0, "the new references should get candidates");
        Assert.True(CurrentPairs(incremental).Count > before.Count);
        Assert.Equal("incremental", incremental.GetRun(runId)!.LinkScope);
    }

    [StoreFact]
    public void A_reference_moved_out_of_its_sibling_group_leaves_its_former_siblings_as_a_full_run_would()
    {
        var (references, listings) = Corpus(51);
        using var incremental = Open();
        Run(incremental, LinkScope.Full, references, listings);
        // Every reference that has siblings leaves its group: its siblings lose the evidence and the sibling_cross
        // pairs it brought them.
        var moved = references.Where(r => r.Person.SiblingGroup.Length > 0)
            .GroupBy(r => r.Person.SiblingGroup).Select(g => g.First() with { Person = g.First().Person with { SiblingGroup = "" } })
            .ToArray();
        Assert.NotEmpty(moved);

        Run(incremental, LinkScope.Incremental, moved, []);

        var final = references.Select(r => moved.FirstOrDefault(m => m.RecordId == r.RecordId) ?? r).ToArray();
        using var full = Open();
        Run(full, LinkScope.Full, final, listings);
        Assert.Equal(CurrentPairs(full), CurrentPairs(incremental));
    }

    [StoreFact]
    public void Sibling_groups_renamed_by_a_later_scrape_are_stored_with_their_pairs_as_a_full_run_stores_them()
    {
        var (references, listings) = Corpus(61);
        using var incremental = Open();
        Run(incremental, LinkScope.Full, references, listings);
        // A site numbers its sibling groups afresh: the same children listed together, under other names, so every
        // score stays as it was and only the groups stored with the pairs differ.
        var renamed = listings.Select(l => l.Person.SiblingGroup.Length == 0 ? l
            : l with { Person = l.Person with { SiblingGroup = "renamed-" + l.Person.SiblingGroup } }).ToArray();
        Assert.Contains(renamed, l => l.Person.SiblingGroup.Length > 0);

        Run(incremental, LinkScope.Incremental, [], renamed);

        using var full = Open();
        Run(full, LinkScope.Full, references, renamed);
        Assert.Equal(CurrentPairs(full), CurrentPairs(incremental));
    }

    [StoreFact]
    public void Nothing_changed_means_nothing_relinked_and_the_pairs_as_they_were()
    {
        var (references, listings) = Corpus(31);
        using var store = Open();
        Run(store, LinkScope.Full, references, listings);
        var before = CurrentPairs(store);

        var again = store.GetRun(Run(store, LinkScope.Incremental, references, listings))!;

        Assert.Equal(before, CurrentPairs(store));
        Assert.Equal((0L, 0L, (long)before.Count), (again.Counts.ReferencesRelinked, again.Counts.PairsQueued, again.Counts.PairsSkipped));
    }

    [StoreFact]
    public void Another_connection_sees_a_runs_result_only_once_the_run_has_completed()
    {
        var (references, listings) = Corpus(51);
        using var store = Open();
        using var watcher = _targets[store].OpenRawConnection();
        var changed = listings.Select((l, i) => i % 10 == 0 ? Changed(l) : l).ToArray();
        foreach (var (scope, scrape) in new[] { (LinkScope.Full, listings), (LinkScope.Incremental, changed), (LinkScope.Full, listings) })
        {
            using var watching = new CancellationTokenSource();
            using var polling = new ManualResetEventSlim();
            // A thread of its own, polling before the run starts: a busy thread pool must not let the run go unseen.
            var seen = RunThread.Run(() => WatchRunning(watcher, polling, watching.Token));
            polling.Wait();

            Run(store, scope, references, scrape);
            watching.Cancel();

            var (running, written) = seen.Result;
            Assert.True(running > 0, $"the {scope} run was never seen running");
            Assert.True(written == 0, $"the {scope} run's pairs were seen {written} times before it completed");
        }
    }

    /// <summary>
    /// Polls, one statement (one snapshot) at a time, for a running run and the pairs it wrote or retired: how often
    /// one was seen running, and how often with such pairs already there.
    /// </summary>
    private static (int Running, int Written) WatchRunning(DbConnection connection, ManualResetEventSlim polling, CancellationToken stop)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM candidate_pairs p WHERE p.last_run_id = r.run_id OR p.retired_run_id = r.run_id)
            FROM runs r WHERE r.status = 'running'
            """;
        var (running, written) = (0, 0);
        while (!stop.IsCancellationRequested)
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                running++;
                written += Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) > 0 ? 1 : 0;
            }
            polling.Set();
        }
        return (running, written);
    }

    [StoreFact]
    public void A_different_model_or_candidate_cap_forces_a_full_run()
    {
        var (references, listings) = Corpus(41);
        using var store = Open();
        Run(store, LinkScope.Full, references, listings);

        var capped = store.GetRun(Run(store, LinkScope.Incremental, references, listings, new LinkOptions { MaxCandidatesPerReference = 3 }))!;
        var retrained = LinkEngine.Create(Engine.Model with { Prior = Engine.Model.Prior / 2 }, Engine.Names, Engine.Places);
        var remodelled = store.GetRun(Run(store, LinkScope.Incremental, references, listings, new LinkOptions { MaxCandidatesPerReference = 3 }, retrained))!;

        Assert.Equal(("full", "full"), (capped.LinkScope, remodelled.LinkScope));
        Assert.True(capped.Counts.PairsRetired > 0, "a smaller cap retires the pairs beyond it");
        Assert.All(CurrentPairs(store).GroupBy(p => p.Split('|')[0]), child => Assert.InRange(child.Count(), 1, 3));
    }

    private LinkStore Open()
    {
        var t = target();
        var store = LinkStores.Open(t.Target);
        _targets[store] = t;
        store.AddUser(Reviewer, UserRole.Reviewer, "correct horse", "admin");
        return store;
    }

    private (ReferenceRecord[] References, ListingRecord[] Listings) Corpus(ulong seed)
    {
        var directory = Path.Combine(_corpora, seed.ToString(CultureInfo.InvariantCulture));
        CorpusGenerator.Write(new SynthOptions { Children = 100, Distractors = 150, Seed = seed }, directory);
        var references = RecordFileReader.ReadReferences(Path.Combine(directory, "references.csv")).Records.ToArray();
        var listings = RecordFileReader.ReadListings(Path.Combine(directory, "listings.csv")).Records
            .DistinctBy(l => l.ListingId).ToArray();
        Assert.Contains(references, r => r.Person.SiblingGroup.Length > 0);
        return (references, listings);
    }

    private static LinkEngine WithoutTermFrequencies(LinkEngine engine) => LinkEngine.Create(
        engine.Model with
        {
            Comparisons = [.. engine.Model.Comparisons.Select(c => c with { Levels = [.. c.Levels.Select(l => l with { TfAdjust = false })] })],
        },
        engine.Names, engine.Places);

    private static (T[] Kept, T[] Held) Split<T>(IReadOnlyList<T> records, Random random, double held)
    {
        var draws = records.Select(r => (Record: r, Held: random.NextDouble() < held)).ToArray();
        return ([.. draws.Where(d => !d.Held).Select(d => d.Record)], [.. draws.Where(d => d.Held).Select(d => d.Record)]);
    }

    /// <summary>The same record born a year earlier: still a candidate of its match on most rules, scored differently.</summary>
    private static ReferenceRecord Changed(ReferenceRecord record) => record with { Person = EarlierBirth(record.Person, null) };

    private static ListingRecord Changed(ListingRecord listing) =>
        listing with { Person = EarlierBirth(listing.Person, listing.ScrapedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null) };

    /// <summary>Written as text and parsed as ingest would, so the record reads back from the store as it went in.</summary>
    private static PersonDetails EarlierBirth(PersonDetails person, DateOnly? observedOn)
    {
        var date = person.BirthDate;
        var text = date.Year == 0 ? "2012" : date.Month == 0
            ? (date.Year - 1).ToString("D4", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Clamp(date.Day, 1, 28):D2}.{date.Month:D2}.{date.Year - 1:D4}");
        return person with { BirthDate = PartialDate.Parse(text, observedOn, out _), BirthDateText = text };
    }

    private static long Run(LinkStore store, LinkScope scope, IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings,
        LinkOptions? options = null, LinkEngine? engine = null) =>
        LinkRun.Execute(store, new LinkRunRequest { Kind = "nightly", Scope = scope, References = references, Listings = listings },
            engine ?? Engine, options ?? new LinkOptions()).RunId;

    /// <summary>A reviewer confirms every rank-1 match and rejects every other match-or-review pair ranked 2.</summary>
    private static List<(string, string, ReviewDecision)> DecideTopPairs(LinkStore store)
    {
        var decided = new List<(string, string, ReviewDecision)>();
        foreach (var pair in store.Queue(new QueueQuery { Limit = 10_000 }).Where(p => p.Rank <= 2 && p.MachineDecision != MatchDecision.NonMatch))
        {
            var decision = pair.Rank == 1 ? ReviewDecision.Confirmed : ReviewDecision.Rejected;
            Assert.Equal(DecisionStatus.Saved, store.Decide(new DecisionRequest(pair.ReferenceId, pair.ListingId, decision, Reviewer, pair.Version)).Status);
            decided.Add((pair.ReferenceId, pair.ListingId, decision));
        }
        Assert.NotEmpty(decided);
        return decided;
    }

    /// <summary>The current pairs as text rows, every scored column included, in a fixed order.</summary>
    private List<string> CurrentPairs(LinkStore store)
    {
        using var connection = _targets[store].OpenRawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reference_id, listing_id, comparison_weight, listing_sibling_group, match_probability, match_weight, machine_decision, levels, weights,
                blocking_rules, evidence
            FROM candidate_pairs WHERE retired_run_id IS NULL
            """;
        return Rows(command);
    }

    private static List<string> Rows(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            })));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

public sealed class SqliteIncrementalLinkTests() : IncrementalLinkContract(() => new SqliteTarget());

[RequiresPostgres]
public sealed class PostgresIncrementalLinkTests() : IncrementalLinkContract(() => new PostgresTarget());
