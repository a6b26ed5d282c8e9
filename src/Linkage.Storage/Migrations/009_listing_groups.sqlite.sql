-- Fills listings.sibling_group (008) from each listing's latest version.
UPDATE listings SET sibling_group = (
    SELECT NULLIF(json_extract(v.data, '$.sibling_group'), '') FROM listing_versions v
    WHERE v.listing_id = listings.listing_id ORDER BY v.version_id DESC LIMIT 1);
