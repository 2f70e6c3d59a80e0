//! Lists and their filters, the programme of a conference, partners, and the emails that
//! cancelling or moving an event sends.

use serde_json::json;

use crate::event_fixtures::{cast, event_body, with};
use crate::helpers::spawn_app;

fn titles(body: &serde_json::Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_list_filters_and_paginates_in_start_order() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let other = app
        .organisation_named("qendra-tirana", "Qendra Tirana", true)
        .await;
    app.staff(other, c.organiser.id, "organiser").await;
    let o = &c.organiser;
    app.published_event(o, with(event_body("kc-novi-sad", "Zine Workshop"), json!({
        "starts_at": "2030-03-01T10:00:00Z", "ends_at": "2030-03-01T12:00:00Z", "capacity": 2,
    }))).await;
    let full = app.published_event(o, with(event_body("kc-novi-sad", "Full Workshop"), json!({
        "starts_at": "2030-02-01T10:00:00Z", "ends_at": "2030-02-01T12:00:00Z", "capacity": 2,
    }))).await;
    app.take_seats(full["id"].as_i64().unwrap(), 2).await;
    app.published_event(
        o,
        with(
            event_body("qendra-tirana", "unused"),
            json!({
                "kind": "exhibition", "city": "Tirana", "country": "AL", "default_locale": "sq",
                "title": {"sq": "Ekspozita e Artit Bashkëkohor"},
                "starts_at": "2030-04-01T10:00:00Z", "ends_at": "2030-04-20T18:00:00Z",
            }),
        ),
    )
    .await;
    app.published_event(
        o,
        with(
            event_body("kc-novi-sad", "unused"),
            json!({
                "kind": "seminar", "default_locale": "sr-Cyrl",
                "title": {"sr-Cyrl": "Семинар о ЉУДСКИМ правима"},
                "starts_at": "2030-05-01T10:00:00Z", "ends_at": "2030-05-01T12:00:00Z",
            }),
        ),
    )
    .await;
    app.published_event(o, with(event_body("kc-novi-sad", "Past Festival"), json!({
        "kind": "festival", "starts_at": "2020-05-01T10:00:00Z", "ends_at": "2020-05-03T12:00:00Z",
    }))).await;
    app.create_event(o, event_body("kc-novi-sad", "Draft Workshop"))
        .await;

    let all = app.get("/api/v1/events", None).await.expect(200).body;
    assert_eq!(
        titles(&all),
        [
            "Full Workshop",
            "Zine Workshop",
            "Ekspozita e Artit Bashkëkohor",
            "Семинар о ЉУДСКИМ правима"
        ]
    );
    assert_eq!(all["items"][0]["seats_left"], 0);
    assert_eq!(
        all["items"][0]["registration_open"], true,
        "waitlist keeps it open"
    );
    assert_eq!(all["items"][1]["seats_left"], 2);

    let get = |q: &str| {
        let app = &app;
        let path = format!("/api/v1/events?{q}");
        async move { app.get(&path, None).await.expect(200).body }
    };
    assert_eq!(
        titles(&get("kind=exhibition").await),
        ["Ekspozita e Artit Bashkëkohor"]
    );
    assert_eq!(get("org=qendra-tirana").await["total"], 1);
    assert_eq!(get("org=nobody").await["total"], 0);
    assert_eq!(get("city=tirana").await["total"], 1);
    assert_eq!(get("country=al").await["total"], 1);
    assert_eq!(titles(&get("has_seats=true").await).len(), 3);
    assert_eq!(
        titles(&get("from=2020-01-01&to=2020-12-31").await),
        ["Past Festival"]
    );
    assert_eq!(
        titles(&get("from=2030-02-15&to=2030-04-01").await),
        ["Zine Workshop", "Ekspozita e Artit Bashkëkohor"]
    );
    // Words in any locale, case-insensitively, beyond ASCII and across the Serbian scripts.
    assert_eq!(titles(&get("q=WORKSHOP").await).len(), 2);
    assert_eq!(get("q=bashkëkohor").await["total"], 1);
    assert_eq!(get("q=BASHKËKOHOR").await["total"], 1);
    assert_eq!(get("q=људским").await["total"], 1);
    assert_eq!(get("q=ljudskim").await["total"], 1);
    assert_eq!(get("q=100%25").await["total"], 0);
    // Language: Serbian in either script.
    assert_eq!(get("lang=sq").await["total"], 1);
    let latin = get("lang=sr-Latn").await;
    assert_eq!(titles(&latin), ["Seminar o LJUDSKIM pravima"]);

    let page = get("per_page=3&page=2").await;
    assert_eq!(page["total"], 4);
    assert_eq!(page["page"], 2);
    assert_eq!(titles(&page), ["Семинар о ЉУДСКИМ правима"]);

    for (q, field) in [
        ("kind=party", "kind"),
        ("from=yesterday", "from"),
        ("to=2030-13-01", "to"),
        ("lang=xx", "lang"),
        ("country=XXX", "country"),
        ("per_page=1000", "per_page"),
        ("colour=red", "colour"),
    ] {
        let reply = app
            .get(&format!("/api/v1/events?{q}"), None)
            .await
            .expect_problem(422);
        assert!(
            reply.body["errors"][field].is_array(),
            "{q}: {}",
            reply.text
        );
    }
}

#[tokio::test]
async fn a_conference_has_sessions_within_its_time_and_host() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let other = app.organisation_named("other-host", "Other", true).await;
    app.staff(other, c.organiser.id, "organiser").await;
    let token = Some(c.organiser.token.as_str());
    let conference = app
        .published_event(
            &c.organiser,
            with(
                event_body("kc-novi-sad", "Conference"),
                json!({
                    "kind": "conference",
                    "starts_at": "2030-06-01T08:00:00Z", "ends_at": "2030-06-03T18:00:00Z",
                }),
            ),
        )
        .await;
    let cid = conference["id"].as_i64().unwrap();
    let session = |title: &str, start: &str, end: &str| {
        with(
            event_body("kc-novi-sad", title),
            json!({
                "parent": cid, "starts_at": start, "ends_at": end, "venue_name": "Room B", "capacity": 20,
            }),
        )
    };
    let late = app
        .create_event(
            &c.organiser,
            session("Late", "2030-06-02T14:00:00Z", "2030-06-02T16:00:00Z"),
        )
        .await;
    let early = app
        .create_event(
            &c.organiser,
            session("Early", "2030-06-01T09:00:00Z", "2030-06-01T11:00:00Z"),
        )
        .await;
    for s in [&late, &early] {
        app.post(
            &format!("/api/v1/events/{}/publish", s["id"]),
            token,
            json!({}),
        )
        .await
        .expect(200);
    }
    let outside = app
        .post(
            "/api/v1/events",
            token,
            session("Outside", "2030-06-03T17:00:00Z", "2030-06-03T19:00:00Z"),
        )
        .await
        .expect_problem(422);
    assert!(outside.body["errors"]["starts_at"].is_array());
    let nested = app
        .post(
            "/api/v1/events",
            token,
            with(
                session("Nested", "2030-06-01T09:00:00Z", "2030-06-01T10:00:00Z"),
                json!({"parent": early["id"]}),
            ),
        )
        .await
        .expect_problem(422);
    assert!(nested.body["errors"]["parent"].is_array());
    let foreign = app
        .post(
            "/api/v1/events",
            token,
            with(
                session("Foreign", "2030-06-01T09:00:00Z", "2030-06-01T10:00:00Z"),
                json!({"organisation": "other-host"}),
            ),
        )
        .await
        .expect_problem(422);
    assert!(foreign.body["errors"]["parent"].is_array());
    let missing = app
        .post(
            "/api/v1/events",
            token,
            with(
                session("Orphan", "2030-06-01T09:00:00Z", "2030-06-01T10:00:00Z"),
                json!({"parent": 999999}),
            ),
        )
        .await
        .expect_problem(422);
    assert!(missing.body["errors"]["parent"].is_array());
    // Moving the conference may not leave a session outside it.
    let shrink = app
        .patch(
            &format!("/api/v1/events/{cid}"),
            token,
            json!({"ends_at": "2030-06-01T18:00:00Z"}),
        )
        .await
        .expect_problem(422);
    assert!(shrink.body["errors"]["starts_at"].is_array());
    let moved = app
        .patch(
            &format!("/api/v1/events/{}", early["id"]),
            token,
            json!({"starts_at": "2030-05-31T09:00:00Z"}),
        )
        .await
        .expect_problem(422);
    assert!(moved.body["errors"]["starts_at"].is_array());

    let sessions = app
        .get(&format!("/api/v1/events/{cid}/sessions"), None)
        .await
        .expect(200)
        .body;
    assert_eq!(titles(&sessions), ["Early", "Late"]);
    assert_eq!(sessions["items"][0]["parent"], cid);
    assert_eq!(sessions["total"], 2);
    let filtered = app
        .get(&format!("/api/v1/events?parent={cid}"), None)
        .await
        .body;
    assert_eq!(titles(&filtered), ["Early", "Late"]);
    app.get("/api/v1/events/999999/sessions", None)
        .await
        .expect_problem(404);

    // Cancelling the conference cancels its sessions and tells who registered for either.
    let ana = app.verified_user("ana@example.org", "Ana Petrović").await;
    app.registration(cid, Some(ana.id), None, "confirmed").await;
    app.registration(
        late["id"].as_i64().unwrap(),
        None,
        Some(("Guest Gost", "guest@example.org")),
        "waitlisted",
    )
    .await;
    app.registration(
        late["id"].as_i64().unwrap(),
        None,
        Some(("Gone", "gone@example.org")),
        "cancelled",
    )
    .await;
    app.post(
        &format!("/api/v1/events/{cid}/cancel"),
        token,
        json!({"reason": "The venue flooded"}),
    )
    .await
    .expect(200);
    let after = app
        .get(&format!("/api/v1/events/{cid}/sessions"), None)
        .await
        .body;
    assert!(after["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["status"] == "cancelled"));
    assert_eq!(after["items"][0]["cancel_reason"], "The venue flooded");
    let mail = app
        .wait_for_email("ana@example.org", "Event cancelled")
        .await;
    assert!(
        mail.text.contains("The venue flooded") && mail.text.contains("Conference"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("Ana Petrović"));
    let guest = app
        .wait_for_email("guest@example.org", "Event cancelled")
        .await;
    assert!(guest.subject.contains("Late"));
    app.wait_for_outbox_drained().await;
    assert!(app.emails_to("gone@example.org").is_empty());
}

#[tokio::test]
async fn partners_are_shown_and_replaced() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    app.organisation_named("fondacija-most", "Fondacija Most", false)
        .await;
    app.organisation_named("radio-talas", "Radio Talas", false)
        .await;
    let event = app
        .published_event(
            &c.organiser,
            with(
                event_body("kc-novi-sad", "Festival"),
                json!({
                    "partners": [
                        {"organisation_slug": "fondacija-most", "role": "funder"},
                        {"organisation_slug": "radio-talas", "role": "media"},
                    ],
                }),
            ),
        )
        .await;
    assert_eq!(
        event["partners"],
        json!([
            {"organisation_slug": "fondacija-most", "organisation_name": "Fondacija Most", "role": "funder"},
            {"organisation_slug": "radio-talas", "organisation_name": "Radio Talas", "role": "media"},
        ])
    );
    let path = format!("/api/v1/events/{}", event["id"]);
    let twice = app
        .patch(
            &path,
            Some(&c.organiser.token),
            json!({"partners": [
                {"organisation_slug": "radio-talas", "role": "media"},
                {"organisation_slug": "radio-talas", "role": "media"},
            ]}),
        )
        .await
        .expect_problem(422);
    assert!(twice.body["errors"]["partners[1]"].is_array());
    app.patch(
        &path,
        Some(&c.organiser.token),
        json!({"partners": [
            {"organisation_slug": "radio-talas", "role": "co_organiser"},
        ]}),
    )
    .await
    .expect(200);
    let listed = app.get("/api/v1/events", None).await.body;
    assert_eq!(listed["items"][0]["partners"][0]["role"], "co_organiser");
    assert_eq!(listed["items"][0]["partners"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn moving_an_event_sends_one_coalesced_email_per_person() {
    let app = crate::helpers::spawn_app_with(|s| s.events.change_coalesce_secs = 3).await;
    let c = cast(&app).await;
    let token = Some(c.organiser.token.as_str());
    let event = app
        .published_event(&c.organiser, event_body("kc-novi-sad", "Print Workshop"))
        .await;
    let id = event["id"].as_i64().unwrap();
    let path = format!("/api/v1/events/{id}");
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.registration(id, Some(ana.id), None, "confirmed").await;
    app.registration(id, None, Some(("Guest", "guest@example.org")), "pending")
        .await;

    // A title edit is not a change of time or place.
    app.patch(&path, token, json!({"title": {"en": "Print Workshop!"}}))
        .await
        .expect(200);
    app.patch(
        &path,
        token,
        json!({"starts_at": "2030-05-14T17:00:00+02:00"}),
    )
    .await
    .expect(200);
    app.patch(
        &path,
        token,
        json!({"venue_name": "Gallery", "city": "Subotica"}),
    )
    .await
    .expect(200);
    let mail = app
        .wait_for_email("ana@example.org", "Change of time or place")
        .await;
    assert!(
        mail.text.contains(
            "When: Tuesday 14 May 2030, 18:00 (CEST) → Tuesday 14 May 2030, 17:00 (CEST)"
        ),
        "{}",
        mail.text
    );
    assert!(
        mail.text
            .contains("Where: Kulturni centar, Novi Sad → Gallery, Subotica"),
        "{}",
        mail.text
    );
    assert!(mail.subject.contains("Print Workshop!"));
    app.wait_for_email("guest@example.org", "Change of time or place")
        .await;
    app.wait_for_outbox_drained().await;
    let changed = |to: &str| {
        app.emails_to(to)
            .into_iter()
            .filter(|e| e.subject.starts_with("Change of time or place"))
            .count()
    };
    assert_eq!(changed("ana@example.org"), 1);

    // A later change, after the first email went out, is a new email.
    app.patch(&path, token, json!({"city": "Sombor"}))
        .await
        .expect(200);
    app.wait_for_email("ana@example.org", "Sombor").await;
    app.wait_for_outbox_drained().await;
    assert_eq!(changed("ana@example.org"), 2);
    assert_eq!(changed("guest@example.org"), 2);
}
