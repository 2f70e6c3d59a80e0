//! Every rule of registering shown on the event page: waitlist, full, closed, forged forms,
//! unverified accounts, and delegations by representatives.

use chrono::Duration;

use crate::event_fixtures::cast;
use crate::fixtures::EventSpec;
use crate::helpers::spawn_app;
use crate::web_events::signed_in;
use crate::web_events_register::registration_id;

#[tokio::test]
async fn waitlist_full_closed_and_refused_forms() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let member = app.verified_user("ana@example.org", "Ana").await;
    let browser = signed_in(&app, &member).await;

    // Full with a waitlist: a success with its own message.
    let full = app
        .event(
            c.host,
            EventSpec {
                capacity: Some(1),
                ..EventSpec::default()
            },
        )
        .await;
    app.take_seats(full, 1).await;
    let done = browser
        .submit(
            &format!("/events/{full}"),
            &format!("/events/{full}/register"),
            &[("for", "self")],
        )
        .await;
    let location = done.expect_redirect();
    assert!(
        location.ends_with("?notice=events-notice-waitlisted"),
        "{location}"
    );
    let reg = registration_id(&location);
    let body = app
        .get(&format!("/api/v1/registrations/{reg}"), Some(&member.token))
        .await
        .expect(200)
        .body;
    assert_eq!(body["status"], "waitlisted");
    assert_eq!(body["waitlist_position"], 1);
    let page = browser.get(&format!("/events/{full}")).await.expect_html();
    assert!(page.contains("You are on the waitlist for this event, at position 1."));
    assert!(page.contains(&format!(r#"href="/registrations/{reg}""#)));

    // Full without a waitlist.
    let no_list = app
        .event(
            c.host,
            EventSpec {
                capacity: Some(1),
                waitlist_enabled: false,
                ..EventSpec::default()
            },
        )
        .await;
    app.take_seats(no_list, 1).await;
    let page = browser
        .get(&format!("/events/{no_list}"))
        .await
        .expect_html();
    assert!(page.contains("The event is full and has no waitlist."));
    let refused = browser
        .submit(
            &format!("/events/{no_list}"),
            &format!("/events/{no_list}/register"),
            &[("for", "self")],
        )
        .await
        .expect(409);
    assert!(refused.contains("Sorry, the event is full and has no waitlist."));

    // Closed.
    let closed = app
        .event(
            c.host,
            EventSpec {
                registration_closes_at: Some(kolo::db::now() - Duration::hours(1)),
                ..EventSpec::default()
            },
        )
        .await;
    let page = browser
        .get(&format!("/events/{closed}"))
        .await
        .expect_html();
    assert!(page.contains("Registration has closed."));
    let refused = browser
        .submit(
            &format!("/events/{closed}"),
            &format!("/events/{closed}/register"),
            &[("for", "self")],
        )
        .await
        .expect(409);
    assert!(refused.contains("Registration for this event has closed."));

    // No CSRF token: refused, nothing registered.
    let open = app.event(c.host, EventSpec::default()).await;
    let forged = browser
        .post(&format!("/events/{open}/register"), &[("for", "self")])
        .await
        .expect(403);
    assert!(forged.contains("This form has expired"));
    let mine = app
        .get("/api/v1/me/registrations", Some(&member.token))
        .await
        .expect(200)
        .body;
    assert!(mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["event_id"] != open));

    // An unverified account is told to confirm its address and may ask for the link again.
    let unverified = app.unverified_user("new@example.org", "New").await;
    let fresh = signed_in(&app, &unverified).await;
    let page = fresh
        .submit(
            &format!("/events/{open}"),
            &format!("/events/{open}/register"),
            &[("for", "self")],
        )
        .await
        .expect(403);
    assert!(page.contains("Please confirm your email address before registering."));
    assert!(page.contains(&format!(r#"action="/events/{open}/resend-verification""#)));
    let sent = fresh
        .submit(
            &format!("/events/{open}"),
            &format!("/events/{open}/resend-verification"),
            &[],
        )
        .await;
    assert_eq!(
        sent.expect_redirect(),
        format!("/events/{open}?notice=events-notice-verification-sent")
    );
}

#[tokio::test]
async fn a_representative_registers_a_colleague_for_their_organisation() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let org = app
        .organisation_named("udruzenje", "Udruženje arhivista", false)
        .await;
    app.membership(c.host, None, Some(org)).await;
    let rep = app.verified_user("rep@example.org", "Representative").await;
    app.representative(org, rep.id).await;
    let colleague = app.verified_user("kolega@example.org", "Kolega").await;
    let id = app
        .event(
            c.host,
            EventSpec {
                seats_per_organisation: Some(1),
                ..EventSpec::default()
            },
        )
        .await;

    let browser = signed_in(&app, &rep).await;
    let path = format!("/events/{id}");
    let page = browser.get(&path).await.expect_html();
    assert!(
        page.contains("A colleague from Udruženje arhivista"),
        "{}",
        page.body
    );

    let action = format!("/events/{id}/register");
    let missing = browser
        .submit(&path, &action, &[("for", "udruzenje")])
        .await
        .expect(422);
    assert!(missing.contains(r#"id="e-colleague_email""#));
    assert!(missing.contains(r#"value="udruzenje" checked"#));
    let unknown = browser
        .submit(
            &path,
            &action,
            &[
                ("for", "udruzenje"),
                ("colleague_email", "nobody@example.org"),
            ],
        )
        .await
        .expect(422);
    assert!(unknown.contains("No Kolo account has this address."));
    assert!(unknown.contains(r#"value="nobody@example.org""#));

    let done = browser
        .submit(
            &path,
            &action,
            &[
                ("for", "udruzenje"),
                ("colleague_email", "kolega@example.org"),
            ],
        )
        .await;
    let location = done.expect_redirect();
    let reg = app
        .get(
            &format!("/api/v1/registrations/{}", registration_id(&location)),
            Some(&rep.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(reg["person_id"], colleague.id);
    assert_eq!(reg["organisation"], "udruzenje");
    assert_eq!(reg["status"], "confirmed");

    // The organisation's one seat is taken: the next colleague goes on the waitlist.
    let done = browser
        .submit(
            &path,
            &action,
            &[
                ("for", "udruzenje"),
                ("colleague_email", "third@example.org"),
                ("colleague_name", "Treći"),
            ],
        )
        .await;
    assert!(done.expect_redirect().ends_with("events-notice-waitlisted"));

    // Someone who represents nobody cannot register for the organisation.
    let other = app.verified_user("other@example.org", "Other").await;
    let refused = signed_in(&app, &other)
        .await
        .submit(
            &path,
            &action,
            &[
                ("for", "udruzenje"),
                ("colleague_email", "kolega@example.org"),
            ],
        )
        .await
        .expect(403);
    assert!(refused.contains("You do not represent this organisation"));
}

#[tokio::test]
async fn overlapping_sessions_are_explained_with_a_link_to_the_other() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    // Capacity 0: a programme attended session by session, no registration for the whole.
    let parent = app
        .event(
            c.host,
            EventSpec {
                capacity: Some(0),
                length: Duration::days(2),
                title: "Archive days",
                ..EventSpec::default()
            },
        )
        .await;
    let session = |title| EventSpec {
        parent_id: Some(parent),
        length: Duration::hours(1),
        title,
        ..EventSpec::default()
    };
    let first = app.event(c.host, session("Morning talk")).await;
    let second = app.event(c.host, session("Parallel workshop")).await;
    let member = app.verified_user("ana@example.org", "Ana").await;
    let browser = signed_in(&app, &member).await;

    // The programme on the parent page registers for a session in one click.
    let page = browser
        .get(&format!("/events/{parent}"))
        .await
        .expect_html();
    assert!(page.contains(&format!(r#"action="/events/{first}/register""#)));
    let done = browser
        .submit(
            &format!("/events/{parent}"),
            &format!("/events/{first}/register"),
            &[("for", "self")],
        )
        .await;
    assert!(done.expect_redirect().ends_with("events-notice-registered"));
    let clash = browser
        .submit(
            &format!("/events/{parent}"),
            &format!("/events/{second}/register"),
            &[("for", "self")],
        )
        .await
        .expect(409);
    assert!(clash.contains("This session overlaps another session you are registered for:"));
    assert!(clash.contains(&format!(r#"<a href="/events/{first}">Morning talk</a>"#)));
}
