-- ReliefMatch schema: files whose month cannot be told. A dropped file is stamped with the month its name or title
-- states; one that states none is not imported and not refused: it waits where it lies (待确认), listed here, until
-- an officer confirms its month on the month page, and is then imported stamped with that month.
CREATE TABLE reliefmatch.pending_files (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path        text        NOT NULL UNIQUE,   -- where the file lies (the drop folder, or the folder an import was given)
    source      text        NOT NULL,
    file        text        NOT NULL,          -- its name in reports: source/file name
    sha256      text        NOT NULL,
    size        bigint      NOT NULL,
    found_at    timestamptz NOT NULL
);

-- A monthly run refused for want of data (no extract stamped for its month) is recorded as such, not as a failure
-- to retry and not as a success.
ALTER TABLE reliefmatch.job_runs DROP CONSTRAINT job_runs_outcome_check;
ALTER TABLE reliefmatch.job_runs ADD CONSTRAINT job_runs_outcome_check
    CHECK (outcome IN ('running', 'succeeded', 'failed', 'cancelled', 'abandoned', 'refused'));
