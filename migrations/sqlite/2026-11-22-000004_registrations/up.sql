-- Registrations of people or guests, the event's questions, and idempotency records.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    guest_name TEXT,
    guest_email TEXT,
    -- set when a representative registers on behalf of a member organisation
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    registered_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    -- waitlist order; positions are derived from it so they are always contiguous
    waitlisted_at TIMESTAMP,
    code TEXT NOT NULL,
    -- JSON object: question id -> answer
    answers TEXT NOT NULL DEFAULT '{}',
    locale TEXT NOT NULL,
    confirm_token_hash TEXT,
    confirm_expires_at TIMESTAMP,
    checked_in_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX registrations_code ON registrations (code);
CREATE UNIQUE INDEX registrations_confirm_token ON registrations (confirm_token_hash);
-- One live registration per person (or guest email) and event.
CREATE UNIQUE INDEX registrations_live_person ON registrations (event_id, person_id)
    WHERE status IN ('pending', 'confirmed', 'waitlisted') AND person_id IS NOT NULL;
CREATE UNIQUE INDEX registrations_live_guest ON registrations (event_id, guest_email)
    WHERE status IN ('pending', 'confirmed', 'waitlisted') AND guest_email IS NOT NULL;
CREATE INDEX registrations_event_status ON registrations (event_id, status, waitlisted_at);
CREATE INDEX registrations_person ON registrations (person_id);

CREATE TABLE event_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    -- JSON object: locale -> label
    label TEXT NOT NULL,
    -- JSON array of {key, label: {locale -> text}}
    choices TEXT NOT NULL DEFAULT '[]',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX event_questions_event ON event_questions (event_id, position);

CREATE TABLE idempotency_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX idempotency_keys_unique ON idempotency_keys (person_id, idempotency_key);
