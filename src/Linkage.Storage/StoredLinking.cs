using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Storage;

/// <summary>What a full or incremental run linked and wrote, for its run row.</summary>
internal sealed record StoredLinkOutcome(LinkSummary Summary, CandidateSaveSummary Saved, long ReferencesRead,
    long ReferencesRelinked, long PairsSkipped, long PairsRetired);

/// <summary>
/// Links so that the store's current pairs (those not retired) are always what one full run on the current data
/// would keep: for every reference, its best candidates among the current (not vanished) listings, with sibling
/// evidence, ranks and the candidate cap. A full run links everything. An incremental run recomputes only what can
/// have changed since the last completed run and leaves every other stored pair as it is:
/// <list type="bullet">
/// <item>a reference is <em>stale</em> when it is new or changed, or was in a sibling group a changed reference left,
/// or holds a pair with a listing that vanished or changed, or with a listing co-listed (same sibling group, in any
/// version) with one: the <c>sibling_cross</c> rule may no longer propose that pair. Stale references, whole
/// sibling groups, are linked against every current listing;</item>
/// <item>every other reference is probed against the new and changed listings and the listings co-listed with
/// them (what <c>sibling_cross</c> can newly propose), without sibling evidence. One where a probed candidate
/// could enter its stored list (comparison weight at least the list's lowest), or where a stored pair was probed
/// again, is <em>merged</em> with its whole sibling group: the probed candidates go into the stored lists without
/// comparing the stored pairs again, and sibling evidence is applied to the merged lists
/// (<see cref="CandidateMerge"/>).</item>
/// </list>
/// Term-frequency adjustments are computed per session from its listings (the probed ones for the probe), as in
/// any run: when they are active, an incremental run's new pairs are scored against those listings' frequencies.
/// </summary>
internal static class StoredLinking
{


    public const string Full = "full";
    public const string Incremental = "incremental";

    /// <summary>
    /// The stored form of pairs incremental runs build on: 2 stores the comparison weight and ranks ties by listing id.
    /// </summary>
    private const int PairForm = 2;

    /// <param name="storedReferences">Every stored reference, in id order (<see cref="ReadReferencesAside"/>).</param>
    public static StoredLinkOutcome Link(
        LinkStore store, long runId, LinkScope scope, IReadOnlyList<ListingRecord> batch, Task<ReferenceRecord[]> storedReferences,
        LinkEngine engine, LinkOptions options, RunClocks clocks, IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(engine.Model, options);
        var last = store.LastCompletedRun();
        // Exhaustive runs keep pairs by their weight with sibling evidence, which a merge cannot tell before merging.
        var incremental = scope == LinkScope.Incremental && !options.Exhaustive && last is { Scope: not null }
            && last.ModelFingerprint == fingerprint;
        store.RecordLinkScope(runId, incremental ? Incremental : Full, fingerprint);
        if (incremental)
        {
            return LinkChanges(store, runId, last!.RunId, storedReferences, batch, engine, options, clocks, cancellationToken);
        }
        var outcome = LinkAll(store, runId, Awaited(storedReferences, clocks), batch, engine, options, clocks, progress, cancellationToken);
        clocks.Save.Start();
        var retired = store.MarkCurrentPairs(runId, null);
        clocks.Save.Stop();
        return outcome with { PairsRetired = retired };
    }

    /// <summary>
    /// The model, the options and the stored form of pairs that shape the result; a run with another fingerprint
    /// cannot build on this one's pairs.
    /// </summary>
    internal static string Fingerprint(MatchModel model, LinkOptions options)
    {
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"{MatchModelJson.Serialize(model)}\ntop={options.MaxCandidatesPerReference};exhaustive={options.Exhaustive};pairs={PairForm}");
        return model.Name + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shape)))[..16];
    }

    /// <summary>
    /// Links <paramref name="references"/> (in id order; the shard's, when <see cref="LinkOptions.Shard"/> is set)
    /// against every current listing and saves their candidates as they come (<see cref="LinkRun.LinkAndSave"/>).
    /// Retires nothing: the caller retires the current pairs the whole run did not score once every part is saved.
    /// </summary>
    internal static StoredLinkOutcome LinkAll(
        LinkStore store, long runId, ReferenceRecord[] references, IReadOnlyList<ListingRecord> batch, LinkEngine engine,
        LinkOptions options, RunClocks clocks, IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        var listings = CurrentListings(store, runId, batch, clocks.Save);
        var outcome = LinkRun.LinkAndSave(store, runId, references, listings, engine, options, clocks, progress, null, null, cancellationToken);
        return outcome with { ReferencesRelinked = references.Length };
    }

    /// <summary>The stored references read aside, waiting for them if still being read (time spent reading).</summary>
    private static ReferenceRecord[] Awaited(Task<ReferenceRecord[]> references, RunClocks clocks)
    {
        clocks.Save.Start();
        var read = references.GetAwaiter().GetResult();
        clocks.Save.Stop();
        return read;
    }

    private static StoredLinkOutcome LinkChanges(
        LinkStore store, long runId, long since, Task<ReferenceRecord[]> storedReferences, IReadOnlyList<ListingRecord> batch,
        LinkEngine engine, LinkOptions options, RunClocks clocks, CancellationToken cancellationToken)
    {
        // What changed is read first, while the references are still being read aside. The stored lists' floors are
        // read on another connection meanwhile: storing the records changed no pair.
        var floorsRead = ReadAside(store, side => side.CurrentListFloors());
        clocks.Save.Start();
        var retracted = store.ListingsRetractedSince(since);
        var staleIds = store.ReferencesChangedSince(since);
        if (retracted.Count > 0)
        {
            var coRetracted = store.ListingsInGroups(store.SiblingGroupsEverOf(retracted), withVanished: true);
            staleIds.UnionWith(store.ReferencesHolding(retracted.Concat(coRetracted).Distinct(StringComparer.Ordinal)));
        }
        var groupsLeft = store.SiblingGroupsLeftSince(since);
        var freshIds = store.ListingsChangedSince(since);
        var (probed, coListed) = ProbedListings(store, batch, freshIds);
        var floors = floorsRead.GetAwaiter().GetResult();
        clocks.Save.Stop();
        var references = Awaited(storedReferences, clocks);
        staleIds.UnionWith(references.Where(r => groupsLeft.Contains(r.Person.SiblingGroup)).Select(r => r.RecordId));
        var stale = WholeSiblingGroups(references, staleIds);

        var pairsStored = floors.Values.Sum(f => (long)f.Count);
        var linked = new List<CandidateMatch>();
        long candidatePairs = 0;
        var pairsPerRule = new Dictionary<string, long>();
        var read = new Dictionary<(string, string), StoredPair>();
        if (stale.Length > 0)
        {
            // Against every current listing, as a full run links them.
            var listings = CurrentListings(store, runId, batch, clocks.Save);
            clocks.Link.Start();
            var result = Linker.Link(stale, listings, engine, options, null, cancellationToken);
            clocks.Link.Stop();
            Tally(result);
            linked.AddRange(result.Matches);
            Read(stale);
        }
        var staleSet = stale.Select(r => r.RecordId).ToHashSet(StringComparer.Ordinal);
        var settled = references.Where(r => !staleSet.Contains(r.RecordId)).ToArray();
        if (probed.Length > 0 && settled.Length > 0)
        {
            clocks.Link.Start();
            // The probe keeps only what could enter a stored list: anything when the list is not full, else what reaches its
            // lowest comparison weight (a tie may still win on the listing id). A stored pair probed again is at its floor
            // or above, so it is kept too, and touches its reference only if blocking or levelling now differs.
            var probing = options with
            {
                SiblingEvidence = false,
                NewListings = freshIds,
                EntryWeight = id => floors.TryGetValue(id, out var list) && list.Count >= options.MaxCandidatesPerReference
                    ? list.Floor : double.NegativeInfinity,
            };
            var probe = Linker.Link(settled, probed, engine, probing, null, cancellationToken);
            clocks.Link.Stop();
            // Only a co-listed listing can be probed again with a reference that holds a pair with it.
            clocks.Save.Start();
            var reprobed = store.ReadCurrentComparisons(probe.Matches.Select(m => m.ListingId).Where(coListed.Contains).Distinct());
            clocks.Save.Stop();
            clocks.Link.Start();
            var touched = probe.Matches
                .Where(m => !reprobed.TryGetValue((m.ReferenceId, m.ListingId), out var stored)
                    || !stored.Levels.SequenceEqual(m.Levels) || !stored.Rules.SequenceEqual(m.BlockingRules))
                .Select(m => m.ReferenceId).ToHashSet(StringComparer.Ordinal);
            var merged = WholeSiblingGroups(settled, touched);
            clocks.Link.Stop();
            Tally(probe);
            var stored = Read(merged);
            clocks.Link.Start();
            var thresholds = engine.Model.Thresholds;
            var storedLists = stored.Values.Select(p => SiblingEvidence.Unlifted(p.Candidate, thresholds)).ToLookup(c => c.ReferenceId, StringComparer.Ordinal);
            var offered = probe.Matches.ToLookup(m => m.ReferenceId, StringComparer.Ordinal);
            var referenceGroups = merged.Where(r => r.Person.SiblingGroup.Length > 0)
                .ToDictionary(r => r.RecordId, r => r.Person.SiblingGroup, StringComparer.Ordinal);
            linked.AddRange(CandidateMerge.Merge([.. merged.Select(r => r.RecordId)], storedLists, offered, options.MaxCandidatesPerReference,
                new PairSiblingGroups(referenceGroups), engine.Model));
            clocks.Link.Stop();
        }
        cancellationToken.ThrowIfCancellationRequested();

        clocks.Save.Start();
        var changed = new List<CandidateMatch>();
        var current = new HashSet<(string, string)>();
        foreach (var match in linked)
        {
            var key = (match.ReferenceId, match.ListingId);
            current.Add(key);
            // A pair's rank is derived from the weights when read (LinkStore.Ranked), so a pair that only moved stays as stored.
            if (!read.TryGetValue(key, out var pair) || !pair.SameScore(match))
            {
                // Whatever a changed pair still holds of its stored row is read now, before the write transaction.
                changed.Add(match with { Evidence = [.. match.Evidence], BlockingRules = [.. match.BlockingRules] });
            }
        }
        store.BeginResult();
        var saved = store.SaveCandidates(runId, changed);
        var retired = store.MarkCurrentPairs(runId, [.. read.Keys.Where(k => !current.Contains(k))]);
        clocks.Save.Stop();
        var summary = new LinkResult { Matches = linked, CandidatePairs = candidatePairs, PairsPerRule = pairsPerRule }.Summary;
        var relinked = read.Keys.Select(k => k.Item1).Distinct(StringComparer.Ordinal).Count();
        return new StoredLinkOutcome(summary, saved, references.Length, relinked, pairsStored - read.Count, retired);

        void Tally(LinkResult result)
        {
            candidatePairs += result.CandidatePairs;
            foreach (var (rule, pairs) in result.PairsPerRule)
            {
                pairsPerRule[rule] = pairsPerRule.GetValueOrDefault(rule) + pairs;
            }
        }

        Dictionary<(string, string), StoredPair> Read(IEnumerable<ReferenceRecord> relinked)
        {
            clocks.Save.Start();
            var pairs = store.ReadCurrentPairs(relinked);
            clocks.Save.Stop();
            foreach (var (key, pair) in pairs)
            {
                read[key] = pair;
            }
            return pairs;
        }
    }

    /// <summary>
    /// The new and changed listings, and the current listings co-listed with them (what <c>sibling_cross</c> can
    /// newly propose through them), in listing id order; and which were co-listed.
    /// </summary>
    private static (ListingRecord[] Probed, HashSet<string> CoListed) ProbedListings(
        LinkStore store, IReadOnlyList<ListingRecord> batch, HashSet<string> freshIds)
    {
        if (freshIds.Count == 0)
        {
            return ([], []);
        }
        var batchById = LatestById(batch);
        var fromBatch = freshIds.Where(batchById.ContainsKey).Select(id => batchById[id]).ToList();
        var fresh = fromBatch.Concat(store.ReadListingRecords(freshIds.Where(id => !batchById.ContainsKey(id)))).ToList();
        var groups = fresh.Select(l => l.Person.SiblingGroup).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal);
        var coListed = store.ListingsInGroups(groups, withVanished: false);
        coListed.ExceptWith(freshIds);
        fresh.AddRange(coListed.Where(batchById.ContainsKey).Select(id => batchById[id]));
        fresh.AddRange(store.ReadListingRecords(coListed.Where(id => !batchById.ContainsKey(id))));
        return (Sorted(fresh), coListed);
    }

    /// <summary>The references named, with every reference of their sibling groups, in reference id order.</summary>
    private static ReferenceRecord[] WholeSiblingGroups(ReferenceRecord[] references, HashSet<string> ids)
    {
        var groups = references.Where(r => r.Person.SiblingGroup.Length > 0 && ids.Contains(r.RecordId))
            .Select(r => r.Person.SiblingGroup).ToHashSet(StringComparer.Ordinal);
        return [.. references.Where(r => ids.Contains(r.RecordId) || groups.Contains(r.Person.SiblingGroup))];
    }

    /// <summary>Every stored reference, in reference id order.</summary>
    internal static ReferenceRecord[] SortedReferences(LinkStore store) =>
        [.. store.ReadReferences().OrderBy(r => r.RecordId, StringComparer.Ordinal)];

    /// <summary><see cref="SortedReferences"/>, read aside (<see cref="ReadAside"/>).</summary>
    internal static Task<ReferenceRecord[]> ReadReferencesAside(LinkStore store) => ReadAside(store, SortedReferences);

    /// <summary>
    /// What <paramref name="read"/> reads, on another connection (<see cref="LinkStore.OpenSide"/>) and thread while the
    /// caller goes on with <paramref name="store"/>: it sees what the caller has committed.
    /// </summary>
    private static Task<T> ReadAside<T>(LinkStore store, Func<LinkStore, T> read) => RunThread.Run(() =>
    {
        using var side = store.OpenSide();
        return read(side);
    });

    /// <summary>Every current listing: this run's as read, the others as stored, in listing id order.</summary>
    private static ListingRecord[] CurrentListings(LinkStore store, long runId, IReadOnlyList<ListingRecord> batch, Stopwatch save)
    {
        save.Start();
        var listings = Sorted(LatestById(batch).Values.Concat(store.ReadCurrentListings(runId)));
        save.Stop();
        return listings;
    }

    /// <summary>A batch's listings by id; a listing given twice counts as its last row, as the store keeps it.</summary>
    private static Dictionary<string, ListingRecord> LatestById(IReadOnlyList<ListingRecord> batch)
    {
        var byId = new Dictionary<string, ListingRecord>(batch.Count, StringComparer.Ordinal);
        foreach (var listing in batch)
        {
            byId[listing.ListingId] = listing;
        }
        return byId;
    }

    private static ListingRecord[] Sorted(IEnumerable<ListingRecord> listings) =>
        [.. listings.OrderBy(l => l.ListingId, StringComparer.Ordinal)];
}
