-- ReliefMatch schema: the 统计表 a county published (上报) for a month. A published month's numbers never change:
-- each publication is a new version holding the sheet as published (stats.json's text), and later runs of the month
-- are shown beside it, never written into it.
CREATE TABLE reliefmatch.published_statistics (
    period        text        NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    version       integer     NOT NULL CHECK (version >= 1),
    sheet         text        NOT NULL,   -- stats.json as published
    published_by  text        NOT NULL,
    published_at  timestamptz NOT NULL,
    PRIMARY KEY (period, version)
);
