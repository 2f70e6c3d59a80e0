//! Registering from the event page as a member (answering the event's questions) and as a
//! guest.

use serde_json::json;

use crate::event_fixtures::cast;
use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp, User};
use crate::web_client::Browser;
use crate::web_events::signed_in;

pub fn registration_id(location: &str) -> i64 {
    location
        .strip_prefix("/registrations/")
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a registration page: {location}"))
}

async fn registration(app: &TestApp, user: &User, id: i64) -> serde_json::Value {
    app.get(&format!("/api/v1/registrations/{id}"), Some(&user.token))
        .await
        .expect(200)
        .body
}

#[tokio::test]
async fn a_member_registers_in_one_step_answering_the_events_questions() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let id = app.event(c.host, EventSpec::default()).await;
    let questions = format!("/api/v1/events/{id}/questions");
    let diet = app
        .post(
            &questions,
            Some(&c.owner.token),
            json!({"kind": "text", "required": true,
            "label": {"en": "Dietary needs", "sr-Latn": "Ishrana"}}),
        )
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let days = app
        .post(
            &questions,
            Some(&c.owner.token),
            json!({"kind": "multiple_choice",
            "label": {"en": "Days"}, "choices": [{"key": "mon", "label": {"en": "Monday"}},
            {"key": "tue", "label": {"en": "Tuesday"}}]}),
        )
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let member = app.verified_user("ana@example.org", "Ana").await;
    let browser = signed_in(&app, &member).await;
    let path = format!("/events/{id}");
    let page = browser.get(&path).await.expect_html();
    assert!(
        page.contains(&format!(
            r#"<label for="f-a-{diet}">Dietary needs <span class="small">(required)</span></label>"#
        )),
        "{}",
        page.body
    );
    assert!(page.contains(&format!(r#"name="a-{days}" value="tue""#)));

    // The required answer is missing: 422, the message by the field, the rest kept.
    let action = format!("/events/{id}/register");
    let days_field = format!("a-{days}");
    let missing = browser
        .submit(&path, &action, &[("for", "self"), (&days_field, "tue")])
        .await
        .expect(422);
    assert!(
        missing.contains(&format!(
            r#"<p class="field-error" id="e-a-{diet}">Please fill this in.</p>"#
        )),
        "{}",
        missing.body
    );
    assert!(missing.contains(r#"value="tue" checked"#));
    assert!(missing.contains(r#"role="alert""#));

    let diet_field = format!("a-{diet}");
    // Cyrillic text, percent-encoded, outgrows a default 16 KiB form body; the page takes it.
    let long_form = browser
        .submit(
            &path,
            &action,
            &[
                ("for", "self"),
                (&days_field, "tue"),
                ("x", &"ш".repeat(3000)),
                (&diet_field, ""),
            ],
        )
        .await
        .expect(422);
    assert!(long_form.contains("Please fill this in."));

    let done = browser
        .submit(
            &path,
            &action,
            &[
                ("for", "self"),
                (&diet_field, "vegetarian"),
                (&days_field, "mon"),
                (&days_field, "tue"),
            ],
        )
        .await;
    let location = done.expect_redirect();
    assert!(
        location.ends_with("?notice=events-notice-registered"),
        "{location}"
    );
    let reg = registration(&app, &member, registration_id(&location)).await;
    assert_eq!(reg["status"], "confirmed");
    assert_eq!(reg["answers"][diet.to_string()], "vegetarian");
    assert_eq!(reg["answers"][days.to_string()], json!(["mon", "tue"]));

    // The page now says so; registering again is explained, with a link.
    let page = browser.get(&path).await.expect_html();
    assert!(page.contains("You are registered for this event."));
    let again = browser
        .submit(&path, &action, &[("for", "self"), (&diet_field, "none")])
        .await
        .expect(409);
    assert!(again.contains("You are already registered for this event."));
    assert!(again.contains(&format!(r#"href="/registrations/{}""#, reg["id"])));
}

#[tokio::test]
async fn a_guest_registers_and_is_asked_to_check_their_email() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let open = app
        .event(
            c.host,
            EventSpec {
                guests_allowed: true,
                ..EventSpec::default()
            },
        )
        .await;
    let browser = Browser::new(&app);
    let path = format!("/events/{open}");
    let page = browser.get(&path).await.expect_html();
    assert!(page.contains(r#"name="guest_email""#));

    let action = format!("/events/{open}/register");
    let bad = browser
        .submit(
            &path,
            &action,
            &[
                ("guest_name", "Gost Gostić"),
                ("guest_email", "not-an-email"),
            ],
        )
        .await
        .expect(422);
    assert!(bad.contains(r#"id="e-guest_email""#));
    assert!(bad.contains(r#"value="Gost Gostić""#));
    assert!(app.queued("guest_confirm").await.is_empty());

    let done = browser
        .submit(
            &path,
            &action,
            &[
                ("guest_name", "Gost Gostić"),
                ("guest_email", "gost@example.org"),
            ],
        )
        .await;
    assert_eq!(
        done.expect_redirect(),
        format!("/events/{open}/check-email")
    );
    let check = browser.follow(&done).await.expect_html();
    assert!(check.contains("Check your email"));
    assert_eq!(
        app.queued_to("guest_confirm", "gost@example.org")
            .await
            .len(),
        1
    );

    // Where guests are not taken, a signed-out reader is sent to sign in, and a guest POST
    // is refused with the reason.
    let members = app.event(c.host, EventSpec::default()).await;
    let path = format!("/events/{members}");
    let page = browser.get(&path).await.expect_html();
    assert!(page.contains("Sign in or create an account to register for this event."));
    assert!(page.contains(&format!(r#"href="/signin?next=/events/{members}""#)));
    assert!(page.contains(&format!(r#"href="/signup?next=/events/{members}""#)));
    // The anonymous form token is the browser's, whichever page it came from.
    let csrf = check_token(&browser, open).await;
    let refused = browser
        .post(
            &format!("/events/{members}/register"),
            &[
                ("csrf", &csrf),
                ("guest_name", "Gost"),
                ("guest_email", "g2@example.org"),
            ],
        )
        .await
        .expect(403);
    assert!(refused.contains("does not take registrations without an account"));
}

#[tokio::test]
async fn guest_registrations_from_the_page_share_the_apis_limit() {
    let app = crate::helpers::spawn_app_with(|s| {
        s.limits.enabled = true;
        s.limits.guest_registration_per_account_per_hour = 1;
    })
    .await;
    let c = cast(&app).await;
    let event = app
        .event(
            c.host,
            EventSpec {
                guests_allowed: true,
                ..EventSpec::default()
            },
        )
        .await;
    app.post(
        &format!("/api/v1/events/{event}/registrations"),
        None,
        serde_json::json!({"guest": {"name": "Guest", "email": "g@example.org"}}),
    )
    .await
    .expect(201);
    let browser = crate::web_client::Browser::new(&app);
    let path = format!("/events/{event}");
    let action = format!("/events/{event}/register");
    let limited = browser
        .submit(
            &path,
            &action,
            &[("guest_name", "Guest"), ("guest_email", "G@example.org")],
        )
        .await
        .expect(429);
    assert!(limited.content_type.starts_with("text/html"));
    assert!(limited.contains("Too many attempts"));
    let other = browser
        .submit(
            &path,
            &action,
            &[
                ("guest_name", "Other"),
                ("guest_email", "other@example.org"),
            ],
        )
        .await;
    assert_eq!(
        other.expect_redirect(),
        format!("/events/{event}/check-email")
    );
    assert_eq!(app.queued("guest_confirm").await.len(), 2);
}

async fn check_token(browser: &Browser<'_>, event: i64) -> String {
    browser
        .get(&format!("/events/{event}"))
        .await
        .expect_html()
        .csrf()
}
