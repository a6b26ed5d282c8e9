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
