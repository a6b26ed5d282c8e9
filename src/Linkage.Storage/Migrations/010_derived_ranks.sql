-- A pair's rank among its reference's candidates is derived when it is read (LinkStore.Ranked), not stored: a stored
-- rank had to be rewritten on every pair below a new candidate, which made an incremental night rewrite about four
-- stored pairs for each one it added.
ALTER TABLE candidate_pairs DROP COLUMN rank;
