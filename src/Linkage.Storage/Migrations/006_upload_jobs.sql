-- Listings files uploaded in the review app, kept until linked: a durable queue that the review app itself or a
-- separate `linkage worker` (another machine, when the store is PostgreSQL) works through.
-- The file is stored whole (content), so any runner can read it, and it is re-read by the same ingest that
-- validated it ({bytes}: a byte string, see StoreDialect); rejects holds the rows ingest refused, as JSON, for the uploader's page.
-- A runner claims a queued job by writing its own claim_token (one UPDATE … WHERE status = 'queued', so exactly
-- one claimer wins) and proves it is alive by heartbeat_at; every later write names the token, so a runner that
-- lost its claim (its job re-queued after missed heartbeats) can no longer change the job.
CREATE TABLE upload_jobs (
    job_id {id},
    owner TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content {bytes} NOT NULL,
    rows_read BIGINT NOT NULL,
    listings_accepted BIGINT NOT NULL,
    rejects TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    stage TEXT NOT NULL,
    done BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    attempts BIGINT NOT NULL DEFAULT 0,
    claim_token TEXT,
    runner TEXT,
    run_id BIGINT REFERENCES runs (run_id),
    pairs_kept BIGINT,
    error TEXT,
    created_at {timestamp} NOT NULL,
    claimed_at {timestamp},
    heartbeat_at {timestamp},
    finished_at {timestamp}
);

CREATE INDEX upload_jobs_status ON upload_jobs (status, job_id);
