using System.Data.Common;
using Linkage.Records;

namespace Linkage.Storage;

public sealed partial class LinkStore
{
    public long BeginRun(string kind, string modelName, string? referencesFile, string? listingsFile) =>
        BeginRun(kind, modelName, referencesFile, listingsFile, null);

    private long BeginRun(string kind, string modelName, string? referencesFile, string? listingsFile, DbTransaction? transaction)
    {
        using var command = Command("""
            INSERT INTO runs (kind, status, started_at, model_name, references_file, listings_file)
            VALUES (@kind, 'running', @at, @model, @references, @listings) RETURNING run_id
            """, transaction);
        command.AddParameter("@kind", kind);
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        command.AddParameter("@model", modelName);
        command.AddParameter("@references", referencesFile);
        command.AddParameter("@listings", listingsFile);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void CompleteRun(long runId, RunCounts counts) => FinishRun(runId, "completed", counts, null);

    public void FailRun(long runId, string error) => FinishRun(runId, "failed", new RunCounts(), error);

    /// <summary>
    /// Marks failed the runs of <paramref name="kind"/> still recorded as running: their process died (killed, out of
    /// memory, power lost) before it could. Call only while holding the <see cref="RunLock"/> for that kind, which
    /// proves no live run of it is left. Returns how many were marked.
    /// </summary>
    public int FailAbandonedRuns(string kind)
    {
        using var command = Command("""
            UPDATE runs SET status = 'failed', finished_at = @at, error = 'abandoned: the process ended before the run finished'
            WHERE kind = @kind AND status = 'running'
            """);
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        command.AddParameter("@kind", kind);
        return command.ExecuteNonQuery();
    }

    /// <summary>References that a run stored for the first time, and those whose content it changed.</summary>
    internal (long New, long Changed) CountReferenceChanges(long runId) => (
        CountWhere("reference_records", "first_run_id = @run", runId),
        CountWhere("reference_records", "changed_run_id = @run AND first_run_id <> @run", runId));

    /// <summary>Pairs that entered the review queue in a run.</summary>
    internal long CountQueuedPairs(long runId) => CountWhere("candidate_pairs", "first_run_id = @run", runId);

    private long CountWhere(string table, string condition, long runId)
    {
        using var command = Command($"SELECT COUNT(*) FROM {table} WHERE {condition}");
        command.AddParameter("@run", runId);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public RunRecord? GetRun(long runId)
    {
        using var command = Command("""
            SELECT run_id, kind, status, started_at, finished_at, model_name, references_read, references_rejected,
                listings_read, listings_rejected, candidate_pairs, pairs_kept, matches, reviews, error,
                references_new, references_changed, listings_new, listings_changed, listings_vanished, pairs_queued,
                pairs_flagged, read_ms, link_ms, save_ms, references_relinked, pairs_skipped, pairs_retired, link_scope
            FROM runs WHERE run_id = @run
            """);
        command.AddParameter("@run", runId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return new RunRecord(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.NullableTime(4),
            reader.GetString(5),
            new RunCounts
            {
                ReferencesRead = reader.GetInt64(6),
                ReferencesRejected = reader.GetInt64(7),
                ListingsRead = reader.GetInt64(8),
                ListingsRejected = reader.GetInt64(9),
                CandidatePairs = reader.GetInt64(10),
                PairsKept = reader.GetInt64(11),
                Matches = reader.GetInt64(12),
                Reviews = reader.GetInt64(13),
                ReferencesNew = reader.GetInt64(15),
                ReferencesChanged = reader.GetInt64(16),
                ListingsNew = reader.GetInt64(17),
                ListingsChanged = reader.GetInt64(18),
                ListingsVanished = reader.GetInt64(19),
                PairsQueued = reader.GetInt64(20),
                PairsFlagged = reader.GetInt64(21),
                ReadMilliseconds = reader.GetInt64(22),
                LinkMilliseconds = reader.GetInt64(23),
                SaveMilliseconds = reader.GetInt64(24),
                ReferencesRelinked = reader.GetInt64(25),
                PairsSkipped = reader.GetInt64(26),
                PairsRetired = reader.GetInt64(27),
            },
            reader.NullableString(14))
        {
            LinkScope = reader.NullableString(28),
        };
    }

    private void FinishRun(long runId, string status, RunCounts counts, string? error)
    {
        using var command = Command("""
            UPDATE runs SET status = @status, finished_at = @at, references_read = @rr, references_rejected = @rj,
                listings_read = @lr, listings_rejected = @lj, candidate_pairs = @pairs, pairs_kept = @kept,
                matches = @matches, reviews = @reviews, error = @error, references_new = @rnew,
                references_changed = @rchanged, listings_new = @lnew, listings_changed = @lchanged,
                listings_vanished = @lvanished, pairs_queued = @queued, pairs_flagged = @flagged, read_ms = @readms,
                link_ms = @linkms, save_ms = @savems, references_relinked = @relinked, pairs_skipped = @skipped,
                pairs_retired = @retired
            WHERE run_id = @run AND status = 'running'
            """);
        command.AddParameter("@status", status);
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        command.AddParameter("@rr", counts.ReferencesRead);
        command.AddParameter("@rj", counts.ReferencesRejected);
        command.AddParameter("@lr", counts.ListingsRead);
        command.AddParameter("@lj", counts.ListingsRejected);
        command.AddParameter("@pairs", counts.CandidatePairs);
        command.AddParameter("@kept", counts.PairsKept);
        command.AddParameter("@matches", counts.Matches);
        command.AddParameter("@reviews", counts.Reviews);
        command.AddParameter("@rnew", counts.ReferencesNew);
        command.AddParameter("@rchanged", counts.ReferencesChanged);
        command.AddParameter("@lnew", counts.ListingsNew);
        command.AddParameter("@lchanged", counts.ListingsChanged);
        command.AddParameter("@lvanished", counts.ListingsVanished);
        command.AddParameter("@queued", counts.PairsQueued);
        command.AddParameter("@flagged", counts.PairsFlagged);
        command.AddParameter("@readms", counts.ReadMilliseconds);
        command.AddParameter("@linkms", counts.LinkMilliseconds);
        command.AddParameter("@savems", counts.SaveMilliseconds);
        command.AddParameter("@relinked", counts.ReferencesRelinked);
        command.AddParameter("@skipped", counts.PairsSkipped);
        command.AddParameter("@retired", counts.PairsRetired);
        command.AddParameter("@error", error is null ? null : StoredText.Check(error, nameof(error)));
        command.AddParameter("@run", runId);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"run {runId} is not running");
        }
    }

    /// <summary>Stores the references a run read; a reference whose content changed is marked changed in this run.</summary>
    public void SaveReferences(long runId, IEnumerable<ReferenceRecord> references) => InTransaction(transaction =>
    {
        const string upsert = """
            INSERT INTO reference_records (reference_id, content_hash, data, first_run_id, changed_run_id, last_run_id, sibling_group)
            VALUES (@id, @hash, @data, @run, @run, @run, @group)
            ON CONFLICT (reference_id) DO UPDATE SET
                changed_run_id = CASE WHEN reference_records.content_hash = excluded.content_hash
                    THEN reference_records.changed_run_id ELSE excluded.changed_run_id END,
                previous_sibling_group = CASE WHEN reference_records.content_hash = excluded.content_hash
                    THEN reference_records.previous_sibling_group ELSE reference_records.sibling_group END,
                content_hash = excluded.content_hash, data = excluded.data, last_run_id = excluded.last_run_id,
                sibling_group = excluded.sibling_group
            """;
        using var batch = new StatementBatch(_connection, transaction);
        foreach (var record in references)
        {
            var (document, hash) = RecordDocuments.Write(record);
            var group = record.Person.SiblingGroup.Length > 0 ? StoredText.Check(record.Person.SiblingGroup, "sibling group") : null;
            batch.Add(upsert, ("@id", StoredText.Check(record.RecordId, "reference id")), ("@hash", hash),
                ("@data", document), ("@run", runId), ("@group", group));
        }
        batch.Flush();
        return 0;
    });

    /// <summary>
    /// Stores one scrape's listings. A listing whose content changed gets a new version; an identical one is only
    /// marked seen. Each source present in <paramref name="listings"/> counts as scraped afresh: its stored listings
    /// absent from this batch are marked vanished, and a vanished listing that reappears is unmarked.
    /// Saves into one store take turns, even from several processes (a nightly run and an upload, two upload
    /// runners): each reads the stored hashes to decide new, changed or unchanged, and on PostgreSQL two saves
    /// reading at once would both insert a new listing (a duplicate key) or both version one change. Taking turns
    /// keeps exactly one version per content change; row locks would have to be taken in one global order to
    /// avoid deadlocks, and a save is short next to the linking around it.
    /// </summary>
    public ListingScrapeSummary SaveListings(long runId, IEnumerable<ListingRecord> listings) => InTransaction(transaction =>
    {
        // Before the first read: under read committed, every statement after it sees the previous turn's commit.
        _dialect.TakeTurn(_connection, transaction, "listings");
        const string update = """
            UPDATE listings SET source = @source, placement_region = @region, url = @url, content_hash = @hash, sibling_group = @group,
                changed_run_id = CASE WHEN content_hash = @hash THEN changed_run_id ELSE @run END,
                returned_run_id = CASE WHEN vanished_run_id IS NULL THEN returned_run_id ELSE @run END,
                last_seen_run_id = @run, last_scraped_at = @scraped, vanished_run_id = NULL, vanished_at = NULL
            WHERE listing_id = @id
            """;
        // Seen again as it was: only the columns that say so, so the run-id indexes are not rewritten for every row of a
        // re-scrape.
        const string seen = "UPDATE listings SET last_seen_run_id = @run, last_scraped_at = @scraped WHERE listing_id = @id";
        // New listings and new versions go in one multi-row statement per chunk: the bulk of a first or large scrape.
        using var inserts = new MultiRowInsert(_connection, transaction, "listings", "listing_id", "source", "placement_region", "url",
            "content_hash", "first_run_id", "changed_run_id", "last_seen_run_id", "last_scraped_at", "sibling_group");
        using var versions = new MultiRowInsert(_connection, transaction, "listing_versions", "listing_id", "source", "content_hash",
            "scraped_at", "run_id", "data");
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        using var batch = new StatementBatch(_connection, transaction);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var chunk in listings.Chunk(StatementBatch.Size))
        {
            var vanishedIds = new HashSet<string>(StringComparer.Ordinal);
            var storedHashes = StoredListingHashes(chunk, transaction, vanishedIds);
            foreach (var listing in chunk)
            {
                var (document, hash) = RecordDocuments.Write(listing);
                var stored = storedHashes.GetValueOrDefault(listing.ListingId);
                storedHashes[listing.ListingId] = hash;
                sources.Add(listing.Source);
                var id = StoredText.Check(listing.ListingId, "listing id");
                var source = StoredText.Check(listing.Source, "listing source");
                var region = StoredText.Check(listing.PlacementRegion, "placement region");
                var url = StoredText.Check(listing.Url, "listing url");
                var scraped = listing.ScrapedAt?.ToUniversalTime();
                var group = listing.Person.SiblingGroup.Length > 0 ? StoredText.Check(listing.Person.SiblingGroup, "sibling group") : null;
                if (stored is null)
                {
                    inserts.Add(id, source, region, url, hash, runId, runId, runId, scraped, group);
                    inserted.Add(id);
                }
                else
                {
                    if (inserted.Contains(id))
                    {
                        // The same listing twice in one chunk: its row must exist before it is updated.
                        inserts.Flush();
                        inserted.Clear();
                    }
                    if (stored == hash && !vanishedIds.Contains(id))
                    {
                        batch.Add(seen, ("@id", id), ("@run", runId), ("@scraped", scraped));
                    }
                    else
                    {
                        batch.Add(update, ("@id", id), ("@source", source), ("@region", region), ("@url", url), ("@hash", hash),
                            ("@run", runId), ("@scraped", scraped), ("@group", group));
                        // Not vanished any more once this row is written.
                        vanishedIds.Remove(id);
                    }
                }
                if (stored == hash)
                {
                    unchanged++;
                    continue;
                }
                versions.Add(id, source, hash, scraped, runId, document);
                if (stored is null)
                {
                    added++;
                }
                else
                {
                    changed++;
                }
            }
            // Listings before the versions that reference them.
            inserts.Flush();
            inserted.Clear();
            batch.Flush();
            versions.Flush();
        }

        var vanished = 0;
        using var vanish = Command("""
            UPDATE listings SET vanished_run_id = @run, vanished_at = @at
            WHERE source = @source AND last_seen_run_id <> @run AND vanished_run_id IS NULL
            """, transaction);
        vanish.AddParameter("@run", runId);
        vanish.AddParameter("@at", DateTimeOffset.UtcNow);
        vanish.AddParameter("@source", null);
        foreach (var source in sources)
        {
            vanish.Set("@source", source);
            vanished += vanish.ExecuteNonQuery();
        }
        return new ListingScrapeSummary(added, changed, unchanged, vanished);
    });

    /// <summary>The stored content hash of each listing of the chunk that is stored; those vanished go into <paramref name="vanished"/>.</summary>
    private Dictionary<string, string> StoredListingHashes(ListingRecord[] chunk, DbTransaction transaction, HashSet<string> vanished)
    {
        using var command = Command(string.Empty, transaction);
        var names = new string[chunk.Length];
        for (var i = 0; i < chunk.Length; i++)
        {
            names[i] = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.AddParameter(names[i], chunk[i].ListingId);
        }
        command.CommandText = $"SELECT listing_id, content_hash, vanished_run_id FROM listings WHERE listing_id IN ({string.Join(", ", names)})";
        using var reader = command.ExecuteReader();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
            if (!reader.IsDBNull(2))
            {
                vanished.Add(reader.GetString(0));
            }
        }
        return hashes;
    }

    public ListingState? GetListing(string listingId)
    {
        using var command = Command("""
            SELECT listing_id, source, placement_region, url, content_hash, first_run_id, changed_run_id, last_seen_run_id,
                last_scraped_at, vanished_run_id, vanished_at
            FROM listings WHERE listing_id = @id
            """);
        command.AddParameter("@id", listingId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ListingState(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.NullableTime(8), reader.NullableInt64(9),
                reader.NullableTime(10))
            : null;
    }

    /// <summary>Every content version of a listing, oldest first.</summary>
    public IReadOnlyList<ListingVersion> GetListingHistory(string listingId)
    {
        using var command = Command("""
            SELECT version_id, listing_id, source, content_hash, scraped_at, run_id, data
            FROM listing_versions WHERE listing_id = @id ORDER BY version_id
            """);
        command.AddParameter("@id", listingId);
        using var reader = command.ExecuteReader();
        var versions = new List<ListingVersion>();
        while (reader.Read())
        {
            versions.Add(new ListingVersion(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.NullableTime(4), reader.GetInt64(5), reader.GetString(6)));
        }
        return versions;
    }
}
