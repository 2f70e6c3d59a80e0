//! Emails as people receive them, end to end through the API and the worker: sent as the host,
//! answered to the host, and carrying the link for what they ask (a guest's signed link opens
//! exactly their registration).

use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, Email};

fn regs(event: i64) -> String {
    format!("/api/v1/events/{event}/registrations")
}

/// (From display name, Reply-To address, List-Id).
fn headers(email: &Email) -> (String, Option<String>, Option<String>) {
    let parsed = mail_parser::MessageParser::default()
        .parse(email.raw.as_bytes())
        .unwrap();
    let from = parsed
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.name())
        .unwrap_or_default()
        .to_owned();
    let reply_to = parsed
        .reply_to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_owned);
    let list_id = parsed.header_raw("List-Id").map(|v| v.trim().to_owned());
    (from, reply_to, list_id)
}

/// The plain-text part with the line ends a reader's program shows.
fn text(email: &Email) -> String {
    email.text.replace("\r\n", "\n")
}

/// Every URL in the plain-text part.
fn links(email: &Email) -> Vec<String> {
    email
        .text
        .split_whitespace()
        .filter(|w| w.starts_with("http"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn a_guests_confirmation_links_to_exactly_their_registration() {
    let app = spawn_app().await;
    let host = app.organisation("kc-novi-sad", true).await;
    let event = app
        .event(
            host,
            EventSpec {
                guests_allowed: true,
                title: "Poetry night",
                ..EventSpec::default()
            },
        )
        .await;
    let mut ids = Vec::new();
    for (name, email) in [
        ("Ioana Popescu", "ioana@example.ro"),
        ("Ilir Hoxha", "ilir@example.al"),
    ] {
        let reg = app
            .post(
                &regs(event),
                None,
                json!({"guest": {"name": name, "email": email, "locale": "en"}}),
            )
            .await
            .expect(201)
            .body;
        let link = app
            .wait_for_email(email, "registrations/confirm")
            .await
            .link("/registrations/confirm?token=");
        let token = link.split("token=").nth(1).unwrap();
        app.post(
            "/api/v1/registrations/confirm",
            None,
            json!({ "token": token }),
        )
        .await
        .expect(200);
        ids.push(reg["id"].as_i64().unwrap());
    }

    let confirmation = app
        .wait_for_email("ioana@example.ro", "Registration confirmed")
        .await;
    let (from, reply_to, list_id) = headers(&confirmation);
    assert_eq!(from, "Organisation kc-novi-sad via Kolo");
    assert_eq!(reply_to.as_deref(), Some("office@kc-novi-sad.example.org"));
    assert_eq!(list_id, None, "a confirmation is not list mail");
    assert!(
        text(&confirmation)
            .contains("— Organisation kc-novi-sad\noffice@kc-novi-sad.example.org\n"),
        "{}",
        confirmation.text
    );

    let base = app.state.settings.public_url().to_owned();
    let found = links(&confirmation);
    let registration_link = confirmation.link("/registrations/");
    assert_eq!(
        found,
        [registration_link.clone(), format!("{base}/events/{event}")],
        "{}",
        confirmation.text
    );
    let (path, key) = registration_link.split_once("?key=").unwrap();
    assert_eq!(path, format!("{base}/registrations/{}", ids[0]));
    let settings = &app.state.settings;
    assert!(kolo::registrations::guest_link::verify(
        settings, ids[0], key
    ));
    assert!(
        !kolo::registrations::guest_link::verify(settings, ids[1], key),
        "the key opens the other guest's registration"
    );
    assert!(confirmation
        .html
        .contains(&format!("href=\"{registration_link}\"")));

    // The other guest's email carries their own key.
    let other = app
        .wait_for_email("ilir@example.al", "Registration confirmed")
        .await
        .link("/registrations/");
    assert_ne!(other, registration_link);
    assert!(other.starts_with(&format!("{base}/registrations/{}?key=", ids[1])));
}

#[tokio::test]
async fn a_member_applies_and_hears_from_the_host_with_a_link_to_the_membership() {
    let app = spawn_app().await;
    let owner = app.host("nkss").await;
    let type_id = app
        .membership_type(
            &owner,
            "nkss",
            json!({"name": {"en": "Individual member"}, "member_kind": "person",
                   "duration_months": 12}),
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let membership = app
        .apply(&ana, "nkss", json!({"type_id": type_id}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let base = app.state.settings.public_url().to_owned();
    let page = format!("{base}/memberships/{membership}");

    // No contact address yet: no Reply-To, and the footer does not invite a reply.
    let received = app.wait_for_email(&ana.email, "application received").await;
    let (from, reply_to, _) = headers(&received);
    assert_eq!(from, "Host nkss via Kolo");
    assert_eq!(reply_to, None);
    assert_eq!(
        links(&received),
        std::slice::from_ref(&page),
        "{}",
        received.text
    );
    assert!(
        text(&received).contains("— Host nkss\n"),
        "{}",
        received.text
    );

    app.patch(
        "/api/v1/organisations/nkss",
        Some(&owner.token),
        json!({"email": "ured@nkss.example.org", "website": "https://nkss.example.org"}),
    )
    .await
    .expect(200);
    app.act(&owner, membership, json!({"action": "approve"}))
        .await
        .expect(200);
    let approved = app.wait_for_email(&ana.email, "has been approved").await;
    let (from, reply_to, _) = headers(&approved);
    assert_eq!(from, "Host nkss via Kolo");
    assert_eq!(reply_to.as_deref(), Some("ured@nkss.example.org"));
    assert_eq!(
        links(&approved),
        [page, "https://nkss.example.org".to_owned()],
        "{}",
        approved.text
    );
    assert!(
        text(&approved).contains("— Host nkss\nured@nkss.example.org\nhttps://nkss.example.org\n"),
        "{}",
        approved.text
    );
}

#[tokio::test]
async fn account_emails_come_from_the_platform_and_organiser_messages_carry_a_list_id() {
    let app = spawn_app().await;
    app.register("new@example.org", "Nova").await.expect(202);
    let verify = app.wait_for_email("new@example.org", "verify-email").await;
    let (from, reply_to, list_id) = headers(&verify);
    assert_eq!(from, "Kolo");
    assert_eq!((reply_to, list_id), (None, None));

    let host = app.organisation("kc-novi-sad", true).await;
    let organiser = app
        .verified_user("organiser@example.org", "Organiser")
        .await;
    app.staff(host, organiser.id, "organiser").await;
    let event = app.event(host, EventSpec::default()).await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let reg = app
        .post(&regs(event), Some(&ana.token), json!({}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    app.post(
        &format!("/api/v1/events/{event}/messages"),
        Some(&organiser.token),
        json!({"subject": "Doors open at six", "body": "See you!", "audience": "all"}),
    )
    .await
    .expect(202);
    let message = app.wait_for_email(&ana.email, "Doors open at six").await;
    let (from, _, list_id) = headers(&message);
    assert_eq!(from, "Organisation kc-novi-sad via Kolo");
    assert_eq!(
        list_id.as_deref(),
        Some("\"Organisation kc-novi-sad\" <kc-novi-sad.127.0.0.1>")
    );
    // A member's link has no key: the page asks them to sign in.
    let base = app.state.settings.public_url().to_owned();
    assert!(
        links(&message).contains(&format!("{base}/registrations/{reg}")),
        "{}",
        message.text
    );
}
