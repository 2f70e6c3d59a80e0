//! The front page, the event page and registering from it, as a browser uses them.

use chrono::Duration;
use kolo::events::listing::{self, When};
use kolo::events::model::EventFilters;
use kolo::events::service::Asker;
use serde_json::json;

use crate::event_fixtures::{cast, event_body, with};
use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp, User};
use crate::web_client::{Browser, WebPage};

/// A browser signed in as `user` (the sign-in page is another feature's; the session row is
/// what it would make).
pub async fn signed_in<'a>(app: &'a TestApp, user: &User) -> Browser<'a> {
    let id = user.id;
    let secret = app
        .with_conn(move |conn| {
            kolo::auth::sessions::create(conn, id, Duration::days(1), kolo::db::now()).unwrap()
        })
        .await;
    let browser = Browser::new(app);
    browser.set_cookie("kolo_session", &secret);
    browser
}

fn id_of(event: &serde_json::Value) -> i64 {
    event["id"].as_i64().unwrap()
}

/// Where `needle` is in the page (to compare orders).
fn at(page: &WebPage, needle: &str) -> usize {
    page.body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not on the page:\n{}", page.body))
}

#[tokio::test]
async fn the_front_page_lists_filters_searches_and_pages() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    app.organisation_named("zagreb-jazz", "Zagreb Jazz", true)
        .await;
    let jazz_owner = app.verified_user("jazz@example.org", "Jazz Owner").await;
    let jazz_host = app.organisation_named("jazz-club", "Jazz Club", true).await;
    app.staff(jazz_host, jazz_owner.id, "owner").await;
    let school = app
        .published_event(
            &c.owner,
            with(
                event_body("kc-novi-sad", "unused"),
                json!({"title": {"sr-Cyrl": "Летња школа архивистике"}, "default_locale": "sr-Cyrl",
                       "capacity": 20}),
            ),
        )
        .await;
    app.published_event(
        &jazz_owner,
        with(
            event_body("jazz-club", "Jazz evening"),
            json!({"kind": "festival", "city": "Zagreb", "country": "HR"}),
        ),
    )
    .await;

    let browser = Browser::new(&app);
    let page = browser.get("/").await.expect_html();
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains("Upcoming events"));
    let school_link = format!(
        r#"href="/events/{}/letnja-skola-arhivistike""#,
        id_of(&school)
    );
    assert!(page.contains(&school_link), "{}", page.body);
    assert!(page.contains(r#"<span lang="sr-Cyrl">Летња школа архивистике</span>"#));
    assert!(page.contains("Jazz evening"));
    assert!(page.contains("20 seats left"));
    assert!(page.contains("Festival"));
    assert!(page.contains("Zagreb, Croatia"));
    assert!(page.contains(r#"<option value="HR">Croatia</option>"#));
    assert!(page.contains(r#"<option value="jazz-club">Jazz Club</option>"#));
    assert!(page.contains(r#"href="/o/jazz-club""#));

    // A Latin query finds the Cyrillic title.
    let found = browser.get("/?q=letnja").await.expect_html();
    assert!(found.contains("Летња школа архивистике"));
    assert!(!found.contains("Jazz evening"));
    assert!(found.contains(r#"value="letnja""#), "the search is kept");
    let found = browser
        .get("/?kind=festival&country=HR")
        .await
        .expect_html();
    assert!(found.contains("Jazz evening") && !found.contains("Летња"));
    assert!(found.contains(r#"<option value="festival" selected>"#));
    let found = browser.get("/?org=kc-novi-sad").await.expect_html();
    assert!(found.contains("Летња") && !found.contains("Jazz evening"));
    let found = browser.get("/?language=sr-Latn").await.expect_html();
    assert!(found.contains("Letnja škola arhivistike") && !found.contains("Jazz evening"));
    let found = browser.get("/?city=zagreb").await.expect_html();
    assert!(found.contains("Jazz evening") && !found.contains("Летња"));

    // Nothing found: said, with a way back.
    let none = browser.get("/?q=no+such+words").await.expect_html();
    assert!(none.contains("No upcoming events match your search."));
    assert!(none.contains(r#"<a href="/">Clear the filters</a>"#));

    // A bad date comes back marked, as typed.
    let bad = browser.get("/?from=someday").await.expect(422);
    assert!(bad.contains(r#"id="e-from""#) && bad.contains(r#"value="someday""#));

    // Pages: 20 to a page, links keep the filters.
    for i in 0..20 {
        app.event(
            c.host,
            EventSpec {
                starts_in: Duration::days(30 + i),
                title: "Reading circle",
                ..EventSpec::default()
            },
        )
        .await;
    }
    let first = browser.get("/?country=RS").await.expect_html();
    assert!(first.contains("21 results"));
    assert!(first.contains("Page 1 of 2"));
    assert!(
        first.contains(r#"<a href="/?country=RS&#38;page=2" rel="next">"#),
        "{}",
        first.body
    );
    let second = browser.get("/?country=RS&page=2").await.expect_html();
    assert!(second.contains("Page 2 of 2"));
    assert!(second.contains(r#"<a href="/?country=RS" rel="prev">"#));
    assert!(!second.contains(r#"rel="next""#));
    let beyond = browser.get("/?country=RS&page=9").await;
    assert_eq!(beyond.expect_redirect(), "/?country=RS&page=2");

    // In Serbian Cyrillic, the card speaks it too.
    let cyrillic = browser.get("/?lang=sr-Cyrl&q=jazz").await.expect_html();
    assert!(cyrillic.contains(r#"<html lang="sr-Cyrl">"#));
    assert!(cyrillic.contains(r#"<span lang="en">Jazz evening</span>"#));
    assert!(cyrillic.contains("Zagreb, Хрватска"));
}

#[tokio::test]
async fn past_events_are_one_click_away_newest_first_and_the_api_is_unchanged() {
    let app = spawn_app().await;
    let host = app.organisation("arhiv", true).await;
    let past = |days, title| EventSpec {
        starts_in: Duration::days(days),
        title,
        ..EventSpec::default()
    };
    let older = app.event(host, past(-20, "Older reading")).await;
    let newer = app.event(host, past(-5, "Newer reading")).await;
    app.event(host, past(5, "Coming reading")).await;

    let browser = Browser::new(&app);
    let front = browser.get("/").await.expect_html();
    assert!(front.contains("Coming reading") && !front.contains("Older reading"));
    assert!(front.contains(r#"<a href="/?past=1">Show past events</a>"#));
    let page = browser.get("/?past=1").await.expect_html();
    assert!(page.contains("Past events"));
    assert!(!page.contains("Coming reading"));
    assert!(at(&page, "Newer reading") < at(&page, "Older reading"));
    assert!(page.contains(r#"<input type="hidden" name="past" value="1">"#));

    // The service: past events ended before now, latest first; the API list is as before.
    let asker = Asker {
        person_id: None,
        locale: None,
    };
    let listed = listing::list_when(&app.state, asker, EventFilters::default(), When::Past)
        .await
        .unwrap();
    let ids: Vec<i64> = listed.items.iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![newer, older]);
    let api = app.get("/api/v1/events", None).await.expect(200).body;
    assert_eq!(api["total"], 1);
    assert_eq!(api["items"][0]["title"], "Coming reading");
}

#[tokio::test]
async fn the_event_page_speaks_the_readers_language_with_transliteration() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    app.organisation_named("fond", "Fond za kulturu", false)
        .await;
    let conference = app
        .published_event(
            &c.owner,
            with(
                event_body("kc-novi-sad", "unused"),
                json!({"kind": "conference", "default_locale": "sr-Latn",
                       "ends_at": "2030-05-16T20:00:00+02:00",
                       "address": "Katolička porta 5",
                       "online_url": "https://meet.example.org/konf",
                       "title": {"sr-Latn": "Dani arhiva"},
                       "summary": {"sr-Latn": "Tri dana o arhivima."},
                       "description": {"sr-Latn": "Prvi pasus.\n\nDrugi pasus."},
                       "partners": [{"organisation_slug": "fond", "role": "funder"}]}),
            ),
        )
        .await;
    let id = id_of(&conference);
    let session = app
        .published_event(
            &c.owner,
            with(
                event_body("kc-novi-sad", "Opening talk"),
                json!({"parent": id, "starts_at": "2030-05-15T10:00:00+02:00",
                       "ends_at": "2030-05-15T11:00:00+02:00", "capacity": 30}),
            ),
        )
        .await;

    let browser = Browser::new(&app);
    let page = browser
        .get(&format!("/events/{id}?lang=sr-Cyrl"))
        .await
        .expect_html();
    assert!(page.contains(r#"<html lang="sr-Cyrl">"#));
    assert!(page.contains("<h1>Дани архива</h1>"), "{}", page.body);
    assert!(page.contains("Три дана о архивима."));
    assert!(page.contains(r#"<p class="description">Први пасус.</p>"#));
    assert!(page.contains(r#"<p class="description">Други пасус.</p>"#));
    assert!(page.contains("уторак, 14. мај 2030, 18:00 (CEST)"));
    assert!(page.contains(
        "https://www.openstreetmap.org/search?query=Katoli%C4%8Dka+porta+5%2C+Novi+Sad%2C+RS"
    ));
    assert!(page.contains(r#"href="https://meet.example.org/konf""#));
    assert!(page.contains(&format!(r#"href="/events/{id}/calendar.ics""#)));
    assert!(page.contains(r#"href="/o/kc-novi-sad""#));
    assert!(page.contains("Fond za kulturu"));
    assert!(page.contains(&format!(
        r#"href="/events/{}/opening-talk""#,
        id_of(&session)
    )));
    assert!(page.contains(r#"<span lang="en">Opening talk</span>"#));

    // With a slug, in English: the title is the Serbian one, marked as such.
    let page = browser
        .get(&format!("/events/{id}/dani-arhiva?lang=en"))
        .await
        .expect_html();
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains(r#"<h1><span lang="sr-Latn">Dani arhiva</span></h1>"#));
    assert!(page.contains("Tuesday 14 May 2030, 18:00 (CEST)"));
    assert!(page.contains("funder"));

    // No explicit choice: the event's own language.
    let fresh = Browser::speaking(&app, "de");
    let page = fresh.get(&format!("/events/{id}")).await.expect_html();
    assert!(page.contains(r#"<html lang="sr-Latn">"#));

    // The session links back to its conference.
    let page = browser
        .get(&format!("/events/{}?lang=en", id_of(&session)))
        .await
        .expect_html();
    assert!(
        page.contains("Part of:") && page.contains(&format!(r#"href="/events/{id}/dani-arhiva""#))
    );

    // The calendar file is the API's.
    let ics = browser
        .get(&format!("/events/{id}/calendar.ics"))
        .await
        .expect(200);
    assert!(ics.content_type.starts_with("text/calendar"));
    let api = app
        .get(&format!("/api/v1/events/{id}/event.ics"), None)
        .await
        .expect(200);
    let without_stamp = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("DTSTAMP"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_stamp(&ics.body), without_stamp(&api.text));

    // Cancelled: said, with the reason.
    app.post(
        &format!("/api/v1/events/{id}/cancel"),
        Some(&c.owner.token),
        json!({"reason": "Sala je poplavljena."}),
    )
    .await
    .expect(200);
    let page = browser
        .get(&format!("/events/{id}?lang=en"))
        .await
        .expect_html();
    assert!(page.contains("This event has been cancelled."));
    assert!(page.contains("Sala je poplavljena."));
    assert!(!page.contains(&format!(r#"action="/events/{id}/register""#)));

    browser.get("/events/999999").await.expect(404);
    browser.get("/events/not-a-number").await.expect(404);
}
