//! What people hear when an event moves or is cancelled: calendar invitations only for those
//! who hold a seat, words for the others, and nothing stale from a coalescing window.

use ical::parser::ical::component::IcalCalendar;
use ical::property::Property;
use mail_parser::MimeHeaders;
use serde_json::json;

use crate::event_fixtures::{cast, event_body, with};
use crate::helpers::{spawn_app_with, Email};

/// The calendar attached to an email, read with an independent parser; `None` without one.
fn invitation(email: &Email) -> Option<IcalCalendar> {
    let message = mail_parser::MessageParser::default()
        .parse(email.raw.as_bytes())
        .unwrap();
    let attachment = message
        .attachments()
        .find(|a| a.content_type().and_then(|c| c.subtype()) == Some("calendar"))?;
    let text = String::from_utf8(attachment.contents().to_vec()).unwrap();
    Some(
        ical::IcalParser::new(text.as_bytes())
            .next()
            .expect("one calendar")
            .expect("valid iCalendar"),
    )
}

fn prop<'a>(props: &'a [Property], name: &str) -> &'a Property {
    props
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn value(props: &[Property], name: &str) -> String {
    prop(props, name).value.clone().unwrap_or_default()
}

fn param(p: &Property, name: &str) -> Option<String> {
    p.params
        .as_ref()?
        .iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, v)| v.first().cloned())
}

/// (METHOD, STATUS, PARTSTAT, SEQUENCE) of an invitation, after checking its times are in the
/// event's zone with a matching VTIMEZONE.
fn summary(calendar: &IcalCalendar) -> (String, String, String, i64) {
    let event = &calendar.events[0];
    let start = prop(&event.properties, "DTSTART");
    let zone = param(start, "TZID").expect("DTSTART has a TZID");
    assert_eq!(zone, "Europe/Belgrade");
    assert!(!start.value.as_deref().unwrap().ends_with('Z'));
    assert!(
        calendar
            .timezones
            .iter()
            .any(|tz| value(&tz.properties, "TZID") == zone && !tz.transitions.is_empty()),
        "a VTIMEZONE for {zone}"
    );
    (
        value(&calendar.properties, "METHOD"),
        value(&event.properties, "STATUS"),
        param(prop(&event.properties, "ATTENDEE"), "PARTSTAT").unwrap_or_default(),
        value(&event.properties, "SEQUENCE")
            .parse()
            .expect("SEQUENCE"),
    )
}

#[tokio::test]
async fn invitations_go_only_to_those_who_hold_a_seat() {
    let app = spawn_app_with(|_| {}).await;
    let c = cast(&app).await;
    let token = Some(c.organiser.token.as_str());
    let event = app
        .published_event(
            &c.organiser,
            with(
                event_body("kc-novi-sad", "Print Workshop"),
                json!({"capacity": 1, "waitlist_enabled": true}),
            ),
        )
        .await;
    let id = event["id"].as_i64().unwrap();
    let regs = format!("/api/v1/events/{id}/registrations");
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let bob = app.verified_user("bob@example.org", "Bob").await;
    let seated = app
        .post(&regs, Some(&ana.token), json!({}))
        .await
        .expect(201);
    assert_eq!(seated.body["status"], "confirmed");
    let waiting = app
        .post(&regs, Some(&bob.token), json!({}))
        .await
        .expect(201);
    assert_eq!(waiting.body["status"], "waitlisted");
    app.registration(id, None, Some(("Gia", "gia@example.org")), "pending")
        .await;

    let confirmed = app
        .wait_for_email("ana@example.org", "Registration confirmed")
        .await;
    let (method, _, _, first) = summary(&invitation(&confirmed).expect("an invitation"));
    assert_eq!(method, "REQUEST");
    let waitlisted = app
        .wait_for_email("bob@example.org", "on the waitlist")
        .await;
    assert!(invitation(&waitlisted).is_none());

    // The event moves by an hour.
    app.patch(
        &format!("/api/v1/events/{id}"),
        token,
        json!({"starts_at": "2030-05-14T19:00:00+02:00", "ends_at": "2030-05-14T21:00:00+02:00"}),
    )
    .await
    .expect(200);
    let moved = app
        .wait_for_email("ana@example.org", "Change of time or place")
        .await;
    let calendar = invitation(&moved).expect("the seat holder's calendar is updated");
    let (method, status, partstat, second) = summary(&calendar);
    assert_eq!(
        (method.as_str(), status.as_str(), partstat.as_str()),
        ("REQUEST", "CONFIRMED", "ACCEPTED")
    );
    assert!(second > first, "SEQUENCE grows: {first} then {second}");
    assert!(second < 1000, "a revision counter, not a clock: {second}");
    assert_eq!(
        value(&calendar.events[0].properties, "DTSTART"),
        "20300514T190000"
    );
    assert!(moved.text.contains("remains valid"), "{}", moved.text);

    let told = app
        .wait_for_email("bob@example.org", "Change of time or place")
        .await;
    assert!(invitation(&told).is_none(), "no invitation without a seat");
    assert!(
        told.text.contains("still on the waitlist, in position 1"),
        "{}",
        told.text
    );
    assert!(!told.text.contains("remains valid"), "{}", told.text);
    let guest = app
        .wait_for_email("gia@example.org", "Change of time or place")
        .await;
    assert!(invitation(&guest).is_none());
    assert!(guest.text.contains("not confirmed yet"), "{}", guest.text);

    app.post(
        &format!("/api/v1/events/{id}/cancel"),
        token,
        json!({"reason": "The hall is flooded"}),
    )
    .await
    .expect(200);
    let cancelled = app
        .wait_for_email("ana@example.org", "Event cancelled")
        .await;
    let (method, status, _, third) = summary(&invitation(&cancelled).expect("a withdrawal"));
    assert_eq!((method.as_str(), status.as_str()), ("CANCEL", "CANCELLED"));
    assert!(third > second, "SEQUENCE grows: {second} then {third}");
    for (to, words) in [
        (
            "bob@example.org",
            "place on the waitlist has been cancelled",
        ),
        (
            "gia@example.org",
            "unconfirmed registration has been cancelled",
        ),
    ] {
        let email = app.wait_for_email(to, "Event cancelled").await;
        assert!(invitation(&email).is_none(), "{to}: no invitation");
        assert!(email.text.contains(words), "{to}: {}", email.text);
    }
}

#[tokio::test]
async fn leaving_the_waitlist_withdraws_nothing_from_a_calendar() {
    let app = spawn_app_with(|_| {}).await;
    let c = cast(&app).await;
    let event = app
        .published_event(
            &c.organiser,
            with(
                event_body("kc-novi-sad", "Print Workshop"),
                json!({"capacity": 1, "waitlist_enabled": true}),
            ),
        )
        .await;
    let id = event["id"].as_i64().unwrap();
    let regs = format!("/api/v1/events/{id}/registrations");
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let bob = app.verified_user("bob@example.org", "Bob").await;
    app.post(&regs, Some(&ana.token), json!({}))
        .await
        .expect(201);
    app.post(&regs, Some(&bob.token), json!({}))
        .await
        .expect(201);
    app.delete(&format!("{regs}/me"), Some(&bob.token))
        .await
        .expect(200);
    let left = app
        .wait_for_email("bob@example.org", "Registration cancelled")
        .await;
    assert!(invitation(&left).is_none());
    // A seat holder who cancels gets the withdrawal, after the confirmation.
    app.delete(&format!("{regs}/me"), Some(&ana.token))
        .await
        .expect(200);
    let confirmed = app
        .wait_for_email("ana@example.org", "Registration confirmed")
        .await;
    let cancelled = app
        .wait_for_email("ana@example.org", "Registration cancelled")
        .await;
    let (_, _, _, first) = summary(&invitation(&confirmed).unwrap());
    let (method, _, _, second) = summary(&invitation(&cancelled).unwrap());
    assert_eq!(method, "CANCEL");
    assert!(second > first);
}

#[tokio::test]
async fn a_move_still_waiting_to_be_sent_is_withdrawn_when_the_event_is_cancelled() {
    let app = spawn_app_with(|s| s.events.change_coalesce_secs = 60).await;
    let c = cast(&app).await;
    let token = Some(c.organiser.token.as_str());
    let event = app
        .published_event(&c.organiser, event_body("kc-novi-sad", "Print Workshop"))
        .await;
    let id = event["id"].as_i64().unwrap();
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.registration(id, Some(ana.id), None, "confirmed").await;
    app.patch(
        &format!("/api/v1/events/{id}"),
        token,
        json!({"city": "Subotica"}),
    )
    .await
    .expect(200);
    assert_eq!(app.queued("event_changed").await.len(), 1);

    app.post(
        &format!("/api/v1/events/{id}/cancel"),
        token,
        json!({"reason": "The hall is flooded"}),
    )
    .await
    .expect(200);
    assert!(
        app.queued("event_changed").await.is_empty(),
        "the move is withdrawn"
    );
    app.wait_for_email("ana@example.org", "Event cancelled")
        .await;
    app.wait_for_outbox_drained().await;
    let subjects: Vec<String> = app
        .emails_to("ana@example.org")
        .into_iter()
        .map(|e| e.subject)
        .collect();
    assert!(
        subjects.iter().all(|s| !s.starts_with("Change of time")),
        "{subjects:?}"
    );
}
