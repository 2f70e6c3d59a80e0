//! Caps on what a client may send (body size, page size, string lengths, counts), security
//! headers on every answer, and CORS only for configured origins.

use reqwest::Method;
use serde_json::{json, Value};

use crate::event_fixtures::cast;
use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, spawn_app_with, Reply, PASSWORD};

#[tokio::test]
async fn every_oversized_body_is_413_problem_json_whatever_its_type() {
    let app = spawn_app().await;
    let big = "x".repeat(65 * 1024);
    for (path, content_type) in [
        ("/api/v1/auth/login", "application/json"),
        (
            "/api/v1/unsubscribe?token=t",
            "application/x-www-form-urlencoded",
        ),
        ("/api/v1/unsubscribe?token=t", "text/csv"),
        ("/api/v1/unsubscribe?token=t", "application/octet-stream"),
    ] {
        let reply = app
            .client
            .post(app.url(path))
            .header("content-type", content_type)
            .body(big.clone())
            .send()
            .await
            .unwrap();
        let status = reply.status().as_u16();
        let ct = reply.headers()["content-type"].to_str().unwrap().to_owned();
        let body: Value = reply.json().await.unwrap();
        assert_eq!(
            (status, body["code"].as_str()),
            (413, Some("payload_too_large")),
            "{path} {content_type}"
        );
        assert!(ct.starts_with("application/problem+json"), "{ct}");
    }
}

#[tokio::test]
async fn pages_hold_at_most_100_items() {
    let app = spawn_app().await;
    let admin = app.admin("admin@example.org").await;
    for path in [
        "/api/v1/events",
        "/api/v1/organisations",
        "/api/v1/me/registrations",
        "/api/v1/me/memberships",
        "/api/v1/admin/outbox",
    ] {
        let over = app
            .get(&format!("{path}?per_page=101"), Some(&admin.token))
            .await
            .expect_problem(422);
        assert!(
            over.body["errors"]["per_page"].is_array(),
            "{path}: {}",
            over.text
        );
        app.get(&format!("{path}?per_page=100"), Some(&admin.token))
            .await
            .expect(200);
    }
}

#[tokio::test]
async fn every_kind_of_string_field_has_a_maximum_length() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let event = app.event(c.host, EventSpec::default()).await;
    let long = |n: usize| "x".repeat(n);
    let organiser = Some(c.organiser.token.as_str());
    let cases: Vec<(&str, String, Option<&str>, Value, &str)> = vec![
        (
            "POST",
            "/api/v1/auth/register".into(),
            None,
            json!({"email": "a@example.org", "password": PASSWORD, "full_name": long(201)}),
            "full_name",
        ),
        (
            "POST",
            "/api/v1/auth/register".into(),
            None,
            json!({"email": format!("{}@example.org", long(250)), "password": PASSWORD, "full_name": "A"}),
            "email",
        ),
        (
            "POST",
            "/api/v1/auth/login".into(),
            None,
            json!({"email": "a@example.org", "password": long(129)}),
            "password",
        ),
        (
            "POST",
            "/api/v1/auth/login".into(),
            None,
            json!({"email": long(255), "password": PASSWORD}),
            "email",
        ),
        (
            "POST",
            "/api/v1/auth/verify-email".into(),
            None,
            json!({"token": long(257)}),
            "token",
        ),
        (
            "POST",
            "/api/v1/auth/refresh".into(),
            None,
            json!({"refresh_token": long(257)}),
            "refresh_token",
        ),
        (
            "POST",
            "/api/v1/auth/password-reset".into(),
            None,
            json!({"email": long(255)}),
            "email",
        ),
        (
            "POST",
            "/api/v1/auth/password-reset/confirm".into(),
            None,
            json!({"token": long(257), "password": PASSWORD}),
            "token",
        ),
        (
            "PATCH",
            "/api/v1/me".into(),
            organiser,
            json!({"full_name": long(201)}),
            "full_name",
        ),
        (
            "PATCH",
            format!("/api/v1/events/{event}"),
            organiser,
            json!({"title": {"en": long(201)}}),
            "title.en",
        ),
        (
            "PATCH",
            format!("/api/v1/events/{event}"),
            organiser,
            json!({"city": long(101)}),
            "city",
        ),
        (
            "POST",
            format!("/api/v1/events/{event}/cancel"),
            organiser,
            json!({"reason": long(1001)}),
            "reason",
        ),
        (
            "POST",
            format!("/api/v1/events/{event}/messages"),
            organiser,
            json!({"subject": long(201), "body": "b", "audience": "all"}),
            "subject",
        ),
        (
            "POST",
            format!("/api/v1/events/{event}/check-in"),
            organiser,
            json!({"code": long(257)}),
            "code",
        ),
        (
            "POST",
            format!("/api/v1/events/{event}/questions"),
            organiser,
            json!({"kind": "text", "label": {"en": long(501)}}),
            "label",
        ),
        (
            "POST",
            "/api/v1/registrations/confirm".into(),
            None,
            json!({"token": long(257)}),
            "token",
        ),
        (
            "PATCH",
            "/api/v1/organisations/kc-novi-sad".into(),
            Some(c.owner.token.as_str()),
            json!({"name": long(201)}),
            "name",
        ),
    ];
    for (method, path, token, body, field) in cases {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let reply = app.request(method, &path, token, Some(body)).await;
        let reply = reply.expect_problem(422);
        let named = reply.body["errors"]
            .as_object()
            .unwrap()
            .keys()
            .any(|k| k == field || k.starts_with(&format!("{field}.")));
        assert!(named, "{path}: {field} not named: {}", reply.text);
    }
    // Nothing changed: the event is still there, uncancelled, with its title.
    let after = app
        .get(&format!("/api/v1/events/{event}"), organiser)
        .await
        .expect(200);
    assert_eq!(after.body["status"], "published");
    assert_eq!(after.body["city"], "Novi Sad");
}

fn partner(i: usize) -> Value {
    json!({"organisation_slug": format!("partner-{i}"), "role": "partner"})
}

#[tokio::test]
async fn events_have_at_most_30_partners_and_50_questions() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let event = app.event(c.host, EventSpec::default()).await;
    let organiser = Some(c.organiser.token.as_str());
    let partners: Vec<Value> = (0..31).map(partner).collect();
    let reply = app
        .patch(
            &format!("/api/v1/events/{event}"),
            organiser,
            json!({ "partners": partners }),
        )
        .await
        .expect_problem(422);
    assert!(
        reply.body["errors"]["partners"].is_array(),
        "{}",
        reply.text
    );

    let questions = format!("/api/v1/events/{event}/questions");
    let mut ids = Vec::new();
    for i in 0..50 {
        let q = app
            .post(
                &questions,
                organiser,
                json!({"kind": "text", "label": {"en": format!("Q{i}")}}),
            )
            .await
            .expect(201);
        ids.push(q.body["id"].as_i64().unwrap());
    }
    let refused = app
        .post(
            &questions,
            organiser,
            json!({"kind": "text", "label": {"en": "One too many"}}),
        )
        .await
        .expect_problem(422);
    assert!(
        refused.body["errors"]["questions"].is_array(),
        "{}",
        refused.text
    );
    let listed = app.get(&questions, organiser).await.expect(200);
    assert_eq!(listed.body.as_array().map(Vec::len), Some(50));

    // More answers than an event can have questions is refused before anything is looked at.
    let member = app.verified_user("ana@example.org", "Ana").await;
    let mut answers = serde_json::Map::new();
    for i in 0..51 {
        answers.insert(format!("{}", 100_000 + i), json!("a"));
    }
    let reply = app
        .post(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&member.token),
            json!({ "answers": answers }),
        )
        .await
        .expect_problem(422);
    assert!(reply.body["errors"]["answers"].is_array(), "{}", reply.text);
    assert_eq!(app.seats_taken(event).await, 0);
}

fn assert_security_headers(reply: &Reply, what: &str) {
    // Pages keep the origin on their own form posts (the CSRF origin check needs it); API
    // answers send no referrer at all.
    let page_csp = reply
        .headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("form-action 'self'"));
    let referrer = if page_csp {
        "same-origin"
    } else {
        "no-referrer"
    };
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", referrer),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(
            reply.headers.get(name).and_then(|v| v.to_str().ok()),
            Some(value),
            "{what}: {name}"
        );
    }
    assert!(
        reply.headers.contains_key("content-security-policy"),
        "{what}"
    );
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = spawn_app().await;
    assert_security_headers(&app.get("/healthz", None).await.expect(200), "healthz");
    assert_security_headers(&app.get("/api/v1/events", None).await.expect(200), "list");
    assert_security_headers(
        &app.get("/api/v1/nowhere", None).await.expect_problem(404),
        "404",
    );
    // Outside the API an unknown path is a page (the 404 page), with the same headers.
    assert_security_headers(&app.get("/nowhere", None).await.expect(404), "page 404");
    assert_security_headers(
        &app.get("/api/v1/me", None).await.expect_problem(401),
        "401",
    );
    assert_security_headers(
        &app.post("/api/v1/auth/login", None, json!({"nope": 1}))
            .await
            .expect_problem(422),
        "422",
    );
    assert_security_headers(
        &app.delete("/api/v1/events", None).await.expect_problem(405),
        "405",
    );
}

#[tokio::test]
async fn the_docs_have_a_strict_csp_and_load_only_served_files() {
    let app = spawn_app().await;
    let page = app.get("/docs/", None).await.expect(200);
    assert_security_headers(&page, "docs");
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("style-src 'self'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    // No inline script or style: every script and stylesheet is a file the server serves.
    let html = page.text;
    assert!(!html.contains("<style"), "inline style in {html}");
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert!(!scripts.is_empty());
    for script in scripts {
        let src = script
            .split("src=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("inline script: {script}"));
        let path = format!("/docs/{}", src.trim_start_matches("./"));
        app.get(&path, None).await.expect(200);
    }
    for css in ["/docs/swagger-ui.css", "/docs/index.css"] {
        app.get(css, None).await.expect(200);
    }
}

async fn preflight(app: &crate::helpers::TestApp, origin: &str) -> Reply {
    app.request_with_headers(
        Method::OPTIONS,
        "/api/v1/auth/login",
        &[
            ("origin", origin),
            ("access-control-request-method", "POST"),
            ("access-control-request-headers", "content-type"),
        ],
        None,
    )
    .await
}

fn allow_origin(reply: &Reply) -> Option<&str> {
    reply
        .headers
        .get("access-control-allow-origin")
        .and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn cors_answers_only_configured_origins() {
    let app = spawn_app_with(|s| {
        s.server.cors_allowed_origins = vec!["https://app.example.org".into()];
    })
    .await;
    let ok = preflight(&app, "https://app.example.org").await;
    assert!(ok.status.is_success(), "{ok:?}");
    assert_eq!(allow_origin(&ok), Some("https://app.example.org"));
    let evil = preflight(&app, "https://evil.example").await;
    assert_eq!(allow_origin(&evil), None, "{evil:?}");
    for (origin, allowed) in [
        ("https://app.example.org", Some("https://app.example.org")),
        ("https://evil.example", None),
    ] {
        let reply = app
            .get_with_headers("/api/v1/events", None, &[("origin", origin)])
            .await
            .expect(200);
        assert_eq!(allow_origin(&reply), allowed, "{origin}");
    }
    // Errors carry it too, so the app can read them.
    let problem = app
        .get_with_headers("/api/v1/me", None, &[("origin", "https://app.example.org")])
        .await
        .expect_problem(401);
    assert_eq!(allow_origin(&problem), Some("https://app.example.org"));
}

#[tokio::test]
async fn without_configured_origins_there_is_no_cors() {
    let app = spawn_app().await;
    assert_eq!(
        allow_origin(&preflight(&app, "https://app.example.org").await),
        None
    );
    let get = app
        .get_with_headers(
            "/api/v1/events",
            None,
            &[("origin", "https://app.example.org")],
        )
        .await
        .expect(200);
    assert_eq!(allow_origin(&get), None);
}
