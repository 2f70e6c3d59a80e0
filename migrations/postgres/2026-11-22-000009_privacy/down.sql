ALTER TABLE registrations DROP COLUMN anonymised_at;
ALTER TABLE people DROP COLUMN anonymised_at;
