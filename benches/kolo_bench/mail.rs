//! The outbox drain: queue N emails, start the servers with the mail worker on and the SMTP
//! transport pointed at the local sink, and time the first to the last message received.

use std::time::{Duration, Instant};

use kolo::db::DbPool;

use crate::report::Row;
use crate::server::{Launch, Server};
use crate::smtp::Sink;

pub struct Drain {
    pub name: String,
    pub row: Row,
    pub peak_rss_mib: f64,
    pub note: String,
}

/// One drain of `emails` messages by the servers of `launches`, each with an SMTP pool of
/// `pool_size` connections, reused for message after message or not.
pub async fn drain(
    launches: &[Launch],
    pool: &DbPool,
    sink: &Sink,
    emails: usize,
    pool_size: u32,
    reuse: bool,
) -> anyhow::Result<Drain> {
    let clear_pool = pool.clone();
    tokio::task::spawn_blocking(move || crate::dataset::clear_outbox(&mut *clear_pool.get()?))
        .await??;
    let load1 = crate::server::loadavg()[0];
    let mut servers = Vec::with_capacity(launches.len());
    for launch in launches {
        servers.push(Server::start(launch, "/readyz").await?);
    }
    let cpu_of = |servers: &[Server]| servers.iter().map(Server::cpu_secs).sum::<f64>();
    sink.reset();
    let cpu = cpu_of(&servers);
    // Queued once every worker runs, so that all of them share the drain.
    let queue_pool = pool.clone();
    let tag = format!("p{pool_size}{}", if reuse { "" } else { "n" });
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut conn = queue_pool.get()?;
        crate::dataset::queue_emails(&mut conn, emails, &tag)
    })
    .await??;
    let started = Instant::now();
    // Bounded: a slow drain is reported as what arrived in 30 s (the rest count as errors).
    let deadline = started + Duration::from_secs(30);
    loop {
        let (count, _, _) = sink.snapshot();
        if count >= emails || Instant::now() >= deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (count, span, connections) = sink.snapshot();
    let used = cpu_of(&servers) - cpu;
    let peak_rss_mib = servers.iter().map(Server::peak_rss_mib).fold(0.0, f64::max);
    for server in servers {
        server.stop()?;
    }
    let name = match (reuse, launches.len()) {
        (true, 1) => format!("outbox drain, SMTP pool {pool_size}"),
        (false, 1) => format!("outbox drain, {pool_size} at once, a connection per message"),
        (true, n) => format!("outbox drain, {n} instances × SMTP pool {pool_size}"),
        (false, n) => {
            format!("outbox drain, {n} instances × {pool_size} at once, a connection per message")
        }
    };
    let rate = count as f64 / span.max(1e-6);
    let row = Row {
        scenario: name.clone(),
        how: format!("{emails} queued emails → local SMTP sink; first to last received"),
        requests: count as u64,
        rate,
        p50_ms: None,
        p99_ms: None,
        errors: emails.saturating_sub(count) as u64,
        versus: None,
        ratio: None,
        server_cpu_pct: Some(100.0 * used / started.elapsed().as_secs_f64()),
        load1,
    };
    let note = format!(
        "{name}: {count}/{emails} emails (30 s limit) in {span:.2} s ({rate:.0}/s) over {connections} SMTP connection(s)"
    );
    Ok(Drain {
        name,
        row,
        peak_rss_mib,
        note,
    })
}
