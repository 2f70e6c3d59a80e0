//! Mass assignment: every input body of the API, sent with an extra read-only field, is refused
//! with 422 naming that field, and the object it would have touched reads the same afterwards.

use reqwest::Method;
use serde_json::{json, Value};

use crate::event_fixtures::cast;
use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, PASSWORD};

/// (method, path, token, a valid body, the extra field, what to re-read, with whose token).
type Case<'a> = (
    Method,
    String,
    Option<&'a str>,
    Value,
    &'a str,
    String,
    Option<&'a str>,
);

/// `body` plus `field: value`.
fn plus(mut body: Value, field: &str, value: Value) -> Value {
    body.as_object_mut()
        .unwrap()
        .insert(field.to_owned(), value);
    body
}

#[tokio::test]
async fn every_input_body_refuses_read_only_fields_and_changes_nothing() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let admin = app.admin("admin@example.org").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let event = app
        .event(
            c.host,
            EventSpec {
                guests_allowed: true,
                ..EventSpec::default()
            },
        )
        .await;
    let type_id = app
        .membership_type(
            &c.owner,
            "kc-novi-sad",
            json!({"name": {"en": "Member"}, "member_kind": "person"}),
        )
        .await;
    let membership = app
        .apply(&ana, "kc-novi-sad", json!({ "type_id": type_id }))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let question = app
        .post(
            &format!("/api/v1/events/{event}/questions"),
            Some(&c.organiser.token),
            json!({"kind": "text", "label": {"en": "Diet"}}),
        )
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let registration = app
        .post(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&ana.token),
            json!({}),
        )
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();

    let (a, o, w, adm) = (
        Some(ana.token.as_str()),
        Some(c.organiser.token.as_str()),
        Some(c.owner.token.as_str()),
        Some(admin.token.as_str()),
    );
    let org = "/api/v1/organisations/kc-novi-sad";
    let ev = format!("/api/v1/events/{event}");
    let regs = format!("{ev}/registrations");
    let questions = format!("{ev}/questions");
    let memberships = format!("{org}/memberships");
    // (method, path, token, a valid body, the extra field, what to re-read, with whose token)
    let cases: Vec<Case> = vec![
        (
            Method::POST,
            "/api/v1/auth/register".into(),
            None,
            json!({"email": "new@example.org", "password": PASSWORD, "full_name": "New"}),
            "email_verified",
            "/api/v1/organisations".into(),
            None,
        ),
        (
            Method::POST,
            "/api/v1/auth/verify-email".into(),
            None,
            json!({"token": "t"}),
            "person_id",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::POST,
            "/api/v1/auth/login".into(),
            None,
            json!({"email": "ana@example.org", "password": PASSWORD}),
            "role",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::POST,
            "/api/v1/auth/refresh".into(),
            None,
            json!({"refresh_token": ana.refresh}),
            "person_id",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::POST,
            "/api/v1/auth/logout".into(),
            None,
            json!({"refresh_token": ana.refresh}),
            "id",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::POST,
            "/api/v1/auth/password-reset".into(),
            None,
            json!({"email": "ana@example.org"}),
            "id",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::POST,
            "/api/v1/auth/password-reset/confirm".into(),
            None,
            json!({"token": "t", "password": PASSWORD}),
            "email_verified",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::PATCH,
            "/api/v1/me".into(),
            a,
            json!({"full_name": "Ana P."}),
            "platform_role",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::PATCH,
            "/api/v1/me".into(),
            a,
            json!({}),
            "email_verified",
            "/api/v1/me".into(),
            a,
        ),
        (
            Method::POST,
            "/api/v1/organisations".into(),
            adm,
            json!({"slug": "new-org", "name": "New", "kind": "association", "country": "RS"}),
            "id",
            "/api/v1/organisations".into(),
            adm,
        ),
        (
            Method::PATCH,
            org.into(),
            w,
            json!({"name": "Renamed"}),
            "created_at",
            org.into(),
            w,
        ),
        (
            Method::POST,
            format!("{org}/staff"),
            w,
            json!({"email": "ana@example.org", "role": "organiser"}),
            "person_id",
            format!("{org}/staff"),
            w,
        ),
        (
            Method::POST,
            format!("{org}/representatives"),
            w,
            json!({"email": "ana@example.org"}),
            "role",
            format!("{org}/representatives"),
            w,
        ),
        (
            Method::POST,
            format!("{org}/membership-types"),
            w,
            json!({"name": {"en": "Other"}, "member_kind": "person"}),
            "id",
            format!("{org}/membership-types"),
            w,
        ),
        (
            Method::PATCH,
            format!("{org}/membership-types/{type_id}"),
            w,
            json!({"active": false}),
            "member_kind",
            format!("{org}/membership-types"),
            w,
        ),
        (
            Method::POST,
            memberships.clone(),
            a,
            json!({"type_id": type_id}),
            "status",
            memberships.clone(),
            w,
        ),
        (
            Method::PATCH,
            format!("/api/v1/memberships/{membership}"),
            w,
            json!({"action": "approve"}),
            "status",
            memberships.clone(),
            w,
        ),
        (
            Method::POST,
            "/api/v1/events".into(),
            o,
            json!({"organisation": "kc-novi-sad", "kind": "workshop", "starts_at": "2030-01-01T10:00:00Z",
                "ends_at": "2030-01-01T12:00:00Z", "timezone": "Europe/Belgrade", "title": {"en": "New"}}),
            "status",
            "/api/v1/events?org=kc-novi-sad".into(),
            o,
        ),
        (
            Method::PATCH,
            ev.clone(),
            o,
            json!({"capacity": 1}),
            "seats_taken",
            ev.clone(),
            o,
        ),
        (
            Method::PATCH,
            ev.clone(),
            o,
            json!({"partners": [{"organisation_slug": "kc-novi-sad", "role": "venue", "id": 1}]}),
            "id",
            ev.clone(),
            o,
        ),
        (
            Method::POST,
            format!("{ev}/cancel"),
            o,
            json!({"reason": "Rain"}),
            "status",
            ev.clone(),
            o,
        ),
        (
            Method::POST,
            regs.clone(),
            a,
            json!({}),
            "status",
            regs.clone(),
            o,
        ),
        (
            Method::POST,
            regs.clone(),
            None,
            json!({"guest": {"name": "G", "email": "g@example.org"}}),
            "person_id",
            regs.clone(),
            o,
        ),
        (
            Method::POST,
            regs.clone(),
            None,
            json!({"guest": {"name": "G", "email": "g@example.org", "checked_in_at": "2030-01-01T00:00:00Z"}}),
            "checked_in_at",
            regs.clone(),
            o,
        ),
        (
            Method::POST,
            format!("{ev}/check-in"),
            o,
            json!({"code": "NOPE"}),
            "checked_in_at",
            regs.clone(),
            o,
        ),
        (
            Method::POST,
            questions.clone(),
            o,
            json!({"kind": "text", "label": {"en": "Q"}}),
            "id",
            questions.clone(),
            o,
        ),
        (
            Method::PATCH,
            format!("{questions}/{question}"),
            o,
            json!({"required": true}),
            "event_id",
            questions.clone(),
            o,
        ),
        (
            Method::POST,
            "/api/v1/registrations/confirm".into(),
            None,
            json!({"token": "t"}),
            "status",
            regs.clone(),
            o,
        ),
        (
            Method::POST,
            format!("/api/v1/registrations/{registration}/promote"),
            o,
            json!({}),
            "status",
            regs.clone(),
            o,
        ),
        (
            Method::POST,
            format!("{ev}/messages"),
            o,
            json!({"subject": "S", "body": "B", "audience": "all"}),
            "recipients",
            regs.clone(),
            o,
        ),
    ];
    for (method, path, token, body, field, reread, reader) in cases {
        let before = app.get(&reread, reader).await.expect(200).body;
        // Nested objects put the field where it is written; top-level ones get it added.
        let body = if body.to_string().contains(&format!("\"{field}\"")) {
            body
        } else {
            plus(body, field, json!(1))
        };
        let reply = app
            .request(method.clone(), &path, token, Some(body.clone()))
            .await;
        assert_eq!(
            reply.status.as_u16(),
            422,
            "{method} {path} {body}: {}",
            reply.text
        );
        let reply = reply.expect_problem(422);
        assert!(
            reply.body["errors"][field].is_array(),
            "{method} {path}: {field} not named: {}",
            reply.text
        );
        let after = app.get(&reread, reader).await.expect(200).body;
        assert_eq!(before, after, "{method} {path} changed {reread}");
    }
    app.wait_for_outbox_drained().await;
    assert!(app.emails_to("new@example.org").is_empty());
}
