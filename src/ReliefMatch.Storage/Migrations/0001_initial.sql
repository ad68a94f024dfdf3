-- ReliefMatch schema, version 1: imported extracts, their accepted and rejected rows, monthly runs and findings.
-- Every table lives in schema reliefmatch. Periods are reporting months as text 'YYYY-MM' (they sort as months).
-- Resident IDs are stored as the normalised text (id_text), the 17-digit join key when the ID is valid
-- (id_key, NULL otherwise), the IdProblem name when it is not (id_problem, NULL when valid) and whether a
-- 15-digit ID was upgraded (id_upgraded).

-- One row per imported file (same bytes of the same source = one extract).
CREATE TABLE reliefmatch.extracts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text        NOT NULL,
    file         text        NOT NULL,          -- source/file name, relative to the drop folder
    sha256       text        NOT NULL,
    size         bigint      NOT NULL,
    encoding     text        NOT NULL,
    sheet        text,
    header_row   integer     NOT NULL,
    rows_read    integer     NOT NULL,
    accepted     integer     NOT NULL,
    rejected     integer     NOT NULL,
    skipped      integer     NOT NULL,
    imported_at  timestamptz NOT NULL,
    period       text        NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),  -- the period it was first imported for
    UNIQUE (source, sha256)
);

-- The periods an extract belongs to: its own, and for a snapshot source (roster, monitoring) every later
-- period for which the same bytes were dropped again.
CREATE TABLE reliefmatch.extract_periods (
    extract_id bigint NOT NULL REFERENCES reliefmatch.extracts (id),
    period     text   NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    PRIMARY KEY (extract_id, period)
);
CREATE INDEX extract_periods_period ON reliefmatch.extract_periods (period);

CREATE TABLE reliefmatch.rejected_rows (
    extract_id bigint  NOT NULL REFERENCES reliefmatch.extracts (id),
    row        integer NOT NULL,   -- CSV line or sheet row
    column_name text   NOT NULL,
    value      text    NOT NULL,
    reason     text    NOT NULL
);
CREATE INDEX rejected_rows_extract ON reliefmatch.rejected_rows (extract_id, row);

-- The record tables are partitioned by extract: the importer creates each extract's partition in the
-- transaction that writes the extract's row, fills it by COPY FREEZE and attaches it. A table created in the
-- same transaction needs no WAL for its rows (wal_level minimal, as the private cluster is set up), which
-- doubles the speed of large imports, and a failed import leaves no partition behind. They carry no foreign
-- key: the partition's CHECK (extract_id = its extract) ties it to the one extract row it came with.

CREATE TABLE reliefmatch.roster_records (
    extract_id       bigint  NOT NULL,
    row              integer NOT NULL,
    name             text    NOT NULL,
    id_text          text    NOT NULL,
    id_key           bigint,
    id_problem       text,
    id_upgraded      boolean NOT NULL,
    county_code      text    NOT NULL,
    county           text,
    township         text    NOT NULL,
    village          text,
    household_id     text    NOT NULL,
    head_name        text,
    head_id_number   text,
    relation         text,
    programme        text    NOT NULL,   -- urban-dibao, rural-dibao, tekun, edge, expenditure
    support_mode     smallint,           -- 1 集中供养, 2 分散供养
    status           text    NOT NULL,   -- active, phasing-out, stopped
    enrolled_on      date,
    monthly_amount   numeric,
    last_check_on    date,
    last_visit_on    date,
    work_ability     smallint,           -- 1 有劳动能力, 2 丧失部分劳动能力, 3 无劳动能力
    income_stable    boolean,
    PRIMARY KEY (extract_id, row)
) PARTITION BY LIST (extract_id);

-- Police cancellations (kind police-deaths) and health death certificates (kind health-deaths).
CREATE TABLE reliefmatch.death_records (
    extract_id     bigint  NOT NULL,
    row            integer NOT NULL,
    kind           text    NOT NULL,
    name           text    NOT NULL,
    id_text        text    NOT NULL,
    id_key         bigint,
    id_problem     text,
    id_upgraded    boolean NOT NULL,
    sex            smallint,           -- 1 male, 2 female
    birth_date     date,
    death_date     date,
    cancelled_on   date,
    cancel_reason  text,
    is_death       boolean NOT NULL,
    place          text,
    cause          text,
    reporter       text,
    PRIMARY KEY (extract_id, row)
) PARTITION BY LIST (extract_id);

CREATE TABLE reliefmatch.disability_records (
    extract_id          bigint   NOT NULL,
    row                 integer  NOT NULL,
    name                text     NOT NULL,
    id_text             text     NOT NULL,
    id_key              bigint,
    id_problem          text,
    id_upgraded         boolean  NOT NULL,
    certificate_no      text,
    category            smallint NOT NULL,  -- 1 视力 … 7 多重 (the federation's codes)
    level               smallint NOT NULL,  -- 1 一级 (most severe) … 4 四级
    issued_on           date,
    certificate_status  text,
    township            text,
    village             text,
    PRIMARY KEY (extract_id, row)
) PARTITION BY LIST (extract_id);

CREATE TABLE reliefmatch.medical_records (
    extract_id       bigint  NOT NULL,
    row              integer NOT NULL,
    name             text    NOT NULL,
    id_text          text    NOT NULL,
    id_key           bigint,
    id_problem       text,
    id_upgraded      boolean NOT NULL,
    settled_on       date    NOT NULL,
    total            numeric,
    basic_paid       numeric,
    critical_paid    numeric,
    assistance_paid  numeric,
    out_of_pocket    numeric NOT NULL,
    visit_type       text,
    institution      text,
    PRIMARY KEY (extract_id, row)
) PARTITION BY LIST (extract_id);

CREATE TABLE reliefmatch.monitoring_records (
    extract_id         bigint  NOT NULL,
    row                integer NOT NULL,
    name               text    NOT NULL,
    id_text            text    NOT NULL,
    id_key             bigint,
    id_problem         text,
    id_upgraded        boolean NOT NULL,
    household_id       text,
    relation           text,
    monitor_type       text,
    risk               text,
    identified_on      date,
    risk_cleared       boolean NOT NULL,
    income_per_capita  numeric,
    township           text,
    village            text,
    PRIMARY KEY (extract_id, row)
) PARTITION BY LIST (extract_id);

-- Monthly runs of the rules.
CREATE TABLE reliefmatch.runs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period       text        NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    status       text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    error        text,
    findings     integer,     -- findings produced
    new_findings integer,     -- of them first raised in this period
    dismissed    integer,     -- of them kept quiet by an earlier dismissal
    closed       integer      -- earlier findings not produced any more
);
CREATE INDEX runs_period ON reliefmatch.runs (period);

-- One row per finding key (Finding.Key): its current state across months.
CREATE TABLE reliefmatch.findings (
    key                   text PRIMARY KEY,
    rule_id               text     NOT NULL,
    rule_version          integer  NOT NULL,
    id_number             text     NOT NULL,
    household_id          text     NOT NULL,
    discriminator         text     NOT NULL,
    name                  text     NOT NULL,
    township              text     NOT NULL,
    village               text     NOT NULL,
    programmes            text[]   NOT NULL,
    confidence            text     NOT NULL,
    evidence              jsonb    NOT NULL,   -- [{source, extract_id, row, text}]
    evidence_fingerprint  text     NOT NULL,
    feeds_data_warning    boolean  NOT NULL,
    suggested_action      text     NOT NULL,
    due_days              integer  NOT NULL,
    first_seen            text     NOT NULL,   -- the period it was (last re-)raised in
    last_seen             text     NOT NULL,   -- the latest period that produced it
    closed_in             text,                -- the period from which it was no longer produced
    status                text     NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed', 'closed')),
    disposition_reason    text,
    disposition_by        text,
    disposition_at        timestamptz,
    last_run_id           bigint   REFERENCES reliefmatch.runs (id)
);
CREATE INDEX findings_first_seen ON reliefmatch.findings (first_seen);
CREATE INDEX findings_township ON reliefmatch.findings (township);

-- Which periods produced which finding (the latest run of each period counts).
CREATE TABLE reliefmatch.finding_periods (
    key                   text NOT NULL REFERENCES reliefmatch.findings (key),
    period                text NOT NULL,
    run_id                bigint NOT NULL REFERENCES reliefmatch.runs (id),
    evidence_fingerprint  text NOT NULL,
    PRIMARY KEY (key, period)
);
CREATE INDEX finding_periods_period ON reliefmatch.finding_periods (period);

-- Every change of a finding's state: raised, reopened, reappeared, closed, confirmed, dismissed.
CREATE TABLE reliefmatch.finding_events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key       text        NOT NULL REFERENCES reliefmatch.findings (key),
    period    text,
    run_id    bigint      REFERENCES reliefmatch.runs (id),
    event     text        NOT NULL,
    at        timestamptz NOT NULL,
    detail    text
);
CREATE INDEX finding_events_key ON reliefmatch.finding_events (key);
