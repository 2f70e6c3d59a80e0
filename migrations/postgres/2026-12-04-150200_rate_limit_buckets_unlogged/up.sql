-- The shared abuse-limit buckets need no crash safety: UNLOGGED, a check waits for no WAL
-- flush, and all a crash can cost is budgets that start afresh.
ALTER TABLE rate_limit_buckets SET UNLOGGED;
