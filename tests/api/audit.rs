//! The audit log: who may read it, paging and filters, failed actions leaving no entry, and
//! nothing secret in it. The actions themselves are covered in `audit_actions`.

use serde_json::{json, Value};

use crate::event_fixtures::{cast, event_body};
use crate::helpers::{spawn_app, TestApp, User};

/// The organisation's log as `user` reads it (`query` starts with `?` or is empty).
pub async fn audit(app: &TestApp, slug: &str, user: &User, query: &str) -> Value {
    let reply = app
        .get(
            &format!("/api/v1/organisations/{slug}/audit{query}"),
            Some(&user.token),
        )
        .await
        .expect(200);
    assert_no_secrets(&reply.text);
    reply.body
}

/// The newest entry with this action.
pub async fn entry(app: &TestApp, slug: &str, user: &User, action: &str) -> Value {
    let page = audit(app, slug, user, &format!("?action={action}&per_page=100")).await;
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == action)
        .unwrap_or_else(|| panic!("no {action} entry in {page}"))
        .clone()
}

pub async fn count(app: &TestApp, slug: &str, user: &User, action: &str) -> i64 {
    audit(app, slug, user, &format!("?action={action}")).await["total"]
        .as_i64()
        .unwrap()
}

#[track_caller]
pub fn assert_no_secrets(text: &str) {
    for secret in ["$argon2", "password", "token", "hash"] {
        assert!(
            !text.contains(secret),
            "audit log mentions {secret}: {text}"
        );
    }
}

#[tokio::test]
async fn owners_and_admins_read_the_log_others_do_not() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let admin = app.admin("root@example.org").await;
    let member = app.verified_user("member@example.org", "Member").await;
    app.create_event(&c.organiser, event_body("kc-novi-sad", "Logged"))
        .await;
    let path = "/api/v1/organisations/kc-novi-sad/audit";

    let owner_view = audit(&app, "kc-novi-sad", &c.owner, "").await;
    assert_eq!(owner_view["total"], 1);
    assert_eq!(
        audit(&app, "kc-novi-sad", &admin, "").await["items"],
        owner_view["items"]
    );
    app.get(path, Some(&c.organiser.token))
        .await
        .expect_problem(403);
    app.get(path, Some(&member.token)).await.expect_problem(403);
    app.get(path, None).await.expect_problem(401);
    app.get(
        "/api/v1/organisations/no-such-org/audit",
        Some(&c.owner.token),
    )
    .await
    .expect_problem(404);
    app.get(
        "/api/v1/organisations/no-such-org/audit",
        Some(&admin.token),
    )
    .await
    .expect_problem(404);
    // Another host's owner sees nothing of this one.
    let other = app.host("other-host").await;
    app.get(path, Some(&other.token)).await.expect_problem(403);
    assert_eq!(
        audit(&app, "other-host", &other, "?action=event.").await["total"],
        0
    );
}

#[tokio::test]
async fn the_log_pages_newest_first_and_filters_by_action_and_time() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let mut ids = Vec::new();
    for title in ["One", "Two", "Three"] {
        let event = app
            .create_event(&c.organiser, event_body("kc-novi-sad", title))
            .await;
        ids.push(event["id"].as_i64().unwrap());
    }
    app.post(
        &format!("/api/v1/events/{}/publish", ids[0]),
        Some(&c.organiser.token),
        json!({}),
    )
    .await
    .expect(200);

    let first = audit(&app, "kc-novi-sad", &c.owner, "?per_page=2").await;
    assert_eq!(first["total"], 4);
    assert_eq!(first["page"], 1);
    assert_eq!(first["per_page"], 2);
    let actions: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["event.published", "event.created"]);
    assert_eq!(first["items"][1]["subject"]["id"], ids[2]);
    let second = audit(&app, "kc-novi-sad", &c.owner, "?per_page=2&page=2").await;
    let subjects: Vec<i64> = second["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["subject"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(subjects, [ids[1], ids[0]]);

    let created = audit(&app, "kc-novi-sad", &c.owner, "?action=event.created").await;
    assert_eq!(created["total"], 3);
    // A prefix matches whole families; `_` in it is a letter, not a wildcard.
    assert_eq!(
        audit(&app, "kc-novi-sad", &c.owner, "?action=event.").await["total"],
        4
    );
    assert_eq!(
        audit(&app, "kc-novi-sad", &c.owner, "?action=event_").await["total"],
        0
    );
    assert_eq!(
        audit(&app, "kc-novi-sad", &c.owner, "?action=membership.").await["total"],
        0
    );

    let stamp = first["items"][0]["created_at"].as_str().unwrap().to_owned();
    let encoded = stamp.replace('+', "%2B");
    let since = audit(&app, "kc-novi-sad", &c.owner, &format!("?since={encoded}")).await;
    assert_eq!(since["total"], 1, "{since}");
    let until = audit(&app, "kc-novi-sad", &c.owner, &format!("?until={encoded}")).await;
    assert_eq!(until["total"], 3, "{until}");
    assert_eq!(
        audit(&app, "kc-novi-sad", &c.owner, "?since=2099-01-01T00:00:00Z").await["total"],
        0
    );

    let path = "/api/v1/organisations/kc-novi-sad/audit";
    let token = Some(c.owner.token.as_str());
    for bad in [
        "?since=yesterday",
        "?until=2026-13-01",
        "?action=Event%25",
        "?per_page=101",
        "?page=0",
        "?colour=red",
    ] {
        app.get(&format!("{path}{bad}"), token)
            .await
            .expect_problem(422);
    }
}

#[tokio::test]
async fn a_refused_action_leaves_no_entry() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let event = app
        .published_event(&c.organiser, event_body("kc-novi-sad", "Once"))
        .await;
    let id = event["id"].as_i64().unwrap();
    app.post(
        &format!("/api/v1/events/{id}/publish"),
        Some(&c.organiser.token),
        json!({}),
    )
    .await
    .expect_problem(409);
    assert_eq!(
        count(&app, "kc-novi-sad", &c.owner, "event.published").await,
        1
    );
    // Capacity below the seats taken is refused after the event row was read: nothing logged.
    app.take_seats(id, 5).await;
    app.patch(
        &format!("/api/v1/events/{id}"),
        Some(&c.organiser.token),
        json!({"capacity": 2}),
    )
    .await
    .expect_problem(409);
    assert_eq!(
        count(&app, "kc-novi-sad", &c.owner, "event.updated").await,
        0
    );
    // The last owner cannot leave or be demoted.
    let staff = "/api/v1/organisations/kc-novi-sad/staff";
    app.delete(&format!("{staff}/{}", c.owner.id), Some(&c.owner.token))
        .await
        .expect_problem(409);
    app.post(
        staff,
        Some(&c.owner.token),
        json!({"email": c.owner.email, "role": "organiser"}),
    )
    .await
    .expect_problem(409);
    assert_eq!(count(&app, "kc-novi-sad", &c.owner, "staff.").await, 0);
    // A refused edit by someone without the right writes nothing either.
    app.patch(
        "/api/v1/organisations/kc-novi-sad",
        Some(&c.organiser.token),
        json!({"name": "Hijacked"}),
    )
    .await
    .expect_problem(403);
    assert_eq!(
        count(&app, "kc-novi-sad", &c.owner, "organisation.").await,
        0
    );
}
