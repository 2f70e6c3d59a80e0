//! The two migration folders must describe the same database: same tables, columns, types,
//! nullability and indexes. (Plume's two folders drifted apart; this test stops that.)

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use kolo::db::AnyConnection;

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    #[diesel(column_name = type_)]
    type_: String,
    #[diesel(sql_type = BigInt)]
    notnull: i64,
    #[diesel(sql_type = BigInt)]
    pk: i64,
}

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

/// (table, column, type, nullable) and index names.
type Shape = (BTreeSet<(String, String, String, bool)>, BTreeSet<String>);

fn normalise(declared: &str) -> String {
    match declared.to_ascii_lowercase().as_str() {
        "timestamp" | "timestamp without time zone" => "timestamp".into(),
        "boolean" => "boolean".into(),
        other => other.into(),
    }
}

fn sqlite_shape(conn: &mut AnyConnection) -> Shape {
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> '__diesel_schema_migrations'",
    )
    .load(conn)
    .unwrap();
    let mut columns = BTreeSet::new();
    for table in tables {
        let cols: Vec<SqliteColumn> = diesel::sql_query(format!(
            "SELECT name, type AS type_, \"notnull\", pk FROM pragma_table_info('{}')",
            table.name
        ))
        .load(conn)
        .unwrap();
        for c in cols {
            // The rowid alias must be declared INTEGER in SQLite; it holds 64-bit ids like BIGSERIAL.
            let ty = if c.pk == 1 && c.type_.eq_ignore_ascii_case("integer") {
                "bigint".to_owned()
            } else {
                normalise(&c.type_)
            };
            columns.insert((table.name.clone(), c.name, ty, c.notnull == 0 && c.pk == 0));
        }
    }
    let indexes: Vec<Name> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'",
    )
    .load(conn)
    .unwrap();
    (columns, indexes.into_iter().map(|i| i.name).collect())
}

fn pg_shape(conn: &mut AnyConnection) -> Shape {
    let cols: Vec<PgColumn> = diesel::sql_query(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text \
         FROM information_schema.columns WHERE table_schema = current_schema() \
         AND table_name <> '__diesel_schema_migrations'",
    )
    .load(conn)
    .unwrap();
    let columns = cols
        .into_iter()
        .map(|c| {
            (
                c.table_name,
                c.column_name,
                normalise(&c.data_type),
                c.is_nullable == "YES",
            )
        })
        .collect();
    let indexes: Vec<Name> = diesel::sql_query(
        "SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = current_schema() \
         AND indexname NOT LIKE '%_pkey' AND tablename <> '__diesel_schema_migrations'",
    )
    .load(conn)
    .unwrap();
    (columns, indexes.into_iter().map(|i| i.name).collect())
}

#[test]
fn both_migration_folders_have_the_same_names() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |backend: &str| -> BTreeSet<String> {
        std::fs::read_dir(root.join(backend))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect()
    };
    assert_eq!(names("sqlite"), names("postgres"));
    assert!(!names("sqlite").is_empty());
}

#[test]
fn sqlite_and_postgres_migrations_produce_the_same_schema() {
    let Ok(pg_url) = std::env::var("KOLO_TEST_DATABASE_URL") else {
        eprintln!("KOLO_TEST_DATABASE_URL is not set: the PostgreSQL half of this comparison runs in the PostgreSQL pass");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut sqlite =
        AnyConnection::establish(dir.path().join("schema.db").to_str().unwrap()).unwrap();
    kolo::db::migrate(&mut sqlite).unwrap();

    let schema = format!("schema_{}", uuid::Uuid::new_v4().simple());
    let mut admin = AnyConnection::establish(&pg_url).unwrap();
    diesel::sql_query(format!("CREATE SCHEMA {schema}"))
        .execute(&mut admin)
        .unwrap();
    let separator = if pg_url.contains('?') { '&' } else { '?' };
    let mut pg = AnyConnection::establish(&format!(
        "{pg_url}{separator}options=-csearch_path%3D{schema}"
    ))
    .unwrap();
    kolo::db::migrate(&mut pg).unwrap();

    let (sqlite_columns, sqlite_indexes) = sqlite_shape(&mut sqlite);
    let (pg_columns, pg_indexes) = pg_shape(&mut pg);
    diesel::sql_query(format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&mut admin)
        .unwrap();

    assert!(
        sqlite_columns.len() > 50,
        "too few columns read: {sqlite_columns:?}"
    );
    let only_sqlite: Vec<_> = sqlite_columns.difference(&pg_columns).collect();
    let only_pg: Vec<_> = pg_columns.difference(&sqlite_columns).collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "columns differ:\nonly in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_pg:#?}"
    );
    assert_eq!(sqlite_indexes, pg_indexes, "indexes differ");
}
