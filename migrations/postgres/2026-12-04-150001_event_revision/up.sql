-- The event's iCalendar revision (SEQUENCE, RFC 5545 §3.8.7.4): raised once for every
-- invitation or withdrawal sent about the event, so each later message supersedes the earlier
-- ones in people's calendars. A counter, not a clock: it never leaves RFC 5545's 32-bit range.
ALTER TABLE events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
