-- Erasure and retention (GDPR): an erased account keeps its row, so past registrations and
-- memberships still count, but nothing in it names the person any more. The marker also makes
-- every access token of that person stop working at once. A registration past the retention
-- period is stripped of its personal data the same way, once.
ALTER TABLE people ADD COLUMN anonymised_at TIMESTAMP;
ALTER TABLE registrations ADD COLUMN anonymised_at TIMESTAMP;
