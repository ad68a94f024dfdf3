-- ReliefMatch schema, version 9: an id-name-mismatch finding names its record by content. Its discriminator was
-- 'source:extract_id:row'; a database identity value, which an import killed and run again uses up, so the same
-- files gave another key and another 预警编号. It is now 'source:sha256:row' (the file's SHA-256). Stored findings
-- are rekeyed in place, with their periods and events, so their state and dispositions carry over.

CREATE TEMPORARY TABLE rekeyed ON COMMIT DROP AS
SELECT f.key AS old_key,
       left(f.key, length(f.key) - length(f.discriminator)) || n.discriminator AS new_key,
       n.discriminator
FROM reliefmatch.findings f
CROSS JOIN LATERAL (SELECT split_part(f.discriminator, ':', 1) AS source,
                           split_part(f.discriminator, ':', 2)::bigint AS extract_id,
                           split_part(f.discriminator, ':', 3) AS row) d
JOIN reliefmatch.extracts e ON e.id = d.extract_id
CROSS JOIN LATERAL (SELECT d.source || ':' || e.sha256 || ':' || d.row AS discriminator) n
WHERE f.rule_id = 'id-name-mismatch' AND f.discriminator ~ '^[a-z-]+:[0-9]+:[0-9]+$';

UPDATE reliefmatch.finding_periods p SET key = r.new_key FROM rekeyed r WHERE p.key = r.old_key;
UPDATE reliefmatch.finding_events v SET key = r.new_key FROM rekeyed r WHERE v.key = r.old_key;
UPDATE reliefmatch.findings f SET key = r.new_key, discriminator = r.discriminator FROM rekeyed r WHERE f.key = r.old_key;
