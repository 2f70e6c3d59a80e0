//! The calendar feeds, read back with an independent iCalendar parser (`ical`).

use serde_json::json;

use crate::event_fixtures::{cast, event_body, with};
use crate::helpers::spawn_app;

fn parse(text: &str) -> Vec<ical::parser::ical::component::IcalCalendar> {
    ical::IcalParser::new(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("valid iCalendar")
}

fn prop<'a>(event: &'a ical::parser::ical::component::IcalEvent, name: &str) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn param(
    event: &ical::parser::ical::component::IcalEvent,
    name: &str,
    param: &str,
) -> Option<String> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)?
        .params
        .as_ref()?
        .iter()
        .find(|(n, _)| n == param)
        .and_then(|(_, v)| v.first().cloned())
}

#[tokio::test]
async fn calendar_feeds_are_valid_icalendar() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let long_title = "Радионица: љубав, џез; и \"ђачке\" песме — дуги наслов који мора бити пресавијен у више редова";
    let first = app
        .published_event(
            &c.organiser,
            with(
                event_body("kc-novi-sad", "x"),
                json!({
                    "default_locale": "sr-Cyrl",
                    "title": {"sr-Cyrl": long_title},
                    "summary": {"sr-Cyrl": "Први ред\nдруги ред, са зарезом"},
                    "address": "Bulevar Mihajla Pupina 9",
                }),
            ),
        )
        .await;
    let second = app
        .published_event(
            &c.organiser,
            with(
                event_body("kc-novi-sad", "Online talk"),
                json!({
                    "starts_at": "2030-06-01T10:00:00Z", "ends_at": "2030-06-01T11:00:00Z",
                    "venue_name": null, "city": null, "online_url": "https://meet.example.org/talk",
                }),
            ),
        )
        .await;
    app.post(
        &format!("/api/v1/events/{}/cancel", second["id"]),
        Some(&c.organiser.token),
        json!({"reason": "Speaker ill"}),
    )
    .await
    .expect(200);

    let reply = app.get("/api/v1/events.ics", None).await.expect(200);
    assert!(reply.content_type().starts_with("text/calendar"));
    for line in reply.text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(
        !reply.text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    let calendars = parse(&reply.text);
    assert_eq!(calendars.len(), 1);
    let events = &calendars[0].events;
    assert_eq!(events.len(), 2);
    let e = &events[0];
    assert_eq!(
        prop(e, "UID"),
        Some(format!("event-{}@127.0.0.1", first["id"]).as_str())
    );
    // In the event's own zone, with the rules for it in the feed.
    assert_eq!(prop(e, "DTSTART"), Some("20300514T180000"));
    assert_eq!(prop(e, "DTEND"), Some("20300514T200000"));
    for name in ["DTSTART", "DTEND"] {
        assert_eq!(
            param(e, name, "TZID").as_deref(),
            Some("Europe/Belgrade"),
            "{name}"
        );
    }
    let zones = &calendars[0].timezones;
    assert_eq!(zones.len(), 1, "one VTIMEZONE per zone used");
    let zone = &zones[0];
    assert!(zone
        .properties
        .iter()
        .any(|p| p.name == "TZID" && p.value.as_deref() == Some("Europe/Belgrade")));
    // The observance in force on 14 May 2030: summer time (+02:00) since 31 March.
    let observance = |t: &ical::parser::ical::component::IcalTimeZoneTransition, name: &str| {
        t.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert!(
        zone.transitions.iter().any(|t| {
            observance(t, "DTSTART") == "20300331T020000"
                && observance(t, "TZOFFSETFROM") == "+0100"
                && observance(t, "TZOFFSETTO") == "+0200"
        }),
        "{:?}",
        zone.transitions
    );
    assert!(prop(e, "DTSTAMP").is_some_and(|s| s.ends_with('Z')));
    assert_eq!(prop(e, "SUMMARY").unwrap().replace('\\', ""), long_title);
    assert_eq!(
        prop(e, "DESCRIPTION"),
        Some("Први ред\\nдруги ред\\, са зарезом")
    );
    assert_eq!(
        prop(e, "LOCATION"),
        Some("Kulturni centar\\, Bulevar Mihajla Pupina 9\\, Novi Sad")
    );
    assert!(prop(e, "URL")
        .unwrap()
        .ends_with(&format!("/events/{}", first["id"])));
    assert_eq!(prop(e, "STATUS"), Some("CONFIRMED"));
    let cancelled = &events[1];
    assert_eq!(prop(cancelled, "STATUS"), Some("CANCELLED"));
    assert_eq!(
        prop(cancelled, "LOCATION"),
        Some("https://meet.example.org/talk")
    );
    assert!(prop(cancelled, "DESCRIPTION")
        .unwrap()
        .contains("Speaker ill"));

    // The same UID every time, and the feed takes the list's filters.
    let again = parse(&app.get("/api/v1/events.ics", None).await.text);
    assert_eq!(prop(&again[0].events[0], "UID"), prop(e, "UID"));
    let latin = app
        .get("/api/v1/events.ics?lang=sr-Latn", None)
        .await
        .expect(200);
    let latin = parse(&latin.text);
    assert_eq!(latin[0].events.len(), 1);
    assert!(prop(&latin[0].events[0], "SUMMARY")
        .unwrap()
        .starts_with("Radionica: ljubav\\, džez"));
    app.get("/api/v1/events.ics?kind=party", None)
        .await
        .expect_problem(422);

    let single = app
        .get(&format!("/api/v1/events/{}/event.ics", first["id"]), None)
        .await
        .expect(200);
    let single = parse(&single.text);
    assert_eq!(single[0].events.len(), 1);
    assert_eq!(
        param(&single[0].events[0], "DTSTART", "TZID").as_deref(),
        Some("Europe/Belgrade")
    );
    assert_eq!(single[0].timezones.len(), 1);
    let draft = app
        .create_event(&c.organiser, event_body("kc-novi-sad", "Draft"))
        .await;
    app.get(&format!("/api/v1/events/{}/event.ics", draft["id"]), None)
        .await
        .expect_problem(404);
    app.get(
        &format!("/api/v1/events/{}/event.ics", draft["id"]),
        Some(&c.organiser.token),
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn demo_data_fills_an_empty_database_once() {
    let app = spawn_app().await;
    let hash = kolo::auth::passwords::hash("demo-password-2026").unwrap();
    let h = hash.clone();
    let summary = app
        .with_conn(move |conn| kolo::events::demo::load(conn, &h).unwrap())
        .await;
    assert!(summary.events >= 24);
    let again = app
        .with_conn(move |conn| kolo::events::demo::load(conn, &hash).is_err())
        .await;
    assert!(again, "a second run must refuse");
    let list = app
        .get("/api/v1/events?per_page=100", None)
        .await
        .expect(200);
    assert!(list.body["total"].as_i64().unwrap() >= 20);
    let full = app.get("/api/v1/events?q=sito%C5%A1tampe", None).await.body;
    assert_eq!(full["items"][0]["seats_left"], 0);
    let conference = app.get("/api/v1/events?kind=conference", None).await.body;
    let id = conference["items"][0]["id"].as_i64().unwrap();
    assert_eq!(
        conference["items"][0]["partners"].as_array().unwrap().len(),
        3
    );
    let sessions = app
        .get(&format!("/api/v1/events/{id}/sessions"), None)
        .await
        .body;
    assert_eq!(sessions["total"], 3);
    let login = app
        .login("jelena.markovic@demo.kolo.example", "demo-password-2026")
        .await;
    login.expect(200);
}
