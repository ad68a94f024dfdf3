-- ReliefMatch schema, version 7: the program no longer connects as the schema's owner. Migrations run as the owner;
-- the application's role gets only what it needs (granted after every migration run, so that tables of later
-- migrations are covered too): on the audit log INSERT and SELECT only, so it can neither change the log nor
-- switch its triggers off. Two group roles (NOLOGIN) are named here; the private cluster makes them, on another
-- server the DBA does (or this migration, when its role may create roles).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reliefmatch_township') THEN
        CREATE ROLE reliefmatch_township NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reliefmatch_records') THEN
        CREATE ROLE reliefmatch_records NOLOGIN;
    END IF;
    IF NOT pg_has_role(current_user, 'reliefmatch_records', 'MEMBER') THEN
        EXECUTE format('GRANT reliefmatch_records TO %I', current_user);
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'the roles reliefmatch_township and reliefmatch_records are missing or % is not a member of reliefmatch_records, and % may not change that: %', current_user, current_user, SQLERRM
        USING HINT = 'A superuser runs: CREATE ROLE reliefmatch_township NOLOGIN; CREATE ROLE reliefmatch_records NOLOGIN; GRANT reliefmatch_records TO <owner role>, <application role>; GRANT reliefmatch_township TO <application role>;';
END
$$;

-- The importer creates each extract's partition and attaches it to its record table, which only the table's owner
-- may do: the record tables belong to reliefmatch_records, a group of the owner and the application role, which
-- owns nothing else. The partitions are tables of schema reliefmatch, hence CREATE on it (which PostgreSQL also
-- asks of a table's new owner).
GRANT USAGE, CREATE ON SCHEMA reliefmatch TO reliefmatch_records;
ALTER TABLE reliefmatch.roster_records OWNER TO reliefmatch_records;
ALTER TABLE reliefmatch.death_records OWNER TO reliefmatch_records;
ALTER TABLE reliefmatch.disability_records OWNER TO reliefmatch_records;
ALTER TABLE reliefmatch.medical_records OWNER TO reliefmatch_records;
ALTER TABLE reliefmatch.monitoring_records OWNER TO reliefmatch_records;

-- Row-level security on the findings and the returned worklists, keyed by township: a second wall behind the page
-- checks. A township user's web request reads as reliefmatch_township with reliefmatch.township set to its
-- township (both local to the request's transaction); without the setting it sees nothing. The policies name
-- reliefmatch_township only, and no other role is subject to them: the owner owns the tables, and the application
-- role bypasses row-level security, because the batch writes these tables by binary COPY, which PostgreSQL refuses
-- where row-level security applies.
GRANT USAGE ON SCHEMA reliefmatch TO reliefmatch_township;
GRANT SELECT ON reliefmatch.findings, reliefmatch.finding_periods, reliefmatch.finding_events, reliefmatch.runs,
    reliefmatch.worklist_returns, reliefmatch.worklist_return_rows TO reliefmatch_township;

ALTER TABLE reliefmatch.findings ENABLE ROW LEVEL SECURITY;
ALTER TABLE reliefmatch.finding_periods ENABLE ROW LEVEL SECURITY;
ALTER TABLE reliefmatch.finding_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE reliefmatch.worklist_returns ENABLE ROW LEVEL SECURITY;
ALTER TABLE reliefmatch.worklist_return_rows ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_township ON reliefmatch.findings FOR SELECT TO reliefmatch_township
    USING (township = nullif(current_setting('reliefmatch.township', true), ''));
-- A finding's months and events: those of a finding the reader may see (the subquery is itself under the policy above).
CREATE POLICY own_township ON reliefmatch.finding_periods FOR SELECT TO reliefmatch_township
    USING (EXISTS (SELECT FROM reliefmatch.findings f WHERE f.key = finding_periods.key));
CREATE POLICY own_township ON reliefmatch.finding_events FOR SELECT TO reliefmatch_township
    USING (EXISTS (SELECT FROM reliefmatch.findings f WHERE f.key = finding_events.key));
CREATE POLICY own_township ON reliefmatch.worklist_returns FOR SELECT TO reliefmatch_township
    USING (township = nullif(current_setting('reliefmatch.township', true), ''));
CREATE POLICY own_township ON reliefmatch.worklist_return_rows FOR SELECT TO reliefmatch_township
    USING (EXISTS (SELECT FROM reliefmatch.worklist_returns w WHERE w.id = worklist_return_rows.return_id));
