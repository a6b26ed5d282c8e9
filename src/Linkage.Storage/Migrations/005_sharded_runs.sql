-- A run split across N processes on N machines (linkage nightly --shard K/N, started by a Kubernetes Indexed Job or
-- a Slurm job array) and coordinated only through this database. One runs row stands for the whole batch; the
-- first shard stores the batch's records once (staged), every shard links its part of the references, and the
-- shard that finishes last completes the run.
-- batch: the inbox files the run takes, with their SHA-256, so every shard reads exactly the same batch.
-- closed: the run will not be resumed (its files left the inbox); an open run that failed is resumed by a re-run.
CREATE TABLE sharded_runs (
    run_id BIGINT PRIMARY KEY REFERENCES runs (run_id),
    shard_count BIGINT NOT NULL,
    batch TEXT NOT NULL,
    staged {bool} NOT NULL DEFAULT FALSE,
    stage_ms BIGINT NOT NULL DEFAULT 0,
    closed {bool} NOT NULL DEFAULT FALSE
);

-- Each shard's outcome within its run; a re-run of a shard overwrites its row.
CREATE TABLE run_shards (
    run_id BIGINT NOT NULL REFERENCES runs (run_id),
    shard BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    started_at {timestamp} NOT NULL,
    finished_at {timestamp},
    candidate_pairs BIGINT NOT NULL DEFAULT 0,
    pairs_kept BIGINT NOT NULL DEFAULT 0,
    matches BIGINT NOT NULL DEFAULT 0,
    reviews BIGINT NOT NULL DEFAULT 0,
    pairs_flagged BIGINT NOT NULL DEFAULT 0,
    link_ms BIGINT NOT NULL DEFAULT 0,
    save_ms BIGINT NOT NULL DEFAULT 0,
    error TEXT,
    PRIMARY KEY (run_id, shard)
);
