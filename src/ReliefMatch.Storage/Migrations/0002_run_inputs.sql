-- What a run saw: a digest of the extracts counted for its period and of the rules applied. A later run of the
-- same period with the same digest (nothing new imported, rules unchanged) can reuse the stored findings.
ALTER TABLE reliefmatch.runs ADD COLUMN inputs text;
-- The home townships the run reported on, and the run whose findings a reusing run took over.
ALTER TABLE reliefmatch.runs ADD COLUMN townships text[];
ALTER TABLE reliefmatch.runs ADD COLUMN reused_run_id bigint REFERENCES reliefmatch.runs (id);
