//! "Mine" pages: my registrations (upcoming and past), a registration's page with its QR code
//! and cancel button (for the owner, or with the signed key of the emailed link), and my
//! memberships with renewal.

use chrono::Duration;
use diesel::prelude::*;
use kolo::db::schema::registrations;
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp};
use crate::web_account::signed_in;
use crate::web_client::Browser;

async fn status_of(app: &TestApp, id: i64) -> String {
    app.with_conn(move |conn| {
        registrations::table
            .find(id)
            .select(registrations::status)
            .first(conn)
            .unwrap()
    })
    .await
}

fn regs(event: i64) -> String {
    format!("/api/v1/events/{event}/registrations")
}

#[tokio::test]
async fn my_registrations_lists_upcoming_and_past_apart() {
    let app = spawn_app().await;
    let host = app.organisation("kc", true).await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let soon = app
        .event(
            host,
            EventSpec {
                title: "Poetry evening",
                ..EventSpec::default()
            },
        )
        .await;
    let done = app
        .event(
            host,
            EventSpec {
                title: "Archive workshop",
                starts_in: Duration::days(-30),
                ..EventSpec::default()
            },
        )
        .await;
    let upcoming_id = app
        .post(&regs(soon), Some(&ana.token), json!({}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let past_id = app
        .registration(done, Some(ana.id), None, "confirmed")
        .await;

    assert!(Browser::new(&app)
        .get("/me/registrations")
        .await
        .expect_redirect()
        .starts_with("/signin?next=/me/registrations"));

    let browser = signed_in(&app, "ana@example.org").await;
    let page = browser.get("/me/registrations").await.expect_html();
    let (upcoming, past) = page.body.split_once(r#"id="past""#).unwrap();
    assert!(upcoming.contains("Poetry evening"));
    assert!(upcoming.contains(&format!(r#"href="/registrations/{upcoming_id}""#)));
    assert!(upcoming.contains("Confirmed"));
    assert!(!upcoming.contains("Archive workshop"));
    assert!(past.contains("Archive workshop"));
    assert!(past.contains(&format!(r#"href="/registrations/{past_id}""#)));
}

#[tokio::test]
async fn the_owner_sees_the_qr_code_and_cancels_and_the_seat_passes_on() {
    let app = spawn_app().await;
    let host = app.organisation("kc", true).await;
    let event = app
        .event(
            host,
            EventSpec {
                capacity: Some(1),
                ..EventSpec::default()
            },
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let ivo = app.verified_user("ivo@example.org", "Ivo").await;
    let mine = app
        .post(&regs(event), Some(&ana.token), json!({}))
        .await
        .expect(201)
        .body;
    let id = mine["id"].as_i64().unwrap();
    let code = mine["code"].as_str().unwrap().to_owned();
    let waiting = app
        .post(&regs(event), Some(&ivo.token), json!({}))
        .await
        .expect(201)
        .body;
    assert_eq!(waiting["status"], "waitlisted");

    // Signed out: to the sign-in page, and back here afterwards.
    let path = format!("/registrations/{id}");
    let away = Browser::new(&app).get(&path).await;
    assert_eq!(
        away.expect_redirect(),
        format!("/signin?next=/registrations/{id}")
    );
    // Someone else's registration does not exist for them.
    let ivo_browser = signed_in(&app, "ivo@example.org").await;
    let missing = ivo_browser.get(&path).await.expect(404);
    assert!(missing.content_type.starts_with("text/html"));
    ivo_browser.get("/registrations/99999").await.expect(404);
    ivo_browser
        .get("/registrations/99999999999999999999999")
        .await
        .expect(404);
    let ivo_page = ivo_browser
        .get(&format!("/registrations/{}", waiting["id"]))
        .await
        .expect_html();
    assert!(ivo_page.contains("On the waitlist: place 1"));
    assert!(!ivo_page.contains("<svg"));

    let browser = signed_in(&app, "ana@example.org").await;
    let page = browser.get(&path).await.expect_html();
    assert!(page.contains(&code));
    assert!(page.contains("<svg"));
    assert!(page.contains(&format!(
        r#"role="img" aria-label="QR code of the check-in code {code}""#
    )));
    assert!(page.contains(&format!(r#"href="/events/{event}/calendar.ics""#)));
    assert!(page.contains(&format!(r#"href="/events/{event}""#)));

    // The confirmation step: without the box ticked nothing happens.
    let cancel = format!("/registrations/{id}/cancel");
    let unticked = browser
        .post(&cancel, &[("csrf", &page.csrf())])
        .await
        .expect(422);
    assert!(unticked.contains("Tick the box"));
    assert_eq!(status_of(&app, id).await, "confirmed");
    // Nor without the form's token.
    browser
        .post(&cancel, &[("confirm", "yes")])
        .await
        .expect(403);
    assert_eq!(status_of(&app, id).await, "confirmed");

    let done = browser
        .post(&cancel, &[("csrf", &page.csrf()), ("confirm", "yes")])
        .await;
    assert_eq!(
        done.expect_redirect(),
        format!("/registrations/{id}?notice=mine-notice-cancelled")
    );
    let after = browser.follow(&done).await.expect_html();
    assert!(after.contains("Your registration is cancelled."));
    assert!(after.contains(r#"<span class="badge bad">Cancelled</span>"#));
    assert!(!after.contains(&cancel));
    assert_eq!(status_of(&app, id).await, "cancelled");
    let ivo_id = waiting["id"].as_i64().unwrap();
    assert_eq!(status_of(&app, ivo_id).await, "confirmed");
}

#[tokio::test]
async fn a_guest_key_opens_and_cancels_exactly_its_registration() {
    let app = spawn_app().await;
    let host = app.organisation("kc", true).await;
    let event = app
        .event(
            host,
            EventSpec {
                guests_allowed: true,
                ..EventSpec::default()
            },
        )
        .await;
    let guest = app
        .registration(event, None, Some(("Gost", "gost@example.org")), "confirmed")
        .await;
    let other = app
        .registration(
            event,
            None,
            Some(("Drugi", "drugi@example.org")),
            "confirmed",
        )
        .await;
    app.take_seats(event, 2).await;
    let key = kolo::registrations::guest_link::key(&app.state.settings, guest);
    let browser = Browser::new(&app);

    let page = browser
        .get(&format!("/registrations/{guest}?key={key}"))
        .await
        .expect_html();
    assert!(page.contains("Gost"));
    assert_eq!(page.input_value("key").as_deref(), Some(key.as_str()));
    browser
        .get(&format!("/registrations/{other}?key={key}"))
        .await
        .expect(404);
    browser
        .get(&format!("/registrations/{guest}?key=not-the-key"))
        .await
        .expect(404);

    // The key does not cancel someone else's registration.
    let csrf = page.csrf();
    browser
        .post(
            &format!("/registrations/{other}/cancel"),
            &[("csrf", &csrf), ("key", &key), ("confirm", "yes")],
        )
        .await
        .expect(404);
    assert_eq!(status_of(&app, other).await, "confirmed");

    let done = browser
        .post(
            &format!("/registrations/{guest}/cancel"),
            &[("csrf", &csrf), ("key", &key), ("confirm", "yes")],
        )
        .await;
    assert_eq!(
        done.expect_redirect(),
        format!("/registrations/{guest}?key={key}&notice=mine-notice-cancelled")
    );
    assert_eq!(status_of(&app, guest).await, "cancelled");
    assert_eq!(app.seats_taken(event).await, 1);
    let after = browser.follow(&done).await.expect_html();
    assert!(after.contains("This registration is cancelled."));
    assert!(!after.contains("/cancel\""));
    app.wait_for_email("gost@example.org", "cancel").await;

    // Used once, the key can do no more: a second cancel changes nothing and tells no one.
    app.wait_for_outbox_drained().await;
    let emails = app.emails_to("gost@example.org").len();
    browser
        .post(
            &format!("/registrations/{guest}/cancel"),
            &[("csrf", &csrf), ("key", &key), ("confirm", "yes")],
        )
        .await
        .expect_redirect();
    assert_eq!(app.seats_taken(event).await, 1);
    assert_eq!(status_of(&app, other).await, "confirmed");
    app.wait_for_outbox_drained().await;
    assert_eq!(app.emails_to("gost@example.org").len(), emails);

    // A title in another language than the page's is marked as such.
    let other_key = kolo::registrations::guest_link::key(&app.state.settings, other);
    let other_page = format!("/registrations/{other}?key={other_key}");
    let in_mk = Browser::speaking(&app, "mk")
        .get(&other_page)
        .await
        .expect_html();
    assert!(in_mk.contains(r#"<h1><span lang="en">Workshop: community archives</span></h1>"#));
    let in_en = browser.get(&other_page).await.expect_html();
    assert!(in_en.contains("<h1>Workshop: community archives</h1>"));

    // No token, no cancel, even with the key.
    browser
        .post(
            &format!("/registrations/{other}/cancel"),
            &[
                (
                    "key",
                    &kolo::registrations::guest_link::key(&app.state.settings, other),
                ),
                ("confirm", "yes"),
            ],
        )
        .await
        .expect(403);
    assert_eq!(status_of(&app, other).await, "confirmed");
}

#[tokio::test]
async fn my_memberships_list_and_renew() {
    let app = spawn_app().await;
    let owner = app.host("kc-ns").await;
    let type_id = app
        .membership_type(
            &owner,
            "kc-ns",
            json!({"name": {"en": "Supporting member", "sr-Latn": "Član podržavalac"},
                   "member_kind": "person", "duration_months": 12, "requires_approval": false}),
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let m = app
        .apply(&ana, "kc-ns", json!({"type_id": type_id}))
        .await
        .expect(201)
        .body;
    let id = m["id"].as_i64().unwrap();
    assert_eq!(m["status"], "active");
    let ends = m["ends_on"].as_str().unwrap().to_owned();

    let browser = signed_in(&app, "ana@example.org").await;
    let list = browser.get("/me/memberships").await.expect_html();
    assert!(list.contains("Host kc-ns"));
    assert!(list.contains("Supporting member"));
    assert!(list.contains("Active"));
    assert!(list.contains(&format!(r#"action="/me/memberships/{id}/renew""#)));
    let page = browser
        .get(&format!("/memberships/{id}"))
        .await
        .expect_html();
    assert!(page.contains("Membership of Host kc-ns"));

    let renew = format!("/me/memberships/{id}/renew");
    browser.post(&renew, &[]).await.expect(403);
    let done = browser.post(&renew, &[("csrf", &list.csrf())]).await;
    assert_eq!(
        done.expect_redirect(),
        format!("/memberships/{id}?notice=mine-notice-renewed")
    );
    let after = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert!(after["ends_on"].as_str().unwrap() > ends.as_str());
    let shown = browser.follow(&done).await.expect_html();
    assert!(shown.contains("The membership is renewed."));

    // The directory choice: off by default, the member turns it on.
    assert!(shown.contains(r#"name="directory_visible" value="yes">"#));
    let listed = browser
        .post(
            &format!("/memberships/{id}/directory"),
            &[("csrf", &shown.csrf()), ("directory_visible", "yes")],
        )
        .await;
    assert_eq!(
        listed.expect_redirect(),
        format!("/memberships/{id}?notice=mine-notice-directory-saved")
    );
    let after = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(after["directory_visible"], true);
    let shown = browser.follow(&listed).await.expect_html();
    assert!(shown.contains(r#"name="directory_visible" value="yes" checked>"#));
    browser
        .post(&format!("/memberships/{id}/directory"), &[])
        .await
        .expect(403);

    // Someone else's membership is not there for them.
    app.verified_user("ivo@example.org", "Ivo").await;
    let ivo = signed_in(&app, "ivo@example.org").await;
    ivo.get(&format!("/memberships/{id}")).await.expect(404);
    let other_page = ivo.get("/me/memberships").await.expect_html();
    ivo.post(&renew, &[("csrf", &other_page.csrf())])
        .await
        .expect(404);
}
