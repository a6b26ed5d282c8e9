-- What a nightly (or any) run changed and how long its stages took, so a scheduler's history shows at a glance
-- whether a night was quiet or busy and where the time went. Defaults keep older runs readable as zeros.
-- One column per statement: SQLite adds a single column per ALTER TABLE.
ALTER TABLE runs ADD COLUMN references_new BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN references_changed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN listings_new BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN listings_changed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN listings_vanished BIGINT NOT NULL DEFAULT 0;
-- pairs_queued: pairs that entered the review queue in this run; pairs_flagged: decided pairs flagged for re-review.
ALTER TABLE runs ADD COLUMN pairs_queued BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN pairs_flagged BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN read_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN link_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN save_ms BIGINT NOT NULL DEFAULT 0;
