//! `/metrics` in the Prometheus text format: request counts by status class (this instance)
//! and the outbox (shared by all instances, read from the database).

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use actix_web::{web, HttpResponse};

use crate::error::AppResult;
use crate::http::AppState;

/// Requests answered, by status class (index 0 = 1xx … 4 = 5xx).
#[derive(Debug, Default)]
pub struct RequestCounters([AtomicU64; 5]);

impl RequestCounters {
    pub fn record(&self, status: u16) {
        let class = usize::from(status / 100).clamp(1, 5) - 1;
        self.0[class].fetch_add(1, Ordering::Relaxed);
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/metrics").get(metrics));
}

pub async fn metrics(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let stats = state
        .db(|conn| Ok(crate::notify::admin::stats(conn)?))
        .await?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# HELP kolo_http_requests_total Requests answered by this instance, by status class."
    );
    let _ = writeln!(out, "# TYPE kolo_http_requests_total counter");
    for (i, counter) in state.requests.0.iter().enumerate() {
        let _ = writeln!(
            out,
            "kolo_http_requests_total{{class=\"{}xx\"}} {}",
            i + 1,
            counter.load(Ordering::Relaxed)
        );
    }
    let _ = writeln!(out, "# HELP kolo_outbox_messages Outbox messages by state.");
    let _ = writeln!(out, "# TYPE kolo_outbox_messages gauge");
    for (label, value) in [
        ("queued", stats.pending),
        ("failed", stats.failed),
        ("sent", stats.sent),
        ("dead", stats.dead),
    ] {
        let _ = writeln!(out, "kolo_outbox_messages{{state=\"{label}\"}} {value}");
    }
    let _ = writeln!(
        out,
        "# HELP kolo_outbox_oldest_due_age_seconds How long the oldest due message has waited."
    );
    let _ = writeln!(out, "# TYPE kolo_outbox_oldest_due_age_seconds gauge");
    let _ = writeln!(
        out,
        "kolo_outbox_oldest_due_age_seconds {:.3}",
        stats.oldest_due_age_secs
    );
    let pool = state.pool.state();
    let _ = writeln!(out, "# HELP kolo_db_connections Database pool connections.");
    let _ = writeln!(out, "# TYPE kolo_db_connections gauge");
    let _ = writeln!(
        out,
        "kolo_db_connections{{state=\"open\"}} {}",
        pool.connections
    );
    let _ = writeln!(
        out,
        "kolo_db_connections{{state=\"idle\"}} {}",
        pool.idle_connections
    );
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(out))
}
