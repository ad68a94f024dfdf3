-- The version of the rule that produced a finding in each period. reliefmatch.findings.rule_version follows the
-- latest run that produced the finding, so a finding raised in July under version 1 and produced again in August
-- under version 2 would otherwise no longer say that July's flag came from version 1: a published rule change
-- must not rewrite what raised the months before it. Filled for the periods stored before from the finding's
-- version then, the best there is.
ALTER TABLE reliefmatch.finding_periods ADD COLUMN rule_version integer;
UPDATE reliefmatch.finding_periods fp SET rule_version = f.rule_version FROM reliefmatch.findings f WHERE f.key = fp.key;
ALTER TABLE reliefmatch.finding_periods ALTER COLUMN rule_version SET NOT NULL;
