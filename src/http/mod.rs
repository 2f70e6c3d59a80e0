//! The HTTP side: shared state, the app factory, middleware, health and OpenAPI.

pub mod caching;
pub mod client_ip;
pub mod health;
pub mod input_rules;
pub mod input_schema;
pub mod json;
pub mod metrics;
pub mod openapi;
pub mod pagination;
pub mod problems;
pub mod ratelimit;
pub mod security;
pub mod spreadsheet;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::dev::{Server, Service};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::KeepAlive;
use actix_web::middleware::ErrorHandlers;
use actix_web::{web, App, HttpServer};
use tracing::Instrument;

use crate::auth::tokens::JwtKeys;
use crate::config::Settings;
use crate::db::{AnyConnection, DbPool};
use crate::error::{AppError, AppResult};
use crate::http::client_ip::TrustedProxies;
use crate::http::ratelimit::RateLimits;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
    pub jwt: Arc<JwtKeys>,
    pub requests: Arc<metrics::RequestCounters>,
    pub limits: Arc<RateLimits>,
    pub trusted_proxies: Arc<TrustedProxies>,
    /// Whether `read` may run on the request's own thread (SQLite; see there).
    inline_reads: bool,
}

impl AppState {
    pub fn new(pool: DbPool, settings: Arc<Settings>) -> AppState {
        let jwt = Arc::new(JwtKeys::new(&settings.auth));
        AppState {
            pool,
            jwt,
            requests: Arc::default(),
            limits: Arc::new(RateLimits::new(&settings.limits)),
            trusted_proxies: Arc::new(TrustedProxies::new(&settings.server.trusted_proxies)),
            inline_reads: matches!(
                crate::db::Backend::from_url(&settings.database.url),
                crate::db::Backend::Sqlite(_)
            ),
            settings,
        }
    }

    /// Runs blocking diesel work on the blocking pool, never on an async worker.
    pub async fn db<T, F>(&self, work: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> AppResult<T> + Send + 'static,
    {
        let pool = self.pool.clone();
        let request_id = crate::audit::current_request();
        web::block(move || {
            crate::audit::on_thread(request_id, || {
                let mut conn = pool.get()?;
                work(&mut conn)
            })
        })
        .await?
    }
}

impl AppState {
    /// `db` for short, bounded reads (one event, one page of events). On SQLite, when a pooled
    /// connection is idle, the work runs right here on the request's worker thread: a read
    /// there takes tens of microseconds and never waits for the write lock (WAL), while the
    /// hop to the blocking pool and back cost more than the read itself (futex wake-ups and
    /// context switches were ~30 % of the server's CPU on `GET /api/v1/events/{id}`).
    /// PostgreSQL reads wait on the network, so they, and any read that finds no idle
    /// connection, take the blocking pool as `db` does.
    pub async fn read<T, F>(&self, work: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> AppResult<T> + Send + 'static,
    {
        if self.inline_reads {
            if let Some(mut conn) = self.pool.try_get() {
                let request_id = crate::audit::current_request();
                // As on the blocking pool, a panic fails this request only.
                // One deferred transaction: SQLite takes its read locks (file locks, a WAL read
                // mark) once for all the queries instead of once per statement (~10 % of the
                // CPU of an event detail), and they all read the same snapshot.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    crate::audit::on_thread(request_id, || {
                        diesel::Connection::transaction(&mut *conn, work)
                    })
                }));
                return outcome
                    .unwrap_or_else(|_| Err(AppError::internal(anyhow::anyhow!("read panicked"))));
            }
        }
        self.db(work).await
    }
}

static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Accepts a caller's request id if it is short and printable, so logs across services line up.
fn request_id_from(req: &actix_web::dev::ServiceRequest) -> String {
    req.headers()
        .get(&X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
}

fn blocking_threads(pool_size: u32) -> usize {
    usize::try_from(pool_size.saturating_mul(4)).map_or(512, |n| n.clamp(8, 512))
}

/// Builds and starts the HTTP server on `listener`.
pub fn serve(state: AppState, listener: TcpListener) -> anyhow::Result<Server> {
    let settings = state.settings.clone();
    let blocking_threads = blocking_threads(settings.database.pool_size);
    let server_settings = settings.server.clone();
    let requests = state.requests.clone();
    let data = web::Data::new(state);
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(problems::json_config(settings.server.body_limit_bytes))
            .app_data(web::PayloadConfig::new(settings.server.body_limit_bytes))
            .app_data(problems::path_config())
            .app_data(problems::query_config())
            .wrap(actix_web::middleware::from_fn(problems::refuse_nul))
            // Inside the error handlers, so that a refused preflight is problem+json too.
            .wrap(security::cors(&settings.server.cors_allowed_origins))
            .wrap(ErrorHandlers::new().default_handler(problems::ensure_problem))
            // Outside the error handlers, so that problems get their Cache-Control too.
            .wrap(actix_web::middleware::from_fn(caching::cache_headers))
            .wrap_fn({
                let requests = requests.clone();
                move |req, srv| {
                    let request_id = request_id_from(&req);
                    let span = tracing::info_span!(
                        "request",
                        method = %req.method(),
                        path = %req.path(),
                        request_id = %request_id,
                    );
                    let started = Instant::now();
                    let fut = span.in_scope(|| srv.call(req));
                    let fut = crate::audit::with_request_id(request_id.clone(), fut);
                    let requests = requests.clone();
                    async move {
                        let mut res = fut.await?;
                        requests.record(res.status().as_u16());
                        if let Ok(value) = HeaderValue::from_str(&request_id) {
                            res.headers_mut().insert(X_REQUEST_ID.clone(), value);
                        }
                        tracing::info!(
                            status = res.status().as_u16(),
                            elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
                            "handled"
                        );
                        Ok(res)
                    }
                    .instrument(span)
                }
            })
            // Outermost, so that every answer gets the headers: successes, problems, 404s.
            .wrap_fn(|req, srv| {
                let fut = srv.call(req);
                async move {
                    let mut res = fut.await?;
                    let path = res.request().path().to_owned();
                    security::add_headers(&path, res.headers_mut());
                    Ok(res)
                }
            })
            .configure(health::configure)
            .configure(metrics::configure)
            .configure(openapi::configure)
            .service(
                web::scope("/api/v1")
                    .configure(crate::auth::routes::configure)
                    .configure(crate::audit::routes::configure)
                    .configure(crate::members::routes::configure)
                    .configure(crate::events::routes::configure)
                    .configure(crate::registrations::routes::configure)
                    .configure(crate::notify::routes::configure)
                    .configure(crate::privacy::routes::configure),
            )
            // Last: the pages answer every path the API, docs and probes do not claim.
            .configure(crate::web::configure)
            .default_service(web::to(problems::no_route))
    })
    .shutdown_timeout(server_settings.shutdown_timeout_secs)
    // Database work runs on each worker's blocking pool and waits there for one of
    // `pool_size` connections; tokio's default of 512 threads per worker only added idle
    // threads (and their memory) during a rush. Four per connection keep every connection busy.
    .worker_max_blocking_threads(blocking_threads)
    // A client that trickles its request head or lingers on close must not hold a worker.
    .client_request_timeout(Duration::from_millis(
        server_settings.client_request_timeout_ms,
    ))
    .client_disconnect_timeout(Duration::from_millis(
        server_settings.client_disconnect_timeout_ms,
    ))
    .keep_alive(match server_settings.keep_alive_secs {
        0 => KeepAlive::Disabled,
        secs => KeepAlive::Timeout(Duration::from_secs(secs)),
    });
    if server_settings.workers > 0 {
        server = server.workers(server_settings.workers);
    }
    Ok(server.listen(listener)?.run())
}
