//! The audit log of roster work (staff adds, promotions, cancellations, check-ins, exports)
//! and of platform-level actions, driven over HTTP and read back from the log.

use chrono::Duration;
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::audit::{assert_no_secrets, audit, count, entry};
use crate::event_fixtures::cast;
use crate::fixtures::EventSpec;
use crate::helpers::spawn_app;

#[tokio::test]
async fn roster_changes_check_ins_and_exports_are_logged() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let slug = "kc-novi-sad";
    let event = app
        .event(
            c.host,
            EventSpec {
                capacity: Some(1),
                ..EventSpec::default()
            },
        )
        .await;
    let regs = format!("/api/v1/events/{event}/registrations");
    let people = app.many_people(3, "r").await;
    let token = Some(c.organiser.token.as_str());

    // A person signing up for themself is not a staff action.
    let own = app
        .post(&regs, Some(&people[0].token), json!({}))
        .await
        .expect(201)
        .body;
    assert_eq!(count(&app, slug, &c.owner, "registration.").await, 0);
    let waiting = app
        .post(&regs, token, json!({"person_email": people[1].email}))
        .await
        .expect(201)
        .body;
    let added = entry(&app, slug, &c.owner, "registration.added").await;
    assert_eq!(added["actor"]["id"], c.organiser.id);
    assert_eq!(
        added["subject"],
        json!({"type": "registration", "id": waiting["id"]})
    );
    assert_eq!(added["after"]["person_id"], people[1].id);
    assert_eq!(added["after"]["status"], "waitlisted");
    assert_eq!(added["after"]["override_capacity"], false);
    app.post(
        &regs,
        token,
        json!({"person_email": people[2].email, "override_capacity": true}),
    )
    .await
    .expect(201);
    let forced = entry(&app, slug, &c.owner, "registration.added").await;
    assert_eq!(forced["after"]["override_capacity"], true);
    assert_eq!(forced["after"]["status"], "confirmed");

    let promote = format!("/api/v1/registrations/{}/promote", waiting["id"]);
    app.post(&promote, token, json!({}))
        .await
        .expect_problem(409);
    app.post(&promote, token, json!({"override_capacity": true}))
        .await
        .expect(200);
    let promoted = entry(&app, slug, &c.owner, "registration.promoted").await;
    assert_eq!(promoted["before"], json!({"status": "waitlisted"}));
    assert_eq!(
        promoted["after"],
        json!({"status": "confirmed", "override_capacity": true})
    );
    assert_eq!(
        count(&app, slug, &c.owner, "registration.promoted").await,
        1
    );

    let check = format!("/api/v1/registrations/{}/check-in", own["id"]);
    app.post(&check, token, json!({})).await.expect(200);
    app.post(&check, token, json!({})).await.expect(200);
    app.delete(&check, token).await.expect(200);
    app.post(
        &format!("/api/v1/events/{event}/check-in"),
        token,
        json!({"code": own["code"]}),
    )
    .await
    .expect(200);
    let log = audit(&app, slug, &c.owner, "?action=registration.check").await;
    let trail: Vec<(&str, &str)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["after"]["via"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        trail,
        [
            ("registration.checked_in", "code"),
            ("registration.check_in_undone", "id"),
            ("registration.checked_in", "id"),
        ],
        "a repeated check-in logs nothing"
    );

    // Cancelling one's own is not logged; staff cancelling someone's is.
    app.post(
        &format!("/api/v1/registrations/{}/cancel", waiting["id"]),
        Some(&people[1].token),
        json!({}),
    )
    .await
    .expect(200);
    assert_eq!(
        count(&app, slug, &c.owner, "registration.cancelled").await,
        0
    );
    app.post(
        &format!("/api/v1/registrations/{}/cancel", own["id"]),
        token,
        json!({}),
    )
    .await
    .expect(200);
    let cancelled = entry(&app, slug, &c.owner, "registration.cancelled").await;
    assert_eq!(cancelled["subject"]["id"], own["id"]);
    assert_eq!(cancelled["before"]["status"], "confirmed");
    assert_eq!(cancelled["after"]["status"], "cancelled");

    let csv = app
        .client
        .get(app.url(&format!("{regs}?format=csv")))
        .bearer_auth(&c.organiser.token)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    let exported = entry(&app, slug, &c.owner, "roster.exported").await;
    assert_eq!(exported["subject"], json!({"type": "event", "id": event}));
    assert_eq!(exported["actor"]["id"], c.organiser.id);
    assert!(exported["request_id"].is_string());
    let everything = audit(&app, slug, &c.owner, "?per_page=100").await;
    assert!(!everything.to_string().contains(&people[0].email));
}

/// organisation, actor, subject type and id, before, after.
type PlatformEntry = (
    Option<i64>,
    Option<i64>,
    String,
    i64,
    Option<String>,
    Option<String>,
);

#[tokio::test]
async fn admins_retrying_the_outbox_are_logged_at_platform_level() {
    use kolo::db::schema::{audit_log, outbox};
    let app = spawn_app().await;
    let admin = app.admin("root@example.org").await;
    let id: i64 = app
        .with_conn(|conn| {
            let now = kolo::db::now();
            diesel::insert_into(outbox::table)
                .values((
                    outbox::recipient.eq("bounce@example.org"),
                    outbox::locale.eq("en"),
                    outbox::template.eq("verify_email"),
                    outbox::data.eq(r#"{"link":"https://kolo.test/verify?token=secret-token"}"#),
                    outbox::status.eq("dead"),
                    outbox::attempts.eq(5),
                    outbox::next_attempt_at.eq(now + Duration::days(365)),
                    outbox::created_at.eq(now),
                ))
                .returning(outbox::id)
                .get_result(conn)
                .unwrap()
        })
        .await;
    app.post(
        &format!("/api/v1/admin/outbox/{id}/retry"),
        Some(&admin.token),
        json!({}),
    )
    .await
    .expect(200);
    let rows: Vec<PlatformEntry> = app
        .with_conn(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("outbox.retried"))
                .select((
                    audit_log::organisation_id,
                    audit_log::actor_person_id,
                    audit_log::subject_type,
                    audit_log::subject_id,
                    audit_log::before,
                    audit_log::after,
                ))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(rows.len(), 1);
    let (org, actor, subject, subject_id, before, after) = rows[0].clone();
    assert_eq!(
        (org, actor, subject.as_str(), subject_id),
        (None, Some(admin.id), "outbox_message", id)
    );
    let before: Value = serde_json::from_str(&before.unwrap()).unwrap();
    let after = after.unwrap();
    assert_eq!(before, json!({"status": "dead", "attempts": 5}));
    assert_no_secrets(&after);
    assert!(!after.contains("bounce@example.org"));
}
