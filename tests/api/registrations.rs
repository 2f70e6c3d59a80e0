//! Registering, the rules that refuse it, the waitlist, guests, sessions, delegations,
//! questions, idempotency, rosters and check-in.

use chrono::Duration;
use serde_json::{json, Value};

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp, User};

struct World {
    app: TestApp,
    host: i64,
    organiser: User,
}

async fn world() -> World {
    let app = spawn_app().await;
    let host = app.organisation("kc-novi-sad", true).await;
    let organiser = app
        .verified_user("organiser@example.org", "Organiser")
        .await;
    app.staff(host, organiser.id, "organiser").await;
    World {
        app,
        host,
        organiser,
    }
}

fn regs(event: i64) -> String {
    format!("/api/v1/events/{event}/registrations")
}

#[tokio::test]
async fn a_verified_person_registers_and_is_told() {
    let w = world().await;
    let event = w.app.event(w.host, EventSpec::default()).await;
    let ana = w.app.verified_user("ana@example.org", "Ana").await;
    let reg = w
        .app
        .post(&regs(event), Some(&ana.token), json!({}))
        .await
        .expect(201)
        .body;
    assert_eq!(reg["status"], "confirmed");
    assert_eq!(reg["person_id"], ana.id);
    assert_eq!(reg["waitlist_position"], Value::Null);
    let code = reg["code"].as_str().unwrap();
    assert_eq!(code.len(), 10);
    assert_eq!(w.app.seats_taken(event).await, 1);

    let email = w
        .app
        .wait_for_email("ana@example.org", "Registration confirmed")
        .await;
    assert!(
        email.text.contains("Workshop: community archives") && email.text.contains(code),
        "{}",
        email.text
    );
    assert!(
        email.text.contains("CET") || email.text.contains("CEST"),
        "time shown in the event's zone: {}",
        email.text
    );

    let id = reg["id"].as_i64().unwrap();
    let mine = w
        .app
        .get(&format!("/api/v1/registrations/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(mine["code"], code);
    let upcoming = w
        .app
        .get("/api/v1/me/registrations", Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(upcoming["total"], 1);
    assert_eq!(
        upcoming["items"][0]["event_title"],
        "Workshop: community archives"
    );
    let past = w
        .app
        .get("/api/v1/me/registrations?when=past", Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(past["total"], 0);
}

#[tokio::test]
async fn rules_that_refuse_a_registration() {
    let w = world().await;
    let app = &w.app;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let open = app.event(w.host, EventSpec::default()).await;

    app.post(&regs(open), None, json!({}))
        .await
        .expect_problem(401);
    let unverified = app.unverified_user("new@example.org", "New").await;
    app.post(&regs(open), Some(&unverified.token), json!({}))
        .await
        .expect_problem(403);
    app.post(&regs(999_999), Some(&ana.token), json!({}))
        .await
        .expect_problem(404);
    app.post(
        &regs(open),
        Some(&ana.token),
        json!({"status": "confirmed"}),
    )
    .await
    .expect_problem(422);
    app.post(
        &regs(open),
        Some(&ana.token),
        json!({"override_capacity": true}),
    )
    .await
    .expect_problem(403);

    let draft = app
        .event(
            w.host,
            EventSpec {
                status: "draft",
                ..EventSpec::default()
            },
        )
        .await;
    app.post(&regs(draft), Some(&ana.token), json!({}))
        .await
        .expect_problem(404);
    let cancelled = app
        .event(
            w.host,
            EventSpec {
                status: "cancelled",
                ..EventSpec::default()
            },
        )
        .await;
    assert_eq!(
        app.post(&regs(cancelled), Some(&ana.token), json!({}))
            .await
            .expect_problem(409)
            .body["code"],
        "event_cancelled"
    );
    let later = kolo::db::now() + Duration::days(2);
    let not_yet = app
        .event(
            w.host,
            EventSpec {
                registration_opens_at: Some(later),
                ..EventSpec::default()
            },
        )
        .await;
    assert_eq!(
        app.post(&regs(not_yet), Some(&ana.token), json!({}))
            .await
            .expect_problem(409)
            .body["code"],
        "registration_not_open"
    );
    let earlier = kolo::db::now() - Duration::hours(1);
    let closed = app
        .event(
            w.host,
            EventSpec {
                registration_closes_at: Some(earlier),
                ..EventSpec::default()
            },
        )
        .await;
    assert_eq!(
        app.post(&regs(closed), Some(&ana.token), json!({}))
            .await
            .expect_problem(409)
            .body["code"],
        "registration_closed"
    );
    let started = app
        .event(
            w.host,
            EventSpec {
                starts_in: Duration::hours(-1),
                ..EventSpec::default()
            },
        )
        .await;
    assert_eq!(
        app.post(&regs(started), Some(&ana.token), json!({}))
            .await
            .expect_problem(409)
            .body["code"],
        "registration_closed"
    );

    let first = app
        .post(&regs(open), Some(&ana.token), json!({}))
        .await
        .expect(201)
        .body;
    let again = app
        .post(&regs(open), Some(&ana.token), json!({}))
        .await
        .expect_problem(409)
        .body;
    assert_eq!(again["code"], "already_registered");
    assert_eq!(
        again["existing"]["id"], first["id"],
        "the 409 names the existing registration"
    );
    assert_eq!(app.seats_taken(open).await, 1, "refusals changed nothing");
}

#[tokio::test]
async fn full_events_waitlist_or_refuse_and_cancelling_promotes() {
    let w = world().await;
    let app = &w.app;
    let event = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(1),
                ..EventSpec::default()
            },
        )
        .await;
    let people = app.many_people(3, "w").await;
    let first = app
        .post(&regs(event), Some(&people[0].token), json!({}))
        .await
        .expect(201)
        .body;
    let second = app
        .post(&regs(event), Some(&people[1].token), json!({}))
        .await
        .expect(201)
        .body;
    let third = app
        .post(&regs(event), Some(&people[2].token), json!({}))
        .await
        .expect(201)
        .body;
    assert_eq!(first["status"], "confirmed");
    assert_eq!(
        (
            second["status"].as_str(),
            second["waitlist_position"].as_i64()
        ),
        (Some("waitlisted"), Some(1))
    );
    assert_eq!(third["waitlist_position"], 2);
    let told = app.wait_for_email(&people[2].email, "waitlist").await;
    assert!(told.text.contains("waitlist is 2"), "{}", told.text);

    // The seat passes to the first in line, who is told; the second moves up.
    let cancelled = app
        .post(
            &format!("/api/v1/registrations/{}/cancel", first["id"]),
            Some(&people[0].token),
            json!({}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(cancelled["status"], "cancelled");
    let promoted = app
        .get(
            &format!("/api/v1/registrations/{}", second["id"]),
            Some(&people[1].token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(promoted["status"], "confirmed");
    let moved_up = app
        .get(
            &format!("/api/v1/registrations/{}", third["id"]),
            Some(&people[2].token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(moved_up["waitlist_position"], 1);
    assert_eq!(app.seats_taken(event).await, 1);
    app.wait_for_email(&people[1].email, "A place has opened up")
        .await;
    app.wait_for_email(&people[0].email, "Registration cancelled")
        .await;

    // Cancelling a waitlisted place frees nothing; cancelling twice is harmless.
    app.delete(
        &format!("/api/v1/events/{event}/registrations/me"),
        Some(&people[2].token),
    )
    .await
    .expect(200);
    app.delete(
        &format!("/api/v1/events/{event}/registrations/me"),
        Some(&people[2].token),
    )
    .await
    .expect_problem(404);
    assert_eq!(app.seats_taken(event).await, 1);

    let no_waitlist = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(1),
                waitlist_enabled: false,
                ..EventSpec::default()
            },
        )
        .await;
    app.post(&regs(no_waitlist), Some(&people[0].token), json!({}))
        .await
        .expect(201);
    let full = app
        .post(&regs(no_waitlist), Some(&people[1].token), json!({}))
        .await
        .expect_problem(409);
    assert_eq!(full.body["code"], "event_full");
}

#[tokio::test]
async fn others_registrations_are_invisible_and_rosters_are_for_staff() {
    let w = world().await;
    let app = &w.app;
    let event = app.event(w.host, EventSpec::default()).await;
    let people = app.many_people(2, "x").await;
    let reg = app
        .post(&regs(event), Some(&people[0].token), json!({}))
        .await
        .expect(201)
        .body;
    let id = reg["id"].as_i64().unwrap();
    app.get(
        &format!("/api/v1/registrations/{id}"),
        Some(&people[1].token),
    )
    .await
    .expect_problem(404);
    app.post(
        &format!("/api/v1/registrations/{id}/cancel"),
        Some(&people[1].token),
        json!({}),
    )
    .await
    .expect_problem(404);
    app.post(
        &format!("/api/v1/registrations/{id}/check-in"),
        Some(&people[1].token),
        json!({}),
    )
    .await
    .expect_problem(404);
    app.get(&regs(event), Some(&people[1].token))
        .await
        .expect_problem(403);
    let draft = app
        .event(
            w.host,
            EventSpec {
                status: "draft",
                ..EventSpec::default()
            },
        )
        .await;
    app.get(&regs(draft), Some(&people[1].token))
        .await
        .expect_problem(404);
    let other_host = app.organisation("elsewhere", true).await;
    let stranger = app
        .verified_user("stranger@example.org", "Organiser elsewhere")
        .await;
    app.staff(other_host, stranger.id, "owner").await;
    app.get(&regs(event), Some(&stranger.token))
        .await
        .expect_problem(403);
    app.get(
        &format!("/api/v1/registrations/{id}"),
        Some(&stranger.token),
    )
    .await
    .expect_problem(404);
    // Staff of the host see it; so does a platform admin.
    app.get(
        &format!("/api/v1/registrations/{id}"),
        Some(&w.organiser.token),
    )
    .await
    .expect(200);
    let admin = app.admin("root@example.org").await;
    app.get(&regs(event), Some(&admin.token)).await.expect(200);
}

#[tokio::test]
async fn members_only_events_need_a_membership_own_or_inherited() {
    let w = world().await;
    let app = &w.app;
    let event = app
        .event(
            w.host,
            EventSpec {
                visibility: "members_only",
                ..EventSpec::default()
            },
        )
        .await;
    let outsider = app.verified_user("out@example.org", "Outsider").await;
    app.post(&regs(event), Some(&outsider.token), json!({}))
        .await
        .expect_problem(404);

    let member = app.verified_user("member@example.org", "Member").await;
    app.membership(w.host, Some(member.id), None).await;
    app.post(&regs(event), Some(&member.token), json!({}))
        .await
        .expect(201);

    let rep = app.verified_user("rep@example.org", "Representative").await;
    let org = app.organisation("institut", false).await;
    app.representative(org, rep.id).await;
    app.post(&regs(event), Some(&rep.token), json!({}))
        .await
        .expect_problem(404);
    app.membership(w.host, None, Some(org)).await;
    app.post(&regs(event), Some(&rep.token), json!({}))
        .await
        .expect(201);
}

#[tokio::test]
async fn guests_confirm_by_email_before_taking_a_seat() {
    let w = world().await;
    let app = &w.app;
    let closed = app.event(w.host, EventSpec::default()).await;
    let guest =
        json!({"guest": {"name": "Ioana Popescu", "email": "ioana@example.ro", "locale": "ro"}});
    app.post(&regs(closed), None, guest.clone())
        .await
        .expect_problem(403);

    let event = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(1),
                guests_allowed: true,
                ..EventSpec::default()
            },
        )
        .await;
    let reg = app
        .post(&regs(event), None, guest.clone())
        .await
        .expect(201)
        .body;
    assert_eq!(reg["status"], "pending");
    assert_eq!(
        app.seats_taken(event).await,
        0,
        "no seat before confirmation"
    );
    app.post(&regs(event), None, guest.clone())
        .await
        .expect_problem(409);
    let bad = app
        .post(
            &regs(event),
            None,
            json!({"guest": {"name": "", "email": "nope"}}),
        )
        .await
        .expect_problem(422);
    assert!(
        bad.body["errors"]["guest.email"].is_array() && bad.body["errors"]["guest.name"].is_array(),
        "{}",
        bad.text
    );

    let link = app
        .wait_for_email("ioana@example.ro", "registrations/confirm")
        .await
        .link("/registrations/confirm?token=");
    assert!(link.starts_with("http://127.0.0.1:8080/registrations/confirm?token="));
    let token = link.split("token=").nth(1).unwrap();
    let confirmed = app
        .post(
            "/api/v1/registrations/confirm",
            None,
            json!({ "token": token }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(confirmed["status"], "confirmed");
    assert_eq!(confirmed["name"], "Ioana Popescu");
    assert_eq!(app.seats_taken(event).await, 1);
    app.post(
        "/api/v1/registrations/confirm",
        None,
        json!({ "token": token }),
    )
    .await
    .expect_problem(422);
    app.wait_for_email("ioana@example.ro", confirmed["code"].as_str().unwrap())
        .await;

    // An unconfirmed guest's link expires after 24 hours.
    let other = json!({"guest": {"name": "Late Guest", "email": "late@example.org"}});
    app.post(&regs(event), None, other.clone())
        .await
        .expect(201);
    let late = app
        .wait_for_email("late@example.org", "registrations/confirm")
        .await
        .link("token=");
    app.with_conn(|conn| {
        use diesel::prelude::*;
        use kolo::db::schema::registrations;
        diesel::update(
            registrations::table.filter(registrations::guest_email.eq("late@example.org")),
        )
        .set(registrations::confirm_expires_at.eq(kolo::db::now() - Duration::minutes(1)))
        .execute(conn)
        .unwrap();
    })
    .await;
    app.post(
        "/api/v1/registrations/confirm",
        None,
        json!({"token": late.split("token=").nth(1).unwrap()}),
    )
    .await
    .expect_problem(422);
    // ...and no longer blocks registering again.
    app.post(&regs(event), None, other).await.expect(201);
}

#[tokio::test]
async fn sessions_need_the_conference_and_must_not_overlap() {
    let w = world().await;
    let app = &w.app;
    let conference = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(100),
                length: Duration::days(2),
                title: "Regional conference",
                ..EventSpec::default()
            },
        )
        .await;
    let morning = app
        .event(
            w.host,
            EventSpec {
                parent_id: Some(conference),
                length: Duration::hours(2),
                title: "Morning workshop",
                ..EventSpec::default()
            },
        )
        .await;
    let clash = app
        .event(
            w.host,
            EventSpec {
                parent_id: Some(conference),
                starts_in: Duration::days(7) + Duration::hours(1),
                length: Duration::hours(2),
                title: "Parallel panel",
                ..EventSpec::default()
            },
        )
        .await;
    let later = app
        .event(
            w.host,
            EventSpec {
                parent_id: Some(conference),
                starts_in: Duration::days(7) + Duration::hours(3),
                length: Duration::hours(1),
                title: "Afternoon talk",
                ..EventSpec::default()
            },
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;

    let first = app
        .post(&regs(morning), Some(&ana.token), json!({}))
        .await
        .expect_problem(409);
    assert_eq!(first.body["code"], "parent_registration_required");
    app.post(&regs(conference), Some(&ana.token), json!({}))
        .await
        .expect(201);
    app.post(&regs(morning), Some(&ana.token), json!({}))
        .await
        .expect(201);
    let overlap = app
        .post(&regs(clash), Some(&ana.token), json!({}))
        .await
        .expect_problem(409);
    assert_eq!(overlap.body["code"], "session_overlap");
    assert!(
        overlap.body["detail"]
            .as_str()
            .unwrap()
            .contains("Morning workshop"),
        "{}",
        overlap.text
    );
    app.post(&regs(later), Some(&ana.token), json!({}))
        .await
        .expect(201);

    // A programme with capacity 0 is attended session by session.
    let programme = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(0),
                length: Duration::days(1),
                starts_in: Duration::days(20),
                ..EventSpec::default()
            },
        )
        .await;
    let session = app
        .event(
            w.host,
            EventSpec {
                parent_id: Some(programme),
                starts_in: Duration::days(20),
                ..EventSpec::default()
            },
        )
        .await;
    app.post(&regs(session), Some(&ana.token), json!({}))
        .await
        .expect(201);
}

#[tokio::test]
async fn representatives_register_colleagues_within_the_quota() {
    let w = world().await;
    let app = &w.app;
    let event = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(10),
                seats_per_organisation: Some(2),
                ..EventSpec::default()
            },
        )
        .await;
    let org = app.organisation("muzej", false).await;
    let rep = app.verified_user("rep@example.org", "Representative").await;
    app.representative(org, rep.id).await;
    let colleagues = app.many_people(3, "colleague").await;
    let mut statuses = Vec::new();
    for c in &colleagues {
        let body = app
            .post(
                &regs(event),
                Some(&rep.token),
                json!({"organisation": "muzej", "person_email": c.email}),
            )
            .await
            .expect(201)
            .body;
        assert_eq!(body["organisation"], "muzej");
        assert_eq!(body["person_id"], c.id);
        statuses.push(body["status"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        statuses,
        ["confirmed", "confirmed", "waitlisted"],
        "the third is beyond the organisation's two seats"
    );
    let guest = app
        .post(&regs(event), Some(&rep.token), json!({"organisation": "muzej", "guest": {"name": "Intern", "email": "intern@example.org"}}))
        .await
        .expect(201)
        .body;
    assert_eq!(guest["status"], "waitlisted");

    let stranger = app.verified_user("stranger@example.org", "Stranger").await;
    app.post(
        &regs(event),
        Some(&stranger.token),
        json!({"organisation": "muzej", "person_email": "x@example.org"}),
    )
    .await
    .expect_problem(403);
    app.post(
        &regs(event),
        Some(&rep.token),
        json!({"organisation": "muzej", "person_email": "nobody@example.org"}),
    )
    .await
    .expect_problem(422);
    app.post(
        &regs(event),
        Some(&rep.token),
        json!({"organisation": "no-such-org", "person_email": colleagues[0].email}),
    )
    .await
    .expect_problem(422);

    let roster = app
        .get(
            &format!("{}?organisation=muzej", regs(event)),
            Some(&w.organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(roster["total"], 4);
    assert!(roster["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["organisation"] == "muzej"));

    // The representative may cancel what they made; the seat goes to the organisation's next colleague.
    let first = roster["items"][0]["id"].as_i64().unwrap();
    app.post(
        &format!("/api/v1/registrations/{first}/cancel"),
        Some(&rep.token),
        json!({}),
    )
    .await
    .expect(200);
    let promoted = app
        .get(
            &format!("{}?status=confirmed&organisation=muzej", regs(event)),
            Some(&w.organiser.token),
        )
        .await
        .body;
    assert_eq!(promoted["total"], 2);
}

#[tokio::test]
async fn questions_are_managed_by_staff_and_answers_are_checked() {
    let w = world().await;
    let app = &w.app;
    let event = app.event(w.host, EventSpec::default()).await;
    let qpath = format!("/api/v1/events/{event}/questions");
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.post(
        &qpath,
        Some(&ana.token),
        json!({"kind": "text", "label": {"en": "Diet"}}),
    )
    .await
    .expect_problem(403);

    let diet = app.post(&qpath, Some(&w.organiser.token), json!({"kind": "text", "required": true, "label": {"en": "Dietary needs", "sr-Latn": "Ishrana"}})).await.expect(201).body;
    let lang = app
        .post(&qpath, Some(&w.organiser.token), json!({"kind": "multiple_choice", "label": {"en": "Interpretation"},
            "choices": [{"key": "en", "label": {"en": "English"}}, {"key": "mk", "label": {"en": "Macedonian"}}]}))
        .await
        .expect(201)
        .body;
    let photo = app
        .post(
            &qpath,
            Some(&w.organiser.token),
            json!({"kind": "boolean", "label": {"en": "Photos OK?"}}),
        )
        .await
        .expect(201)
        .body;
    let bad = app
        .post(
            &qpath,
            Some(&w.organiser.token),
            json!({"kind": "single_choice", "label": {"xx": "?"}}),
        )
        .await
        .expect_problem(422);
    assert!(
        bad.body["errors"]["choices"].is_array() && bad.body["errors"]["label.xx"].is_array(),
        "{}",
        bad.text
    );
    app.post(
        &qpath,
        Some(&w.organiser.token),
        json!({"kind": "essay", "label": {"en": "?"}}),
    )
    .await
    .expect_problem(422);
    let listed = app
        .get(&qpath, Some(&w.organiser.token))
        .await
        .expect(200)
        .body;
    assert_eq!(listed.as_array().unwrap().len(), 3);

    let (d, l, p) = (
        diet["id"].to_string(),
        lang["id"].to_string(),
        photo["id"].to_string(),
    );
    let wrong = app
        .post(
            &regs(event),
            Some(&ana.token),
            json!({"answers": {l.clone(): ["fr"], p.clone(): "yes", "999": "?"}}),
        )
        .await
        .expect_problem(422);
    let errors = wrong.body["errors"].as_object().unwrap();
    for key in [
        format!("answers.{d}"),
        format!("answers.{l}"),
        format!("answers.{p}"),
        "answers.999".to_owned(),
    ] {
        assert!(errors.contains_key(&key), "{key} missing in {}", wrong.text);
    }
    assert_eq!(app.seats_taken(event).await, 0);
    let ok = app
        .post(
            &regs(event),
            Some(&ana.token),
            json!({"answers": {d.clone(): " vegan ", l.clone(): ["mk", "en"], p.clone(): false}}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(ok["answers"][&d], "vegan");

    let updated = app
        .patch(
            &format!("{qpath}/{}", photo["id"]),
            Some(&w.organiser.token),
            json!({"required": true}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(updated["required"], true);
    app.delete(
        &format!("{qpath}/{}", photo["id"]),
        Some(&w.organiser.token),
    )
    .await
    .expect(204);
    app.delete(
        &format!("{qpath}/{}", photo["id"]),
        Some(&w.organiser.token),
    )
    .await
    .expect_problem(404);

    let csv = app
        .client
        .get(app.url(&format!("{}?format=csv", regs(event))))
        .bearer_auth(&w.organiser.token)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let bytes = csv.bytes().await.unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "CSV starts with a BOM"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert!(
        header.contains(&"Dietary needs".to_owned())
            && header.contains(&"Interpretation".to_owned()),
        "{header:?}"
    );
    let row: Vec<String> = reader
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert!(
        row.contains(&"vegan".to_owned()) && row.contains(&"mk; en".to_owned()),
        "{row:?}"
    );
}

#[tokio::test]
async fn idempotency_keys_replay_and_refuse_reuse() {
    let w = world().await;
    let app = &w.app;
    let event = app.event(w.host, EventSpec::default()).await;
    let other = app.event(w.host, EventSpec::default()).await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let send = |event: i64, key: &'static str| {
        app.client
            .post(app.url(&regs(event)))
            .bearer_auth(&ana.token)
            .header("Idempotency-Key", key)
            .json(&json!({}))
            .send()
    };
    let first = send(event, "k1").await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let replay = send(event, "k1").await.unwrap();
    assert_eq!(replay.status(), 200);
    assert_eq!(replay.json::<Value>().await.unwrap()["id"], first["id"]);
    let reused = send(other, "k1").await.unwrap();
    assert_eq!(reused.status(), 422, "the same key for another request");
    let body: Value = reused.json().await.unwrap();
    assert!(body["errors"]["Idempotency-Key"].is_array());
    assert_eq!(app.seats_taken(event).await, 1);
    assert_eq!(app.seats_taken(other).await, 0);
}

#[tokio::test]
async fn staff_add_promote_and_check_in() {
    let w = world().await;
    let app = &w.app;
    let closed = kolo::db::now() - Duration::hours(1);
    let event = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(1),
                registration_closes_at: Some(closed),
                ..EventSpec::default()
            },
        )
        .await;
    let people = app.many_people(3, "s").await;
    // Staff ignore the window, not the capacity.
    let a = app
        .post(
            &regs(event),
            Some(&w.organiser.token),
            json!({"person_email": people[0].email}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(a["status"], "confirmed");
    let b = app
        .post(
            &regs(event),
            Some(&w.organiser.token),
            json!({"person_email": people[1].email}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(b["status"], "waitlisted");
    app.post(
        &regs(event),
        Some(&people[2].token),
        json!({"person_email": people[1].email}),
    )
    .await
    .expect_problem(403);
    let c = app
        .post(
            &regs(event),
            Some(&w.organiser.token),
            json!({"person_email": people[2].email, "override_capacity": true}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(c["status"], "confirmed");
    assert_eq!(app.seats_taken(event).await, 2);

    let promote_b = format!("/api/v1/registrations/{}/promote", b["id"]);
    let promote_a = format!("/api/v1/registrations/{}/promote", a["id"]);
    let token = Some(w.organiser.token.as_str());
    assert_eq!(
        app.post(&promote_b, token, json!({}))
            .await
            .expect_problem(409)
            .body["code"],
        "event_full"
    );
    assert_eq!(
        app.post(&promote_b, token, json!({"override_capacity": true}))
            .await
            .expect(200)
            .body["status"],
        "confirmed"
    );
    assert_eq!(
        app.post(&promote_a, token, json!({}))
            .await
            .expect_problem(409)
            .body["code"],
        "not_waitlisted"
    );

    // Check-in by id is idempotent and can be undone; by code at the door.
    let check = format!("/api/v1/registrations/{}/check-in", a["id"]);
    let once = app
        .post(&check, Some(&w.organiser.token), json!({}))
        .await
        .expect(200)
        .body;
    let twice = app
        .post(&check, Some(&w.organiser.token), json!({}))
        .await
        .expect(200)
        .body;
    assert!(once["checked_in_at"].is_string());
    assert_eq!(once["checked_in_at"], twice["checked_in_at"]);
    let undone = app
        .delete(&check, Some(&w.organiser.token))
        .await
        .expect(200)
        .body;
    assert_eq!(undone["checked_in_at"], Value::Null);
    let door = format!("/api/v1/events/{event}/check-in");
    let by_code = app
        .post(
            &door,
            Some(&w.organiser.token),
            json!({"code": c["code"].as_str().unwrap().to_lowercase()}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(by_code["id"], c["id"]);
    app.post(
        &door,
        Some(&w.organiser.token),
        json!({"code": "NOSUCHCODE"}),
    )
    .await
    .expect_problem(404);
    app.post(&door, Some(&people[0].token), json!({"code": c["code"]}))
        .await
        .expect_problem(403);

    let roster = app
        .get(
            &format!("{}?checked_in=true", regs(event)),
            Some(&w.organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(roster["total"], 1);
    assert_eq!(roster["summary"]["checked_in"], 1);
    assert_eq!(roster["summary"]["confirmed"], 3);
    let by_name = app
        .get(
            &format!("{}?q=PERSON%20S1", regs(event)),
            Some(&w.organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(by_name["total"], 1);
    app.get(
        &format!("{}?status=bogus", regs(event)),
        Some(&w.organiser.token),
    )
    .await
    .expect_problem(422);
    app.get(
        &format!("{}?per_page=1000", regs(event)),
        Some(&w.organiser.token),
    )
    .await
    .expect_problem(422);

    // A cancelled registration cannot be checked in.
    app.post(
        &format!("/api/v1/registrations/{}/cancel", a["id"]),
        Some(&w.organiser.token),
        json!({}),
    )
    .await
    .expect(200);
    assert_eq!(
        app.post(&check, Some(&w.organiser.token), json!({}))
            .await
            .expect_problem(409)
            .body["code"],
        "not_confirmed"
    );
}

#[tokio::test]
async fn cancelling_after_the_start_is_refused() {
    let w = world().await;
    let app = &w.app;
    let event = app
        .event(
            w.host,
            EventSpec {
                starts_in: Duration::minutes(-30),
                registration_closes_at: Some(kolo::db::now() + Duration::hours(1)),
                ..EventSpec::default()
            },
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let reg = app
        .post(&regs(event), Some(&ana.token), json!({}))
        .await
        .expect(201)
        .body;
    let refused = app
        .post(
            &format!("/api/v1/registrations/{}/cancel", reg["id"]),
            Some(&ana.token),
            json!({}),
        )
        .await
        .expect_problem(409);
    assert_eq!(refused.body["code"], "event_started");
    assert_eq!(app.seats_taken(event).await, 1);
}

#[tokio::test]
async fn raising_the_capacity_promotes_the_waitlist_in_order() {
    let w = world().await;
    let app = &w.app;
    let event = app
        .event(
            w.host,
            EventSpec {
                capacity: Some(1),
                ..EventSpec::default()
            },
        )
        .await;
    let people = app.many_people(4, "cap").await;
    for p in &people {
        app.post(&regs(event), Some(&p.token), json!({}))
            .await
            .expect(201);
    }
    let path = format!("/api/v1/events/{event}");
    let token = Some(w.organiser.token.as_str());
    // Lowering below the seats taken is refused and changes nothing.
    let refused = app
        .patch(&path, token, json!({"capacity": 0}))
        .await
        .expect_problem(409);
    assert_eq!(refused.body["code"], "capacity_below_seats_taken");
    assert_eq!(refused.body["existing"]["field"], "capacity");
    let updated = app
        .patch(&path, token, json!({"capacity": 3}))
        .await
        .expect(200)
        .body;
    assert_eq!(updated["seats_left"], 0);
    assert_eq!(app.seats_taken(event).await, 3);
    let confirmed = app
        .get(&format!("{}?status=confirmed", regs(event)), token)
        .await
        .body;
    let ids: Vec<i64> = confirmed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["person_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [people[0].id, people[1].id, people[2].id]);
    let waiting = app
        .get(&format!("{}?status=waitlisted", regs(event)), token)
        .await
        .body;
    assert_eq!(waiting["items"][0]["person_id"], people[3].id);
    assert_eq!(waiting["items"][0]["waitlist_position"], 1);
    app.wait_for_email(&people[2].email, "A place has opened up")
        .await;
    // Unlimited seats everyone.
    app.patch(&path, token, json!({"capacity": null}))
        .await
        .expect(200);
    assert_eq!(app.seats_taken(event).await, 4);
}

#[tokio::test]
async fn my_registrations_show_titles_in_my_language_and_script() {
    let w = world().await;
    let app = &w.app;
    let event = app.event(w.host, EventSpec::default()).await;
    app.with_conn(move |conn| {
        use diesel::prelude::*;
        use kolo::db::schema::event_contents;
        diesel::delete(event_contents::table.filter(event_contents::event_id.eq(event)))
            .execute(conn)
            .unwrap();
        diesel::insert_into(event_contents::table)
            .values((
                event_contents::event_id.eq(event),
                event_contents::locale.eq("sr-Cyrl"),
                event_contents::title.eq("Радионица: љубав према књизи"),
                event_contents::search_text.eq("радионица"),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.patch("/api/v1/me", Some(&ana.token), json!({"locale": "sr-Latn"}))
        .await
        .expect(200);
    app.post(&regs(event), Some(&ana.token), json!({}))
        .await
        .expect(201);
    let mine = app
        .get("/api/v1/me/registrations", Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(
        mine["items"][0]["event_title"],
        "Radionica: ljubav prema knjizi"
    );
    let email = app
        .wait_for_email("ana@example.org", "Radionica: ljubav prema knjizi")
        .await;
    assert_eq!(
        email.subject,
        "Prijava je potvrđena: Radionica: ljubav prema knjizi"
    );
}

/// The calendar invitation attached to an email: (METHOD, UID, SEQUENCE), read with an
/// independent iCalendar parser.
fn invitation(email: &crate::helpers::Email) -> (String, String, i64) {
    use mail_parser::MimeHeaders;
    let message = mail_parser::MessageParser::default()
        .parse(email.raw.as_bytes())
        .unwrap();
    let attachment = message
        .attachments()
        .find(|a| a.attachment_name() == Some("invite.ics"))
        .unwrap_or_else(|| panic!("no invite.ics in {}", email.subject));
    let content_type = attachment.content_type().unwrap();
    assert_eq!(content_type.subtype(), Some("calendar"));
    let text = String::from_utf8(attachment.contents().to_vec()).unwrap();
    let calendar = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    let get = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let method = get(&calendar.properties, "METHOD");
    let event = &calendar.events[0];
    assert!(get(&event.properties, "ORGANIZER").starts_with("mailto:"));
    assert_eq!(
        get(&event.properties, "ATTENDEE"),
        format!("mailto:{}", email.to)
    );
    (
        method,
        get(&event.properties, "UID"),
        get(&event.properties, "SEQUENCE").parse().unwrap(),
    )
}

#[tokio::test]
async fn confirmations_carry_a_calendar_invitation_and_cancellations_withdraw_it() {
    let w = world().await;
    let app = &w.app;
    let event = app.event(w.host, EventSpec::default()).await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.post(&regs(event), Some(&ana.token), json!({}))
        .await
        .expect(201);
    let confirmed = app
        .wait_for_email("ana@example.org", "Registration confirmed")
        .await;
    let (method, uid, first_sequence) = invitation(&confirmed);
    assert_eq!(method, "REQUEST");
    assert_eq!(
        uid,
        format!("event-{event}@127.0.0.1"),
        "the same UID as the calendar feed"
    );

    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.delete(
        &format!("/api/v1/events/{event}/registrations/me"),
        Some(&ana.token),
    )
    .await
    .expect(200);
    let cancelled = app
        .wait_for_email("ana@example.org", "Registration cancelled")
        .await;
    let (method, cancel_uid, sequence) = invitation(&cancelled);
    assert_eq!(method, "CANCEL");
    assert_eq!(cancel_uid, uid);
    assert!(
        sequence > first_sequence,
        "a later message has a higher SEQUENCE"
    );
    // Emails without an event to add (account emails) carry no invitation.
    let verify = app
        .wait_for_email("ana@example.org", "Confirm your email")
        .await;
    let parsed = mail_parser::MessageParser::default()
        .parse(verify.raw.as_bytes())
        .unwrap();
    assert_eq!(parsed.attachments().count(), 0);
}

#[tokio::test]
async fn events_set_guests_quotas_and_reminders_through_the_api() {
    let w = world().await;
    let app = &w.app;
    let event = app.event(w.host, EventSpec::default()).await;
    let path = format!("/api/v1/events/{event}");
    let token = Some(w.organiser.token.as_str());
    let set = app
        .patch(&path, token, json!({"guests_allowed": true, "seats_per_organisation": 2, "reminder_offsets_hours": [48, 2]}))
        .await
        .expect(200)
        .body;
    assert_eq!(set["guests_allowed"], true);
    assert_eq!(set["seats_per_organisation"], 2);
    assert_eq!(set["reminder_offsets_hours"], json!([48, 2]));
    for bad in [
        json!({"seats_per_organisation": 0}),
        json!({"reminder_offsets_hours": [0]}),
        json!({"reminder_offsets_hours": [1, 2, 3, 4, 5, 6]}),
    ] {
        app.patch(&path, token, bad).await.expect_problem(422);
    }
    // Guests may now register; clearing the overrides restores the defaults.
    app.post(
        &regs(event),
        None,
        json!({"guest": {"name": "Guest", "email": "guest@example.org"}}),
    )
    .await
    .expect(201);
    let cleared = app
        .patch(
            &path,
            token,
            json!({"seats_per_organisation": null, "reminder_offsets_hours": null}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(cleared["seats_per_organisation"], Value::Null);
    assert_eq!(cleared["reminder_offsets_hours"], Value::Null);
}

#[tokio::test]
async fn replies_to_registration_emails_reach_the_host() {
    let w = world().await;
    let event = w.app.event(w.host, EventSpec::default()).await;
    let ana = w.app.verified_user("ana@example.org", "Ana").await;
    w.app
        .post(&regs(event), Some(&ana.token), json!({}))
        .await
        .expect(201);
    let email = w
        .app
        .wait_for_email("ana@example.org", "Registration confirmed")
        .await;
    let parsed = mail_parser::MessageParser::default()
        .parse(email.raw.as_bytes())
        .unwrap();
    let reply_to = parsed
        .reply_to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_owned);
    assert_eq!(reply_to.as_deref(), Some("office@kc-novi-sad.example.org"));
}
