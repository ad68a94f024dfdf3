-- The 统计表 cells no source can count, entered by each township on its month page (docs/statistics.md): the date of
-- the deployment meeting and the five counts of the conduct campaign. A null is a cell not entered (blank on the
-- sheet), never 0. One row per township and month; who saved it last and when (each save is also in the audit log).
CREATE TABLE reliefmatch.township_entries (
    township           text    NOT NULL,
    period             text    NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    meeting_on         date,
    conduct_problems   integer CHECK (conduct_problems >= 0),
    leads_transferred  integer CHECK (leads_transferred >= 0),
    persons_educated   integer CHECK (persons_educated >= 0),
    cases_published    integer CHECK (cases_published >= 0),
    warning_sessions   integer CHECK (warning_sessions >= 0),
    saved_by           text        NOT NULL,
    saved_at           timestamptz NOT NULL,
    PRIMARY KEY (period, township)
);
