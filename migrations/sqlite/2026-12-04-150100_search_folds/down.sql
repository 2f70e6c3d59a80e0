DROP TABLE search_fold;
DROP INDEX events_city_fold;
ALTER TABLE events DROP COLUMN city_fold;
ALTER TABLE people DROP COLUMN search_text;
ALTER TABLE organisations DROP COLUMN search_text;
