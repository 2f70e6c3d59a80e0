//! Messages to registrants from the organisers' pages: a text per language, the preview per
//! recipient language with counts (and the opted-out), sending queues one email each in the
//! reader's language, the daily limit, validation, roles and CSRF.

use diesel::prelude::*;
use kolo::db::schema::{outbox, registrations, unsubscribes};

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use crate::web_account::signed_in;
use crate::web_manage_roster::{world, World};

/// Boris reads Serbian Cyrillic, Ana English; Vera (waitlisted) opted out of messages.
async fn languages(app: &TestApp, w: &World) {
    let boris = w.boris.1;
    app.with_conn(move |conn| {
        diesel::update(registrations::table.find(boris))
            .set(registrations::locale.eq("sr-Cyrl"))
            .execute(conn)
            .unwrap();
        diesel::insert_into(unsubscribes::table)
            .values((
                unsubscribes::email.eq("vera@example.org"),
                unsubscribes::kind.eq("organiser_messages"),
                unsubscribes::created_at.eq(kolo::db::now()),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
}

const DRAFT: [(&str, &str); 5] = [
    ("audience", "all"),
    ("subject-en", "Room change"),
    ("body-en", "We meet in room 2."),
    ("subject-sr-Latn", "Promena sale"),
    ("body-sr-Latn", "Vidimo se u sali 2."),
];

async fn sent(app: &TestApp) -> Vec<(String, String, serde_json::Value)> {
    app.with_conn(|conn| {
        outbox::table
            .filter(outbox::template.eq("organiser_message"))
            .order(outbox::id.asc())
            .select((outbox::recipient, outbox::locale, outbox::data))
            .load::<(String, String, String)>(conn)
            .unwrap()
    })
    .await
    .into_iter()
    .map(|(r, l, d)| (r, l, serde_json::from_str(&d).unwrap()))
    .collect()
}

#[tokio::test]
async fn a_message_is_previewed_per_language_and_sent_in_each_readers_language() {
    let app = spawn_app().await;
    let w = world(&app).await;
    languages(&app, &w).await;
    let browser = signed_in(&app, "org@example.org").await;
    let form = format!("/manage/events/{}/messages", w.event);

    let page = browser.get(&form).await.expect_html();
    assert!(page.contains("Messages left for this event today: 3 of 3"));
    assert!(page.contains(r#"name="subject-en""#) && page.contains(r#"name="body-sr-Cyrl""#));
    assert!(page.contains(r#"value="checked_in""#));

    let preview = browser
        .submit(&form, &format!("{form}/preview"), &DRAFT)
        .await
        .expect_html();
    assert!(
        preview.contains(r#"<dd id="count-recipients">2</dd>"#),
        "{}",
        preview.body
    );
    assert!(preview.contains(r#"<dd id="count-unsubscribed">1</dd>"#));
    assert!(preview.contains(r#"<dd id="count-remaining">3 / 3</dd>"#));
    let en = preview.body.split(r#"id="preview-en""#).nth(1).unwrap();
    assert!(en.contains("1 recipient") && en.contains("Room change"));
    // Boris reads Cyrillic: the Latin text, transliterated.
    let cyrl = preview
        .body
        .split(r#"id="preview-sr-Cyrl""#)
        .nth(1)
        .unwrap();
    assert!(cyrl.contains("Промена сале") && cyrl.contains("Видимо се у сали 2."));
    assert!(sent(&app).await.is_empty(), "a preview sends nothing");

    // Send from the preview (its hidden fields carry the draft).
    let mut fields: Vec<(&str, &str)> = DRAFT.to_vec();
    fields.push(("csrf", ""));
    let csrf = preview.csrf();
    let fields: Vec<(&str, &str)> = fields
        .into_iter()
        .map(|(k, v)| {
            if k == "csrf" {
                (k, csrf.as_str())
            } else {
                (k, v)
            }
        })
        .collect();
    assert!(preview.contains(&format!(r#"action="{form}/send""#)));
    let answer = browser.post(&format!("{form}/send"), &fields).await;
    assert_eq!(
        answer.expect_redirect(),
        format!("{form}?notice=messages-notice-sent")
    );
    let mut outbox = sent(&app).await;
    outbox.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(outbox.len(), 2);
    assert_eq!(outbox[0].0, "ana@example.org");
    assert_eq!(outbox[0].1, "en");
    assert_eq!(outbox[0].2["message_subject"], "Room change");
    assert_eq!(outbox[1].0, "boris@example.org");
    assert_eq!(outbox[1].1, "sr-Cyrl");
    assert_eq!(outbox[1].2["message_subject"], "Промена сале");
    assert_eq!(outbox[1].2["message_body"], "Видимо се у сали 2.");
    let page = browser.get(&form).await.expect_html();
    assert!(page.contains("Messages left for this event today: 2 of 3"));
}

#[tokio::test]
async fn the_daily_limit_is_shown_and_refused_clearly() {
    let app = spawn_app_with(|s| s.notify.organiser_messages_per_event_per_day = 1).await;
    let w = world(&app).await;
    let browser = signed_in(&app, "org@example.org").await;
    let form = format!("/manage/events/{}/messages", w.event);
    browser
        .submit(&form, &format!("{form}/send"), &DRAFT)
        .await
        .expect_redirect();
    assert_eq!(sent(&app).await.len(), 3);

    let page = browser.get(&form).await.expect_html();
    assert!(page.contains("Messages left for this event today: 0 of 1"));
    let preview = browser
        .submit(&form, &format!("{form}/preview"), &DRAFT)
        .await
        .expect_html();
    assert!(preview.contains("as many messages as it may in 24 hours"));
    assert!(!preview.contains(&format!(r#"action="{form}/send""#)));
    let refused = browser
        .submit(&form, &format!("{form}/send"), &DRAFT)
        .await
        .expect(429);
    assert!(refused.contains("as many messages as it may in 24 hours"));
    assert_eq!(
        refused.input_value("subject-en").as_deref(),
        Some("Room change")
    );
    assert_eq!(sent(&app).await.len(), 3);
}

#[tokio::test]
async fn the_default_language_is_required_and_roles_and_csrf_hold() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let browser = signed_in(&app, "org@example.org").await;
    let form = format!("/manage/events/{}/messages", w.event);

    // Only Serbian: the event's English is missing; a translation with no body too.
    let page = browser
        .submit(
            &form,
            &format!("{form}/preview"),
            &[
                ("audience", "confirmed"),
                ("subject-sr-Latn", "Promena sale"),
                ("subject-hr", "Promjena"),
            ],
        )
        .await
        .expect(422);
    assert!(page.contains(r#"id="e-subject-en""#) && page.contains(r#"id="e-body-en""#));
    assert!(page.contains(r#"id="e-body-hr""#));
    assert_eq!(
        page.input_value("subject-sr-Latn").as_deref(),
        Some("Promena sale")
    );
    assert!(page.contains(r#"id="f-audience-confirmed" name="audience" value="confirmed" checked"#));

    // The checked-in audience: nobody yet.
    let preview = browser
        .submit(
            &form,
            &format!("{form}/preview"),
            &[
                ("audience", "checked_in"),
                ("subject-en", "Thanks"),
                ("body-en", "Thank you for coming."),
            ],
        )
        .await
        .expect_html();
    assert!(preview.contains(r#"<dd id="count-recipients">0</dd>"#));

    // Roles: anonymous to sign-in, a registrant 403 (as the API), CSRF refused.
    let anonymous = crate::web_client::Browser::new(&app);
    assert!(anonymous
        .get(&form)
        .await
        .expect_redirect()
        .starts_with("/signin?next="));
    let ana = signed_in(&app, "ana@example.org").await;
    assert_eq!(ana.get(&form).await.status, 403);
    let api = app
        .post(
            &format!("/api/v1/events/{}/messages", w.event),
            Some(&w.ana.0.token),
            serde_json::json!({"subject": "x", "body": "y", "audience": "all"}),
        )
        .await
        .status;
    assert_eq!(api, 403);
    let csrf = ana.get("/me/registrations").await.expect_html().csrf();
    let mut fields = DRAFT.to_vec();
    fields.push(("csrf", csrf.as_str()));
    assert_eq!(ana.post(&format!("{form}/send"), &fields).await.status, 403);
    assert_eq!(
        browser.post(&format!("{form}/send"), &DRAFT).await.status,
        403
    );
    assert!(sent(&app).await.is_empty());
}
