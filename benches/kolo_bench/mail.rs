//! The outbox drain: queue N emails, start a server with the mail worker on and the SMTP
//! transport pointed at the local sink, and time the first to the last message received.

use std::time::{Duration, Instant};

use kolo::db::DbPool;

use crate::report::Row;
use crate::server::{Launch, Server};
use crate::smtp::Sink;

pub struct Drain {
    pub row: Row,
    pub peak_rss_mib: f64,
    pub note: String,
}

/// One drain of `emails` messages with an SMTP pool of `pool_size` connections.
pub async fn drain(
    launch: &Launch,
    pool: &DbPool,
    sink: &Sink,
    emails: usize,
    pool_size: u32,
) -> anyhow::Result<Drain> {
    let queue_pool = pool.clone();
    let tag = format!("p{pool_size}");
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut conn = queue_pool.get()?;
        crate::dataset::queue_emails(&mut conn, emails, &tag)
    })
    .await??;
    sink.reset();
    let load1 = crate::server::loadavg()[0];
    let server = Server::start(launch, "/readyz").await?;
    let cpu = server.cpu_secs();
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
    let used = server.cpu_secs() - cpu;
    let peak_rss_mib = server.peak_rss_mib();
    server.stop()?;
    let rate = count as f64 / span.max(1e-6);
    let row = Row {
        scenario: format!("outbox drain, SMTP pool {pool_size}"),
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
        "outbox, SMTP pool {pool_size}: {count}/{emails} emails (30 s limit) in {span:.2} s ({rate:.0}/s) over {connections} SMTP connection(s)"
    );
    Ok(Drain {
        row,
        peak_rss_mib,
        note,
    })
}
