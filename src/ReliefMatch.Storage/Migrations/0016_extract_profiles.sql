-- What the extract sanity checks compare of each extract, written in the transaction that stores it: the header
-- row's cells as the file spelt them (a column gone or new since the previous extract), the townships its records
-- name (a snapshot that loses one), and per date field the count of dates in each month ({"settled_on":
-- {"2023-07": 1204}}: a month's file whose dates all fall in another month). An extract stored before this has
-- no row: the checks that need it say nothing about it rather than guess.
CREATE TABLE reliefmatch.extract_profiles (
    extract_id   bigint PRIMARY KEY REFERENCES reliefmatch.extracts (id),
    columns      text[] NOT NULL,
    townships    text[],          -- null when the source's records name no township
    date_months  jsonb  NOT NULL
);
