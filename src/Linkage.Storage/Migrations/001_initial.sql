-- The review queue's schema, written once for both databases. Tokens in braces are replaced per dialect
-- (see StoreDialect): {id} an auto-numbered primary key, {timestamp} a point in time, {bool} a flag.
-- Identifiers are plain lower-case and every literal is standard SQL, so SQLite and PostgreSQL read the same text.

CREATE TABLE roles (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL
);

INSERT INTO roles (name, description) VALUES
    ('investigator', 'uploads listings and views the queue'),
    ('reviewer', 'decides candidate pairs'),
    ('admin', 'manages users and runs');

CREATE TABLE users (
    user_id {id},
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL REFERENCES roles (name),
    password_hash TEXT NOT NULL,
    password_salt TEXT NOT NULL,
    password_iterations BIGINT NOT NULL,
    created_at {timestamp} NOT NULL
);

CREATE TABLE runs (
    run_id {id},
    kind TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    started_at {timestamp} NOT NULL,
    finished_at {timestamp},
    model_name TEXT NOT NULL,
    references_file TEXT,
    listings_file TEXT,
    references_read BIGINT NOT NULL DEFAULT 0,
    references_rejected BIGINT NOT NULL DEFAULT 0,
    listings_read BIGINT NOT NULL DEFAULT 0,
    listings_rejected BIGINT NOT NULL DEFAULT 0,
    candidate_pairs BIGINT NOT NULL DEFAULT 0,
    pairs_kept BIGINT NOT NULL DEFAULT 0,
    matches BIGINT NOT NULL DEFAULT 0,
    reviews BIGINT NOT NULL DEFAULT 0,
    error TEXT
);

-- changed_run_id: the run that first saw the current content, so incremental linking knows what is new.
CREATE TABLE reference_records (
    reference_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    first_run_id BIGINT NOT NULL REFERENCES runs (run_id),
    changed_run_id BIGINT NOT NULL REFERENCES runs (run_id),
    last_run_id BIGINT NOT NULL REFERENCES runs (run_id)
);

-- A listing's current state; its content over time is in listing_versions. A listing absent from the latest
-- scrape of its source is marked vanished (often a child just placed) and unmarked if it comes back.
CREATE TABLE listings (
    listing_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    placement_region TEXT NOT NULL,
    url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    first_run_id BIGINT NOT NULL REFERENCES runs (run_id),
    changed_run_id BIGINT NOT NULL REFERENCES runs (run_id),
    last_seen_run_id BIGINT NOT NULL REFERENCES runs (run_id),
    last_scraped_at {timestamp},
    vanished_run_id BIGINT REFERENCES runs (run_id),
    vanished_at {timestamp}
);

CREATE INDEX listings_source ON listings (source, last_seen_run_id);

CREATE TABLE listing_versions (
    version_id {id},
    listing_id TEXT NOT NULL REFERENCES listings (listing_id),
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    scraped_at {timestamp},
    run_id BIGINT NOT NULL REFERENCES runs (run_id),
    data TEXT NOT NULL
);

CREATE INDEX listing_versions_listing ON listing_versions (listing_id, version_id);

-- The review queue: one row per pair with its latest score and its current human decision. A re-run updates
-- the score and never the decision; a contradicting score sets needs_rereview. version counts every change a
-- reviewer must have seen before deciding (optimistic concurrency).
CREATE TABLE candidate_pairs (
    reference_id TEXT NOT NULL REFERENCES reference_records (reference_id),
    listing_id TEXT NOT NULL REFERENCES listings (listing_id),
    first_run_id BIGINT NOT NULL REFERENCES runs (run_id),
    last_run_id BIGINT NOT NULL REFERENCES runs (run_id),
    rank BIGINT NOT NULL,
    match_probability DOUBLE PRECISION NOT NULL,
    match_weight DOUBLE PRECISION NOT NULL,
    machine_decision TEXT NOT NULL CHECK (machine_decision IN ('match', 'review', 'non-match')),
    levels TEXT NOT NULL,
    weights TEXT NOT NULL,
    blocking_rules TEXT NOT NULL,
    evidence TEXT NOT NULL,
    decision TEXT CHECK (decision IN ('confirmed', 'rejected', 'unsure')),
    decided_by TEXT,
    decided_at {timestamp},
    note TEXT,
    needs_rereview {bool} NOT NULL DEFAULT FALSE,
    rereview_reason TEXT,
    rereview_run_id BIGINT REFERENCES runs (run_id),
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (reference_id, listing_id)
);

CREATE INDEX candidate_pairs_probability ON candidate_pairs (match_probability);
CREATE INDEX candidate_pairs_listing ON candidate_pairs (listing_id);
CREATE INDEX candidate_pairs_decision ON candidate_pairs (decision, needs_rereview);

-- Every score a pair received, one row per run.
CREATE TABLE pair_scores (
    run_id BIGINT NOT NULL REFERENCES runs (run_id),
    reference_id TEXT NOT NULL,
    listing_id TEXT NOT NULL,
    match_probability DOUBLE PRECISION NOT NULL,
    match_weight DOUBLE PRECISION NOT NULL,
    machine_decision TEXT NOT NULL,
    levels TEXT NOT NULL,
    PRIMARY KEY (reference_id, listing_id, run_id),
    FOREIGN KEY (reference_id, listing_id) REFERENCES candidate_pairs (reference_id, listing_id)
);

-- Every decision ever taken; candidate_pairs holds the latest.
CREATE TABLE decisions (
    decision_id {id},
    reference_id TEXT NOT NULL,
    listing_id TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'unsure')),
    note TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    decided_at {timestamp} NOT NULL,
    pair_version BIGINT NOT NULL,
    FOREIGN KEY (reference_id, listing_id) REFERENCES candidate_pairs (reference_id, listing_id)
);

-- Append-only (see 002): who did what, when, on which evidence.
CREATE TABLE audit_log (
    audit_id {id},
    at {timestamp} NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    reference_id TEXT,
    listing_id TEXT,
    run_id BIGINT,
    detail TEXT NOT NULL,
    evidence TEXT
);

CREATE INDEX audit_log_pair ON audit_log (reference_id, listing_id);
