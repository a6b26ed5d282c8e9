using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Storage;

/// <summary>The last completed run as incremental linking sees it: what it linked with and whether it kept the whole result.</summary>
internal sealed record LastLinkRun(long RunId, string? Scope, string? ModelFingerprint);

/// <summary>A current (not retired) candidate pair: who, its stored weight, and whether sibling evidence lifted that weight.</summary>
internal readonly record struct KeptPair(string ReferenceId, string ListingId, double Weight, bool Lifted);

/// <summary>What a stored pair looks like, to tell a recomputed pair that changed from one that did not.</summary>
internal sealed record StoredPairRow(long Rank, double Probability, double Weight, string Decision, string Levels, string Evidence, string Rules);

/// <summary>Change detection and bookkeeping for incremental linking (see <see cref="StoredLinking"/>).</summary>
public sealed partial class LinkStore
{
    /// <summary>Rows per IN (…) list: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int IdChunk = 500;

    internal LastLinkRun? LastCompletedRun()
    {
        using var command = Command("""
            SELECT run_id, link_scope, model_fingerprint FROM runs WHERE status = 'completed' ORDER BY run_id DESC LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new LastLinkRun(reader.GetInt64(0), reader.NullableString(1), reader.NullableString(2)) : null;
    }

    internal void RecordLinkScope(long runId, string scope, string modelFingerprint)
    {
        using var command = Command("UPDATE runs SET link_scope = @scope, model_fingerprint = @fingerprint WHERE run_id = @run");
        command.AddParameter("@scope", scope);
        command.AddParameter("@fingerprint", modelFingerprint);
        command.AddParameter("@run", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>References stored or given new content after run <paramref name="since"/>.</summary>
    internal HashSet<string> ReferencesChangedSince(long since) =>
        IdSet("SELECT reference_id FROM reference_records WHERE changed_run_id > @since", since);

    /// <summary>Current listings that are new, changed or back from vanished after run <paramref name="since"/>.</summary>
    internal HashSet<string> ListingsChangedSince(long since) =>
        IdSet("""
            SELECT listing_id FROM listings WHERE (changed_run_id > @since OR returned_run_id > @since) AND vanished_run_id IS NULL
            """, since);

    internal HashSet<string> ListingsVanishedSince(long since) =>
        IdSet("SELECT listing_id FROM listings WHERE vanished_run_id > @since", since);

    private HashSet<string> IdSet(string sql, long since)
    {
        using var command = Command(sql);
        command.AddParameter("@since", since);
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>
    /// Every current candidate pair with its stored weight. Sibling evidence adds one evidence row (and weight) to
    /// the one per comparison (and level), so a lifted pair has one more comma in <c>weights</c> than in <c>levels</c>.
    /// </summary>
    internal List<KeptPair> ReadKeptPairs()
    {
        using var command = Command("""
            SELECT reference_id, listing_id, match_weight,
                CAST((LENGTH(weights) - LENGTH(REPLACE(weights, ',', ''))) - (LENGTH(levels) - LENGTH(REPLACE(levels, ',', ''))) AS BIGINT)
            FROM candidate_pairs WHERE retired_run_id IS NULL
            """);
        using var reader = command.ExecuteReader();
        var pairs = new List<KeptPair>();
        while (reader.Read())
        {
            pairs.Add(new KeptPair(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetInt64(3) > 0));
        }
        return pairs;
    }

    /// <summary>The current version of every listing not vanished and not seen in <paramref name="notSeenInRun"/>.</summary>
    internal List<ListingRecord> ReadCurrentListings(long notSeenInRun)
    {
        using var command = Command("""
            SELECT v.data, v.scraped_at FROM listings l JOIN listing_versions v ON v.listing_id = l.listing_id
            WHERE l.vanished_run_id IS NULL AND l.last_seen_run_id <> @run
                AND v.version_id = (SELECT MAX(w.version_id) FROM listing_versions w WHERE w.listing_id = l.listing_id)
            """);
        command.AddParameter("@run", notSeenInRun);
        return Listings(command);
    }

    /// <summary>The current version of each listing named.</summary>
    internal List<ListingRecord> ReadListingRecords(IEnumerable<string> listingIds)
    {
        var records = new List<ListingRecord>();
        foreach (var chunk in listingIds.Chunk(IdChunk))
        {
            using var command = Command(string.Empty);
            command.CommandText = $"""
                SELECT v.data, v.scraped_at FROM listing_versions v
                WHERE v.listing_id IN ({InList(command, chunk)})
                    AND v.version_id = (SELECT MAX(w.version_id) FROM listing_versions w WHERE w.listing_id = v.listing_id)
                """;
            records.AddRange(Listings(command));
        }
        return records;
    }

    /// <summary>The current pairs of the references named, keyed by (reference, listing).</summary>
    internal Dictionary<(string, string), StoredPairRow> ReadKeptRows(IEnumerable<string> referenceIds)
    {
        var rows = new Dictionary<(string, string), StoredPairRow>();
        foreach (var chunk in referenceIds.Chunk(IdChunk))
        {
            using var command = Command(string.Empty);
            command.CommandText = $"""
                SELECT reference_id, listing_id, rank, match_probability, match_weight, machine_decision, levels, evidence,
                    blocking_rules
                FROM candidate_pairs WHERE retired_run_id IS NULL AND reference_id IN ({InList(command, chunk)})
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[(reader.GetString(0), reader.GetString(1))] = new StoredPairRow(reader.GetInt64(2), reader.GetDouble(3),
                    reader.GetDouble(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
            }
        }
        return rows;
    }

    /// <summary>Whether a recomputed candidate is exactly its stored row, apart from the rank.</summary>
    internal static bool SameScore(StoredPairRow row, CandidateMatch candidate) =>
        row.Weight.Equals(candidate.MatchWeight)
        && row.Probability.Equals(candidate.MatchProbability)
        && row.Decision == candidate.Decision.ToText()
        && row.Levels == string.Join(',', candidate.Levels)
        && row.Evidence == JsonSerializer.Serialize(candidate.Evidence)
        && row.Rules == JsonSerializer.Serialize(candidate.BlockingRules);

    /// <summary>New ranks for pairs whose scores stay as stored.</summary>
    internal void SetRanks(IReadOnlyCollection<(string ReferenceId, string ListingId, int Rank)> ranks) => InTransaction(transaction =>
    {
        using var batch = new StatementBatch(_connection, transaction);
        foreach (var (reference, listing, rank) in ranks)
        {
            batch.Add("UPDATE candidate_pairs SET rank = @rank WHERE reference_id = @reference AND listing_id = @listing",
                ("@rank", (long)rank), ("@reference", reference), ("@listing", listing));
        }
        batch.Flush();
        return 0;
    });

    /// <summary>
    /// Marks the current result: pairs scored in this run are current again, and the pairs named (or, when
    /// <paramref name="retired"/> is null, every current pair this run did not score) are retired by it.
    /// Returns how many were retired.
    /// </summary>
    internal int MarkCurrentPairs(long runId, IReadOnlyCollection<(string ReferenceId, string ListingId)>? retired) => InTransaction(transaction =>
    {
        using (var back = Command(
            "UPDATE candidate_pairs SET retired_run_id = NULL WHERE last_run_id = @run AND retired_run_id IS NOT NULL", transaction))
        {
            back.AddParameter("@run", runId);
            back.ExecuteNonQuery();
        }
        if (retired is null)
        {
            using var all = Command(
                "UPDATE candidate_pairs SET retired_run_id = @run WHERE retired_run_id IS NULL AND last_run_id <> @run", transaction);
            all.AddParameter("@run", runId);
            return all.ExecuteNonQuery();
        }
        using var batch = new StatementBatch(_connection, transaction);
        foreach (var (reference, listing) in retired)
        {
            batch.Add("""
                UPDATE candidate_pairs SET retired_run_id = @run
                WHERE reference_id = @reference AND listing_id = @listing AND retired_run_id IS NULL
                """, ("@run", runId), ("@reference", reference), ("@listing", listing));
        }
        batch.Flush();
        return retired.Count;
    });

    private static string InList(DbCommand command, string[] values)
    {
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = "@i" + i.ToString(CultureInfo.InvariantCulture);
            command.AddParameter(names[i], values[i]);
        }
        return string.Join(", ", names);
    }
}
