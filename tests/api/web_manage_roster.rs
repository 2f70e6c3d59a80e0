//! The organisers' roster page: counts, search, filters, pages; promote, cancel (with its
//! confirmation), check-in and undo, add a person or a guest beyond capacity; the CSV is the
//! API's file; the attendance sheet; roles and CSRF.

use diesel::prelude::*;
use kolo::db::schema::{event_partners, registrations};
use serde_json::{json, Value};

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp, User};
use crate::web_account::signed_in;
use crate::web_client::Browser;

pub struct World {
    pub host: i64,
    pub event: i64,
    pub organiser: User,
    pub ana: (User, i64),
    pub boris: (User, i64),
    pub vera: (User, i64),
}

fn regs(event: i64) -> String {
    format!("/api/v1/events/{event}/registrations")
}

/// A host with an organiser, an event of 2 seats with a funder: Ana and Boris confirmed,
/// Vera on the waitlist.
pub async fn world(app: &TestApp) -> World {
    let host = app.organisation_named("kc", "Kulturni centar", true).await;
    let fund = app.organisation_named("fond", "Culture Fund", false).await;
    let organiser = app.verified_user("org@example.org", "Olga Organiser").await;
    app.staff(host, organiser.id, "organiser").await;
    let event = app
        .event(
            host,
            EventSpec {
                title: "Archive workshop",
                capacity: Some(2),
                ..EventSpec::default()
            },
        )
        .await;
    app.with_conn(move |conn| {
        diesel::insert_into(event_partners::table)
            .values((
                event_partners::event_id.eq(event),
                event_partners::organisation_id.eq(fund),
                event_partners::role.eq("funder"),
                event_partners::position.eq(0),
            ))
            .execute(conn)
            .unwrap()
    })
    .await;
    let mut people = Vec::new();
    for (email, name) in [
        ("ana@example.org", "Ana Anić"),
        ("boris@example.org", "Boris Borić"),
        ("vera@example.org", "Vera Verić"),
    ] {
        let user = app.verified_user(email, name).await;
        let id = app
            .post(&regs(event), Some(&user.token), json!({}))
            .await
            .expect(201)
            .body["id"]
            .as_i64()
            .unwrap();
        people.push((user, id));
    }
    let vera = people.pop().unwrap();
    let boris = people.pop().unwrap();
    let ana = people.pop().unwrap();
    World {
        host,
        event,
        organiser,
        ana,
        boris,
        vera,
    }
}

pub async fn registration(app: &TestApp, token: &str, id: i64) -> Value {
    app.get(&format!("/api/v1/registrations/{id}"), Some(token))
        .await
        .expect(200)
        .body
}

#[tokio::test]
async fn the_roster_counts_searches_filters_and_pages() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let browser = signed_in(&app, "org@example.org").await;
    let roster = format!("/manage/events/{}/roster", w.event);

    let page = browser.get(&roster).await.expect_html();
    assert!(page.contains("Archive workshop"));
    assert!(
        page.contains(r#"<dd id="count-confirmed">2 / 2</dd>"#),
        "{}",
        page.body
    );
    assert!(page.contains(r#"<dd id="count-waitlisted">1</dd>"#));
    assert!(page.contains(r#"<dd id="count-pending">0</dd>"#));
    assert!(page.contains(r#"<dd id="count-checked-in">0</dd>"#));
    for name in ["Ana Anić", "Boris Borić", "Vera Verić"] {
        assert!(page.contains(name), "{name}");
    }

    // Search regardless of case and diacritics, by name or email.
    let page = browser
        .get(&format!("{roster}?q=boric"))
        .await
        .expect_html();
    assert!(page.contains("Boris Borić") && !page.contains("Ana Anić"));
    let page = browser
        .get(&format!("{roster}?q=VERA%40example"))
        .await
        .expect_html();
    assert!(page.contains("Vera Verić") && !page.contains("Boris Borić"));

    let page = browser
        .get(&format!("{roster}?status=waitlisted"))
        .await
        .expect_html();
    assert!(page.contains("Vera Verić") && !page.contains("Ana Anić"));
    assert!(page.contains(r#"<option value="waitlisted" selected>"#));
    // Counts stay those of the whole event.
    assert!(page.contains(r#"<dd id="count-confirmed">2 / 2</dd>"#));

    app.post(
        &format!("/api/v1/registrations/{}/check-in", w.ana.1),
        Some(&w.organiser.token),
        json!({}),
    )
    .await
    .expect(200);
    let page = browser
        .get(&format!("{roster}?checked_in=yes"))
        .await
        .expect_html();
    assert!(page.contains("Ana Anić") && !page.contains("Boris Borić"));
    assert!(page.contains(r#"<dd id="count-checked-in">1</dd>"#));
    let page = browser
        .get(&format!("{roster}?checked_in=no&status=confirmed"))
        .await
        .expect_html();
    assert!(page.contains("Boris Borić") && !page.contains("Ana Anić") && !page.contains("Vera"));

    // Pages of 50.
    let big = app
        .event(
            w.host,
            EventSpec {
                title: "Big lecture",
                capacity: None,
                ..EventSpec::default()
            },
        )
        .await;
    let people = app.many_people(55, "crowd").await;
    for p in &people {
        app.registration(big, Some(p.id), None, "confirmed").await;
    }
    let big_roster = format!("/manage/events/{big}/roster");
    let first = browser.get(&big_roster).await.expect_html();
    assert_eq!(first.body.matches("<tr id=\"r-").count(), 50);
    assert!(first.contains("55 registrations"));
    assert!(first.contains(&format!(r#"<a href="{big_roster}?page=2" rel="next">"#)));
    let second = browser
        .get(&format!("{big_roster}?page=2"))
        .await
        .expect_html();
    assert_eq!(second.body.matches("<tr id=\"r-").count(), 5);
    assert!(second.contains(r#"rel="prev""#) && !second.contains(r#"rel="next""#));
}

#[tokio::test]
async fn promote_cancel_check_in_and_undo_act_as_the_api_does() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let token = w.organiser.token.clone();
    let browser = signed_in(&app, "org@example.org").await;
    let roster = format!("/manage/events/{}/roster", w.event);
    let back = format!("{roster}?status=waitlisted");

    // Full: a plain promote is refused with a notice, the override seats her.
    let answer = browser
        .submit(
            &roster,
            &format!("/manage/registrations/{}/promote", w.vera.1),
            &[("back", back.as_str())],
        )
        .await;
    assert_eq!(
        answer.expect_redirect(),
        format!("{back}&notice=roster-notice-full")
    );
    assert_eq!(
        registration(&app, &token, w.vera.1).await["status"],
        "waitlisted"
    );
    let answer = browser
        .submit(
            &roster,
            &format!("/manage/registrations/{}/promote", w.vera.1),
            &[("back", back.as_str()), ("override_capacity", "1")],
        )
        .await;
    let page = browser.follow(&answer).await.expect_html();
    assert!(page.contains("now has a seat"));
    assert_eq!(
        registration(&app, &token, w.vera.1).await["status"],
        "confirmed"
    );
    assert_eq!(app.seats_taken(w.event).await, 3);

    // Check in, then undo.
    let check_in = format!("/manage/registrations/{}/check-in", w.ana.1);
    browser
        .submit(&roster, &check_in, &[("back", roster.as_str())])
        .await
        .expect_redirect();
    assert!(registration(&app, &token, w.ana.1).await["checked_in_at"].is_string());
    let page = browser.get(&roster).await.expect_html();
    assert!(page.contains("Undo check-in"));
    browser
        .submit(
            &roster,
            &check_in,
            &[("back", roster.as_str()), ("undo", "1")],
        )
        .await
        .expect_redirect();
    assert!(registration(&app, &token, w.ana.1).await["checked_in_at"].is_null());

    // Cancel needs its confirmation.
    let confirm = format!(
        "/manage/registrations/{}/cancel?back={}",
        w.boris.1,
        crate::web_manage_roster::encode(&roster)
    );
    let page = browser.get(&confirm).await.expect_html();
    assert!(page.contains("Boris Borić") && page.contains(r#"name="confirm""#));
    let cancel = format!("/manage/registrations/{}/cancel", w.boris.1);
    let refused = browser
        .submit(&confirm, &cancel, &[("back", roster.as_str())])
        .await
        .expect(422);
    assert!(refused.contains("Tick the box"));
    assert_eq!(
        registration(&app, &token, w.boris.1).await["status"],
        "confirmed"
    );
    let done = browser
        .submit(
            &confirm,
            &cancel,
            &[("back", roster.as_str()), ("confirm", "yes")],
        )
        .await;
    assert_eq!(
        done.expect_redirect(),
        format!("{roster}?notice=roster-notice-cancelled")
    );
    assert_eq!(
        registration(&app, &token, w.boris.1).await["status"],
        "cancelled"
    );
    // Nothing changes on GET: the confirmation page of a cancelled one says so.
    assert!(browser
        .get(&confirm)
        .await
        .expect_html()
        .contains("already cancelled"));
}

pub fn encode(s: &str) -> String {
    s.replace('/', "%2F")
        .replace('?', "%3F")
        .replace('=', "%3D")
        .replace('&', "%26")
}

#[tokio::test]
async fn staff_add_a_person_and_a_guest_beyond_capacity() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let newcomer = app.verified_user("nina@example.org", "Nina Novak").await;
    let browser = signed_in(&app, "org@example.org").await;
    let roster = format!("/manage/events/{}/roster", w.event);
    let add = format!("/manage/events/{}/roster/add", w.event);

    // No account with that email: said next to the field, input kept.
    let page = browser
        .submit(
            &roster,
            &add,
            &[("kind", "person"), ("person_email", "nobody@example.org")],
        )
        .await
        .expect(422);
    assert!(page.contains("No account has this email"));
    assert_eq!(
        page.input_value("person_email").as_deref(),
        Some("nobody@example.org")
    );

    // Full, without override: waitlisted; with it: confirmed beyond capacity.
    let answer = browser
        .submit(
            &roster,
            &add,
            &[
                ("kind", "person"),
                ("person_email", "nina@example.org"),
                ("override_capacity", "1"),
            ],
        )
        .await;
    assert_eq!(
        answer.expect_redirect(),
        format!("{roster}?notice=roster-notice-added")
    );
    let answer = browser
        .submit(
            &roster,
            &add,
            &[
                ("kind", "guest"),
                ("guest_name", "Gost Gostić"),
                ("guest_email", "gost@example.org"),
                ("override_capacity", "1"),
            ],
        )
        .await;
    answer.expect_redirect();
    let api = app
        .get(&regs(w.event), Some(&w.organiser.token))
        .await
        .expect(200)
        .body;
    let items = api["items"].as_array().unwrap();
    let status_of = |name: &str| {
        items
            .iter()
            .find(|i| i["name"] == name)
            .map(|i| i["status"].as_str().unwrap().to_owned())
    };
    assert_eq!(status_of("Nina Novak").as_deref(), Some("confirmed"));
    assert_eq!(status_of("Gost Gostić").as_deref(), Some("confirmed"));
    assert_eq!(api["summary"]["confirmed"], 4);
    assert_eq!(app.seats_taken(w.event).await, 4);
    let _ = newcomer;

    // Already registered: a clear refusal on the page.
    let page = browser
        .submit(
            &roster,
            &add,
            &[("kind", "person"), ("person_email", "ana@example.org")],
        )
        .await
        .expect(409);
    assert!(page.contains("already registered"));

    // A guest without a name: the field says so.
    let page = browser
        .submit(
            &roster,
            &add,
            &[("kind", "guest"), ("guest_email", "x@example.org")],
        )
        .await
        .expect(422);
    assert!(page.contains(r#"id="e-guest_name""#));
    assert_eq!(
        page.input_value("guest_email").as_deref(),
        Some("x@example.org")
    );
}

#[tokio::test]
async fn the_csv_link_gives_the_api_file_and_the_sheet_prints() {
    let app = spawn_app().await;
    let w = world(&app).await;
    // Ana came for her organisation: the sheet and the roster name it as people know it.
    let member = app
        .organisation_named("nkss", "Nezavisna kulturna scena", false)
        .await;
    let ana = w.ana.1;
    app.with_conn(move |conn| {
        diesel::update(registrations::table.find(ana))
            .set(registrations::organisation_id.eq(member))
            .execute(conn)
            .unwrap()
    })
    .await;
    let browser = signed_in(&app, "org@example.org").await;
    let roster = format!("/manage/events/{}/roster", w.event);
    let page = browser.get(&roster).await.expect_html();
    let link = format!("/manage/events/{}/roster.csv", w.event);
    assert!(page.contains(&format!(r#"href="{link}""#)));

    let from_page = app
        .client
        .get(app.url(&link))
        .header(
            "Cookie",
            format!("kolo_session={}", browser.cookie("kolo_session").unwrap()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(from_page.status(), 200);
    let page_disposition = from_page.headers()["content-disposition"].clone();
    let page_type = from_page.headers()["content-type"].clone();
    let page_bytes = from_page.bytes().await.unwrap();
    let from_api = app
        .client
        .get(app.url(&format!("{}?format=csv", regs(w.event))))
        .bearer_auth(&w.organiser.token)
        .send()
        .await
        .unwrap();
    assert_eq!(from_api.headers()["content-disposition"], page_disposition);
    assert_eq!(from_api.headers()["content-type"], page_type);
    let api_bytes = from_api.bytes().await.unwrap();
    assert_eq!(page_bytes, api_bytes);
    assert!(String::from_utf8_lossy(&page_bytes).contains("Boris Borić"));

    assert!(
        page.contains("<td>Nezavisna kulturna scena</td>"),
        "{}",
        page.body
    );
    let sheet = browser.get(&format!("{roster}/print")).await.expect_html();
    assert!(sheet.contains("Nezavisna kulturna scena"));
    assert!(sheet.contains("Archive workshop"));
    assert!(sheet.contains("Culture Fund"));
    assert!(sheet.contains("Kulturni centar"));
    assert!(sheet.contains("Signature"));
    // Confirmed people only, numbered.
    assert!(sheet.contains("Ana Anić") && sheet.contains("Boris Borić"));
    assert!(!sheet.contains("Vera Verić"));
    assert!(sheet.contains(r#"<td class="num">2</td>"#));
    let css = app
        .client
        .get(app.url(&kolo::web::assets::url("kolo.css")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains("@page { size: A4"));
    assert!(css.contains("@media print"));
}

#[tokio::test]
async fn roles_and_csrf_are_those_of_the_api() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let other_host = app.organisation("elsewhere", true).await;
    let stranger = app.verified_user("stranger@example.org", "Stranger").await;
    app.staff(other_host, stranger.id, "organiser").await;
    let draft = app
        .event(
            w.host,
            EventSpec {
                status: "draft",
                title: "Unpublished",
                ..EventSpec::default()
            },
        )
        .await;
    let roster = format!("/manage/events/{}/roster", w.event);

    let anonymous = Browser::new(&app);
    for path in [
        roster.clone(),
        format!("{roster}/print"),
        format!("/manage/events/{}/roster.csv", w.event),
    ] {
        let answer = anonymous.get(&path).await;
        assert!(
            answer.expect_redirect().starts_with("/signin?next="),
            "{path}"
        );
    }

    let ana = signed_in(&app, "ana@example.org").await;
    assert_eq!(ana.get(&roster).await.status, 403);
    assert_eq!(
        app.get(&regs(w.event), Some(&w.ana.0.token)).await.status,
        403
    );
    let strange = signed_in(&app, "stranger@example.org").await;
    for event in [w.event, draft] {
        let api = app.get(&regs(event), Some(&stranger.token)).await.status;
        let page = strange
            .get(&format!("/manage/events/{event}/roster"))
            .await
            .status;
        assert_eq!(page, api, "event {event}");
    }
    assert_eq!(
        strange
            .get(&format!("/manage/events/{draft}/roster"))
            .await
            .status,
        404
    );
    // Ana cannot check herself in from the page either.
    let page = ana.get("/me/registrations").await.expect_html();
    let answer = ana
        .post(
            &format!("/manage/registrations/{}/check-in", w.ana.1),
            &[("csrf", page.csrf().as_str())],
        )
        .await;
    assert_eq!(answer.status, 403);

    // An admin sees every host's roster.
    app.admin("root@example.org").await;
    let admin = signed_in(&app, "root@example.org").await;
    admin.get(&roster).await.expect_html();

    // Without the token nothing changes.
    let olga = signed_in(&app, "org@example.org").await;
    let answer = olga
        .post(
            &format!("/manage/registrations/{}/check-in", w.ana.1),
            &[("back", roster.as_str())],
        )
        .await;
    assert_eq!(answer.status, 403);
    let answer = olga
        .post(
            &format!("/manage/registrations/{}/cancel", w.boris.1),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(answer.status, 403);
    let answer = olga
        .post(
            &format!("/manage/events/{}/roster/add", w.event),
            &[
                ("kind", "guest"),
                ("guest_name", "X"),
                ("guest_email", "x@example.org"),
            ],
        )
        .await;
    assert_eq!(answer.status, 403);
    let token = &w.organiser.token;
    assert!(registration(&app, token, w.ana.1).await["checked_in_at"].is_null());
    assert_eq!(
        registration(&app, token, w.boris.1).await["status"],
        "confirmed"
    );
    let live: i64 = app
        .with_conn(move |conn| {
            registrations::table
                .filter(registrations::event_id.eq(w.event))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(live, 3);
}
