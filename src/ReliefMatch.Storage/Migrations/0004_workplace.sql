-- ReliefMatch schema, version 2: the web workplace. Users who sign in, the append-only audit log, the
-- worklists the townships return with their dispositions, and who checked a finding on which day.

-- People who sign in to the workplace: the county data officers (role county) and township staff (role
-- township, tied to one township). Passwords are kept only as salted hashes (ASP.NET Core's PasswordHasher
-- format). After repeated failed sign-ins an account is locked until locked_until. stamp changes whenever
-- the password or the account's standing changes, so that a signed-in browser carrying an older stamp is
-- signed out.
CREATE TABLE reliefmatch.users (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             text        NOT NULL UNIQUE CHECK (name <> ''),
    role             text        NOT NULL CHECK (role IN ('county', 'township')),
    township         text,
    password_hash    text        NOT NULL,
    enabled          boolean     NOT NULL DEFAULT true,
    failed_sign_ins  integer     NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    stamp            text        NOT NULL,
    created_at       timestamptz NOT NULL,
    CHECK ((role = 'township') = (township IS NOT NULL AND township <> ''))
);

-- Who downloaded what, who saw full ID numbers, who signed in and who returned which worklist. Rows are
-- only ever added: the triggers below refuse UPDATE, DELETE and TRUNCATE, so that not even the
-- application's own database user can rewrite the record.
CREATE TABLE reliefmatch.audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    user_name  text        NOT NULL,          -- for a failed sign-in, the name as typed
    role       text,                          -- null when the name is no user's
    township   text,
    action     text        NOT NULL,
    subject    text        NOT NULL,
    rows       integer     NOT NULL DEFAULT 0,   -- how many rows (persons, findings) the action concerned
    full_ids   boolean     NOT NULL DEFAULT false,
    address    text                               -- the browser's address, as the server saw it
);
CREATE INDEX audit_log_at ON reliefmatch.audit_log (at);

CREATE FUNCTION reliefmatch.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'reliefmatch.audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON reliefmatch.audit_log
    FOR EACH ROW EXECUTE FUNCTION reliefmatch.refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON reliefmatch.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION reliefmatch.refuse_audit_change();

-- 核查人 and 核查日期 as the township wrote them on the returned worklist (disposition_by is the user who
-- uploaded it, disposition_at when).
ALTER TABLE reliefmatch.findings ADD COLUMN checked_by text;
ALTER TABLE reliefmatch.findings ADD COLUMN checked_on date;

-- Each returned worklist a township uploaded, with what became of each of its rows.
CREATE TABLE reliefmatch.worklist_returns (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    user_name   text        NOT NULL,
    township    text        NOT NULL,
    file        text        NOT NULL,
    sha256      text        NOT NULL,
    rows_read   integer     NOT NULL,
    confirmed   integer     NOT NULL,
    dismissed   integer     NOT NULL,
    unchanged   integer     NOT NULL,
    blank       integer     NOT NULL,   -- rows with no 核查结果 yet
    refused     integer     NOT NULL,
    problem     text                    -- set when the file as a whole could not be read
);
CREATE INDEX worklist_returns_township ON reliefmatch.worklist_returns (township, at);

CREATE TABLE reliefmatch.worklist_return_rows (
    return_id  bigint  NOT NULL REFERENCES reliefmatch.worklist_returns (id),
    row        integer NOT NULL,
    reference  text    NOT NULL,
    outcome    text    NOT NULL CHECK (outcome IN ('confirmed', 'dismissed', 'unchanged', 'blank', 'refused')),
    reason     text,
    PRIMARY KEY (return_id, row)
);
