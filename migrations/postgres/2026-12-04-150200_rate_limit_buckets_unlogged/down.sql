ALTER TABLE rate_limit_buckets SET LOGGED;
