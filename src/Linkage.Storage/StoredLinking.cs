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
/// evidence, ranks and the candidate cap. A full run links everything. An incremental run recomputes only the
/// references whose candidates can have changed since the last completed run, and leaves every other stored
/// pair as it is:
/// <list type="bullet">
/// <item>references that are new or changed, or that hold a pair with a listing that changed or vanished, are
/// stale: their stored candidates no longer stand, so they are linked against all current listings;</item>
/// <item>every other reference is probed against the new and changed listings; one where a new candidate could
/// enter its stored list (weight before sibling evidence at least the lowest stored one's before it) is
/// relinked against its stored candidates plus the new listings, which hold its whole new list;</item>
/// <item>sibling evidence is group-level, so every reference of a relinked reference's sibling group is relinked
/// in the same session.</item>
/// </list>
/// Listings enter every session in listing id order and references in reference id order, so ties rank the same
/// in a small session as in a full one. Term-frequency adjustments are computed per session from its listings
/// (the new listings for the probe), as in any run: when they are active, an incremental run's scores differ from
/// a full run's by the difference between those populations' frequencies.
/// </summary>
internal static class StoredLinking
{
    public const string Full = "full";
    public const string Incremental = "incremental";

    /// <summary>Rounding slack for the entry test: the probe and the stored list sum the same terms.</summary>
    private const double Slack = 1e-9;

    public static StoredLinkOutcome Link(
        LinkStore store, long runId, LinkScope scope, IReadOnlyList<ListingRecord> batch, LinkEngine engine, LinkOptions options,
        RunClocks clocks, IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(engine.Model, options);
        var last = store.LastCompletedRun();
        var incremental = scope == LinkScope.Incremental && last is { Scope: not null } && last.ModelFingerprint == fingerprint;
        store.RecordLinkScope(runId, incremental ? Incremental : Full, fingerprint);
        var references = SortedReferences(store);
        if (incremental)
        {
            return LinkChanges(store, runId, last!.RunId, references, batch, engine, options, clocks.Link, clocks.Save, cancellationToken);
        }
        var outcome = LinkAll(store, runId, references, batch, engine, options, clocks, progress, cancellationToken);
        clocks.Save.Start();
        var retired = store.MarkCurrentPairs(runId, null);
        clocks.Save.Stop();
        return outcome with { PairsRetired = retired };
    }

    /// <summary>The model and the options that shape the result; a run with another fingerprint cannot build on this one's pairs.</summary>
    internal static string Fingerprint(MatchModel model, LinkOptions options)
    {
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"{MatchModelJson.Serialize(model)}\ntop={options.MaxCandidatesPerReference};exhaustive={options.Exhaustive}");
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

    private static StoredLinkOutcome LinkChanges(
        LinkStore store, long runId, long since, ReferenceRecord[] references, IReadOnlyList<ListingRecord> batch, LinkEngine engine,
        LinkOptions options, Stopwatch link, Stopwatch save, CancellationToken cancellationToken)
    {
        save.Start();
        var changedListings = store.ListingsChangedSince(since);
        var vanished = store.ListingsVanishedSince(since);
        var stale = store.ReferencesChangedSince(since);
        var kept = store.ReadKeptPairs().GroupBy(p => p.ReferenceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var (reference, pairs) in kept)
        {
            if (pairs.Any(p => changedListings.Contains(p.ListingId) || vanished.Contains(p.ListingId)))
            {
                stale.Add(reference);
            }
        }
        var batchById = LatestById(batch);
        var fresh = Sorted(changedListings.Where(batchById.ContainsKey).Select(id => batchById[id])
            .Concat(store.ReadListingRecords(changedListings.Where(id => !batchById.ContainsKey(id)))));
        save.Stop();

        var touched = new HashSet<string>(stale, StringComparer.Ordinal);
        long candidatePairs = 0;
        link.Start();
        if (fresh.Length > 0)
        {
            var probe = Linker.Link(references.Where(r => !stale.Contains(r.RecordId)).ToArray(), fresh, engine, options, null, cancellationToken);
            candidatePairs += probe.CandidatePairs;
            var bonus = engine.Model.SiblingWeight ?? 0;
            foreach (var match in probe.Matches)
            {
                if (!touched.Contains(match.ReferenceId)
                    && CanEnter(match, kept.GetValueOrDefault(match.ReferenceId), options.MaxCandidatesPerReference, bonus))
                {
                    touched.Add(match.ReferenceId);
                }
            }
        }
        var touchedGroups = references.Where(r => r.Person.SiblingGroup.Length > 0 && touched.Contains(r.RecordId))
            .Select(r => r.Person.SiblingGroup).ToHashSet(StringComparer.Ordinal);
        var relink = references.Where(r => touched.Contains(r.RecordId) || touchedGroups.Contains(r.Person.SiblingGroup)).ToArray();
        link.Stop();

        var pairsStored = kept.Values.Sum(p => (long)p.Length);
        if (relink.Length == 0)
        {
            var nothing = new LinkResult { Matches = [], CandidatePairs = candidatePairs, PairsPerRule = new Dictionary<string, long>() };
            return new StoredLinkOutcome(nothing.Summary, new CandidateSaveSummary(0, 0), references.Length, 0, pairsStored, 0);
        }

        // A stale reference needs every current listing; otherwise each relinked reference's new list lies within
        // its stored candidates and the new listings.
        ListingRecord[] listings;
        if (stale.Count > 0)
        {
            listings = CurrentListings(store, runId, batch, save);
        }
        else
        {
            save.Start();
            var freshIds = fresh.Select(l => l.ListingId).ToHashSet(StringComparer.Ordinal);
            var storedIds = relink.SelectMany(r => kept.GetValueOrDefault(r.RecordId) ?? []).Select(p => p.ListingId)
                .Where(id => !freshIds.Contains(id)).Distinct(StringComparer.Ordinal);
            listings = Sorted(fresh.Concat(store.ReadListingRecords(storedIds)));
            save.Stop();
        }
        link.Start();
        var result = Linker.Link(relink, listings, engine, options, null, cancellationToken);
        link.Stop();
        cancellationToken.ThrowIfCancellationRequested();

        save.Start();
        var stored = store.ReadKeptRows(relink.Select(r => r.RecordId));
        var changed = new List<CandidateMatch>();
        var reranked = new List<(string, string, int)>();
        var current = new HashSet<(string, string)>();
        foreach (var match in result.Matches)
        {
            var key = (match.ReferenceId, match.ListingId);
            current.Add(key);
            if (stored.TryGetValue(key, out var row) && LinkStore.SameScore(row, match))
            {
                if (row.Rank != match.Rank)
                {
                    reranked.Add((match.ReferenceId, match.ListingId, match.Rank));
                }
            }
            else
            {
                changed.Add(match);
            }
        }
        var saved = store.SaveCandidates(runId, changed);
        store.SetRanks(reranked);
        var retired = store.MarkCurrentPairs(runId, [.. stored.Keys.Where(k => !current.Contains(k))]);
        save.Stop();
        return new StoredLinkOutcome(
            (result with { CandidatePairs = candidatePairs + result.CandidatePairs }).Summary,
            saved, references.Length, relink.Length, pairsStored - stored.Count, retired);
    }

    /// <summary>
    /// Whether a new candidate might rank among a reference's stored ones: the list is not full, or the candidate's
    /// weight before sibling evidence reaches the lowest stored weight before it (ranks are set before that evidence).
    /// </summary>
    private static bool CanEnter(CandidateMatch match, KeptPair[]? stored, int cap, double bonus)
    {
        if (stored is null || stored.Length != cap)
        {
            return true;
        }
        var weight = match.Evidence.Any(e => e.Comparison == SiblingEvidence.ComparisonName) ? match.MatchWeight - bonus : match.MatchWeight;
        return weight >= stored.Min(p => p.Lifted ? p.Weight - bonus : p.Weight) - Slack;
    }

    /// <summary>Every stored reference, in reference id order.</summary>
    internal static ReferenceRecord[] SortedReferences(LinkStore store) =>
        [.. store.ReadReferences().OrderBy(r => r.RecordId, StringComparer.Ordinal)];

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
