-- Assignment of work to reviewers. A child (reference) is assigned, not a single pair: the person who weighs
-- one listing for a child should see and rank that child's other candidates too, and a re-run's new candidates
-- for the child land with the same reviewer without anyone re-assigning them.
CREATE TABLE assignments (
    reference_id TEXT PRIMARY KEY REFERENCES reference_records (reference_id),
    assignee TEXT NOT NULL REFERENCES users (name),
    assigned_by TEXT NOT NULL,
    assigned_at {timestamp} NOT NULL
);

CREATE INDEX assignments_assignee ON assignments (assignee);
