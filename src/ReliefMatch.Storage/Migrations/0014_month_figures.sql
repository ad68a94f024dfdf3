-- The two figures of a month's 统计表 its trend charts draw, per township and for the county (township ''), as the
-- month's latest run counted them: 数据预警 (data_warning.total) and the 标记 persons counted (tags.total when every
-- tag has its source; else the persons of the tags that have one, with the tags that do not in tags_lacking; null
-- when no tag has a source). A month without a row was never counted: the charts show a gap there, never a 0.
-- Counts only, no person: the page checks keep a township to its own line.
CREATE TABLE reliefmatch.month_figures (
    period        text        NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    township      text        NOT NULL,
    data_warning  integer     NOT NULL CHECK (data_warning >= 0),
    tags          integer     CHECK (tags >= 0),
    tags_lacking  text[]      NOT NULL,
    counted_at    timestamptz NOT NULL,
    PRIMARY KEY (period, township)
);
