-- Each pair keeps its listing's sibling group as it was scored (CandidateMatch.ListingSiblingGroup), so an incremental
-- run merging a child's stored pairs reads the groups sibling evidence needs without looking up every listing.
ALTER TABLE candidate_pairs ADD COLUMN listing_sibling_group TEXT;
UPDATE candidate_pairs SET listing_sibling_group = (
    SELECT l.sibling_group FROM listings l WHERE l.listing_id = candidate_pairs.listing_id);
