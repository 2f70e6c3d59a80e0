//! A member's and a guest's whole way through Kolo in a real browser, with the emails taken from
//! a local SMTP server: sign up in Serbian Cyrillic, verify from the email, find an event with a
//! Latin search, register, open the registration from the email and cancel it; a guest registers
//! and confirms from the email; unsubscribe from an organiser message; a form error keeps what
//! was typed. At desktop size and on a 360 × 740 phone; axe checks every page on the way.

use serde_json::json;

use super::{open, Browser, Screen};
use crate::event_fixtures::{event_body, with};
use crate::helpers::{spawn_app_with, TestApp, PASSWORD};
use crate::mail::{use_smtp, SmtpServer};

/// The first link to the path `marker` (a prefix) in the newest email to `to` that has one,
/// made relative to the test server (links are written with `server.public_url`).
async fn mail_link(app: &TestApp, smtp: &SmtpServer, to: &str, marker: &str) -> String {
    let public_url = app.state.settings.public_url().to_owned();
    for _ in 0..200 {
        for received in smtp.received_by(to).iter().rev() {
            let Some(message) = mail_parser::MessageParser::default().parse(&received.raw) else {
                continue;
            };
            let text = message.body_text(0).unwrap_or_default().into_owned();
            if let Some(link) = text
                .split_whitespace()
                .find(|w| w.starts_with(&format!("{public_url}{marker}")))
            {
                return link.replacen(&public_url, "", 1);
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no email to {to} with a link containing {marker}");
}

async fn submit(browser: &Browser, form: &str) {
    browser.click(&format!("{form} button[type=submit]")).await;
}

async fn accessible_screenshot(browser: &Browser, name: &str, language: &str) {
    browser
        .assert_accessible(&format!("{name} in {language}"))
        .await;
    browser.screenshot(&format!("{name}-{language}")).await;
}

async fn member_journey(app: &TestApp, smtp: &SmtpServer, screen: Screen, n: usize) {
    let language = "sr-Cyrl";
    let Some(browser) = open(&app.base, screen, language).await else {
        return;
    };
    let email = format!("milica{n}@example.org");

    // Sign up; a too short password is refused next to the field, the rest is kept.
    browser.goto("/signup").await;
    browser.find("html[lang='sr-Cyrl']").await;
    accessible_screenshot(&browser, "signup", language).await;
    browser.fill("#f-full_name", "Милица Јовановић").await;
    browser.fill("#f-email", &email).await;
    browser.fill("#f-password", "short").await;
    submit(&browser, "form[action='/signup']").await;
    browser.find("#e-password").await;
    let kept = browser.find("#f-email").await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some(email.as_str()));
    let name = browser
        .find("#f-full_name")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(name.as_deref(), Some("Милица Јовановић"));
    accessible_screenshot(&browser, "signup-error", language).await;
    browser.fill("#f-password", PASSWORD).await;
    submit(&browser, "form[action='/signup']").await;

    // Verify from the email.
    let verify = mail_link(app, smtp, &email, "/verify-email?token=").await;
    browser.goto(&verify).await;
    accessible_screenshot(&browser, "verify", language).await;
    submit(&browser, "form[action='/verify-email']").await;
    browser.find("main").await;

    // Sign in.
    browser.goto("/signin").await;
    browser.fill("#f-email", &email).await;
    browser.fill("#f-password", PASSWORD).await;
    submit(&browser, "form[action^='/signin']").await;
    browser.find("form[action='/signout']").await;

    // Find the Cyrillic event with a Latin search from the front page.
    browser.goto("/").await;
    browser.fill("#f-q", "radionica savremenog").await;
    submit(&browser, "form.filters").await;
    accessible_screenshot(&browser, "front-search", language).await;
    browser.click("main a[href^='/events/']").await;
    browser.find("form[action$='/register']").await;
    accessible_screenshot(&browser, "event", language).await;
    submit(&browser, "form[action$='/register']").await;

    // The registration page, then the same page from the confirmation email: cancel.
    browser.find(".code").await;
    let path = browser.path().await;
    assert!(path.starts_with("/registrations/"), "registered to {path}");
    accessible_screenshot(&browser, "registration", language).await;
    let from_email = mail_link(app, smtp, &email, "/registrations/").await;
    browser.goto(&from_email).await;
    browser.click("#f-confirm").await;
    submit(&browser, "form[action$='/cancel']").await;
    browser.find(".notice").await;
    assert_eq!(
        browser.count("form[action$='/cancel']").await,
        0,
        "a cancelled registration offers no cancel"
    );
    browser.goto("/me/registrations").await;
    accessible_screenshot(&browser, "my-registrations", language).await;
}

async fn guest_journey(app: &TestApp, smtp: &SmtpServer, event: i64, screen: Screen, n: usize) {
    let language = "en";
    let Some(browser) = open(&app.base, screen, language).await else {
        return;
    };
    let email = format!("guest{n}@example.org");
    browser.goto(&format!("/events/{event}")).await;
    browser.fill("#f-guest_name", "Guest Person").await;
    browser.fill("#f-guest_email", &email).await;
    submit(&browser, "form[action$='/register']").await;
    browser.wait_for_path("/check-email").await;
    accessible_screenshot(&browser, "guest-check-email", language).await;

    let confirm = mail_link(app, smtp, &email, "/registrations/confirm?token=").await;
    browser.goto(&confirm).await;
    accessible_screenshot(&browser, "guest-confirm", language).await;
    submit(&browser, "form[action='/registrations/confirm']").await;
    // The confirmed page links to the guest's own registration page (a signed link).
    browser.click("main a[href*='key=']").await;
    browser.find(".code").await;
    accessible_screenshot(&browser, "guest-registration", language).await;
}

async fn unsubscribe_journey(app: &TestApp, smtp: &SmtpServer, to: &str, screen: Screen) {
    let language = "sr-Cyrl";
    let Some(browser) = open(&app.base, screen, language).await else {
        return;
    };
    let link = mail_link(app, smtp, to, "/unsubscribe?token=").await;
    browser.goto(&link).await;
    accessible_screenshot(&browser, "unsubscribe", language).await;
    submit(&browser, "form[action='/unsubscribe']").await;
    browser.find("main h1").await;
    accessible_screenshot(&browser, "unsubscribed", language).await;
}

#[tokio::test]
async fn members_and_guests_use_kolo_from_their_email_and_browser() {
    let smtp = SmtpServer::running(&[]);
    let app = spawn_app_with(|s| use_smtp(s, smtp.port)).await;
    // Made in the database: the SMTP server, not the mail folder, receives this test's email.
    let host = app
        .organisation_named("nkss", "Nezavisna kulturna scena Srbije", true)
        .await;
    let owner = app.many_people(1, "owner").await.remove(0);
    app.staff(host, owner.id, "owner").await;
    let body = with(
        event_body("nkss", "unused"),
        json!({"default_locale": "sr-Cyrl", "guests_allowed": true, "capacity": 30,
               "title": {"sr-Cyrl": "Радионица савременог плеса"},
               "summary": {"sr-Cyrl": "Два дана рада са кореографима из региона."}}),
    );
    let event = app.published_event(&owner, body).await["id"]
        .as_i64()
        .unwrap();

    for (n, screen) in [Screen::Desktop, Screen::Phone].into_iter().enumerate() {
        member_journey(&app, &smtp, screen, n).await;
        guest_journey(&app, &smtp, event, screen, n).await;
    }

    // An organiser message to everyone registered; a confirmed guest unsubscribes from it.
    app.post(
        &format!("/api/v1/events/{event}/messages"),
        Some(&owner.token),
        json!({"subject": "Сала је промењена", "body": "Видимо се у сали 2.", "audience": "all"}),
    )
    .await
    .expect(202);
    for (n, screen) in [Screen::Desktop, Screen::Phone].into_iter().enumerate() {
        unsubscribe_journey(&app, &smtp, &format!("guest{n}@example.org"), screen).await;
    }
    let unsubscribed = app
        .post(
            &format!("/api/v1/events/{event}/messages"),
            Some(&owner.token),
            json!({"subject": "Још једном", "body": "Подсетник.", "audience": "all"}),
        )
        .await;
    assert_eq!(unsubscribed.status, 202);
    assert!(
        app.queued_to("organiser_message", "guest0@example.org")
            .await
            .len()
            == 1,
        "the unsubscribed guest got the second message too"
    );
}
