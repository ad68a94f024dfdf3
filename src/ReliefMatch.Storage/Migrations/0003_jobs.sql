-- ReliefMatch schema, version 3: what the scheduled jobs record and produce. Hangfire keeps its own queue and
-- state in schema hangfire (created by Hangfire.PostgreSql); these tables are ReliefMatch's own record of it.

-- Every execution of a job (a retry or a second server running it again is a second row): for the runs page.
CREATE TABLE reliefmatch.job_runs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job           text        NOT NULL,   -- import-inbox, monthly-run, economic-recheck, overdue-list, dibao-sample
    key           text        NOT NULL,   -- what it ran for: a period 'YYYY-MM'
    background_id text,                   -- Hangfire's job id, when run by Hangfire
    attempt       integer     NOT NULL DEFAULT 1,
    server        text,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    outcome       text        NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned')),
    detail        text                    -- what it did, or why it failed; never personal data
);
CREATE INDEX job_runs_started ON reliefmatch.job_runs (started_at DESC, id DESC);
CREATE INDEX job_runs_job_key ON reliefmatch.job_runs (job, key);

-- The monthly random sample of each home township's new 低保 approvals for the county's online review: one
-- draw per (period, township), never drawn twice. The seed and the roster extracts it was drawn from are kept
-- so that anyone can draw it again and get the same households.
CREATE TABLE reliefmatch.sample_draws (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period             text        NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    township           text        NOT NULL,
    seed               integer     NOT NULL,
    algorithm          text        NOT NULL,
    fraction           numeric     NOT NULL CHECK (fraction > 0 AND fraction <= 1),
    candidates         integer     NOT NULL CHECK (candidates >= 0),
    selected           integer     NOT NULL CHECK (selected >= 0 AND selected <= candidates),
    candidates_sha256  text        NOT NULL,   -- of the ordered candidate keys: tells whether a later roster differs
    roster_period      text,                   -- the roster snapshot it was drawn from
    roster_extracts    bigint[]    NOT NULL,
    drawn_at           timestamptz NOT NULL,
    job_run_id         bigint      REFERENCES reliefmatch.job_runs (id),
    UNIQUE (period, township)
);

-- The households drawn, in draw order (rank 1 first).
CREATE TABLE reliefmatch.sample_draw_items (
    draw_id         bigint  NOT NULL REFERENCES reliefmatch.sample_draws (id),
    rank            integer NOT NULL CHECK (rank >= 1),
    household_id    text    NOT NULL,
    county_code     text    NOT NULL,
    village         text    NOT NULL,
    head_name       text    NOT NULL,
    head_id_number  text    NOT NULL,
    programme       text    NOT NULL,
    approved_on     date    NOT NULL,
    members         integer NOT NULL,
    PRIMARY KEY (draw_id, rank),
    UNIQUE (draw_id, household_id)
);

-- Household due lists: the semiannual economic re-check list (kind economic-recheck, every enrolled dibao or
-- tekun household with its due date) and the monthly overdue list (kind overdue). One list per (kind, key);
-- building it again replaces its items with the same ones when nothing changed.
CREATE TABLE reliefmatch.due_lists (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('economic-recheck', 'overdue')),
    key             text        NOT NULL CHECK (key ~ '^[0-9]{4}-[0-9]{2}$'),
    as_of           date        NOT NULL,
    interval_months integer     NOT NULL,
    households      integer     NOT NULL,
    overdue         integer     NOT NULL,
    roster_period   text,
    roster_extracts bigint[]    NOT NULL,
    content_sha256  text        NOT NULL,   -- of as_of, interval and the items: an unchanged list is not rewritten
    built_at        timestamptz NOT NULL,
    job_run_id      bigint      REFERENCES reliefmatch.job_runs (id),
    UNIQUE (kind, key)
);

CREATE TABLE reliefmatch.due_list_items (
    list_id         bigint  NOT NULL REFERENCES reliefmatch.due_lists (id),
    ord             integer NOT NULL,
    household_id    text    NOT NULL,
    township        text    NOT NULL,
    village         text    NOT NULL,
    head_name       text    NOT NULL,
    head_id_number  text    NOT NULL,
    programmes      text[]  NOT NULL,
    last_check_on   date,
    due_on          date,
    overdue         boolean NOT NULL,
    signals         text[]  NOT NULL,   -- what income/asset sources found ('source: text'), none yet
    PRIMARY KEY (list_id, ord)
);
