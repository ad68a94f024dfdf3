-- ReliefMatch schema, version 13: what a worklist needs to print a recorded outcome back, and the rows a return
-- report names.
--
-- confirmed_in: for a confirmed finding, the latest month whose run had produced it when 属实 was recorded (the
-- month whose worklist the confirmation answered). A later month's run that still produces the finding puts it on
-- that month's worklist as 属实未处置 (escalation). first_confirmed_on / first_confirmed_by: the 核查日期 (or the day
-- it was recorded) and the 核查人 (or the user) of the first 属实 since the finding was last opened; a 属实 given
-- again on an escalation row keeps them. All three are null unless the finding is confirmed.
ALTER TABLE reliefmatch.findings ADD COLUMN confirmed_in text CHECK (confirmed_in ~ '^[0-9]{4}-[0-9]{2}$');
ALTER TABLE reliefmatch.findings ADD COLUMN first_confirmed_on date;
ALTER TABLE reliefmatch.findings ADD COLUMN first_confirmed_by text;

-- Findings confirmed before this version: answered for the latest month that produced them, first confirmed as
-- recorded (the day in China).
UPDATE reliefmatch.findings
SET confirmed_in = last_seen,
    first_confirmed_on = coalesce(checked_on, (disposition_at AT TIME ZONE 'UTC' + interval '8 hours')::date),
    first_confirmed_by = coalesce(checked_by, disposition_by)
WHERE status = 'confirmed';

-- A returned row names the finding it spoke of (as the township's worklist printed it: name, masked ID, rule), so
-- that the return report can say which rows were taken and which refused. Null for a row whose 预警编号 named no
-- finding of the township.
ALTER TABLE reliefmatch.worklist_return_rows ADD COLUMN name text;
ALTER TABLE reliefmatch.worklist_return_rows ADD COLUMN id_masked text;
ALTER TABLE reliefmatch.worklist_return_rows ADD COLUMN rule_id text;
