using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Linkage.Ingest;

namespace Linkage.Storage;

/// <summary>
/// The durable queue of uploaded listings files (migration 005). A job goes queued → running (claimed by one
/// runner) → completed or failed; a runner stopped on purpose puts its job back (queued), and a runner that died
/// is noticed by its missing heartbeat and its job put back by whichever runner looks next.
/// </summary>
public sealed partial class LinkStore
{
    private const string UploadColumns = """
        job_id, owner, file_name, status, stage, done, total, rows_read, listings_accepted, rejects, attempts, run_id,
        pairs_kept, error, created_at, finished_at
        """;

    public long EnqueueUpload(UploadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var command = Command($"""
            INSERT INTO upload_jobs (owner, file_name, content, rows_read, listings_accepted, rejects, status, stage, created_at)
            VALUES (@owner, @file, @content, @rows, @accepted, @rejects, '{UploadJob.Queued}', 'waiting', @at) RETURNING job_id
            """);
        command.AddParameter("@owner", StoredText.Check(request.Owner, nameof(request.Owner)));
        command.AddParameter("@file", StoredText.Check(request.FileName, nameof(request.FileName)));
        command.AddParameter("@content", request.Content.ToArray());
        command.AddParameter("@rows", request.RowsRead);
        command.AddParameter("@accepted", request.ListingsAccepted);
        command.AddParameter("@rejects", UploadRejects.Serialize(request.Rejects));
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public UploadJob? GetUpload(long jobId)
    {
        using var command = Command($"SELECT {UploadColumns} FROM upload_jobs WHERE job_id = @job");
        command.AddParameter("@job", jobId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadUpload(reader) : null;
    }

    /// <summary>
    /// Claims the oldest queued job for <paramref name="runner"/> (a name for operators: host and process), or
    /// returns null when none is queued. However many runners claim at once, each job goes to exactly one.
    /// </summary>
    public UploadClaim? ClaimUpload(string runner)
    {
        var token = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        return InTransaction(transaction =>
        {
            // The outer status test makes the claim safe even where the subquery's pick is contested; the dialect's
            // SKIP LOCKED lets a contested PostgreSQL claimer pick the next job instead of coming back empty.
            using var claim = Command($"""
                UPDATE upload_jobs SET status = '{UploadJob.Running}', stage = 'starting', done = 0, total = 0,
                    attempts = attempts + 1, claim_token = @token, runner = @runner, claimed_at = @at, heartbeat_at = @at,
                    error = NULL
                WHERE job_id = (SELECT job_id FROM upload_jobs WHERE status = '{UploadJob.Queued}' ORDER BY job_id LIMIT 1{_dialect.SkipLockedRows})
                    AND status = '{UploadJob.Queued}'
                RETURNING job_id, file_name, content, rows_read, rejects
                """, transaction);
            claim.AddParameter("@token", token);
            claim.AddParameter("@runner", StoredText.Check(runner, nameof(runner)));
            claim.AddParameter("@at", now);
            using var reader = claim.ExecuteReader();
            return reader.Read()
                ? new UploadClaim(reader.GetInt64(0), token, reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetInt64(3),
                    UploadRejects.Deserialize(reader.GetString(4), reader.GetString(1)).Count)
                : null;
        });
    }

    /// <summary>Records progress and proves the runner alive. False when the claim was lost: stop working on the job.</summary>
    public bool ReportUpload(UploadClaim claim, string stage, long done, long total) =>
        UpdateClaimed(claim, "stage = @stage, done = @done, total = @total", ("@stage", stage), ("@done", done), ("@total", total));

    /// <summary>Records the run the job is linked in, as soon as it exists.</summary>
    public bool AttachUploadRun(UploadClaim claim, long runId) => UpdateClaimed(claim, "run_id = @run", ("@run", runId));

    public bool CompleteUpload(UploadClaim claim, long pairsKept) =>
        UpdateClaimed(claim, $"status = '{UploadJob.Completed}', stage = 'done', pairs_kept = @kept, claim_token = NULL, finished_at = @at",
            ("@kept", pairsKept));

    /// <param name="error">Shown to the uploader; say what happened without quoting the data.</param>
    public bool FailUpload(UploadClaim claim, string error) =>
        UpdateClaimed(claim, $"status = '{UploadJob.Failed}', error = @error, claim_token = NULL, finished_at = @at",
            ("@error", StoredText.Check(error, nameof(error))));

    /// <summary>
    /// Puts a job its runner stopped on purpose (shutdown) back in the queue, as if never claimed: the attempt does
    /// not count towards giving up. The run it started stays in the runs table, failed.
    /// </summary>
    public bool ReleaseUpload(UploadClaim claim) =>
        UpdateClaimed(claim, $"""
            status = '{UploadJob.Queued}', stage = 'waiting', done = 0, total = 0, attempts = attempts - 1, claim_token = NULL,
            runner = NULL, run_id = NULL
            """);

    /// <summary>
    /// Puts back in the queue the running jobs whose runner has not reported for <paramref name="staleAfter"/> (it
    /// died: killed, out of memory, machine lost), and marks their runs failed. A job that has been claimed
    /// <paramref name="maxAttempts"/> times is failed instead: it may be what kills its runners.
    /// <paramref name="staleAfter"/> must exceed the runners' heartbeat interval plus any clock skew between them.
    /// </summary>
    public (int Requeued, int GivenUp) RequeueStaleUploads(TimeSpan staleAfter, int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(staleAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var now = DateTimeOffset.UtcNow;
        const string Stale = $"status = '{UploadJob.Running}' AND heartbeat_at < @cutoff";
        return InTransaction(transaction =>
        {
            using var runs = Command($"""
                UPDATE runs SET status = 'failed', finished_at = @at, error = 'abandoned: the upload job''s runner stopped responding'
                WHERE status = 'running' AND run_id IN (SELECT run_id FROM upload_jobs WHERE {Stale} AND run_id IS NOT NULL)
                """, transaction);
            using var giveUp = Command($"""
                UPDATE upload_jobs SET status = '{UploadJob.Failed}', claim_token = NULL, finished_at = @at,
                    error = 'given up: its runner stopped responding ' || CAST(attempts AS TEXT) || ' times'
                WHERE {Stale} AND attempts >= @max
                """, transaction);
            using var requeue = Command($"""
                UPDATE upload_jobs SET status = '{UploadJob.Queued}', stage = 'waiting', done = 0, total = 0, claim_token = NULL,
                    runner = NULL, run_id = NULL
                WHERE {Stale}
                """, transaction);
            foreach (var command in new[] { runs, giveUp, requeue })
            {
                command.AddParameter("@cutoff", now - staleAfter);
                command.AddParameter("@at", now);
                command.AddParameter("@max", (long)maxAttempts);
            }
            runs.ExecuteNonQuery();
            var givenUp = giveUp.ExecuteNonQuery();
            return (requeue.ExecuteNonQuery(), givenUp);
        });
    }

    /// <summary>Every write of a claimed job: only while the token still holds the claim, and it is a heartbeat too.</summary>
    private bool UpdateClaimed(UploadClaim claim, string assignments, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using var command = Command($"""
            UPDATE upload_jobs SET {assignments}, heartbeat_at = @at
            WHERE job_id = @job AND claim_token = @token AND status = '{UploadJob.Running}'
            """);
        foreach (var (name, value) in values)
        {
            command.AddParameter(name, value);
        }
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        command.AddParameter("@job", claim.JobId);
        command.AddParameter("@token", claim.Token);
        return command.ExecuteNonQuery() == 1;
    }

    private static UploadJob ReadUpload(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetInt64(5),
        reader.GetInt64(6),
        reader.GetInt64(7),
        reader.GetInt64(8),
        UploadRejects.Deserialize(reader.GetString(9), reader.GetString(2)),
        reader.GetInt64(10),
        reader.NullableInt64(11),
        reader.NullableInt64(12),
        reader.NullableString(13),
        reader.GetFieldValue<DateTimeOffset>(14),
        reader.NullableTime(15));

    /// <summary>Rejected rows as stored in a job: line, column and reason; the file is the job's.</summary>
    private static class UploadRejects
    {
        public static string Serialize(IReadOnlyList<IngestReject> rejects) =>
            JsonSerializer.Serialize(rejects.Select(r => new StoredReject(r.Line, r.Column, r.Reason)));

        public static IReadOnlyList<IngestReject> Deserialize(string json, string fileName) =>
            [.. (JsonSerializer.Deserialize<StoredReject[]>(json) ?? []).Select(r => new IngestReject(fileName, r.Line, r.Column, r.Reason))];

        private sealed record StoredReject(long Line, string? Column, string Reason);
    }
}
