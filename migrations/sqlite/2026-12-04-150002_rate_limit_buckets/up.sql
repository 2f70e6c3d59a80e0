-- Abuse-limit budgets shared by every instance over one PostgreSQL database (a generic cell
-- rate algorithm per bucket: `tat_us` is the theoretical arrival time of the next request, in
-- microseconds since 1970; `allowed` is the answer to the last check). Bucket names are hashes,
-- never an address or an email. SQLite instances keep their budgets in memory: the table is
-- there, and stays empty.
CREATE TABLE rate_limit_buckets (
    bucket TEXT PRIMARY KEY NOT NULL,
    tat_us BIGINT NOT NULL,
    allowed BOOLEAN NOT NULL
);
