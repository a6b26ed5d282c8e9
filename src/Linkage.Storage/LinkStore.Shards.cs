using System.Globalization;

namespace Linkage.Storage;

/// <summary>A sharded run not yet closed: running, or failed and waiting for a re-run of its failed shards.</summary>
internal sealed record OpenShardedRun(long RunId, int ShardCount, string Batch, bool Staged, bool Failed);

/// <summary>
/// The rows through which the shards of one run coordinate (see <see cref="ShardedLinkRun"/>). Callers hold the
/// stage lock around every call that decides something for all shards: finding or beginning the open run,
/// staging it, and completing it.
/// </summary>
public sealed partial class LinkStore
{
    /// <summary>The newest sharded run of <paramref name="kind"/> that is neither completed nor closed, if any.</summary>
    internal OpenShardedRun? FindOpenShardedRun(string kind)
    {
        using var command = Command("""
            SELECT s.run_id, s.shard_count, s.batch, s.staged, r.status FROM sharded_runs s JOIN runs r ON r.run_id = s.run_id
            WHERE r.kind = @kind AND r.status <> 'completed' AND s.closed = FALSE ORDER BY s.run_id DESC LIMIT 1
            """);
        command.AddParameter("@kind", kind);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new OpenShardedRun(reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetString(2), reader.GetBoolean(3), reader.GetString(4) == "failed")
            : null;
    }

    /// <summary>Records a run that <paramref name="shardCount"/> shards will link, with the batch they all read.</summary>
    internal long BeginShardedRun(string kind, string modelName, string? referencesFile, string? listingsFile, int shardCount, string batch) =>
        InTransaction(transaction =>
        {
            var runId = BeginRun(kind, modelName, referencesFile, listingsFile, transaction);
            using var shard = Command("INSERT INTO sharded_runs (run_id, shard_count, batch) VALUES (@run, @count, @batch)", transaction);
            shard.AddParameter("@run", runId);
            shard.AddParameter("@count", (long)shardCount);
            shard.AddParameter("@batch", StoredText.Check(batch, nameof(batch)));
            shard.ExecuteNonQuery();
            return runId;
        });

    /// <summary>The batch's records are stored: shards may link.</summary>
    internal void MarkShardedRunStaged(long runId, long stageMilliseconds)
    {
        using var command = Command("UPDATE sharded_runs SET staged = TRUE, stage_ms = @ms WHERE run_id = @run");
        command.AddParameter("@ms", stageMilliseconds);
        command.AddParameter("@run", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>A failed sharded run whose failed shards are being re-run becomes running again.</summary>
    internal void ResumeShardedRun(long runId)
    {
        using var command = Command("UPDATE runs SET status = 'running', finished_at = NULL, error = NULL WHERE run_id = @run AND status = 'failed'");
        command.AddParameter("@run", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>The run will not be resumed: recorded failed with <paramref name="error"/> if it was still running.</summary>
    internal void CloseShardedRun(long runId, string error) => InTransaction(transaction =>
    {
        using var close = Command("UPDATE sharded_runs SET closed = TRUE WHERE run_id = @run", transaction);
        close.AddParameter("@run", runId);
        close.ExecuteNonQuery();
        using var fail = Command("UPDATE runs SET status = 'failed', finished_at = @at, error = @error WHERE run_id = @run AND status = 'running'", transaction);
        fail.AddParameter("@at", DateTimeOffset.UtcNow);
        fail.AddParameter("@error", StoredText.Check(error, nameof(error)));
        fail.AddParameter("@run", runId);
        fail.ExecuteNonQuery();
        return 0;
    });

    /// <summary>The shard's status in the run, or null when it never started there.</summary>
    internal string? ShardStatus(long runId, int shard)
    {
        using var command = Command("SELECT status FROM run_shards WHERE run_id = @run AND shard = @shard");
        command.AddParameter("@run", runId);
        command.AddParameter("@shard", (long)shard);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Records the shard as running, forgetting the outcome of any earlier attempt.</summary>
    internal void StartShard(long runId, int shard)
    {
        using var command = Command("""
            INSERT INTO run_shards (run_id, shard, status, started_at) VALUES (@run, @shard, 'running', @at)
            ON CONFLICT (run_id, shard) DO UPDATE SET status = 'running', started_at = excluded.started_at, finished_at = NULL,
                candidate_pairs = 0, pairs_kept = 0, matches = 0, reviews = 0, pairs_flagged = 0, link_ms = 0, save_ms = 0, error = NULL
            """);
        command.AddParameter("@run", runId);
        command.AddParameter("@shard", (long)shard);
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        command.ExecuteNonQuery();
    }

    internal void CompleteShard(long runId, int shard, RunCounts counts)
    {
        using var command = Command("""
            UPDATE run_shards SET status = 'completed', finished_at = @at, candidate_pairs = @pairs, pairs_kept = @kept,
                matches = @matches, reviews = @reviews, pairs_flagged = @flagged, link_ms = @linkms, save_ms = @savems
            WHERE run_id = @run AND shard = @shard
            """);
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        command.AddParameter("@pairs", counts.CandidatePairs);
        command.AddParameter("@kept", counts.PairsKept);
        command.AddParameter("@matches", counts.Matches);
        command.AddParameter("@reviews", counts.Reviews);
        command.AddParameter("@flagged", counts.PairsFlagged);
        command.AddParameter("@linkms", counts.LinkMilliseconds);
        command.AddParameter("@savems", counts.SaveMilliseconds);
        command.AddParameter("@run", runId);
        command.AddParameter("@shard", (long)shard);
        command.ExecuteNonQuery();
    }

    /// <summary>Records the shard failed and, loudly, its whole run: the run stays open for a re-run of the shard.</summary>
    internal void FailShard(long runId, int shard, int shardCount, string error) => InTransaction(transaction =>
    {
        using var shardRow = Command("UPDATE run_shards SET status = 'failed', finished_at = @at, error = @error WHERE run_id = @run AND shard = @shard", transaction);
        shardRow.AddParameter("@at", DateTimeOffset.UtcNow);
        shardRow.AddParameter("@error", StoredText.Check(error, nameof(error)));
        shardRow.AddParameter("@run", runId);
        shardRow.AddParameter("@shard", (long)shard);
        shardRow.ExecuteNonQuery();
        using var run = Command("UPDATE runs SET status = 'failed', finished_at = @at, error = @error WHERE run_id = @run AND status = 'running'", transaction);
        run.AddParameter("@at", DateTimeOffset.UtcNow);
        run.AddParameter("@error", StoredText.Check(string.Create(CultureInfo.InvariantCulture, $"shard {shard}/{shardCount} failed: {error}"), nameof(error)));
        run.AddParameter("@run", runId);
        run.ExecuteNonQuery();
        return 0;
    });

    /// <summary>How many shards completed the run, their counts summed, and the staging time.</summary>
    internal (int Completed, RunCounts Sum) ShardTotals(long runId)
    {
        using var command = Command("""
            SELECT COUNT(*), COALESCE(SUM(candidate_pairs), 0), COALESCE(SUM(pairs_kept), 0), COALESCE(SUM(matches), 0),
                COALESCE(SUM(reviews), 0), COALESCE(SUM(pairs_flagged), 0), COALESCE(SUM(link_ms), 0),
                COALESCE(SUM(save_ms), 0) + (SELECT stage_ms FROM sharded_runs WHERE run_id = @run)
            FROM run_shards WHERE run_id = @run AND status = 'completed'
            """);
        command.AddParameter("@run", runId);
        using var reader = command.ExecuteReader();
        reader.Read();
        long At(int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        return ((int)At(0), new RunCounts
        {
            CandidatePairs = At(1),
            PairsKept = At(2),
            Matches = At(3),
            Reviews = At(4),
            PairsFlagged = At(5),
            LinkMilliseconds = At(6),
            SaveMilliseconds = At(7),
        });
    }

    /// <summary>Listings a run stored for the first time, those it gave a new version, and those it marked vanished.</summary>
    internal (long New, long Changed, long Vanished) CountListingChanges(long runId) => (
        CountWhere("listings", "first_run_id = @run", runId),
        CountWhere("listings", "changed_run_id = @run AND first_run_id <> @run", runId),
        CountWhere("listings", "vanished_run_id = @run", runId));

    internal long CountReferences()
    {
        using var command = Command("SELECT COUNT(*) FROM reference_records");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
