//! The membership sweep: reminders 30 and 7 days before the end (each once), expiry after the
//! last day, and the emails they queue. Driven by calling the sweep with a chosen date, and
//! once through the worker itself.

use chrono::Duration;
use serde_json::json;

use crate::helpers::{plus_months, spawn_app, spawn_app_with, today, TestApp, User};

/// An approved yearly membership of `user` at a new host; returns (owner, membership id).
async fn active_membership(app: &TestApp, host: &str, user: &User) -> (User, i64) {
    let owner = app.host(host).await;
    let type_id = app
        .membership_type(
            &owner,
            host,
            json!({"name": {"en": "Yearly", "sr-Cyrl": "Годишње"}, "member_kind": "person", "duration_months": 12}),
        )
        .await;
    let id = app
        .apply(user, host, json!({"type_id": type_id}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    app.act(&owner, id, json!({"action": "approve"}))
        .await
        .expect(200);
    (owner, id)
}

#[tokio::test]
async fn reminders_go_out_once_then_the_membership_expires() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.patch("/api/v1/me", Some(&ana.token), json!({"locale": "sr-Cyrl"}))
        .await
        .expect(200);
    let (_owner, id) = active_membership(&app, "kc-ns", &ana).await;
    let end = plus_months(today(), 12);

    let early = app.sweep(end - Duration::days(31)).await;
    assert_eq!((early.expired, early.reminded), (0, 0));
    let thirty = app.sweep(end - Duration::days(30)).await;
    assert_eq!(thirty.reminded, 1);
    // Running again (hourly, or on another instance) sends nothing new.
    assert_eq!(app.sweep(end - Duration::days(30)).await.reminded, 0);
    assert_eq!(app.sweep(end - Duration::days(20)).await.reminded, 0);
    let reminders = app.queued_to("membership_expiring", &ana.email).await;
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].data["days"], 30);
    assert_eq!(reminders[0].data["until"], end.to_string());
    // In the member's locale.
    assert_eq!(reminders[0].data["membership_type"], "Годишње");
    assert!(reminders[0]
        .dedupe_key
        .as_deref()
        .unwrap()
        .contains(&end.to_string()));

    assert_eq!(app.sweep(end - Duration::days(7)).await.reminded, 1);
    assert_eq!(app.sweep(end - Duration::days(1)).await.reminded, 0);
    let reminders = app.queued_to("membership_expiring", &ana.email).await;
    assert_eq!(reminders.len(), 2);
    assert_eq!(reminders[1].data["days"], 7);
    // Ana reads Serbian in Cyrillic: the days and the date are written her way.
    let email = app.wait_for_email(&ana.email, "истиче за 7 дана").await;
    let written = kolo::notify::dates::date(end, kolo::i18n::Locale::SrCyrl);
    assert!(email.text.contains(&written), "{}", email.text);

    // The last day still counts; the day after, the membership expires.
    assert_eq!(app.sweep(end).await.expired, 0);
    let member = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(member["status"], "active");
    let swept = app.sweep(end + Duration::days(1)).await;
    assert_eq!(swept.expired, 1);
    assert_eq!(app.sweep(end + Duration::days(2)).await.expired, 0);
    let expired = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(expired["status"], "expired");
    let mails = app.queued_to("membership_expired", &ana.email).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].data["until"], end.to_string());
    app.wait_for_email(&ana.email, "је истекло").await;
    // An expired member is no member: the directory closes.
    app.get("/api/v1/organisations/kc-ns/directory", Some(&ana.token))
        .await
        .expect_problem(403);

    // Renewing an expired membership restarts it from today; the cancel-only rules hold.
    let renewed = app
        .act(&ana, id, json!({"action": "renew"}))
        .await
        .expect(200)
        .body;
    assert_eq!(renewed["status"], "active");
    assert_eq!(renewed["starts_on"], today().to_string());
    assert_eq!(renewed["ends_on"], end.to_string());
    assert_eq!(
        app.queued_to("membership_renewed", &ana.email).await.len(),
        1
    );
    app.get("/api/v1/organisations/kc-ns/directory", Some(&ana.token))
        .await
        .expect(200);
}

#[tokio::test]
async fn a_renewal_moves_the_reminders_and_late_ones_skip_the_30_day_notice() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let (owner, id) = active_membership(&app, "kc-ns", &ana).await;
    let end = plus_months(today(), 12);
    // First seen five days before the end: only the 7-day reminder goes out.
    assert_eq!(app.sweep(end - Duration::days(5)).await.reminded, 1);
    let sent = app.queued_to("membership_expiring", &ana.email).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].data["days"], 7);

    // After a renewal the new end date gets its own reminders.
    app.act(&owner, id, json!({"action": "renew"}))
        .await
        .expect(200);
    let new_end = plus_months(end, 12);
    assert_eq!(app.sweep(new_end - Duration::days(30)).await.reminded, 1);
    let sent = app.queued_to("membership_expiring", &ana.email).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].data["until"], new_end.to_string());
    // The old end passes without expiring the renewed membership.
    assert_eq!(app.sweep(end + Duration::days(1)).await.expired, 0);
}

#[tokio::test]
async fn organisation_memberships_remind_every_representative() {
    let app = spawn_app().await;
    let owner = app.host("mreza").await;
    let type_id = app
        .membership_type(
            &owner,
            "mreza",
            json!({"name": {"en": "Member organisation"}, "member_kind": "organisation",
                   "duration_months": 6, "requires_approval": false}),
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let boris = app.verified_user("boris@example.org", "Boris").await;
    app.post(
        "/api/v1/organisations",
        Some(&ana.token),
        json!({"slug": "uni-ns", "name": "Univerzitet", "kind": "university", "country": "RS"}),
    )
    .await
    .expect(201);
    app.post(
        "/api/v1/organisations/uni-ns/representatives",
        Some(&ana.token),
        json!({"email": boris.email}),
    )
    .await
    .expect(201);
    app.apply(
        &ana,
        "mreza",
        json!({"type_id": type_id, "organisation_slug": "uni-ns"}),
    )
    .await
    .expect(201);
    let end = plus_months(today(), 6);
    assert_eq!(app.sweep(end - Duration::days(7)).await.reminded, 1);
    for rep in [&ana, &boris] {
        let mail = app.queued_to("membership_expiring", &rep.email).await;
        assert_eq!(mail.len(), 1, "{}", rep.email);
        assert_eq!(mail[0].data["member"], "Univerzitet");
    }
    assert_eq!(app.sweep(end + Duration::days(1)).await.expired, 1);
    assert_eq!(app.queued("membership_expired").await.len(), 2);
}

#[tokio::test]
async fn the_worker_sweeps_at_start_and_periodically() {
    let app = spawn_app_with(|s| s.worker.sweep_interval_secs = 1).await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let (_owner, id) = active_membership(&app, "kc-ns", &ana).await;
    // Pretend the membership ran out yesterday; the worker's next sweep expires it.
    app.with_conn(move |conn| {
        use diesel::prelude::*;
        use kolo::db::schema::memberships;
        diesel::update(memberships::table.find(id))
            .set(memberships::ends_on.eq(today() - Duration::days(1)))
            .execute(conn)
            .unwrap();
    })
    .await;
    // Until the sweep runs, the end date alone already closes members-only doors.
    app.get("/api/v1/organisations/kc-ns/directory", Some(&ana.token))
        .await
        .expect_problem(403);
    app.wait_for_email(&ana.email, "has expired").await;
    let m = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(m["status"], "expired");
}
