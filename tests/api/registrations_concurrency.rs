//! Capacity under contention: many connections at once, on both backends. These are the
//! promises a member relies on: never double-booked, never silently dropped from a waitlist.

use std::collections::BTreeSet;

use futures_util::future::join_all;
use serde_json::{json, Value};

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, spawn_app_with, TestApp};

async fn roster(app: &TestApp, token: &str, event_id: i64, status: &str) -> Vec<Value> {
    let mut items = Vec::new();
    for page in 1.. {
        let body = app
            .get(&format!("/api/v1/events/{event_id}/registrations?status={status}&per_page=100&page={page}"), Some(token))
            .await
            .expect(200)
            .body;
        let batch = body["items"].as_array().unwrap().clone();
        if batch.is_empty() {
            break;
        }
        items.extend(batch);
    }
    items
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_at_once_for_fifty_seats() {
    let app = spawn_app_with(|s| s.database.pool_size = 16).await;
    let host = app.organisation("kc-novi-sad", true).await;
    let organiser = app.verified_user("org@example.org", "Organiser").await;
    app.staff(host, organiser.id, "organiser").await;
    let event = app
        .event(
            host,
            EventSpec {
                capacity: Some(50),
                ..EventSpec::default()
            },
        )
        .await;
    let people = app.many_people(200, "rush").await;

    let path = format!("/api/v1/events/{event}/registrations");
    let replies = join_all(
        people
            .iter()
            .map(|p| app.post(&path, Some(&p.token), json!({}))),
    )
    .await;
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    assert!(
        statuses.iter().all(|s| *s == 201),
        "every registration succeeds: {statuses:?}"
    );
    let confirmed = replies
        .iter()
        .filter(|r| r.body["status"] == "confirmed")
        .count();
    let waitlisted = replies
        .iter()
        .filter(|r| r.body["status"] == "waitlisted")
        .count();
    assert_eq!((confirmed, waitlisted), (50, 150));
    assert_eq!(app.seats_taken(event).await, 50);

    let positions: BTreeSet<i64> = roster(&app, &organiser.token, event, "waitlisted")
        .await
        .iter()
        .map(|r| r["waitlist_position"].as_i64().unwrap())
        .collect();
    assert_eq!(
        positions,
        (1..=150).collect::<BTreeSet<i64>>(),
        "positions are 1..150 without gaps or duplicates"
    );
    let summary = app
        .get(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&organiser.token),
        )
        .await
        .body["summary"]
        .clone();
    assert_eq!(summary["confirmed"], 50);
    assert_eq!(summary["waitlisted"], 150);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_cancellations_at_once_promote_fifty_in_order() {
    let app = spawn_app_with(|s| s.database.pool_size = 16).await;
    let host = app.organisation("kc", true).await;
    let organiser = app.verified_user("org@example.org", "Organiser").await;
    app.staff(host, organiser.id, "organiser").await;
    let event = app
        .event(
            host,
            EventSpec {
                capacity: Some(50),
                ..EventSpec::default()
            },
        )
        .await;
    let people = app.many_people(120, "p").await;
    let path = format!("/api/v1/events/{event}/registrations");
    // Sequential, so the waitlist order is known: people 50..119 are waitlisted in that order.
    for p in &people {
        app.post(&path, Some(&p.token), json!({})).await.expect(201);
    }
    let mine = format!("/api/v1/events/{event}/registrations/me");
    let cancels = join_all(
        people[..50]
            .iter()
            .map(|p| app.delete(&mine, Some(&p.token))),
    )
    .await;
    assert!(
        cancels
            .iter()
            .all(|r| r.status == 200 && r.body["status"] == "cancelled"),
        "{cancels:#?}"
    );

    assert_eq!(app.seats_taken(event).await, 50);
    let confirmed: BTreeSet<i64> = roster(&app, &organiser.token, event, "confirmed")
        .await
        .iter()
        .map(|r| r["person_id"].as_i64().unwrap())
        .collect();
    let expected: BTreeSet<i64> = people[50..100].iter().map(|p| p.id).collect();
    assert_eq!(
        confirmed, expected,
        "the first fifty on the waitlist, and only they, were promoted"
    );
    let waitlist = roster(&app, &organiser.token, event, "waitlisted").await;
    let order: Vec<(i64, i64)> = waitlist
        .iter()
        .map(|r| {
            (
                r["waitlist_position"].as_i64().unwrap(),
                r["person_id"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected_order: Vec<(i64, i64)> = people[100..]
        .iter()
        .enumerate()
        .map(|(i, p)| (i as i64 + 1, p.id))
        .collect();
    let mut order_sorted = order.clone();
    order_sorted.sort();
    assert_eq!(
        order_sorted, expected_order,
        "the rest keep their order, renumbered from 1"
    );

    app.wait_for_outbox_drained().await;
    for p in &people[50..100] {
        assert!(
            app.emails_to(&p.email)
                .iter()
                .any(|e| e.subject.contains("A place has opened up")),
            "{} was not told",
            p.email
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_idempotency_key_twenty_times_at_once_makes_one_registration() {
    let app = spawn_app().await;
    let host = app.organisation("kc", true).await;
    let organiser = app.verified_user("org@example.org", "Organiser").await;
    app.staff(host, organiser.id, "organiser").await;
    let event = app.event(host, EventSpec::default()).await;
    let person = app.many_people(1, "idem").await.remove(0);
    let url = app.url(&format!("/api/v1/events/{event}/registrations"));
    let send = || {
        app.client
            .post(&url)
            .bearer_auth(&person.token)
            .header("Idempotency-Key", "tap-7f3a")
            .json(&json!({}))
            .send()
    };
    let replies = join_all((0..20).map(|_| send())).await;
    let mut ids = BTreeSet::new();
    let mut created = 0;
    for reply in replies {
        let reply = reply.unwrap();
        assert!(
            reply.status() == 201 || reply.status() == 200,
            "{}",
            reply.status()
        );
        if reply.status() == 201 {
            created += 1;
        }
        ids.insert(reply.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    assert_eq!(created, 1);
    assert_eq!(ids.len(), 1, "every reply names the same registration");
    let summary = app
        .get(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&organiser.token),
        )
        .await
        .body["summary"]
        .clone();
    assert_eq!(summary["confirmed"], 1);
}
