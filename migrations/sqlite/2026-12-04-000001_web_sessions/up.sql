-- Browser sessions: the cookie holds a random secret, this row its SHA-256, so a stolen
-- database cannot be replayed as cookies. Deleting the row signs the browser out.
CREATE TABLE web_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX web_sessions_hash ON web_sessions (token_hash);
CREATE INDEX web_sessions_person ON web_sessions (person_id);
