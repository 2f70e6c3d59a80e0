//! Retention: the maintenance pass anonymises registrations of events that ended more than
//! `privacy.registration_retention_days` ago, once, keeping counts and statuses.

use chrono::Duration;
use diesel::prelude::*;
use kolo::db::schema::registrations;
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::spawn_app_with;

#[tokio::test]
async fn registrations_past_retention_lose_their_personal_data_once() {
    let app = spawn_app_with(|s| s.privacy.registration_retention_days = 30).await;
    let host = app.organisation("kc-novi-sad", true).await;
    let organiser = app
        .verified_user("organiser@example.org", "Organiser")
        .await;
    app.staff(host, organiser.id, "organiser").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let past = |days: i64| EventSpec {
        starts_in: Duration::days(-days),
        ..EventSpec::default()
    };
    let old = app.event(host, past(100)).await;
    let recent = app.event(host, past(5)).await;
    let old_person = app.registration(old, Some(ana.id), None, "confirmed").await;
    app.registration(
        old,
        None,
        Some(("Goran Guest", "goran@example.org")),
        "confirmed",
    )
    .await;
    app.registration(
        old,
        None,
        Some(("Vera Late", "vera@example.org")),
        "cancelled",
    )
    .await;
    let kept = app
        .registration(recent, Some(ana.id), None, "confirmed")
        .await;
    app.with_conn(move |conn| {
        diesel::update(registrations::table.filter(registrations::event_id.eq(old)))
            .set((
                registrations::answers.eq(r#"{"1":"vegan"}"#),
                registrations::checked_in_at.eq(Some(kolo::db::now() - Duration::days(100))),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;

    let settings = app.state.settings.clone();
    let maintain = move |conn: &mut kolo::db::AnyConnection| {
        kolo::maintenance::run(conn, &settings, kolo::db::now()).unwrap()
    };
    let first = app.with_conn(maintain.clone()).await;
    assert_eq!(first.registrations_anonymised, 3);
    assert_eq!(
        app.with_conn(maintain).await.registrations_anonymised,
        0,
        "idempotent"
    );

    let roster = app
        .get(
            &format!("/api/v1/events/{old}/registrations"),
            Some(&organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(roster["total"], 3, "counts stay");
    let statuses: Vec<&str> = roster["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "confirmed").count(), 2);
    assert_eq!(statuses.iter().filter(|s| **s == "cancelled").count(), 1);
    for item in roster["items"].as_array().unwrap() {
        assert_eq!(item["name"], "", "{item}");
        assert_eq!(item["email"], "", "{item}");
        assert_eq!(item["answers"], json!({}), "{item}");
        assert!(item["person_id"].is_null(), "{item}");
        assert!(
            item["checked_in_at"].is_string(),
            "attendance counts stay: {item}"
        );
        assert!(
            item["code"].as_str().unwrap().starts_with("anonymised-"),
            "{item}"
        );
    }
    assert!(!roster.to_string().contains("goran@example.org"));

    // The recent event is untouched; Ana's export no longer links her to the old one.
    let mine = app
        .get("/api/v1/me/export", Some(&ana.token))
        .await
        .expect(200)
        .body;
    let ids: Vec<i64> = mine["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![kept]);
    assert_ne!(ids, vec![old_person]);
}

#[tokio::test]
async fn a_retention_of_zero_keeps_everything() {
    let app = spawn_app_with(|s| s.privacy.registration_retention_days = 0).await;
    let host = app.organisation("kc-novi-sad", true).await;
    let old = app
        .event(
            host,
            EventSpec {
                starts_in: Duration::days(-4000),
                ..EventSpec::default()
            },
        )
        .await;
    app.registration(
        old,
        None,
        Some(("Goran Guest", "goran@example.org")),
        "confirmed",
    )
    .await;
    let settings = app.state.settings.clone();
    let report = app
        .with_conn(move |conn| kolo::maintenance::run(conn, &settings, kolo::db::now()).unwrap())
        .await;
    assert_eq!(report.registrations_anonymised, 0);
    let guest: Option<String> = app
        .with_conn(move |conn| {
            registrations::table
                .filter(registrations::event_id.eq(old))
                .select(registrations::guest_email)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(guest.as_deref(), Some("goran@example.org"));
}
