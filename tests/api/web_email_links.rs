//! Every link Kolo puts in an email opens a page: the flows below make every kind of message
//! the catalogue has, then a signed-out browser follows each link in each email.

use std::collections::BTreeSet;

use serde_json::json;

use crate::event_fixtures::{event_body, with};
use crate::helpers::{plus_months, spawn_app_with, today, TestApp};
use crate::web_client::Browser;

fn links(text: &str, base: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        .filter(|w| w.starts_with(base))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_owned())
        .collect()
}

/// Makes one message of every kind the catalogue has.
async fn every_kind_of_email(app: &TestApp) {
    // Account messages.
    app.register("new@example.org", "Nova Osoba").await;
    app.register("new@example.org", "Nova Osoba").await;
    app.post(
        "/api/v1/auth/password-reset",
        None,
        json!({"email": "new@example.org"}),
    )
    .await;

    // A small workshop: a seat, a waitlist, a guest, a message, a move, a reminder.
    let owner = app.host("kc").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let bob = app.verified_user("bob@example.org", "Bob").await;
    let starts = chrono::Utc::now() + chrono::Duration::hours(20);
    let body = with(
        event_body("kc", "Radionica"),
        json!({"capacity": 1, "guests_allowed": true,
               "starts_at": starts.to_rfc3339(),
               "ends_at": (starts + chrono::Duration::hours(2)).to_rfc3339()}),
    );
    let event = app.published_event(&owner, body).await["id"]
        .as_i64()
        .unwrap();
    let regs = format!("/api/v1/events/{event}/registrations");
    app.post(&regs, Some(&ana.token), json!({}))
        .await
        .expect(201);
    app.post(&regs, Some(&bob.token), json!({}))
        .await
        .expect(201);
    app.post(
        &regs,
        None,
        json!({"guest": {"name": "Gost", "email": "guest@example.org"}}),
    )
    .await
    .expect(201);
    app.post(
        &format!("/api/v1/events/{event}/messages"),
        Some(&owner.token),
        json!({"subject": "Bring a cup", "body": "Please bring a cup.", "audience": "all"}),
    )
    .await
    .expect(202);
    // Registered before the reminder moment (24 hours ahead), so the reminder is due.
    let settings = app.state.settings.clone();
    app.with_conn(move |conn| {
        use diesel::prelude::*;
        use kolo::db::schema::registrations;
        diesel::update(registrations::table.filter(registrations::event_id.eq(event)))
            .set(registrations::created_at.eq(kolo::db::now() - chrono::Duration::days(2)))
            .execute(conn)
            .unwrap();
        kolo::notify::reminders::queue_due(conn, &settings, kolo::db::now()).unwrap()
    })
    .await;
    app.delete(&format!("{regs}/me"), Some(&ana.token))
        .await
        .expect(200);
    let later = starts + chrono::Duration::hours(1);
    app.patch(
        &format!("/api/v1/events/{event}"),
        Some(&owner.token),
        json!({"starts_at": later.to_rfc3339(),
               "ends_at": (later + chrono::Duration::hours(2)).to_rfc3339()}),
    )
    .await
    .expect(200);
    let seminar = with(event_body("kc", "Seminar"), json!({"guests_allowed": true}));
    let other = app.published_event(&owner, seminar).await["id"]
        .as_i64()
        .unwrap();
    let other_regs = format!("/api/v1/events/{other}/registrations");
    app.post(&other_regs, Some(&ana.token), json!({}))
        .await
        .expect(201);
    // A guest who has not confirmed holds no seat: told in words, without an invitation.
    app.post(
        &other_regs,
        None,
        json!({"guest": {"name": "Gost", "email": "guest2@example.org"}}),
    )
    .await
    .expect(201);
    app.post(
        &format!("/api/v1/events/{other}/cancel"),
        Some(&owner.token),
        json!({"reason": "The hall is flooded."}),
    )
    .await
    .expect(200);

    // Memberships: applied, approved, renewed, rejected, expiring, expired.
    let type_id = app
        .membership_type(
            &owner,
            "kc",
            json!({"name": {"en": "Member"}, "member_kind": "person", "duration_months": 12}),
        )
        .await;
    let applied = app
        .apply(&ana, "kc", json!({"type_id": type_id}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    app.act(&owner, applied, json!({"action": "approve"}))
        .await
        .expect(200);
    app.act(&owner, applied, json!({"action": "renew"}))
        .await
        .expect(200);
    let refused = app
        .apply(&bob, "kc", json!({"type_id": type_id}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    app.act(
        &owner,
        refused,
        json!({"action": "reject", "reason": "Not this year."}),
    )
    .await
    .expect(200);
    let ends = plus_months(today(), 24);
    app.sweep(ends - chrono::Duration::days(20)).await;
    app.sweep(ends + chrono::Duration::days(1)).await;
}

#[tokio::test]
async fn every_link_in_every_email_opens_a_page_for_a_signed_out_reader() {
    let app = spawn_app_with(|s| s.events.change_coalesce_secs = 0).await;
    every_kind_of_email(&app).await;
    app.wait_for_outbox_drained().await;

    let mut missing = Vec::new();
    for kind in kolo::notify::catalogue::MESSAGES {
        if app.queued(kind).await.is_empty() {
            missing.push(*kind);
        }
    }
    assert!(
        missing.is_empty(),
        "no email of these kinds was made: {missing:?}"
    );

    // Links are made with server.public_url; the test server listens on its own port.
    let public_url = app.state.settings.public_url().to_owned();
    let emails = app.emails();
    let mut checked = BTreeSet::new();
    for email in &emails {
        let text_links = links(&email.text, &public_url);
        let html_links = links(&email.html.replace("&amp;", "&"), &public_url);
        assert_eq!(
            text_links.iter().collect::<BTreeSet<_>>(),
            html_links.iter().collect::<BTreeSet<_>>(),
            "{}: the text and HTML parts carry different links",
            email.subject
        );
        for link in text_links {
            if !checked.insert(link.clone()) {
                continue;
            }
            let browser = Browser::new(&app);
            let mut page = browser.get(&link.replacen(&public_url, &app.base, 1)).await;
            if page.status == 303 {
                // A member's page asks a signed-out reader to sign in, then comes back.
                let target = page.expect_redirect();
                assert!(
                    target.starts_with("/signin?next="),
                    "{link} sends a signed-out reader to {target}"
                );
                page = browser.get(&target).await;
            }
            assert_eq!(
                page.status, 200,
                "{link} (in \"{}\") answers {}",
                email.subject, page.status
            );
            assert!(
                page.content_type.starts_with("text/html"),
                "{link}: {}",
                page.content_type
            );
        }
    }
    assert!(
        checked.len() >= 10,
        "too few distinct links checked: {checked:?}"
    );
}
