//! The connection pool: per-connection settings, the SQLite file's journal mode, and the
//! migrations every start applies before the pool is handed out.

use std::path::Path;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};
use diesel::{Connection, SqliteConnection};

use crate::config::DatabaseSettings;
use crate::db::{migrate, AnyConnection, Backend, DbPool};

/// Applied to every new pooled connection. SQLite settings are per connection, so they are
/// set here rather than once.
#[derive(Debug, Clone, Copy)]
struct ConnectionSetup {
    busy_timeout_ms: u64,
}

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        if let AnyConnection::Sqlite(conn) = conn {
            // NORMAL is durable across process crashes in WAL mode (set once for the file by
            // `use_wal`), and busy_timeout makes writers queue instead of failing.
            conn.batch_execute(&format!(
                "PRAGMA busy_timeout = {}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                self.busy_timeout_ms
            ))
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// Puts the SQLite file in WAL mode (readers run beside the one writer), from one connection
/// before the pool opens its own. The mode is stored in the file, so this is needed once; done
/// by every pooled connection as it opened, the pool's parallel connections on a new file
/// raced to switch it, and the losers failed at once with "database is locked" (each held the
/// shared lock the others needed to give up: SQLite does not wait out that deadlock), which
/// r2d2 logged as an ERROR before retrying. Another process starting on the same new file
/// can still race this one connection, so a busy answer is retried briefly.
fn use_wal(path: &str, busy_timeout_ms: u64) -> anyhow::Result<()> {
    let mut conn = SqliteConnection::establish(path)?;
    conn.batch_execute(&format!("PRAGMA busy_timeout = {busy_timeout_ms};"))?;
    let mut attempts = 0;
    loop {
        match conn.batch_execute("PRAGMA journal_mode = WAL;") {
            Err(diesel::result::Error::DatabaseError(_, info))
                if attempts < 50 && info.message().contains("locked") =>
            {
                attempts += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            outcome => return Ok(outcome?),
        }
    }
}

/// Builds the pool and applies pending migrations.
pub fn connect(settings: &DatabaseSettings) -> anyhow::Result<DbPool> {
    connect_reporting(settings, Box::new(diesel::r2d2::LoggingErrorHandler))
}

/// `connect`, with the pool's connection errors (logged as errors by default) sent to
/// `errors`.
fn connect_reporting(
    settings: &DatabaseSettings,
    errors: Box<dyn diesel::r2d2::HandleError<diesel::r2d2::Error>>,
) -> anyhow::Result<DbPool> {
    let backend = Backend::from_url(&settings.url);
    let url = match &backend {
        Backend::Sqlite(path) => {
            if let Some(dir) = Path::new(path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
            {
                std::fs::create_dir_all(dir)?;
            }
            use_wal(path, settings.busy_timeout_ms)?;
            path.clone()
        }
        Backend::Postgres(url) => url.clone(),
    };
    let manager = ConnectionManager::<AnyConnection>::new(url);
    let pool = Pool::builder()
        .max_size(settings.pool_size)
        // A checkout test is a `SELECT 1` per request. A SQLite connection is an open file and
        // cannot go stale; a PostgreSQL one can (server restart, proxy), and the test lets the
        // pool replace it instead of failing a request.
        .test_on_check_out(matches!(backend, Backend::Postgres(_)))
        .connection_timeout(Duration::from_millis(settings.connect_timeout_ms))
        .connection_customizer(Box::new(ConnectionSetup {
            busy_timeout_ms: settings.busy_timeout_ms,
        }))
        .error_handler(errors)
        .build(manager)?;
    let mut conn = pool.get()?;
    migrate(&mut conn)?;
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    /// The pool's connection errors, which r2d2 would log.
    #[derive(Debug, Clone, Default)]
    struct Errors(Arc<Mutex<Vec<String>>>);

    impl diesel::r2d2::HandleError<diesel::r2d2::Error> for Errors {
        fn handle_error(&self, error: diesel::r2d2::Error) {
            self.0.lock().unwrap().push(error.to_string());
        }
    }

    #[test]
    fn a_new_sqlite_file_opens_without_connection_errors() {
        // The race was lost in about one start in twenty with 16 connections.
        let errors = Errors::default();
        for _ in 0..60 {
            let dir = tempfile::tempdir().unwrap();
            let settings = crate::config::DatabaseSettings {
                url: dir.path().join("kolo.db").display().to_string(),
                pool_size: 16,
                connect_timeout_ms: 10_000,
                busy_timeout_ms: 5_000,
            };
            let pool = super::connect_reporting(&settings, Box::new(errors.clone())).unwrap();
            let mut conn = pool.get().unwrap();
            let mode: Vec<String> = diesel::RunQueryDsl::load(
                diesel::dsl::sql::<diesel::sql_types::Text>("PRAGMA journal_mode"),
                &mut *conn,
            )
            .unwrap();
            assert_eq!(mode, ["wal"]);
        }
        assert_eq!(*errors.0.lock().unwrap(), Vec::<String>::new());
    }
}
