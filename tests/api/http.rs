//! Ops endpoints, error shapes for requests that fail before a handler, OpenAPI and docs.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    let health = app.get("/healthz", None).await.expect(200);
    assert_eq!(health.body["status"], "ok");
    let ready = app.get("/readyz", None).await.expect(200);
    assert_eq!(ready.body["status"], "ready");
}

#[tokio::test]
async fn request_id_is_echoed_or_generated() {
    let app = spawn_app().await;
    let echoed = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(echoed.headers()["x-request-id"], "abc-123");
    let generated = app.client.get(app.url("/healthz")).send().await.unwrap();
    let id = generated.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    let oversized = "x".repeat(300);
    let replaced = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", &oversized)
        .send()
        .await
        .unwrap();
    assert_ne!(replaced.headers()["x-request-id"], oversized.as_str());
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_are_problems() {
    let app = spawn_app().await;
    let missing = app
        .get("/api/v1/nothing-here", None)
        .await
        .expect_problem(404);
    assert!(missing.body["detail"]
        .as_str()
        .unwrap()
        .contains("/api/v1/nothing-here"));
    let wrong_method = app
        .request(reqwest::Method::PUT, "/api/v1/me", None, Some(json!({})))
        .await
        .expect_problem(405);
    assert!(wrong_method.headers.contains_key("allow"));
    app.delete("/api/v1/auth/login", None)
        .await
        .expect_problem(405);
}

#[tokio::test]
async fn malformed_bodies_are_problems() {
    let app = spawn_app().await;
    let url = app.url("/api/v1/auth/login");
    let send = |body: &'static str, content_type: &'static str| {
        app.client
            .post(&url)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let syntax = send("{\"email\": ", "application/json").await.unwrap();
    assert_eq!(syntax.status(), 400);
    assert_eq!(syntax.headers()["content-type"], "application/problem+json");
    let not_json = send("email=a", "application/x-www-form-urlencoded")
        .await
        .unwrap();
    assert_eq!(not_json.status(), 415);
    assert_eq!(
        not_json.headers()["content-type"],
        "application/problem+json"
    );
    let wrong_type = send("{\"email\": 5, \"password\": \"x\"}", "application/json")
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), 422);
    let body: serde_json::Value = wrong_type.json().await.unwrap();
    assert!(body["errors"].is_object(), "{body}");
    let array = send("[]", "application/json").await.unwrap();
    assert_eq!(array.status(), 422);
}

#[tokio::test]
async fn oversized_bodies_are_rejected_with_413() {
    let app = spawn_app().await;
    let name = "x".repeat(70 * 1024);
    let reply = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "big@example.org", "password": "long enough pass", "full_name": name}),
        )
        .await
        .expect_problem(413);
    assert_eq!(reply.body["code"], "payload_too_large");
    assert!(
        app.login("big@example.org", "long enough pass")
            .await
            .status
            == 401,
        "nothing was created"
    );
}

#[tokio::test]
async fn bad_path_parameters_are_not_found() {
    let app = spawn_app().await;
    // Every typed path segment rejects words with 404 rather than 400 or 500.
    app.get("/api/v1/events/not-a-number", None)
        .await
        .expect_problem(404);
    // A climb out of the API (the client normalises it to /etc/passwd) meets the 404 page.
    let outside = app.get("/api/v1/healthz/../../etc/passwd", None).await;
    assert_eq!(outside.status, 404u16);
    assert!(outside.content_type().starts_with("text/html"));
}

#[tokio::test]
async fn openapi_describes_every_route_and_docs_are_served() {
    let app = spawn_app().await;
    let doc = app.get("/api/openapi.json", None).await.expect(200).body;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/auth/register",
        "/api/v1/auth/verify-email",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/auth/password-reset",
        "/api/v1/auth/password-reset/confirm",
        "/api/v1/me",
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/organisations/{slug}/staff",
        "/api/v1/organisations/{slug}/staff/{person}",
        "/api/v1/organisations/{slug}/representatives",
        "/api/v1/organisations/{slug}/representatives/{person}",
        "/api/v1/organisations/{slug}/membership-types",
        "/api/v1/organisations/{slug}/membership-types/{type_id}",
        "/api/v1/organisations/{slug}/memberships",
        "/api/v1/organisations/{slug}/directory",
        "/api/v1/memberships/{id}",
        "/api/v1/me/memberships",
        "/healthz",
        "/readyz",
    ] {
        assert!(paths.contains_key(path), "{path} missing from OpenAPI");
    }
    let register = &doc["paths"]["/api/v1/auth/register"]["post"];
    assert!(register["requestBody"].is_object());
    for status in ["202", "422", "429", "400", "415", "413"] {
        assert!(
            register["responses"][status].is_object(),
            "register lacks {status}"
        );
    }
    assert!(doc["paths"]["/api/v1/me"]["get"]["responses"]["401"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    let transition = &doc["paths"]["/api/v1/memberships/{id}"]["patch"]["responses"];
    for status in ["200", "401", "403", "404", "409", "422"] {
        assert!(
            transition[status].is_object(),
            "PATCH membership lacks {status}"
        );
    }
    let list_params = doc["paths"]["/api/v1/organisations/{slug}/memberships"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    for name in [
        "slug",
        "status",
        "type",
        "member_kind",
        "country",
        "q",
        "expires_before",
        "format",
    ] {
        assert!(
            list_params.iter().any(|p| p == name),
            "{name} missing: {list_params:?}"
        );
    }

    let redirect = app.client.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(redirect.status(), 308);
    let ui = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(ui.status(), 200);
    let html = ui.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    // The vendored bundle is served locally, not fetched from a CDN.
    let bundle = app
        .client
        .get(app.url("/docs/swagger-ui-bundle.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(bundle.status(), 200);
}

#[tokio::test]
async fn a_locked_sqlite_database_answers_503_and_changes_nothing() {
    use diesel::connection::SimpleConnection;
    use diesel::Connection;
    let app = crate::helpers::spawn_app_with(|s| s.database.busy_timeout_ms = 200).await;
    let kolo::db::Backend::Sqlite(path) =
        kolo::db::Backend::from_url(&app.state.settings.database.url)
    else {
        eprintln!("SQLite-only: PostgreSQL row locks have no busy timeout");
        return;
    };
    // Another process holding the write lock, as a backup tool or a stuck writer would.
    let mut other = diesel::SqliteConnection::establish(&path).unwrap();
    other.batch_execute("BEGIN IMMEDIATE").unwrap();
    let reply = app
        .register("locked@example.org", "Locked Out")
        .await
        .expect_problem(503);
    assert_eq!(reply.body["code"], "unavailable");
    other.batch_execute("ROLLBACK").unwrap();
    app.login("locked@example.org", crate::helpers::PASSWORD)
        .await
        .expect_problem(401);
    app.register("locked@example.org", "Locked Out")
        .await
        .expect(202);
}

#[tokio::test]
async fn stopping_the_server_lets_in_flight_requests_finish() {
    let app = spawn_app().await;
    app.register("ana@example.org", "Ana").await.expect(202);
    // A login spends tens of milliseconds hashing; stop the server while it is in flight.
    let login = app.login("ana@example.org", crate::helpers::PASSWORD);
    let stop = async {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        app.handle.stop(true).await;
    };
    let (reply, ()) = tokio::join!(login, stop);
    reply.expect(200);
    assert!(
        app.client.get(app.url("/healthz")).send().await.is_err(),
        "the server still accepts connections"
    );
}
