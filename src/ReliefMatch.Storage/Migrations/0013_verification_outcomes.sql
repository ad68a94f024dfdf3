-- ReliefMatch schema, version 13: what a worklist needs to print a recorded outcome back, and the rows a return
-- report names.
--
-- answered_in: for a confirmed or dismissed finding, the latest month whose run had produced it when the outcome
-- was recorded (the month whose worklist it answered). That month's worklist, downloaded again, prints the outcome;
-- a later month's leaves a dismissed finding off (it stays quiet), and puts a confirmed finding it still produces on
-- as 属实未处置 (escalation). first_confirmed_on / first_confirmed_by: the 核查日期 (or the day it was recorded) and
-- the 核查人 (or the user) of the first 属实 since the finding was last opened; a 属实 given again on an escalation
-- row keeps them. All three are null while the finding is open or closed.
ALTER TABLE reliefmatch.findings ADD COLUMN answered_in text CHECK (answered_in ~ '^[0-9]{4}-[0-9]{2}$');
ALTER TABLE reliefmatch.findings ADD COLUMN first_confirmed_on date;
ALTER TABLE reliefmatch.findings ADD COLUMN first_confirmed_by text;

-- Outcomes recorded before this version: answered for the latest month that produced them, first confirmed as
-- recorded (the day in China).
UPDATE reliefmatch.findings SET answered_in = last_seen WHERE status IN ('confirmed', 'dismissed');
UPDATE reliefmatch.findings
SET first_confirmed_on = coalesce(checked_on, (disposition_at AT TIME ZONE 'UTC' + interval '8 hours')::date),
    first_confirmed_by = coalesce(checked_by, disposition_by)
WHERE status = 'confirmed';

-- A returned row names the finding it spoke of (as the township's worklist printed it: name, masked ID, rule), so
-- that the return report can say which rows were taken and which refused. Null for a row whose 预警编号 named no
-- finding of the township.
ALTER TABLE reliefmatch.worklist_return_rows ADD COLUMN name text;
ALTER TABLE reliefmatch.worklist_return_rows ADD COLUMN id_masked text;
ALTER TABLE reliefmatch.worklist_return_rows ADD COLUMN rule_id text;

-- The county's 核查结果 of each household drawn for the 50% online review of new 低保 approvals: eligible (符合条件) or
-- ineligible (不符合条件), a note, who recorded it and when (each also in the audit log). A draw none of whose
-- households has a result yet may be drawn again (when the month's own roster arrives after the draw).
ALTER TABLE reliefmatch.sample_draw_items ADD COLUMN review_result text CHECK (review_result IN ('eligible', 'ineligible'));
ALTER TABLE reliefmatch.sample_draw_items ADD COLUMN review_note text;
ALTER TABLE reliefmatch.sample_draw_items ADD COLUMN reviewed_by text;
ALTER TABLE reliefmatch.sample_draw_items ADD COLUMN reviewed_at timestamptz;
