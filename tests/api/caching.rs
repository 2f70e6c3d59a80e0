//! Cache-Control on every class of answer, and conditional reads of the public event feeds.

use serde_json::json;

use crate::event_fixtures::{cast, event_body};
use crate::helpers::{spawn_app, Reply, PASSWORD};

/// Every value of a header, joined as one.
fn header(reply: &Reply, name: &str) -> String {
    reply
        .headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ")
}

#[tokio::test]
async fn tokens_and_personal_data_are_never_stored() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let admin = app.admin("admin@example.org").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let event = app
        .published_event(&c.organiser, event_body("kc-novi-sad", "Open day"))
        .await["id"]
        .as_i64()
        .unwrap();
    let registered = app
        .post(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&ana.token),
            json!({}),
        )
        .await
        .expect(201);
    assert_eq!(header(&registered, "cache-control"), "no-store");

    let login = app.login(&ana.email, PASSWORD).await.expect(200);
    assert_eq!(header(&login, "cache-control"), "no-store");
    let refresh = login.body["refresh_token"].as_str().unwrap().to_owned();
    let refreshed = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh}),
        )
        .await
        .expect(200);
    assert_eq!(header(&refreshed, "cache-control"), "no-store");

    let roster = format!("/api/v1/events/{event}/registrations");
    let roster_csv = format!("{roster}?format=csv");
    for (path, token) in [
        ("/api/v1/me", &ana.token),
        ("/api/v1/me/export", &ana.token),
        ("/api/v1/me/registrations", &ana.token),
        ("/api/v1/me/memberships", &ana.token),
        (roster.as_str(), &c.organiser.token),
        (roster_csv.as_str(), &c.organiser.token),
        (
            "/api/v1/organisations/kc-novi-sad/memberships",
            &c.owner.token,
        ),
        ("/api/v1/organisations/kc-novi-sad/staff", &c.owner.token),
        ("/api/v1/organisations/kc-novi-sad/audit", &c.owner.token),
        ("/api/v1/admin/outbox", &admin.token),
    ] {
        let reply = app.get(path, Some(token)).await.expect(200);
        assert_eq!(header(&reply, "cache-control"), "no-store", "{path}");
    }
    // Refusals on those routes too.
    let refused = app.get("/api/v1/me", None).await.expect_problem(401);
    assert_eq!(header(&refused, "cache-control"), "no-store");
}

#[tokio::test]
async fn other_signed_in_answers_are_private_and_revalidated() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let signed_in = app
        .get("/api/v1/organisations", Some(&ana.token))
        .await
        .expect(200);
    assert_eq!(header(&signed_in, "cache-control"), "private, no-cache");
    let anonymous = app.get("/api/v1/organisations", None).await.expect(200);
    assert_eq!(header(&anonymous, "cache-control"), "");
}

#[tokio::test]
async fn public_event_reads_answer_304_to_their_etag() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let event = app
        .published_event(&c.organiser, event_body("kc-novi-sad", "Open day"))
        .await["id"]
        .as_i64()
        .unwrap();
    let reads = [
        "/api/v1/events".to_owned(),
        "/api/v1/events.ics".to_owned(),
        format!("/api/v1/events/{event}"),
        format!("/api/v1/events/{event}/event.ics"),
        format!("/api/v1/events/{event}/sessions"),
    ];
    let mut tags = Vec::new();
    for path in &reads {
        let first = app.get(path, None).await.expect(200);
        let tag = header(&first, "etag");
        assert!(tag.starts_with('"') && tag.len() > 20, "{path}: {tag}");
        assert_eq!(header(&first, "cache-control"), "no-cache", "{path}");
        let vary = header(&first, "vary");
        assert!(
            vary.contains("Accept-Language") && vary.contains("Authorization"),
            "{path}: {vary}"
        );
        let again = app
            .get_with_headers(path, None, &[("if-none-match", &tag)])
            .await
            .expect(304);
        assert!(again.text.is_empty(), "{path}: {}", again.text);
        assert_eq!(header(&again, "etag"), tag, "{path}");
        assert_eq!(header(&again, "cache-control"), "no-cache", "{path}");
        // Weak comparison, and a list of tags.
        let weak = format!("\"other\", W/{tag}");
        app.get_with_headers(path, None, &[("if-none-match", &weak)])
            .await
            .expect(304);
        let stale = app
            .get_with_headers(path, None, &[("if-none-match", "\"stale\"")])
            .await
            .expect(200);
        assert_eq!(header(&stale, "etag"), tag, "{path}");
        tags.push(tag);
    }

    // A change makes every old tag stale.
    app.patch(
        &format!("/api/v1/events/{event}"),
        Some(&c.organiser.token),
        json!({"title": {"en": "Open day, moved"}}),
    )
    .await
    .expect(200);
    for (path, old) in reads.iter().zip(&tags) {
        if path.ends_with("/sessions") {
            continue; // no sessions: the empty page did not change
        }
        let fresh = app
            .get_with_headers(path, None, &[("if-none-match", old)])
            .await
            .expect(200);
        assert_ne!(&header(&fresh, "etag"), old, "{path}");
    }

    // The same reads for a signed-in reader may differ per person: private.
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let path = format!("/api/v1/events/{event}");
    let mine = app.get(&path, Some(&ana.token)).await.expect(200);
    assert_eq!(header(&mine, "cache-control"), "private, no-cache");
    let tag = header(&mine, "etag");
    let again = app
        .get_with_headers(&path, Some(&ana.token), &[("if-none-match", &tag)])
        .await
        .expect(304);
    assert_eq!(header(&again, "cache-control"), "private, no-cache");
    // A missing event is no 304, whatever the tag.
    app.get_with_headers("/api/v1/events/999999", None, &[("if-none-match", "*")])
        .await
        .expect_problem(404);
}
