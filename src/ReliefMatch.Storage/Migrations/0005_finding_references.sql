-- ReliefMatch schema, version 5: the history tables of findings (finding_events, finding_periods) and
-- findings.last_run_id no longer carry foreign keys. PostgreSQL checks a foreign key row by row: saving a
-- province's month (224,000 findings, each with its event and period rows) made 1.1 million such checks and
-- took 4 of its 11 seconds. These tables are written only by FindingStore, which inserts a finding before its
-- event and period rows in the same transaction and never deletes findings; the tests check that every event
-- and period row refers to a stored finding and run.

ALTER TABLE reliefmatch.finding_events DROP CONSTRAINT finding_events_key_fkey;
ALTER TABLE reliefmatch.finding_events DROP CONSTRAINT finding_events_run_id_fkey;
ALTER TABLE reliefmatch.finding_periods DROP CONSTRAINT finding_periods_key_fkey;
ALTER TABLE reliefmatch.finding_periods DROP CONSTRAINT finding_periods_run_id_fkey;
ALTER TABLE reliefmatch.findings DROP CONSTRAINT findings_last_run_id_fkey;
