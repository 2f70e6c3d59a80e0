//! The database: one `AnyConnection` over SQLite (embedded default) or PostgreSQL (scale-out),
//! picked at run time from the URL. Queries are written once against it; the few places where
//! the dialects differ (pragmas, `BEGIN IMMEDIATE`) match on the variant here and nowhere else.

pub mod in_list;
mod pool;
pub mod refold;
pub mod schema;

pub use pool::connect;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::r2d2::{ConnectionManager, Pool, PooledConnection};
use diesel::{Connection, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<ConnectionManager<AnyConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<AnyConnection>>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Runs `$body` with `$c` bound to the backend's own connection (`SqliteConnection` or
/// `PgConnection`), for hot read queries. Through the multi-backend connection every query is
/// wrapped in a type without a static query id, so diesel renders its SQL text on each call to
/// find the cached statement (a third of a 30-column primary-key read); on the backend's own
/// connection a query with a static id is looked up by type, and its rows decode without the
/// multi-backend row wrapper.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::AnyConnection::Sqlite($c) => $body,
            $crate::db::AnyConnection::Postgresql($c) => $body,
        }
    };
}

/// Which backend a URL selects, and the string diesel wants for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Postgres(String),
    /// A file path (its folder is created on start).
    Sqlite(String),
}

impl Backend {
    pub fn from_url(url: &str) -> Backend {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres(url.to_owned())
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            Backend::Sqlite(path.strip_prefix("sqlite:").unwrap_or(path).to_owned())
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Backend::Postgres(_) => "postgresql",
            Backend::Sqlite(_) => "sqlite",
        }
    }

    /// The URL with any password removed, for logs and the start-up banner.
    pub fn display(&self) -> String {
        match self {
            Backend::Sqlite(path) => format!("sqlite://{path}"),
            Backend::Postgres(url) => match (url.find("://"), url.rfind('@')) {
                (Some(scheme_end), Some(at)) if at > scheme_end => {
                    let userinfo = &url[scheme_end + 3..at];
                    let user = userinfo.split(':').next().unwrap_or_default();
                    format!("{}{}@{}", &url[..scheme_end + 3], user, &url[at + 1..])
                }
                _ => url.clone(),
            },
        }
    }
}

/// Applies every pending migration of the connection's backend. Several instances may start
/// at once against a new database: each first takes a lock that spans all the migrations
/// (PostgreSQL: a session advisory lock; SQLite: the write lock), so one applies them and the
/// others, waiting, then find none pending instead of failing on tables that now exist.
pub fn migrate(conn: &mut AnyConnection) -> anyhow::Result<()> {
    fn run(conn: &mut AnyConnection) -> anyhow::Result<Vec<String>> {
        let versions = match conn {
            AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
            AnyConnection::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        };
        let versions: Vec<String> = versions
            .map(|v| v.iter().map(ToString::to_string).collect())
            .map_err(|e| anyhow::anyhow!("applying migrations: {e}"))?;
        // The folds only Rust can write, for rows the migrations just gave a folded column.
        if let Some(rows) = conn
            .transaction(refold::refold_if_stale)?
            .filter(|n| *n > 0)
        {
            tracing::info!(rows, "rewrote the stored search folds");
        }
        Ok(versions)
    }
    let applied = match conn {
        AnyConnection::Postgresql(c) => {
            c.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
            let outcome = run(conn);
            if let AnyConnection::Postgresql(c) = conn {
                c.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))?;
            }
            outcome?
        }
        // Each migration's own transaction becomes a savepoint inside this write transaction.
        AnyConnection::Sqlite(_) => write_tx(conn, run)?,
    };
    for version in applied {
        tracing::info!(%version, "applied migration");
    }
    Ok(())
}

/// The PostgreSQL advisory lock key that serialises migrations ("kolo" in ASCII).
const MIGRATION_LOCK: i64 = 0x6b6f_6c6f;

/// Held by this process's SQLite writer for the length of its transaction (see `write_tx`).
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` in a write transaction. On SQLite it starts with `BEGIN IMMEDIATE`, so the write
/// lock is taken up front: a deferred transaction that reads and then writes can fail with
/// SQLITE_BUSY without waiting, while an immediate one queues behind the busy timeout.
/// Nested `conn.transaction` calls inside `f` become savepoints as usual.
pub fn write_tx<T, E>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let AnyConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(f);
    };
    // Writers of this process queue here and are woken the moment the lock is free, instead of
    // in SQLite's busy handler, which sleeps up to 100 ms between retries and so leaves the
    // write lock idle while hundreds of registrations wait (a rush). `busy_timeout` still covers
    // other processes. Poisoning only means an earlier writer panicked; the lock guards no data.
    let _writer = SQLITE_WRITER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    let outcome = f(conn);
    let AnyConnection::Sqlite(sqlite) = conn else {
        unreachable!("the connection's backend cannot change inside a transaction")
    };
    match outcome {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(sqlite)?;
            Ok(value)
        }
        Err(err) => {
            AnsiTransactionManager::rollback_transaction(sqlite)?;
            Err(err)
        }
    }
}

/// The current time as stored: UTC, microsecond precision (what both backends keep).
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    chrono::DurationRound::duration_trunc(now, chrono::Duration::microseconds(1)).unwrap_or(now)
}

/// The columns of a row struct as a plain tuple, for `.returning(columns_of::<Row>())`.
/// diesel's `as_returning()` ties the clause to one backend, which the multi-backend connection
/// cannot render; a column tuple renders on both.
pub fn columns_of<T: diesel::Selectable<MultiBackend>>() -> T::SelectExpression {
    T::construct_selection()
}

/// Whether a diesel error is a unique-constraint violation (the portable answer to "already
/// exists", since the multi-backend connection has no `ON CONFLICT`).
pub fn is_unique_violation(err: &diesel::result::Error) -> bool {
    matches!(
        err,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

#[cfg(test)]
mod tests {
    use super::Backend;

    #[test]
    fn url_picks_the_backend() {
        assert_eq!(
            Backend::from_url("var/kolo.db"),
            Backend::Sqlite("var/kolo.db".into())
        );
        assert_eq!(
            Backend::from_url("sqlite://var/kolo.db"),
            Backend::Sqlite("var/kolo.db".into())
        );
        assert_eq!(
            Backend::from_url("sqlite:///tmp/k.db"),
            Backend::Sqlite("/tmp/k.db".into())
        );
        assert_eq!(
            Backend::from_url("postgres://u@h/db"),
            Backend::Postgres("postgres://u@h/db".into())
        );
        assert_eq!(Backend::from_url("postgresql://h/db").name(), "postgresql");
    }

    #[test]
    fn display_hides_the_password() {
        let b = Backend::from_url("postgres://kolo:s3cret@db.internal:5432/kolo");
        assert_eq!(b.display(), "postgres://kolo@db.internal:5432/kolo");
    }
}
