-- The organisation an email speaks for, so a host's staff see (and retry) their own
-- undelivered email on the dashboard. Older rows and account emails have none.
ALTER TABLE outbox ADD COLUMN organisation_id BIGINT REFERENCES organisations (id) ON DELETE SET NULL;
CREATE INDEX outbox_host_status ON outbox (organisation_id, status);
