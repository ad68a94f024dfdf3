-- ReliefMatch schema, version 15: the records of a declared source that has no record type of its own (a county's
-- 火化记录, the plan's other sources) are read, stored and loaded by their declaration alone. One table holds them
-- all, partitioned by extract as the typed record tables are: the columns every record has, and the declared
-- fields' values in declared order, each in the invariant text of its type (dates 2023-07-04, months 2023-07,
-- amounts in yuan without trailing zeros). Each extract keeps the declared fields its file had a column for, so
-- that a rule reading a field no file of the month had says so instead of reading every value as empty.

CREATE TABLE reliefmatch.declared_records (
    extract_id   bigint  NOT NULL,
    row          integer NOT NULL,
    source       text    NOT NULL,
    name         text    NOT NULL,
    id_text      text    NOT NULL,
    id_key       bigint,
    id_problem   text,
    id_upgraded  boolean NOT NULL,
    field_values text[]  NOT NULL,
    PRIMARY KEY (extract_id, row)
) PARTITION BY LIST (extract_id);

ALTER TABLE reliefmatch.declared_records OWNER TO reliefmatch_records;

ALTER TABLE reliefmatch.extracts ADD COLUMN present_fields text[];
