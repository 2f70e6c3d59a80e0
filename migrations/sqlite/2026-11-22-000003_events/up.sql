-- Events (a conference's sessions are events with a parent), their content per locale, partners.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES events (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    timezone TEXT NOT NULL,
    venue_name TEXT,
    address TEXT,
    city TEXT,
    country TEXT,
    online_url TEXT,
    -- NULL = unlimited. seats_taken only moves by conditional updates (see registrations).
    capacity INTEGER,
    seats_taken INTEGER NOT NULL DEFAULT 0,
    waitlist_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    visibility TEXT NOT NULL,
    default_locale TEXT NOT NULL,
    guests_allowed BOOLEAN NOT NULL DEFAULT FALSE,
    seats_per_organisation INTEGER,
    -- JSON array of hours before the start; NULL = the configured default
    reminder_offsets_hours TEXT,
    cancel_reason TEXT,
    published_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    created_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (seats_taken >= 0),
    CHECK (capacity IS NULL OR seats_taken <= capacity)
);
CREATE INDEX events_status_start ON events (status, starts_at);
CREATE INDEX events_org ON events (organisation_id, starts_at);
CREATE INDEX events_parent ON events (parent_id, starts_at);

CREATE TABLE event_contents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT,
    summary TEXT,
    description TEXT,
    -- lower-cased title and summary, folded in Rust so search is case-insensitive beyond ASCII
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX event_contents_event_locale ON event_contents (event_id, locale);
CREATE INDEX event_contents_locale ON event_contents (locale);

CREATE TABLE event_partners (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX event_partners_unique ON event_partners (event_id, organisation_id, role);
