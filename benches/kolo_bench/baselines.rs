//! The limits Kolo is compared with, measured in the same run: a bare actix-web JSON handler
//! (the framework), single-row insert transactions through diesel (the storage), and on
//! PostgreSQL `pgbench -b simple-update` when it is installed.

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpResponse, HttpServer};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use kolo::config::DatabaseSettings;
use kolo::db::{write_tx, AnyConnection};

use crate::load::Stats;

/// `kolo-bench bare-json --port N`: a server with one handler returning a small JSON object,
/// with actix-web's defaults (one worker per core), like `kolo serve`.
pub fn serve_bare_json(port: u16) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(|| {
            App::new()
                .route("/healthz", web::get().to(HttpResponse::Ok))
                .route(
                    "/json",
                    web::get().to(|| async {
                        HttpResponse::Ok().json(serde_json::json!({
                            "id": 1, "title": "Hello, world", "status": "published"
                        }))
                    }),
                )
        })
        .bind(("127.0.0.1", port))?
        .run()
        .await?;
        Ok(())
    })
}

diesel::table! {
    bench_insert (id) {
        id -> BigInt,
        n -> BigInt,
        note -> Text,
        created_at -> Timestamp,
    }
}

/// Single-row insert transactions (`BEGIN IMMEDIATE` on SQLite, as Kolo writes) from
/// `threads` threads, each with its own pooled connection, for `duration`.
pub fn storage_inserts(url: &str, threads: usize, duration: Duration) -> anyhow::Result<Stats> {
    let pool = kolo::db::connect(&DatabaseSettings {
        url: url.to_owned(),
        pool_size: u32::try_from(threads.max(1))?,
        connect_timeout_ms: 5_000,
        busy_timeout_ms: 5_000,
    })?;
    {
        let mut conn = pool.get()?;
        let create = match &*conn {
            AnyConnection::Sqlite(_) => {
                "CREATE TABLE IF NOT EXISTS bench_insert (id INTEGER PRIMARY KEY, n BIGINT NOT NULL, \
                 note TEXT NOT NULL, created_at TIMESTAMP NOT NULL)"
            }
            AnyConnection::Postgresql(_) => {
                "CREATE TABLE IF NOT EXISTS bench_insert (id BIGSERIAL PRIMARY KEY, n BIGINT NOT NULL, \
                 note TEXT NOT NULL, created_at TIMESTAMP NOT NULL)"
            }
        };
        conn.batch_execute(create)?;
    }
    let start = Instant::now();
    let stop_at = start + duration;
    let pool = Arc::new(pool);
    let handles: Vec<_> = (0..threads.max(1))
        .map(|t| {
            let pool = pool.clone();
            std::thread::spawn(move || -> anyhow::Result<(u64, u64, Vec<u32>)> {
                let mut conn = pool.get()?;
                let (mut ok, mut errors, mut lat) = (0u64, 0u64, Vec::new());
                let mut n = 0i64;
                while Instant::now() < stop_at {
                    n += 1;
                    let sent = Instant::now();
                    let outcome = write_tx(&mut conn, |conn| {
                        diesel::insert_into(bench_insert::table)
                            .values((
                                bench_insert::n.eq(n),
                                bench_insert::note.eq(format!("thread {t} row {n}")),
                                bench_insert::created_at.eq(kolo::db::now()),
                            ))
                            .execute(conn)
                    });
                    match outcome {
                        Ok(_) => ok += 1,
                        Err(_) => errors += 1,
                    }
                    lat.push(u32::try_from(sent.elapsed().as_micros()).unwrap_or(u32::MAX));
                }
                Ok((ok, errors, lat))
            })
        })
        .collect();
    let mut stats = Stats::default();
    for handle in handles {
        let (ok, errors, lat) = handle
            .join()
            .map_err(|_| anyhow::anyhow!("an insert thread panicked"))??;
        stats.requests += ok + errors;
        stats.errors += errors;
        stats.latencies_us.extend(lat);
    }
    stats.elapsed = start.elapsed();
    stats.latencies_us.sort_unstable();
    let mut conn = pool.get()?;
    conn.batch_execute("DROP TABLE bench_insert")?;
    Ok(stats)
}

/// `pgbench -b simple-update` against the scratch database: (TPS, how it was run), or None
/// when pgbench is not on the PATH.
pub fn pgbench(url: &str, clients: usize, secs: u64) -> anyhow::Result<Option<(f64, String)>> {
    let Ok(init) = Command::new("pgbench")
        .args(["-i", "-s", "1", "-q", url])
        .output()
    else {
        return Ok(None);
    };
    anyhow::ensure!(
        init.status.success(),
        "pgbench -i failed: {}",
        String::from_utf8_lossy(&init.stderr)
    );
    let how = format!("pgbench -b simple-update -c {clients} -j 2 -T {secs} (scale 1)");
    let run = Command::new("pgbench")
        .args(["-b", "simple-update", "-c", &clients.to_string(), "-j", "2"])
        .args(["-T", &secs.to_string(), url])
        .output()?;
    anyhow::ensure!(
        run.status.success(),
        "pgbench failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = String::from_utf8_lossy(&run.stdout);
    let tps = out
        .lines()
        .filter(|l| l.starts_with("tps = "))
        .filter_map(|l| {
            l.trim_start_matches("tps = ")
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .next_back()
        .ok_or_else(|| anyhow::anyhow!("no tps in pgbench output:\n{out}"))?;
    Ok(Some((tps, how)))
}
