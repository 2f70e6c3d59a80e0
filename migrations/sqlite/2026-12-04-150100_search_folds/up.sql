-- Folded search columns (lower case in every alphabet, Cyrillic in Latin letters, no
-- diacritics; see src/i18n/fold.rs). SQL cannot compute the fold (SQLite's lower() is
-- ASCII-only), so the code writes them with each row, and at start-up, under the migration
-- lock, rewrites every stored fold whenever search_fold.version is behind the code's version:
-- the rows that exist when this migration runs are filled in that way.
ALTER TABLE organisations ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN city_fold TEXT;
CREATE INDEX events_city_fold ON events (city_fold);

CREATE TABLE search_fold (
    version INTEGER NOT NULL
);
INSERT INTO search_fold (version) VALUES (0);
