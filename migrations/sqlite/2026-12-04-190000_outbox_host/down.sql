DROP INDEX outbox_host_status;
ALTER TABLE outbox DROP COLUMN organisation_id;
