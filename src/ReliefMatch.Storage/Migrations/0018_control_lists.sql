-- ReliefMatch schema, version 18: the monthly control list (对照抽查名单). Each month, per township, a reproducible random
-- draw of enrolled people whom no rule flagged, sent to the township like a worklist; what it finds (有问题 / 无问题)
-- measures what the rules miss. A township's draw for a month is made once and kept as the record of what was checked.
CREATE TABLE reliefmatch.control_draws (
    id            bigserial   PRIMARY KEY,
    period        text        NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    township      text        NOT NULL,
    seed          integer     NOT NULL,
    algorithm     text        NOT NULL,
    per_township  integer     NOT NULL CHECK (per_township >= 1),
    candidates    integer     NOT NULL CHECK (candidates >= 0),
    selected      integer     NOT NULL CHECK (selected >= 0),
    roster_period text,
    drawn_at      timestamptz NOT NULL,
    UNIQUE (period, township)
);

-- One person drawn. reference is the 抽查编号 (KZ…) a returned list names its rows by. result: problem (有问题) or
-- no_problem (无问题), null until the township answers; remarks (处置情况, required with 有问题), checked_by / checked_on
-- (核查人 / 核查日期), and who recorded it when (each also in the audit log).
CREATE TABLE reliefmatch.control_items (
    reference     text        PRIMARY KEY,
    draw_id       bigint      NOT NULL REFERENCES reliefmatch.control_draws (id),
    rank          integer     NOT NULL CHECK (rank >= 1),
    township      text        NOT NULL,
    village       text        NOT NULL,
    household_id  text        NOT NULL,
    name          text        NOT NULL,
    id_number     text        NOT NULL,
    programmes    text        NOT NULL,
    result        text        CHECK (result IN ('problem', 'no_problem')),
    remarks       text,
    checked_by    text,
    checked_on    date,
    recorded_by   text,
    recorded_at   timestamptz,
    UNIQUE (draw_id, rank)
);

-- The same wall as the findings': a township user's request reads its own township's control list only.
GRANT SELECT ON reliefmatch.control_draws, reliefmatch.control_items TO reliefmatch_township;
ALTER TABLE reliefmatch.control_draws ENABLE ROW LEVEL SECURITY;
ALTER TABLE reliefmatch.control_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_township ON reliefmatch.control_draws FOR SELECT TO reliefmatch_township
    USING (township = nullif(current_setting('reliefmatch.township', true), ''));
CREATE POLICY own_township ON reliefmatch.control_items FOR SELECT TO reliefmatch_township
    USING (township = nullif(current_setting('reliefmatch.township', true), ''));
