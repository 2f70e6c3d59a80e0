//! The cost of the abuse-limit check on the login path (the per-IP and the per-account budget),
//! in-process against the bench's own database: counters in memory on SQLite, one statement per
//! budget on PostgreSQL (shared by every instance). A login's argon2 hash costs tens of
//! milliseconds; this is what the check adds in front of it.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use kolo::config::Settings;
use kolo::db::DbPool;
use kolo::http::ratelimit::{Action, RateLimits};

use crate::load::Stats;
use crate::report::Row;

/// Concurrent callers, like a handful of login requests in flight at once.
const TASKS: usize = 8;

pub async fn login_checks(
    pool: &DbPool,
    settings: &Settings,
    postgres: bool,
    warmup: Duration,
    duration: Duration,
) -> anyhow::Result<Row> {
    let mut limits = settings.limits.clone();
    limits.enabled = true;
    // Budgets that are never spent: every check is measured to the end (both budgets).
    limits.login_per_ip_per_minute = u32::MAX;
    limits.login_per_account_per_hour = u32::MAX;
    let limiter = Arc::new(RateLimits::new(&limits, postgres.then(|| pool.clone())));
    let started = Instant::now();
    let measure_from = started + warmup;
    let until = measure_from + duration;
    let mut tasks = Vec::new();
    for task in 0..TASKS {
        let limiter = limiter.clone();
        tasks.push(tokio::spawn(async move {
            let (mut latencies, mut errors, mut n) = (Vec::new(), 0u64, 0u32);
            loop {
                let at = Instant::now();
                if at >= until {
                    break;
                }
                n = n.wrapping_add(1);
                // Many clients and accounts, as in a real storm: new rows and updates alike.
                let ip = IpAddr::V4(Ipv4Addr::from(
                    0x0a00_0000 | (n % 50_000) << 3 | task as u32,
                ));
                let account = format!("bench-{task}-{}@example.org", n % 5_000);
                let outcome = limiter.check(Action::Login, ip, Some(&account)).await;
                if at >= measure_from {
                    latencies.push(u32::try_from(at.elapsed().as_micros()).unwrap_or(u32::MAX));
                    errors += u64::from(outcome.is_err());
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies_us = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (l, e) = task.await?;
        latencies_us.extend(l);
        errors += e;
    }
    latencies_us.sort_unstable();
    let stats = Stats {
        requests: latencies_us.len() as u64,
        errors,
        elapsed: duration,
        latencies_us,
    };
    let how = format!(
        "{TASKS} callers in-process, {} s after {} s warm-up; {}",
        duration.as_secs(),
        warmup.as_secs(),
        if postgres {
            "two upserts on PostgreSQL (shared by all instances)"
        } else {
            "in memory (governor)"
        }
    );
    Ok(Row::from_stats(
        "login limit check (per IP + per account)",
        how,
        &stats,
    ))
}
