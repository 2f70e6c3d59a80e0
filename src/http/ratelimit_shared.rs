//! Abuse-limit budgets kept in the database, for instances that share one PostgreSQL: each
//! instance counting on its own would give a client N times every budget behind N instances.
//!
//! The same generic cell rate algorithm as the in-memory limiter (a burst of N that refills
//! evenly over the window), one row per bucket: `tat_us` is the theoretical arrival time of
//! the next request. A request is allowed when, after it, `tat` would be at most one window
//! ahead of now; then `tat` moves on by one interval. One statement per check, atomic under the
//! row lock of `INSERT … ON CONFLICT DO UPDATE`, so concurrent checks on any instance count
//! exactly. A row whose `tat` has passed says nothing a missing row would not: the sweep drops
//! them (`purge`).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};
use sha2::{Digest, Sha256};

use crate::db::schema::rate_limit_buckets;
use crate::db::AnyConnection;

/// One check, on PostgreSQL (the dialect lives here, in one place). `$4` is the window: the
/// burst of N at one interval each.
const TAKE: &str = "INSERT INTO rate_limit_buckets AS b (bucket, tat_us, allowed) \
     VALUES ($1, $2 + $3, TRUE) \
     ON CONFLICT (bucket) DO UPDATE SET \
       allowed = GREATEST(b.tat_us, $2) + $3 - $2 <= $4, \
       tat_us = CASE WHEN GREATEST(b.tat_us, $2) + $3 - $2 <= $4 \
                     THEN GREATEST(b.tat_us, $2) + $3 ELSE b.tat_us END \
     RETURNING allowed, tat_us";

#[derive(QueryableByName)]
struct Taken {
    #[diesel(sql_type = Bool)]
    allowed: bool,
    #[diesel(sql_type = BigInt)]
    tat_us: i64,
}

/// A budget: `burst` requests, one more every `interval_us`.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub burst: u32,
    pub interval_us: i64,
}

/// The stored name of a bucket: a hash, so the table never holds an address or an email.
pub fn bucket(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Counts one request against `bucket` at `now_us`: `Ok(Err(seconds to wait))` when the budget
/// is spent. Only PostgreSQL shares budgets; on SQLite every request passes here (its budgets
/// are in memory and this is never called).
pub fn take(
    conn: &mut AnyConnection,
    bucket: &str,
    budget: Budget,
    now_us: i64,
) -> QueryResult<Result<(), u64>> {
    let AnyConnection::Postgresql(pg) = conn else {
        return Ok(Ok(()));
    };
    let window_us = budget
        .interval_us
        .saturating_mul(i64::from(budget.burst.max(1)));
    let taken: Taken = diesel::sql_query(TAKE)
        .bind::<Text, _>(bucket)
        .bind::<BigInt, _>(now_us)
        .bind::<BigInt, _>(budget.interval_us)
        .bind::<BigInt, _>(window_us)
        .get_result(pg)?;
    if taken.allowed {
        return Ok(Ok(()));
    }
    // Refused: the next request fits once `tat + interval - window` has passed.
    let wait_us = (taken.tat_us + budget.interval_us - window_us - now_us).max(1);
    let wait_us = u64::try_from(wait_us).unwrap_or(1);
    // Retry-After is whole seconds; rounding down would invite a retry that fails.
    Ok(Err(wait_us.div_ceil(1_000_000)))
}

/// Drops the buckets that have refilled completely. Returns how many.
pub fn purge(conn: &mut AnyConnection, now_us: i64) -> QueryResult<usize> {
    if let AnyConnection::Sqlite(_) = conn {
        return Ok(0); // never written on SQLite: no need to take its write lock
    }
    diesel::delete(rate_limit_buckets::table.filter(rate_limit_buckets::tat_us.lt(now_us)))
        .execute(conn)
}
