using System.Globalization;
using System.Text.Json;
using Linkage.Linking;
using Linkage.Records;
using Microsoft.Data.Sqlite;

namespace Linkage.Storage;

/// <summary>
/// The embedded default store: one SQLite file holding runs, the records they read and the candidate pairs
/// they scored. Opening it applies any pending migrations.
/// </summary>
public sealed class SqliteLinkStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteLinkStore(SqliteConnection connection) => _connection = connection;

    public static SqliteLinkStore Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
            pragma.ExecuteNonQuery();
        }
        Migrator.Apply(connection);
        return new SqliteLinkStore(connection);
    }

    public long BeginRun(string kind, string modelName, string? referencesFile, string? listingsFile)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (kind, status, started_at, model_name, references_file, listings_file)
            VALUES (@kind, 'running', @at, @model, @references, @listings) RETURNING run_id
            """;
        command.AddParameter("@kind", kind);
        command.AddParameter("@at", DateTimeOffset.UtcNow.ToString("O"));
        command.AddParameter("@model", modelName);
        command.AddParameter("@references", referencesFile);
        command.AddParameter("@listings", listingsFile);
        return (long)command.ExecuteScalar()!;
    }

    public void SaveReferences(long runId, IEnumerable<ReferenceRecord> references) =>
        Upsert(runId, references, """
            INSERT INTO reference_records (record_id, content_hash, data, first_run_id, last_run_id)
            VALUES (@id, @hash, @data, @run, @run)
            ON CONFLICT (record_id) DO UPDATE SET content_hash = excluded.content_hash, data = excluded.data,
                last_run_id = excluded.last_run_id
            """,
            (command, record) =>
            {
                var document = RecordDocuments.Serialize(record);
                command.Parameters["@id"].Value = record.RecordId;
                command.Parameters["@hash"].Value = RecordDocuments.Hash(document);
                command.Parameters["@data"].Value = document;
            },
            "@id", "@hash", "@data");

    public void SaveListings(long runId, IEnumerable<ListingRecord> listings) =>
        Upsert(runId, listings, """
            INSERT INTO listing_records (listing_id, source, scraped_at, content_hash, data, first_run_id, last_run_id)
            VALUES (@id, @source, @scraped, @hash, @data, @run, @run)
            ON CONFLICT (listing_id) DO UPDATE SET source = excluded.source, scraped_at = excluded.scraped_at,
                content_hash = excluded.content_hash, data = excluded.data, last_run_id = excluded.last_run_id
            """,
            (command, listing) =>
            {
                var document = RecordDocuments.Serialize(listing);
                command.Parameters["@id"].Value = listing.ListingId;
                command.Parameters["@source"].Value = listing.Source;
                command.Parameters["@scraped"].Value = (object?)listing.ScrapedAt?.ToString("O") ?? DBNull.Value;
                command.Parameters["@hash"].Value = RecordDocuments.Hash(document);
                command.Parameters["@data"].Value = document;
            },
            "@id", "@source", "@scraped", "@hash", "@data");

    /// <summary>Records the run's candidate pairs; a pair scored again replaces its earlier score.</summary>
    public void SaveCandidates(long runId, IEnumerable<CandidateMatch> candidates) =>
        Upsert(runId, candidates, """
            INSERT INTO candidate_pairs (reference_id, listing_id, run_id, rank, match_probability, match_weight,
                decision, levels, blocking_rules, evidence, explanation)
            VALUES (@reference, @listing, @run, @rank, @probability, @weight, @decision, @levels, @rules, @evidence,
                @explanation)
            ON CONFLICT (reference_id, listing_id) DO UPDATE SET run_id = excluded.run_id, rank = excluded.rank,
                match_probability = excluded.match_probability, match_weight = excluded.match_weight,
                decision = excluded.decision, levels = excluded.levels, blocking_rules = excluded.blocking_rules,
                evidence = excluded.evidence, explanation = excluded.explanation
            """,
            (command, candidate) =>
            {
                command.Parameters["@reference"].Value = candidate.ReferenceId;
                command.Parameters["@listing"].Value = candidate.ListingId;
                command.Parameters["@rank"].Value = candidate.Rank;
                command.Parameters["@probability"].Value = candidate.MatchProbability;
                command.Parameters["@weight"].Value = candidate.MatchWeight;
                command.Parameters["@decision"].Value = candidate.Decision.ToText();
                command.Parameters["@levels"].Value = string.Join(',', candidate.Levels);
                command.Parameters["@rules"].Value = string.Join(',', candidate.BlockingRules);
                command.Parameters["@evidence"].Value = JsonSerializer.Serialize(candidate.Evidence);
                command.Parameters["@explanation"].Value = candidate.Explanation;
            },
            "@reference", "@listing", "@rank", "@probability", "@weight", "@decision", "@levels", "@rules",
            "@evidence", "@explanation");

    public void CompleteRun(long runId, RunCounts counts) => FinishRun(runId, "completed", counts, null);

    public void FailRun(long runId, string error) => FinishRun(runId, "failed", new RunCounts(), error);

    public RunRecord? GetRun(long runId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, kind, status, started_at, finished_at, model_name, references_read, references_rejected,
                listings_read, listings_rejected, candidate_pairs, pairs_kept, matches, reviews, error
            FROM runs WHERE run_id = @run
            """;
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
            DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
            reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
            reader.GetString(5),
            new RunCounts
            {
                ReferencesRead = reader.GetInt32(6),
                ReferencesRejected = reader.GetInt32(7),
                ListingsRead = reader.GetInt32(8),
                ListingsRejected = reader.GetInt32(9),
                CandidatePairs = reader.GetInt64(10),
                PairsKept = reader.GetInt32(11),
                Matches = reader.GetInt32(12),
                Reviews = reader.GetInt32(13),
            },
            reader.IsDBNull(14) ? null : reader.GetString(14));
    }

    /// <summary>The review queue: candidate pairs of the given decision, most probable first.</summary>
    public IReadOnlyList<StoredCandidate> ReadCandidates(string? decision = null, int limit = 100)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT reference_id, listing_id, run_id, rank, match_probability, match_weight, decision, explanation
            FROM candidate_pairs WHERE (@decision IS NULL OR decision = @decision)
            ORDER BY match_probability DESC, reference_id, listing_id LIMIT @limit
            """;
        command.AddParameter("@decision", decision);
        command.AddParameter("@limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<StoredCandidate>();
        while (reader.Read())
        {
            rows.Add(new StoredCandidate(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetString(6), reader.GetString(7)));
        }
        return rows;
    }

    public void Dispose() => _connection.Dispose();

    private void FinishRun(long runId, string status, RunCounts counts, string? error)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            UPDATE runs SET status = @status, finished_at = @at, references_read = @rr, references_rejected = @rj,
                listings_read = @lr, listings_rejected = @lj, candidate_pairs = @pairs, pairs_kept = @kept,
                matches = @matches, reviews = @reviews, error = @error
            WHERE run_id = @run
            """;
        command.AddParameter("@status", status);
        command.AddParameter("@at", DateTimeOffset.UtcNow.ToString("O"));
        command.AddParameter("@rr", counts.ReferencesRead);
        command.AddParameter("@rj", counts.ReferencesRejected);
        command.AddParameter("@lr", counts.ListingsRead);
        command.AddParameter("@lj", counts.ListingsRejected);
        command.AddParameter("@pairs", counts.CandidatePairs);
        command.AddParameter("@kept", counts.PairsKept);
        command.AddParameter("@matches", counts.Matches);
        command.AddParameter("@reviews", counts.Reviews);
        command.AddParameter("@error", error);
        command.AddParameter("@run", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>Writes rows in one transaction through one prepared command whose parameters are reused.</summary>
    private void Upsert<T>(long runId, IEnumerable<T> rows, string sql, Action<SqliteCommand, T> bind, params string[] parameterNames)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@run", runId);
        foreach (var name in parameterNames)
        {
            command.AddParameter(name, null);
        }
        command.Prepare();
        foreach (var row in rows)
        {
            bind(command, row);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
