//! `kill -9` of the real server in the middle of a registration load, then a restart on the
//! same database (SQLite, or PostgreSQL when KOLO_TEST_DATABASE_URL is set): nothing that was
//! promised is lost, seats and the waitlist add up, and every queued email goes out.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use kolo::db::schema::{outbox, registrations};
use serde_json::Value;
use tokio::task::JoinSet;

use crate::faults::serve;
use crate::fixtures::EventSpec;
use crate::helpers::spawn_app_with;

const CROWD: usize = 150;
const SEATS: i32 = 20;
/// Answers to wait for before the kill: well into the load, well before its end.
const KILL_AFTER: usize = 25;

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_mid_registration_load_loses_nothing_promised() {
    // The in-process app only seeds and inspects the database: its server is stopped and its
    // worker off, so the `kolo` processes below do all the work.
    let app = spawn_app_with(|s| s.worker.enabled = false).await;
    app.handle.stop(true).await;
    let host = app.organisation("host", true).await;
    let event = app
        .event(
            host,
            EventSpec {
                capacity: Some(SEATS),
                ..EventSpec::default()
            },
        )
        .await;
    let crowd = app.many_people(CROWD, "crowd").await;
    let dir = tempfile::tempdir().unwrap();
    let env = [
        (
            "KOLO__DATABASE__URL",
            app.state.settings.database.url.clone(),
        ),
        ("KOLO__MAIL__FILE_DIR", app.mail_dir.display().to_string()),
        ("KOLO__WORKER__POLL_INTERVAL_MS", "20".to_owned()),
        // A claim by the killed worker is free again a second later.
        ("KOLO__WORKER__LEASE_SECS", "1".to_owned()),
        ("KOLO__MAIL__RETRY_BASE_SECS", "1".to_owned()),
    ];
    let mut served = serve(dir.path(), &env);

    let client = reqwest::Client::new();
    let mut load = JoinSet::new();
    for person in &crowd {
        let request = client
            .post(format!(
                "{}/api/v1/events/{event}/registrations",
                served.base
            ))
            .bearer_auth(&person.token)
            .json(&serde_json::json!({}));
        let id = person.id;
        load.spawn(async move {
            let response = request.send().await.ok()?;
            let status = response.status().as_u16();
            let body: Value = response.json().await.ok()?;
            Some((id, status, body))
        });
    }
    let mut answered = Vec::new();
    let mut in_flight_at_kill = HashSet::new();
    while let Some(outcome) = load.join_next().await {
        if let Some(answer) = outcome.unwrap() {
            answered.push(answer);
        }
        if answered.len() == KILL_AFTER && in_flight_at_kill.is_empty() {
            served.child.kill().unwrap();
            served.child.wait().unwrap();
            in_flight_at_kill = leased_messages(&app).await;
        }
    }
    assert!(
        answered.len() < CROWD,
        "the load finished before the kill; nothing was tested"
    );
    let promised: Vec<(i64, String)> = answered
        .iter()
        .map(|(person, status, body)| {
            assert_eq!(*status, 201, "{body}");
            (*person, body["status"].as_str().unwrap().to_owned())
        })
        .collect();

    drop(served);
    let restarted = serve(dir.path(), &env);
    app.wait_for_outbox_drained().await;

    eprintln!(
        "kill -9 after {} answers of {CROWD}; {} registrations stored; {} emails claimed but \
         unmarked at the kill",
        promised.len(),
        stored_count(&app, event).await,
        in_flight_at_kill.len()
    );
    // Every registration answered 201 is there, as it was answered.
    let stored: HashMap<i64, (i64, String)> = app
        .with_conn(move |conn| {
            registrations::table
                .filter(registrations::event_id.eq(event))
                .select((
                    registrations::person_id.assume_not_null(),
                    registrations::id,
                    registrations::status,
                ))
                .load::<(i64, i64, String)>(conn)
                .unwrap()
        })
        .await
        .into_iter()
        .map(|(person, id, status)| (person, (id, status)))
        .collect();
    for (person, status) in &promised {
        assert_eq!(
            stored.get(person).map(|s| &s.1),
            Some(status),
            "person {person}"
        );
    }
    let confirmed = stored.values().filter(|s| s.1 == "confirmed").count();
    assert_eq!(app.seats_taken(event).await as usize, confirmed);
    assert_eq!(
        confirmed,
        stored.len().min(SEATS as usize),
        "seats left while people wait"
    );

    // The waitlist is 1..n with no gap, as each waitlisted person sees it.
    let tokens: HashMap<i64, &str> = crowd.iter().map(|u| (u.id, u.token.as_str())).collect();
    let mut positions = Vec::new();
    for (person, (id, status)) in &stored {
        let view: Value = client
            .get(format!("{}/api/v1/registrations/{id}", restarted.base))
            .bearer_auth(tokens[person])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if status == "waitlisted" {
            positions.push(view["waitlist_position"].as_i64().unwrap());
        }
    }
    positions.sort_unstable();
    assert_eq!(positions, (1..=positions.len() as i64).collect::<Vec<_>>());

    // Every registration queued exactly one email, and it was delivered: exactly once, unless
    // the killed worker held it (sent, maybe, but not yet marked), then at least once.
    let messages = registration_messages(&app).await;
    for (person, (id, _)) in &stored {
        let queued: Vec<_> = messages.iter().filter(|m| m.registration == *id).collect();
        assert_eq!(queued.len(), 1, "registration {id}: {queued:?}");
        let message = queued[0];
        assert_eq!(message.status, "sent", "{message:?}");
        let email = &crowd.iter().find(|u| u.id == *person).unwrap().email;
        let delivered = app.emails_to(email).len();
        if in_flight_at_kill.contains(&message.id) {
            assert!(delivered >= 1, "{email}: {delivered} deliveries");
        } else {
            assert_eq!(delivered, 1, "{email}: {delivered} deliveries");
        }
    }
}

#[derive(Debug)]
struct Message {
    id: i64,
    registration: i64,
    status: String,
}

async fn registration_messages(app: &crate::helpers::TestApp) -> Vec<Message> {
    let rows: Vec<(i64, String, String)> = app
        .with_conn(|conn| {
            outbox::table
                .select((outbox::id, outbox::data, outbox::status))
                .load(conn)
                .unwrap()
        })
        .await;
    rows.into_iter()
        .filter_map(|(id, data, status)| {
            let data: Value = serde_json::from_str(&data).ok()?;
            Some(Message {
                id,
                registration: data["registration_id"].as_i64()?,
                status,
            })
        })
        .collect()
}

/// Messages a worker had claimed and not yet marked sent.
async fn leased_messages(app: &crate::helpers::TestApp) -> HashSet<i64> {
    app.with_conn(|conn| {
        outbox::table
            .filter(outbox::status.eq("pending"))
            .filter(outbox::locked_until.is_not_null())
            .select(outbox::id)
            .load::<i64>(conn)
            .unwrap()
    })
    .await
    .into_iter()
    .collect()
}

async fn stored_count(app: &crate::helpers::TestApp, event: i64) -> i64 {
    app.with_conn(move |conn| {
        registrations::table
            .filter(registrations::event_id.eq(event))
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}
