//! The organiser's event editor: an event in Serbian Cyrillic and English with a question and
//! a session made through the pages and read back through the JSON API; the transliteration
//! button; validation errors kept beside the fields.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::helpers::{spawn_app, TestApp, User};
use crate::web_client::WebPage;
use crate::web_events::signed_in;

pub struct Staffed {
    pub host: i64,
    pub organiser: User,
}

/// A host `kc` with an organiser, and a funder organisation `fond`.
pub async fn staffed(app: &TestApp) -> Staffed {
    let host = app.organisation("kc", true).await;
    app.organisation("fond", false).await;
    let organiser = app.verified_user("org@example.org", "Olga Organiser").await;
    app.staff(host, organiser.id, "organiser").await;
    Staffed { host, organiser }
}

/// The id in `/manage/events/{id}?notice=…`.
pub fn created_id(answer: &WebPage) -> i64 {
    let target = answer.expect_redirect();
    let rest = target
        .strip_prefix("/manage/events/")
        .unwrap_or_else(|| panic!("not an event page: {target}"));
    rest.split(['?', '/']).next().unwrap().parse().unwrap()
}

/// The fields of a complete event, as the form posts them.
pub fn event_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "workshop"),
        ("default_locale", "sr-Cyrl"),
        ("title.sr-Cyrl", "Радионица о архивима"),
        ("summary.sr-Cyrl", "Како чувамо документа"),
        ("description.sr-Cyrl", "Дуги опис радионице."),
        ("title.en", "Archives workshop"),
        ("summary.en", "How we keep documents"),
        ("starts_at", "2030-05-14T18:00"),
        ("ends_at", "2030-05-14T21:00"),
        ("timezone", "Europe/Belgrade"),
        ("venue_name", "Kulturni centar"),
        ("address", "Zmaj Jovina 1"),
        ("city", "Novi Sad"),
        ("country", "RS"),
        ("online_url", "https://meet.example.org/arhiv"),
        ("capacity", "20"),
        ("waitlist_enabled", "on"),
        ("guests_allowed", "on"),
        ("visibility", "members_only"),
        ("seats_per_organisation", "3"),
        ("registration_opens_at", "2030-05-01T09:00"),
        ("registration_closes_at", "2030-05-14T12:00"),
        ("reminder_offsets_hours", "48, 2"),
        ("partners[0].organisation_slug", "fond"),
        ("partners[0].role", "funder"),
    ]
}

/// Every event in the database, drafts included.
pub async fn event_count(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    app.with_conn(|conn| {
        kolo::db::schema::events::table
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}

fn utc(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

#[tokio::test]
async fn an_event_made_in_the_pages_reads_back_field_by_field_through_the_api() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let browser = signed_in(&app, &s.organiser).await;
    let form = browser.get("/manage/o/kc/events/new").await.expect_html();
    assert!(form.contains(r#"name="title.sr-Cyrl""#));
    assert!(form.contains(r#"value="sr-Latn→sr-Cyrl""#));
    let id = created_id(
        &browser
            .submit(
                "/manage/o/kc/events/new",
                "/manage/o/kc/events/new",
                &event_fields(),
            )
            .await,
    );

    let e = app
        .get(
            &format!("/api/v1/events/{id}?translations=all"),
            Some(&s.organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(e["status"], "draft");
    assert_eq!(e["organisation"], "kc");
    assert_eq!(e["kind"], "workshop");
    assert_eq!(e["default_locale"], "sr-Cyrl");
    let t = &e["translations"];
    assert_eq!(t["sr-Cyrl"]["title"], "Радионица о архивима");
    assert_eq!(t["sr-Cyrl"]["summary"], "Како чувамо документа");
    assert_eq!(t["sr-Cyrl"]["description"], "Дуги опис радионице.");
    assert_eq!(t["en"]["title"], "Archives workshop");
    assert_eq!(t["en"]["summary"], "How we keep documents");
    assert!(t["en"]["description"].is_null());
    assert_eq!(t.as_object().unwrap().len(), 2);
    // Belgrade is UTC+2 in May: the times were read in the event's zone.
    assert_eq!(
        utc(&e["starts_at"]).to_rfc3339(),
        "2030-05-14T16:00:00+00:00"
    );
    assert_eq!(utc(&e["ends_at"]).to_rfc3339(), "2030-05-14T19:00:00+00:00");
    assert_eq!(
        utc(&e["registration_opens_at"]).to_rfc3339(),
        "2030-05-01T07:00:00+00:00"
    );
    assert_eq!(
        utc(&e["registration_closes_at"]).to_rfc3339(),
        "2030-05-14T10:00:00+00:00"
    );
    assert_eq!(e["timezone"], "Europe/Belgrade");
    assert_eq!(e["venue_name"], "Kulturni centar");
    assert_eq!(e["address"], "Zmaj Jovina 1");
    assert_eq!(e["city"], "Novi Sad");
    assert_eq!(e["country"], "RS");
    assert_eq!(e["online_url"], "https://meet.example.org/arhiv");
    assert_eq!(e["capacity"], 20);
    assert_eq!(e["waitlist_enabled"], true);
    assert_eq!(e["guests_allowed"], true);
    assert_eq!(e["visibility"], "members_only");
    assert_eq!(e["seats_per_organisation"], 3);
    assert_eq!(e["reminder_offsets_hours"], serde_json::json!([48, 2]));
    assert_eq!(e["partners"][0]["organisation_slug"], "fond");
    assert_eq!(e["partners"][0]["role"], "funder");

    // The editor shows it back in the event's zone.
    let edit = browser
        .get(&format!("/manage/events/{id}"))
        .await
        .expect_html();
    assert_eq!(edit.input_value("starts_at").unwrap(), "2030-05-14T18:00");
    assert_eq!(edit.input_value("title.en").unwrap(), "Archives workshop");
    assert_eq!(edit.input_value("reminder_offsets_hours").unwrap(), "48, 2");

    // An edit that clears the capacity and the English summary.
    let mut changed = event_fields();
    changed.retain(|(k, _)| *k != "summary.en" && *k != "guests_allowed");
    for field in changed.iter_mut() {
        if field.0 == "capacity" {
            field.1 = "";
        }
    }
    let page = format!("/manage/events/{id}");
    let saved = browser.submit(&page, &page, &changed).await;
    assert_eq!(
        saved.expect_redirect(),
        format!("{page}?notice=manage-events-notice-saved")
    );
    let e = app
        .get(
            &format!("/api/v1/events/{id}?translations=all"),
            Some(&s.organiser.token),
        )
        .await
        .body;
    assert!(e["capacity"].is_null());
    assert_eq!(e["guests_allowed"], false);
    assert!(e["translations"]["en"]["summary"].is_null());
    assert_eq!(e["translations"]["en"]["title"], "Archives workshop");

    // A single-choice question in both languages.
    let questions = format!("/manage/events/{id}/questions");
    let added = browser
        .submit(
            &questions,
            &questions,
            &[
                ("kind", "single_choice"),
                ("required", "on"),
                ("label.sr-Cyrl", "Оброк"),
                ("label.en", "Meal"),
                ("choices.en", "vegan = Vegan\nmeat = Meat"),
                ("choices.sr-Cyrl", "vegan = Веганско\nmeat = Месо"),
            ],
        )
        .await;
    assert!(added.expect_redirect().starts_with(&questions));
    let q = app
        .get(
            &format!("/api/v1/events/{id}/questions"),
            Some(&s.organiser.token),
        )
        .await
        .expect(200)
        .body;
    let q = &q.as_array().unwrap()[0];
    assert_eq!(q["kind"], "single_choice");
    assert_eq!(q["required"], true);
    assert_eq!(q["label"]["sr-Cyrl"], "Оброк");
    assert_eq!(q["label"]["en"], "Meal");
    assert_eq!(q["choices"][0]["key"], "vegan");
    assert_eq!(q["choices"][0]["label"]["sr-Cyrl"], "Веганско");
    assert_eq!(q["choices"][1]["label"]["en"], "Meat");
    let list = browser.get(&questions).await.expect_html();
    assert!(list.contains("Meal") || list.contains("Оброк"));

    // A session of the programme, with its own capacity.
    let new_session = format!("/manage/events/{id}/sessions/new");
    browser.get(&new_session).await.expect_html();
    let session = created_id(
        &browser
            .submit(
                &new_session,
                &new_session,
                &[
                    ("kind", "presentation"),
                    ("default_locale", "sr-Cyrl"),
                    ("title.sr-Cyrl", "Уводно предавање"),
                    ("starts_at", "2030-05-14T18:00"),
                    ("ends_at", "2030-05-14T19:00"),
                    ("timezone", "Europe/Belgrade"),
                    ("venue_name", "Sala 2"),
                    ("capacity", "5"),
                    ("visibility", "public"),
                ],
            )
            .await,
    );
    let sub = app
        .get(
            &format!("/api/v1/events/{session}"),
            Some(&s.organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(sub["parent"], id);
    assert_eq!(sub["capacity"], 5);
    assert_eq!(sub["kind"], "presentation");
    let edit = browser
        .get(&format!("/manage/events/{id}"))
        .await
        .expect_html();
    assert!(edit.contains(&format!(r#"href="/manage/events/{session}""#)));
    assert!(edit.contains("Уводно предавање"));
    let _ = s.host;
}

#[tokio::test]
async fn the_copy_button_fills_the_other_serbian_script_without_saving() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let browser = signed_in(&app, &s.organiser).await;
    let mut fields = event_fields();
    fields.retain(|(k, _)| !k.starts_with("title.") && !k.starts_with("summary."));
    fields.push(("title.sr-Latn", "Letnja škola u Čačku"));
    fields.push(("summary.sr-Latn", "Njegoševa ulica"));
    fields.push(("copy", "sr-Latn→sr-Cyrl"));
    let page = browser
        .submit(
            "/manage/o/kc/events/new",
            "/manage/o/kc/events/new",
            &fields,
        )
        .await
        .expect_html();
    assert_eq!(
        page.input_value("title.sr-Cyrl").unwrap(),
        "Летња школа у Чачку"
    );
    assert!(page.contains("Његошева улица"));
    assert_eq!(
        page.input_value("title.sr-Latn").unwrap(),
        "Letnja škola u Čačku"
    );
    assert_eq!(page.input_value("venue_name").unwrap(), "Kulturni centar");
    assert_eq!(event_count(&app).await, 0, "the copy button does not save");

    // And back, on an existing event's editor.
    let id = created_id(
        &browser
            .submit(
                "/manage/o/kc/events/new",
                "/manage/o/kc/events/new",
                &event_fields(),
            )
            .await,
    );
    let edit = format!("/manage/events/{id}");
    let mut fields = event_fields();
    fields.push(("copy", "sr-Cyrl→sr-Latn"));
    let page = browser.submit(&edit, &edit, &fields).await.expect_html();
    assert_eq!(
        page.input_value("title.sr-Latn").unwrap(),
        "Radionica o arhivima"
    );
}

#[tokio::test]
async fn validation_errors_mark_the_fields_and_keep_what_was_typed() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let browser = signed_in(&app, &s.organiser).await;
    let mut fields = event_fields();
    for field in fields.iter_mut() {
        if field.0 == "ends_at" {
            field.1 = "2030-05-14T17:00";
        }
    }
    let page = browser
        .submit(
            "/manage/o/kc/events/new",
            "/manage/o/kc/events/new",
            &fields,
        )
        .await
        .expect(422);
    assert!(page.contains(r#"id="e-ends_at""#), "{}", page.body);
    assert!(page.contains(r#"aria-describedby="e-ends_at""#));
    assert!(page.contains("The end must be after the start."));
    assert_eq!(page.input_value("ends_at").unwrap(), "2030-05-14T17:00");
    assert_eq!(page.input_value("title.en").unwrap(), "Archives workshop");
    assert_eq!(page.input_value("city").unwrap(), "Novi Sad");
    assert!(page.contains("Дуги опис радионице."));

    // No title in the main language (Serbian Cyrillic), only in English.
    let mut fields = event_fields();
    fields.retain(|(k, _)| *k != "title.sr-Cyrl");
    let page = browser
        .submit(
            "/manage/o/kc/events/new",
            "/manage/o/kc/events/new",
            &fields,
        )
        .await
        .expect(422);
    assert!(page.contains(r#"id="e-title.sr-Cyrl""#));
    assert!(page.contains("Give a title in the main language."));
    assert_eq!(page.input_value("title.en").unwrap(), "Archives workshop");

    // An unknown partner is marked on its row; an unreadable time on its field.
    let mut fields = event_fields();
    for field in fields.iter_mut() {
        match field.0 {
            "partners[0].organisation_slug" => field.1 = "nobody",
            "starts_at" => field.1 = "14.5.2030",
            _ => {}
        }
    }
    let page = browser
        .submit(
            "/manage/o/kc/events/new",
            "/manage/o/kc/events/new",
            &fields,
        )
        .await
        .expect(422);
    assert!(page.contains(r#"id="e-starts_at""#));
    assert_eq!(page.input_value("starts_at").unwrap(), "14.5.2030");
    fields.retain(|(k, _)| *k != "starts_at");
    fields.push(("starts_at", "2030-05-14T18:00"));
    let page = browser
        .submit(
            "/manage/o/kc/events/new",
            "/manage/o/kc/events/new",
            &fields,
        )
        .await
        .expect(422);
    assert!(
        page.contains(r#"id="e-partners[0].organisation_slug""#),
        "{}",
        page.body
    );
    assert_eq!(
        page.input_value("partners[0].organisation_slug").unwrap(),
        "nobody"
    );
    assert_eq!(event_count(&app).await, 0);
}
