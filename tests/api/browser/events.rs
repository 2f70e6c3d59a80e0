//! The front page, an event page and its registration form in a real browser: axe finds no
//! serious or critical violation, in English and Serbian Cyrillic, at both sizes, and a guest
//! registers with the keyboard alone.

use serde_json::json;

use super::{open, Screen};
use crate::event_fixtures::{cast, event_body, with};
use crate::helpers::spawn_app;

#[tokio::test]
async fn event_pages_pass_axe_and_a_guest_registers_by_keyboard() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    app.organisation_named("fond", "Fond za kulturu", false)
        .await;
    let event = app
        .published_event(
            &c.owner,
            with(
                event_body("kc-novi-sad", "unused"),
                json!({"kind": "conference", "default_locale": "sr-Latn", "guests_allowed": true,
                       "capacity": 40, "address": "Katolička porta 5",
                       "ends_at": "2030-05-16T20:00:00+02:00",
                       "title": {"sr-Latn": "Dani arhiva", "en": "Archive days"},
                       "summary": {"sr-Latn": "Tri dana o arhivima."},
                       "description": {"sr-Latn": "Prvi pasus.\n\nDrugi pasus."},
                       "partners": [{"organisation_slug": "fond", "role": "funder"}]}),
            ),
        )
        .await;
    let id = event["id"].as_i64().unwrap();
    app.published_event(
        &c.owner,
        with(
            event_body("kc-novi-sad", "Opening talk"),
            json!({"parent": id, "starts_at": "2030-05-15T10:00:00+02:00",
                   "ends_at": "2030-05-15T11:00:00+02:00"}),
        ),
    )
    .await;
    let questions = format!("/api/v1/events/{id}/questions");
    for body in [
        json!({"kind": "text", "required": true, "label": {"en": "Dietary needs"}}),
        json!({"kind": "long_text", "label": {"en": "Anything else?"}}),
        json!({"kind": "boolean", "label": {"en": "I need a certificate"}}),
        json!({"kind": "single_choice", "label": {"en": "Day"}, "choices": [
            {"key": "mon", "label": {"en": "Monday"}}, {"key": "tue", "label": {"en": "Tuesday"}}]}),
        json!({"kind": "multiple_choice", "required": true, "label": {"en": "Sessions"}, "choices": [
            {"key": "a", "label": {"en": "Morning"}}, {"key": "b", "label": {"en": "Afternoon"}}]}),
    ] {
        app.post(&questions, Some(&c.owner.token), body)
            .await
            .expect(201);
    }

    for screen in [Screen::Desktop, Screen::Phone] {
        for language in ["en", "sr-Cyrl"] {
            let Some(browser) = open(&app.base, screen, language).await else {
                return;
            };
            let what = |page: &str| format!("{page} in {language}");
            browser.goto(&format!("/?lang={language}")).await;
            browser.assert_accessible(&what("front page")).await;
            browser.screenshot(&format!("front-{language}")).await;
            browser.goto("/?q=nothing+at+all").await;
            browser.assert_accessible(&what("empty front page")).await;
            browser.goto("/?past=1&from=someday").await;
            browser
                .assert_accessible(&what("past events with an error"))
                .await;
            browser.goto(&format!("/events/{id}")).await;
            browser.assert_accessible(&what("event page")).await;
            browser.screenshot(&format!("event-{language}")).await;

            // A guest, keyboard only: the name, Tab to the submit button, Enter: the form comes
            // back with its errors marked, and passes axe too.
            browser.fill("#f-guest_name", "Gost Gostić").await;
            browser
                .tab_to("form[action$='/register'] button[type=submit]", 40)
                .await;
            browser.press_enter().await;
            browser.find("#e-guest_email").await;
            browser.find("form[action$='/register'] .alert").await;
            browser
                .assert_accessible(&what("registration with errors"))
                .await;
            browser
                .fill(
                    "#f-guest_email",
                    &format!("gost-{language}-{}@example.org", screen.name()),
                )
                .await;
            browser
                .fill(&format!("#f-a-{}", first_question(&app, id).await), "none")
                .await;
            browser.click("input[value='a']").await;
            browser
                .click_text(if language == "en" {
                    "Register"
                } else {
                    "Пријави се"
                })
                .await;
            // The click returns before the next page loads: wait for it.
            let expected = format!("/events/{id}/check-email");
            for _ in 0..100 {
                if browser.path().await == expected {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert_eq!(browser.path().await, expected);
            browser.assert_accessible(&what("check your email")).await;
        }
    }
}

async fn first_question(app: &crate::helpers::TestApp, event: i64) -> i64 {
    use diesel::prelude::*;
    use kolo::db::schema::event_questions;
    app.with_conn(move |conn| {
        event_questions::table
            .filter(event_questions::event_id.eq(event))
            .order(event_questions::id)
            .select(event_questions::id)
            .first(conn)
            .unwrap()
    })
    .await
}
