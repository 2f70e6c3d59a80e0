DROP TABLE idempotency_keys;
DROP TABLE event_questions;
DROP TABLE registrations;
