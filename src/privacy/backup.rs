//! `kolo backup PATH`: a consistent copy of the SQLite database, taken while the server runs.

use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{Connection, RunQueryDsl, SqliteConnection};

use crate::config::DatabaseSettings;
use crate::db::Backend;

/// Writes a copy of the SQLite database to `target` and returns its size in bytes.
///
/// `VACUUM INTO` reads the database in one read transaction, so the copy is a consistent
/// snapshot even while the server writes (under WAL, readers and the writer do not block each
/// other), and the result is a compact, self-contained database file (no `-wal` beside it).
pub fn sqlite(settings: &DatabaseSettings, target: &Path) -> anyhow::Result<u64> {
    let source = match Backend::from_url(&settings.url) {
        Backend::Sqlite(path) => path,
        Backend::Postgres(_) => anyhow::bail!(
            "`kolo backup` copies SQLite databases only; back up PostgreSQL with \
             `pg_dump -Fc` as described in docs/deployment.md (\"Backups\")"
        ),
    };
    anyhow::ensure!(
        Path::new(&source).is_file(),
        "there is no database at {source}"
    );
    anyhow::ensure!(
        !target.exists(),
        "{} already exists; a backup never overwrites a file",
        target.display()
    );
    let target_str = target
        .to_str()
        .ok_or_else(|| anyhow::anyhow!("the backup path must be valid UTF-8"))?;
    let mut conn = SqliteConnection::establish(&source)
        .map_err(|e| anyhow::anyhow!("opening {source}: {e}"))?;
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {};",
        settings.busy_timeout_ms
    ))?;
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(target_str)
        .execute(&mut conn)
        .map_err(|e| anyhow::anyhow!("writing {}: {e}", target.display()))?;
    Ok(std::fs::metadata(target)?.len())
}
