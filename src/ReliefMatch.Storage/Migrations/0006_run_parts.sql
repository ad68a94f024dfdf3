-- ReliefMatch schema, version 6: monthly runs split by resident ID into parts, each evaluated as a job by
-- whichever server takes it; the last part to finish hands the run to the merge, which saves the findings of all
-- parts as one run.

-- How many parts the run was split into; NULL for a run evaluated in one piece.
ALTER TABLE reliefmatch.runs ADD COLUMN parts integer CHECK (parts >= 2);

-- What each part found, until the merge saves the run. findings is a JSON array of the part's findings in the
-- order the rules give them; inputs is the digest of the extracts and rules the part saw (every part of a run
-- must have seen the same); townships are the home townships of the roster snapshot.
CREATE TABLE reliefmatch.run_parts (
    run_id      bigint      NOT NULL REFERENCES reliefmatch.runs (id),
    part        integer     NOT NULL,
    parts       integer     NOT NULL,
    inputs      text        NOT NULL,
    townships   text[]      NOT NULL,
    finding_count integer   NOT NULL,
    findings    text        NOT NULL,
    server      text,
    seconds     numeric     NOT NULL,
    finished_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, part),
    CHECK (part >= 0 AND part < parts)
);
