-- Incremental linking (see StoredLinking): a run links only what changed since the last completed run, so the
-- store must say which pairs are the current result and what each run was.
-- link_scope: 'full' or 'incremental' for runs that keep the whole stored result current, NULL for batch runs
-- (link, upload) that link only their own files. model_fingerprint: the model and candidate cap a run linked with;
-- a different one forces the next run to be full. pairs_skipped: stored pairs left as they were, not recomputed.
-- pairs_retired: pairs that left their reference's candidates in this run. One column per statement (SQLite).
ALTER TABLE runs ADD COLUMN link_scope TEXT;
ALTER TABLE runs ADD COLUMN model_fingerprint TEXT;
ALTER TABLE runs ADD COLUMN references_relinked BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN pairs_skipped BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN pairs_retired BIGINT NOT NULL DEFAULT 0;
-- A pair whose reference no longer ranks it among its candidates (its listing vanished or changed, or better ones
-- arrived) keeps its row, scores and decision, and is marked with the run that retired it; NULL while current.
ALTER TABLE candidate_pairs ADD COLUMN retired_run_id BIGINT REFERENCES runs (run_id);
-- The run in which a vanished listing was scraped again: it rejoins the current listings, content changed or not.
ALTER TABLE listings ADD COLUMN returned_run_id BIGINT REFERENCES runs (run_id);
-- An incremental run reads every current pair's weight and whether sibling evidence lifted it (one more weight
-- than levels) from this index alone, and finds a run's pairs without reading the wide rows.
CREATE INDEX candidate_pairs_current ON candidate_pairs (retired_run_id, reference_id, listing_id, match_weight, levels, weights);
CREATE INDEX candidate_pairs_last_run ON candidate_pairs (last_run_id);
CREATE INDEX candidate_pairs_first_run ON candidate_pairs (first_run_id);
CREATE INDEX candidate_pairs_rereview_run ON candidate_pairs (rereview_run_id);
