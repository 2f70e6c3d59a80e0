-- Opt-outs from optional email (reminders, organiser messages), by address so guests can opt
-- out too; and the organiser messages sent, for the daily limit and the record.
CREATE TABLE unsubscribes (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX unsubscribes_email_kind ON unsubscribes (email, kind);

CREATE TABLE event_messages (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    sent_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    audience TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX event_messages_event ON event_messages (event_id, created_at);
