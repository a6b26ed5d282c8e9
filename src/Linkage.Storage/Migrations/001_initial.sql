-- Runs of the linker, the records they read, and the candidate pairs they scored (the review queue).
CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    model_name TEXT NOT NULL,
    references_file TEXT,
    listings_file TEXT,
    references_read INTEGER NOT NULL DEFAULT 0,
    references_rejected INTEGER NOT NULL DEFAULT 0,
    listings_read INTEGER NOT NULL DEFAULT 0,
    listings_rejected INTEGER NOT NULL DEFAULT 0,
    candidate_pairs INTEGER NOT NULL DEFAULT 0,
    pairs_kept INTEGER NOT NULL DEFAULT 0,
    matches INTEGER NOT NULL DEFAULT 0,
    reviews INTEGER NOT NULL DEFAULT 0,
    error TEXT
);

CREATE TABLE reference_records (
    record_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    first_run_id INTEGER NOT NULL REFERENCES runs (run_id),
    last_run_id INTEGER NOT NULL REFERENCES runs (run_id)
);

CREATE TABLE listing_records (
    listing_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    scraped_at TEXT,
    content_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    first_run_id INTEGER NOT NULL REFERENCES runs (run_id),
    last_run_id INTEGER NOT NULL REFERENCES runs (run_id)
);

CREATE TABLE candidate_pairs (
    reference_id TEXT NOT NULL,
    listing_id TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs (run_id),
    rank INTEGER NOT NULL,
    match_probability DOUBLE PRECISION NOT NULL,
    match_weight DOUBLE PRECISION NOT NULL,
    decision TEXT NOT NULL,
    levels TEXT NOT NULL,
    blocking_rules TEXT NOT NULL,
    evidence TEXT NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (reference_id, listing_id)
);

CREATE INDEX candidate_pairs_queue ON candidate_pairs (decision, match_probability DESC);
CREATE INDEX candidate_pairs_listing ON candidate_pairs (listing_id);
