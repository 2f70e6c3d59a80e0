-- PostgreSQL makes rate_limit_buckets UNLOGGED here (no WAL flush per check). SQLite has no
-- such tables, and keeps its budgets in memory: nothing to do.
SELECT 1;
