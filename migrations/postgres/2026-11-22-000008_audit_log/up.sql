-- Who did what to which staff-managed object, and when: written in the transaction of the
-- action itself, so an action that rolls back leaves no entry. `before` and `after` hold the
-- changed fields as JSON text, never secrets. A null organisation marks a platform-level
-- action; a null actor, one taken by the system.
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    actor_person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    request_id TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (organisation_id, id);
