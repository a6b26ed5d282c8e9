-- Fills listings.sibling_group and reference_records.sibling_group (008) from the stored documents.
UPDATE listings SET sibling_group = (
    SELECT NULLIF(json_extract(v.data, '$.sibling_group'), '') FROM listing_versions v
    WHERE v.listing_id = listings.listing_id ORDER BY v.version_id DESC LIMIT 1);
UPDATE reference_records SET sibling_group = NULLIF(json_extract(data, '$.sibling_group'), '');
