//! The server accepts what the OpenAPI document allows and refuses the rest, in the places
//! where serde or trimming used to disagree with JSON Schema (Schemathesis runs the document
//! as a whole in CI: .ci/schemathesis).

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_body_that_is_not_an_object_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    for body in [
        json!([null, null]),
        json!(["Someone Else"]),
        json!("x"),
        json!(3),
    ] {
        let reply = app
            .patch("/api/v1/me", Some(&user.token), body.clone())
            .await
            .expect_problem(422);
        assert_eq!(
            reply.body["errors"]["body"][0], "must be a JSON object",
            "{body}"
        );
    }
    let me = app.get("/api/v1/me", Some(&user.token)).await.expect(200);
    assert_eq!(me.body["full_name"], "Ana");
}

#[tokio::test]
async fn a_whole_number_written_with_a_fraction_is_an_integer() {
    let app = spawn_app().await;
    let owner = app.host("host").await;
    let id = app
        .membership_type(
            &owner,
            "host",
            json!({"name": {"en": "Friend"}, "member_kind": "person", "duration_months": 12.0}),
        )
        .await;
    let types = app
        .get("/api/v1/organisations/host/membership-types", None)
        .await
        .expect(200);
    let created = types.body["items"]
        .as_array()
        .or_else(|| types.body.as_array())
        .and_then(|items| items.iter().find(|t| t["id"] == json!(id)))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(created["duration_months"], json!(12));
    // A real fraction is still the wrong type.
    let reply = app
        .post(
            "/api/v1/organisations/host/membership-types",
            Some(&owner.token),
            json!({"name": {"en": "Half"}, "member_kind": "person", "duration_months": 12.5}),
        )
        .await
        .expect_problem(422);
    assert!(reply.text.contains("floating point"), "{}", reply.text);
}

#[tokio::test]
async fn length_limits_count_what_was_sent_white_space_included() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    let padded = format!("  {}", "a".repeat(199));
    let reply = app
        .patch(
            "/api/v1/me",
            Some(&user.token),
            json!({"full_name": padded}),
        )
        .await
        .expect_problem(422);
    assert_eq!(
        reply.body["errors"]["full_name"][0],
        "must be at most 200 characters"
    );
    app.patch(
        "/api/v1/me",
        Some(&user.token),
        json!({"full_name": format!(" {} ", "a".repeat(198))}),
    )
    .await
    .expect(200);
    let me = app.get("/api/v1/me", Some(&user.token)).await.expect(200);
    assert_eq!(me.body["full_name"], "a".repeat(198));
}

#[tokio::test]
async fn documented_paths_answer_other_methods_with_405() {
    let app = spawn_app().await;
    for path in ["/healthz", "/readyz", "/metrics", "/api/v1/events"] {
        let method = Method::from_bytes(b"TRACE").unwrap();
        let reply = app.request(method, path, None, None).await;
        assert_eq!(reply.status.as_u16(), 405, "{path}: {}", reply.text);
        assert!(reply.content_type().starts_with("application/problem+json"));
    }
}

#[tokio::test]
async fn a_roster_spreadsheet_refuses_a_page_out_of_bounds_like_the_json_roster() {
    let app = spawn_app().await;
    let host = app.organisation("host", true).await;
    let owner = app.verified_user("owner@example.org", "Oto Owner").await;
    app.staff(host, owner.id, "owner").await;
    let event = app.event(host, crate::fixtures::EventSpec::default()).await;
    for format in ["json", "csv"] {
        let path = format!("/api/v1/events/{event}/registrations?format={format}&per_page=101");
        app.get(&path, Some(&owner.token)).await.expect_problem(422);
    }
}

#[test]
fn the_document_describes_both_content_types_of_the_spreadsheets() {
    let doc = serde_json::to_value(kolo::http::openapi::document()).unwrap();
    for path in [
        "/api/v1/events/{id}/registrations",
        "/api/v1/organisations/{slug}/memberships",
    ] {
        let content = &doc["paths"][path]["get"]["responses"]["200"]["content"];
        assert!(content["application/json"].is_object(), "{path}");
        assert!(content["text/csv"].is_object(), "{path}");
    }
}

#[tokio::test]
async fn a_nul_character_is_refused_wherever_it_is_sent() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    // PostgreSQL cannot compare text holding U+0000: these were 500s there.
    let reply = app
        .get("/api/v1/events?org=a%00b&city=x", None)
        .await
        .expect_problem(422);
    assert_eq!(
        reply.body["errors"]["query"][0],
        "must not contain NUL characters (U+0000)"
    );
    app.get("/api/v1/organisations/a%00b", None)
        .await
        .expect_problem(404);
    let reply = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "ana@example.org\u{0}", "password": "x"}),
        )
        .await
        .expect_problem(422);
    assert_eq!(
        reply.body["errors"]["body"][0],
        "must not contain NUL characters (U+0000)"
    );
    let me = app.get("/api/v1/me", Some(&user.token)).await.expect(200);
    assert_eq!(me.body["full_name"], "Ana");
}
