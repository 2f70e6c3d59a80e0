DROP TABLE outbox;
DROP TABLE refresh_tokens;
DROP TABLE email_tokens;
DROP TABLE people;
