-- Incremental runs merge new candidates into the stored lists instead of comparing the stored pairs again.
-- A pair's weight before sibling evidence decides whether it stays among its reference's kept candidates, and the
-- evidence is applied again to the merged lists; NULL on pairs stored before this (a run's fingerprint then
-- differs, so the next run is a full one that writes it on every current pair).
ALTER TABLE candidate_pairs ADD COLUMN comparison_weight DOUBLE PRECISION;

-- The current version's sibling group, so the listings co-listed with a new or changed one are found by index.
ALTER TABLE listings ADD COLUMN sibling_group TEXT;
CREATE INDEX listings_sibling_group ON listings (sibling_group);

-- A reference's sibling group, and the one it had before its content last changed: a reference moved to another
-- group leaves its former siblings' sibling evidence and sibling_cross pairs to be relinked.
ALTER TABLE reference_records ADD COLUMN sibling_group TEXT;
ALTER TABLE reference_records ADD COLUMN previous_sibling_group TEXT;

-- Each reference's current pairs by comparison weight: the floor a new candidate must reach to enter its list.
-- The index of 007 served reading every current pair's weight, which incremental runs no longer do.
DROP INDEX candidate_pairs_current;
CREATE INDEX candidate_pairs_current ON candidate_pairs (retired_run_id, reference_id, comparison_weight);

-- What changed since a run, found by index rather than by reading every listing: each run's rows share one run id,
-- so these grow at their end.
CREATE INDEX listings_changed ON listings (changed_run_id);
CREATE INDEX listings_returned ON listings (returned_run_id);
CREATE INDEX listings_vanished ON listings (vanished_run_id);
