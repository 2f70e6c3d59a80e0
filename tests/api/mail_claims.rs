//! Workers claiming the outbox at once: each gets its own rows, and on PostgreSQL neither
//! waits for the other's transaction (`FOR UPDATE SKIP LOCKED`).

use std::collections::HashSet;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use kolo::db::{now, write_tx, AnyConnection};
use kolo::i18n::Locale;
use kolo::notify::outbox::{self, OutgoingEmail};
use serde_json::json;

use crate::helpers::spawn_app_with;

fn claim(conn: &mut AnyConnection, limit: i64) -> diesel::QueryResult<Vec<i64>> {
    let at = now();
    outbox::claim_due(conn, at, at + chrono::Duration::seconds(60), limit)
        .map(|rows| rows.into_iter().map(|m| m.id).collect())
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_claims_take_disjoint_rows_without_waiting() {
    let app = spawn_app_with(|s| s.worker.enabled = false).await;
    app.with_conn(|conn| {
        for i in 0..10 {
            let email = OutgoingEmail::new(
                &format!("p{i}@example.org"),
                Locale::En,
                "verify_email",
                json!({"name": "P", "link": "http://x/", "hours": 24}),
            );
            assert!(outbox::enqueue(conn, email).unwrap());
        }
    })
    .await;
    let postgres = app.db.is_postgres();
    let pool = app.state.pool.clone();
    let (claimed_tx, claimed_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    // The first worker claims five and holds its transaction open until told to commit.
    let first = std::thread::spawn({
        let pool = pool.clone();
        move || {
            let mut conn = pool.get().unwrap();
            write_tx(&mut conn, |conn| {
                let ids = claim(conn, 5)?;
                claimed_tx.send(ids.clone()).unwrap();
                if postgres {
                    go_rx.recv().unwrap();
                }
                diesel::QueryResult::Ok(ids)
            })
            .unwrap()
        }
    });
    let first_ids = claimed_rx.recv().unwrap();
    let mut first = Some(first);
    if !postgres {
        // SQLite serialises writers: the second claim runs after the first commits.
        first.take().unwrap().join().unwrap();
    }
    let mut conn = pool.get().unwrap();
    if postgres {
        // Before SKIP LOCKED the second claim waited on the first one's rows; fail instead.
        conn.batch_execute("SET lock_timeout = '3s'").unwrap();
    }
    let started = Instant::now();
    let second_ids = write_tx(&mut conn, |conn| claim(conn, 5)).expect("the second claim");
    let waited = started.elapsed();
    if postgres {
        conn.batch_execute("SET lock_timeout = 0").unwrap();
        go_tx.send(()).unwrap();
        first.take().unwrap().join().unwrap();
        assert!(waited < Duration::from_secs(2), "waited {waited:?}");
    }
    assert_eq!(first_ids.len(), 5);
    assert_eq!(
        second_ids.len(),
        5,
        "the second worker found the other rows"
    );
    let first_set: HashSet<i64> = first_ids.into_iter().collect();
    assert!(
        second_ids.iter().all(|id| !first_set.contains(id)),
        "no row claimed twice"
    );
    // Nothing is left for a third claim while both leases hold.
    let third = app.with_conn(|conn| claim(conn, 5).unwrap()).await;
    assert!(third.is_empty(), "{third:?}");
}
