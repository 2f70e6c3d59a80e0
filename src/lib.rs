//! Kolo: membership and events for cultural civil-society organisations and their networks.
//! This crate builds the application; `main.rs` is its command line and the tests use it too.

pub mod audit;
pub mod auth;
pub mod caps;
pub mod config;
pub mod db;
pub mod error;
pub mod events;
pub mod http;
pub mod i18n;
pub mod maintenance;
pub mod members;
pub mod notify;
pub mod privacy;
pub mod registrations;
pub mod types;
pub mod web;

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

use actix_web::dev::{Server, ServerHandle};
use tokio::sync::watch;

use crate::config::Settings;
use crate::db::DbPool;
use crate::http::AppState;
use crate::notify::mailer::Mailer;
use crate::notify::worker::Worker;

/// A configured server, bound to its port but not yet running.
pub struct Application {
    pub addr: SocketAddr,
    pub state: AppState,
    pub mailer: Mailer,
    server: Server,
}

impl Application {
    /// Connects to the database (applying migrations), opens the mail transport and binds.
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let settings = Arc::new(settings);
        let database = settings.database.clone();
        let pool: DbPool = tokio::task::spawn_blocking(move || db::connect(&database)).await??;
        let mailer = Mailer::from_settings(&settings.mail)?;
        let listener = TcpListener::bind(&settings.server.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.server.bind))?;
        let addr = listener.local_addr()?;
        let state = AppState::new(pool, settings);
        let server = http::serve(state.clone(), listener)?;
        Ok(Application {
            addr,
            state,
            mailer,
            server,
        })
    }

    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until the server stops (SIGTERM, Ctrl-C or a handle), letting in-flight requests
    /// finish, then stops the mail worker after the batch it holds.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop_worker, stopped) = watch::channel(false);
        let worker = self.state.settings.worker.enabled.then(|| {
            let worker = Worker::new(
                self.state.pool.clone(),
                self.state.settings.clone(),
                self.mailer.clone(),
            );
            tokio::spawn(worker.run(stopped))
        });
        let served = self.server.await;
        let _ = stop_worker.send(true);
        if let Some(worker) = worker {
            let _ = worker.await;
        }
        Ok(served?)
    }
}
