-- ReliefMatch schema: signed-in browsers. A sign-in cookie names its session, and every request checks that
-- the session is still here: signing out deletes it, so a copy of the cookie taken before no longer works.
-- seen_at moves on as the browser is used; a session left idle longer than a sign-in lasts is refused, and
-- cleared at a later sign-in.
CREATE TABLE reliefmatch.sessions (
    id          text        PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES reliefmatch.users (id),
    created_at  timestamptz NOT NULL,
    seen_at     timestamptz NOT NULL,
    address     text                     -- the browser's address at sign-in, as the server saw it
);
CREATE INDEX sessions_user ON reliefmatch.sessions (user_id);
CREATE INDEX sessions_seen_at ON reliefmatch.sessions (seen_at);
