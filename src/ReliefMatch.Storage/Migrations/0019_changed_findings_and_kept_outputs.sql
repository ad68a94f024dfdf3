-- A digest of everything a run writes about a finding (its description, programmes, evidence as stored, evidence
-- fingerprint, action and due days), so that a later run of the same month sends and writes only the findings whose
-- content differs from what is stored; NULL for findings saved before it existed (written once more, then set).
ALTER TABLE reliefmatch.findings ADD COLUMN content_fingerprint text;

-- How many of a run's findings its save wrote (new, or changed since the period's previous run); the others were
-- stored exactly as the run produced them and were left untouched. NULL for runs before it existed and for runs that
-- reused the stored findings without saving.
ALTER TABLE reliefmatch.runs ADD COLUMN findings_written integer CHECK (findings_written >= 0);

-- The outputs a run left in its folder: {"state": digest of everything they were written from, "files": {relative
-- path: SHA-256}}. A later run of the month with nothing new whose state is the same and whose files are all still
-- there, byte for byte, leaves them as they are. NULL when the run wrote no outputs.
ALTER TABLE reliefmatch.runs ADD COLUMN outputs jsonb;
