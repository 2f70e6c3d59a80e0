//! Reminders before events, one-click unsubscribe, organiser messages with their daily limit,
//! and a localized email over real SMTP.

use base64::Engine;
use chrono::Duration;
use diesel::prelude::*;
use kolo::db::schema::{event_messages, events, people, registrations, unsubscribes};
use kolo::i18n::Locale;
use kolo::notify::unsubscribe::Kind;
use mail_parser::MimeHeaders;
use serde_json::{json, Value};

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, spawn_app_with, Email, TestApp, User};
use crate::mail::{use_smtp, SmtpServer};

fn regs(event: i64) -> String {
    format!("/api/v1/events/{event}/registrations")
}

fn messages(event: i64) -> String {
    format!("/api/v1/events/{event}/messages")
}

/// Registers `user` for `event` over HTTP; returns the registration.
async fn register(app: &TestApp, user: &User, event: i64) -> Value {
    app.post(&regs(event), Some(&user.token), json!({}))
        .await
        .expect(201)
        .body
}

/// Moves a registration's creation time into the past.
async fn backdate(app: &TestApp, registration: &Value, by: Duration) {
    let id = registration["id"].as_i64().expect("registration id");
    app.with_conn(move |conn| {
        diesel::update(registrations::table.find(id))
            .set(registrations::created_at.eq(kolo::db::now() - by))
            .execute(conn)
            .unwrap();
    })
    .await;
}

async fn set_event(app: &TestApp, event: i64, offsets: Option<&'static str>, status: &'static str) {
    app.with_conn(move |conn| {
        diesel::update(events::table.find(event))
            .set((
                events::reminder_offsets_hours.eq(offsets),
                events::status.eq(status),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
}

/// What the worker's sweep does, now.
async fn queue_reminders(app: &TestApp) -> usize {
    let settings = app.state.settings.clone();
    app.with_conn(move |conn| {
        kolo::notify::reminders::queue_due(conn, &settings, kolo::db::now()).unwrap()
    })
    .await
}

fn titled(title: &'static str, starts_in: Duration) -> EventSpec {
    EventSpec {
        title,
        starts_in,
        ..EventSpec::default()
    }
}

/// A header of a delivered email, unfolded.
fn header(email: &Email, name: &str) -> Option<String> {
    let message = mail_parser::MessageParser::default()
        .parse(email.raw.as_bytes())
        .expect("parse email");
    message
        .header_raw(name)
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The RFC 8058 one-click URL of an email, checked against its footer link.
fn one_click_url(email: &Email) -> String {
    let value = header(email, "List-Unsubscribe").expect("List-Unsubscribe header");
    let url = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or_else(|| panic!("not <url>: {value}"))
        .to_owned();
    assert!(
        url.starts_with("http://127.0.0.1:8080/api/v1/unsubscribe?token="),
        "{url}"
    );
    assert_eq!(
        header(email, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        email
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{}",
        email.raw
    );
    let token = url.split("token=").nth(1).expect("token");
    let footer = email.link("/unsubscribe?token=");
    assert_eq!(
        footer,
        format!("http://127.0.0.1:8080/unsubscribe?token={token}"),
        "the footer links to the page with the same token"
    );
    assert!(email.html.contains(&footer), "{}", email.html);
    url
}

fn token_of(url: &str) -> String {
    url.split("token=").nth(1).expect("token").to_owned()
}

/// The POST a mail program sends for RFC 8058 one-click unsubscribe.
async fn one_click(app: &TestApp, url: &str) -> (u16, Value) {
    let path = url.trim_start_matches("http://127.0.0.1:8080");
    let response = app
        .client
        .post(app.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

#[tokio::test]
async fn reminders_go_once_to_confirmed_registrations_made_before_the_reminder_moment() {
    let app = spawn_app().await;
    let host = app.organisation("kc-novi-sad", true).await;
    let p = app.many_people(4, "r").await;
    let soon = app
        .event(host, titled("Poetry night", Duration::hours(20)))
        .await;
    let called_off = app
        .event(host, titled("Called off", Duration::hours(20)))
        .await;
    // Own offsets instead of the default [24]: 48 h is due 40 h before, 12 h is not yet due.
    let own_48 = app
        .event(host, titled("Early bird", Duration::hours(40)))
        .await;
    let default_40 = app
        .event(host, titled("Default too early", Duration::hours(40)))
        .await;
    let own_12 = app
        .event(host, titled("Late bird", Duration::hours(20)))
        .await;
    set_event(&app, own_48, Some("[48]"), "published").await;
    set_event(&app, own_12, Some("[12]"), "published").await;

    let two_days = Duration::days(2);
    let reminded = register(&app, &p[0], soon).await;
    backdate(&app, &reminded, two_days).await;
    let cancelled = register(&app, &p[1], soon).await;
    app.post(
        &format!("/api/v1/registrations/{}/cancel", cancelled["id"]),
        Some(&p[1].token),
        json!({}),
    )
    .await
    .expect(200);
    backdate(&app, &cancelled, two_days).await;
    // Registered after the reminder moment: the confirmation told them everything.
    register(&app, &p[2], soon).await;
    let on_called_off = register(&app, &p[3], called_off).await;
    backdate(&app, &on_called_off, two_days).await;
    set_event(&app, called_off, None, "cancelled").await;
    let mut own_48_reg = Value::Null;
    for event in [own_48, default_40, own_12] {
        let reg = register(&app, &p[3], event).await;
        backdate(&app, &reg, two_days).await;
        if event == own_48 {
            own_48_reg = reg["id"].clone();
        }
    }
    app.wait_for_outbox_drained().await;

    assert_eq!(queue_reminders(&app).await, 2);
    let queued = app.queued("event_reminder").await;
    let got: Vec<(&str, &Value, Option<&str>)> = queued
        .iter()
        .map(|q| {
            (
                q.recipient.as_str(),
                &q.data["event"],
                q.dedupe_key.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                p[0].email.as_str(),
                &json!("Poetry night"),
                Some(format!("reminder:{}:24", reminded["id"]).as_str())
            ),
            (
                p[3].email.as_str(),
                &json!("Early bird"),
                Some(format!("reminder:{own_48_reg}:48").as_str())
            ),
        ]
    );
    assert_eq!(queue_reminders(&app).await, 0, "each reminder goes once");
    assert_eq!(app.queued("event_reminder").await.len(), 2);

    let email = app
        .wait_for_email(&p[0].email, "Reminder: Poetry night")
        .await;
    assert!(
        email.text.contains(reminded["code"].as_str().unwrap()),
        "{}",
        email.text
    );
    assert_eq!(
        header(&email, "Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    one_click_url(&email);
    app.wait_for_email(&p[3].email, "Reminder: Early bird")
        .await;
}

#[tokio::test]
async fn the_worker_sweep_queues_due_reminders() {
    let app = spawn_app().await;
    let host = app.organisation("kc-novi-sad", true).await;
    let ana = app.many_people(1, "ana").await.remove(0);
    let event = app
        .event(host, titled("Poetry night", Duration::hours(20)))
        .await;
    let reg = register(&app, &ana, event).await;
    backdate(&app, &reg, Duration::days(2)).await;
    let worker = kolo::notify::worker::Worker::new(
        app.state.pool.clone(),
        app.state.settings.clone(),
        kolo::notify::mailer::Mailer::from_settings(&app.state.settings.mail).unwrap(),
    );
    worker.maintain().await.unwrap();
    assert_eq!(app.queued_to("event_reminder", &ana.email).await.len(), 1);
    app.wait_for_email(&ana.email, "Reminder: Poetry night")
        .await;
}

struct Organised {
    app: TestApp,
    host: i64,
    organiser: User,
}

async fn organised(app: TestApp) -> Organised {
    let host = app.organisation("kc-novi-sad", true).await;
    let organiser = app.many_people(1, "organiser").await.remove(0);
    app.staff(host, organiser.id, "organiser").await;
    Organised {
        app,
        host,
        organiser,
    }
}

async fn send_message(o: &Organised, event: i64, audience: &str) -> Value {
    o.app
        .post(
            &messages(event),
            Some(&o.organiser.token),
            json!({"subject": "Bring your own cup",
                   "body": "Dear all,\n\nplease bring your own cup.", "audience": audience}),
        )
        .await
        .expect(202)
        .body
}

#[tokio::test]
async fn one_click_unsubscribe_stops_reminders_but_not_organiser_messages() {
    let o = organised(spawn_app().await).await;
    let app = &o.app;
    let [ana, bojan]: [User; 2] = app.many_people(2, "u").await.try_into().unwrap();
    let first = app
        .event(o.host, titled("Poetry night", Duration::hours(20)))
        .await;
    let reg = register(app, &ana, first).await;
    backdate(app, &reg, Duration::days(2)).await;
    app.wait_for_outbox_drained().await;
    assert_eq!(queue_reminders(app).await, 1);
    let reminder = app
        .wait_for_email(&ana.email, "Reminder: Poetry night")
        .await;
    let url = one_click_url(&reminder);

    let (status, body) = one_click(app, &url).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({"email": ana.email, "kind": "reminders"}));
    let (status, body) = one_click(app, &url).await;
    assert_eq!(status, 200, "doing it twice is fine: {body}");

    // Another event: Ana gets no reminder, Bojan does.
    let second = app
        .event(o.host, titled("Jazz evening", Duration::hours(20)))
        .await;
    for user in [&ana, &bojan] {
        let reg = register(app, user, second).await;
        backdate(app, &reg, Duration::days(2)).await;
    }
    assert_eq!(queue_reminders(app).await, 1);
    let queued = app.queued("event_reminder").await;
    assert_eq!(queued.len(), 2);
    assert_eq!(queued[1].recipient, bojan.email);

    // Organiser messages are another kind: they still reach her.
    let sent = send_message(&o, second, "confirmed").await;
    assert_eq!(sent["recipients"], 2);
    let message = app.wait_for_email(&ana.email, "Bring your own cup").await;
    let url = one_click_url(&message);

    // The JSON body works too, and opts out of organiser messages only.
    let reply = app
        .post(
            "/api/v1/unsubscribe",
            None,
            json!({"token": token_of(&url)}),
        )
        .await
        .expect(200);
    assert_eq!(
        reply.body,
        json!({"email": ana.email, "kind": "organiser_messages"})
    );
    let sent = send_message(&o, second, "all").await;
    assert_eq!(sent["recipients"], 1);
    let ana_email = ana.email.clone();
    let kinds: Vec<String> = app
        .with_conn(move |conn| {
            unsubscribes::table
                .filter(unsubscribes::email.eq(ana_email))
                .select(unsubscribes::kind)
                .order(unsubscribes::kind)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(kinds, ["organiser_messages", "reminders"]);
}

#[tokio::test]
async fn forged_or_missing_unsubscribe_tokens_are_refused() {
    let app = spawn_app().await;
    let settings = app.state.settings.clone();
    let (_, post) =
        kolo::notify::unsubscribe::links(&settings, "ana@example.org", Kind::Reminders).unwrap();
    let token = token_of(&post);

    // Same header and signature, another address in the claims.
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims: Value = serde_json::from_slice(&engine.decode(parts[1]).unwrap()).unwrap();
    claims["sub"] = json!("victim@example.org");
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        engine.encode(claims.to_string()),
        parts[2]
    );
    // A valid signature with another key.
    let foreign = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(b"not the server's secret at all"),
    )
    .unwrap();
    for bad in [forged.as_str(), foreign.as_str(), "garbage", ""] {
        let problem = app
            .post("/api/v1/unsubscribe", None, json!({ "token": bad }))
            .await
            .expect_problem(422);
        assert!(problem.text.contains("token"), "{}", problem.text);
        let (status, _) = one_click(
            &app,
            &format!("http://127.0.0.1:8080/api/v1/unsubscribe?token={bad}"),
        )
        .await;
        assert_eq!(status, 422, "{bad}");
    }
    app.post("/api/v1/unsubscribe", None, json!({}))
        .await
        .expect_problem(422);
    let stored: i64 = app
        .with_conn(|conn| unsubscribes::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(stored, 0);
    // The genuine token still works.
    let (status, body) = one_click(&app, &post).await;
    assert_eq!(
        (status, body["email"].clone()),
        (200, json!("ana@example.org"))
    );
}

/// Recipients of one organiser message, from the outbox.
async fn recipients_of(app: &TestApp, message_id: &Value) -> Vec<String> {
    let prefix = format!("event_message:{message_id}:");
    let mut recipients: Vec<String> = app
        .queued("organiser_message")
        .await
        .into_iter()
        .filter(|q| {
            q.dedupe_key
                .as_deref()
                .is_some_and(|k| k.starts_with(&prefix))
        })
        .map(|q| q.recipient)
        .collect();
    recipients.sort();
    recipients
}

#[tokio::test]
async fn organisers_write_to_the_audience_they_choose() {
    let o = organised(spawn_app().await).await;
    let app = &o.app;
    let event = app
        .event(
            o.host,
            EventSpec {
                capacity: Some(1),
                title: "Poetry night",
                ..EventSpec::default()
            },
        )
        .await;
    let [confirmed, waiting, gone, outsider]: [User; 4] =
        app.many_people(4, "m").await.try_into().unwrap();
    assert_eq!(
        register(app, &confirmed, event).await["status"],
        "confirmed"
    );
    assert_eq!(register(app, &waiting, event).await["status"], "waitlisted");
    let cancelled = register(app, &gone, event).await;
    app.post(
        &format!("/api/v1/registrations/{}/cancel", cancelled["id"]),
        Some(&gone.token),
        json!({}),
    )
    .await
    .expect(200);

    let to_confirmed = send_message(&o, event, "confirmed").await;
    assert_eq!(to_confirmed["recipients"], 1);
    assert!(to_confirmed["id"].is_i64());
    assert_eq!(
        recipients_of(app, &to_confirmed["id"]).await,
        [confirmed.email.as_str()]
    );
    let to_waiting = send_message(&o, event, "waitlisted").await;
    assert_eq!(to_waiting["recipients"], 1);
    assert_eq!(
        recipients_of(app, &to_waiting["id"]).await,
        [waiting.email.as_str()]
    );
    let to_all = send_message(&o, event, "all").await;
    assert_eq!(to_all["recipients"], 2);
    let mut both = vec![confirmed.email.clone(), waiting.email.clone()];
    both.sort();
    assert_eq!(recipients_of(app, &to_all["id"]).await, both);

    let stored: (String, String, String, i32, Option<i64>) = {
        let id = to_all["id"].as_i64().unwrap();
        app.with_conn(move |conn| {
            event_messages::table
                .find(id)
                .select((
                    event_messages::subject,
                    event_messages::body,
                    event_messages::audience,
                    event_messages::recipients,
                    event_messages::sent_by,
                ))
                .first(conn)
                .unwrap()
        })
        .await
    };
    assert_eq!(
        stored,
        (
            "Bring your own cup".to_owned(),
            "Dear all,\n\nplease bring your own cup.".to_owned(),
            "all".to_owned(),
            2,
            Some(o.organiser.id)
        )
    );

    let email = app
        .wait_for_email(&waiting.email, "Bring your own cup")
        .await;
    assert_eq!(
        email.subject,
        "Message from the organisers of “Poetry night”: Bring your own cup"
    );
    assert!(
        email.text.contains("Organisation kc-novi-sad")
            && email.text.contains("> Dear all,")
            && email.text.contains("> please bring your own cup."),
        "{}",
        email.text
    );
    let parsed = mail_parser::MessageParser::default()
        .parse(email.raw.as_bytes())
        .unwrap();
    assert_eq!(
        parsed
            .reply_to()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some("office@kc-novi-sad.example.org")
    );
    // With the organisation as Reply-To, the footer must not tell people not to reply.
    assert!(
        email
            .text
            .contains("replies reach Organisation kc-novi-sad."),
        "{}",
        email.text
    );
    assert!(!email.text.contains("do not reply"), "{}", email.text);
    one_click_url(&email);

    // Registrants and strangers may not write; they can see the public event, so
    // they are told the action is not theirs.
    for user in [&confirmed, &outsider] {
        app.post(
            &messages(event),
            Some(&user.token),
            json!({"subject": "Hi", "body": "Hello", "audience": "all"}),
        )
        .await
        .expect_problem(403);
    }
    app.post(
        &messages(event),
        None,
        json!({"subject": "Hi", "body": "Hello", "audience": "all"}),
    )
    .await
    .expect_problem(401);
    app.post(
        &messages(999_999),
        Some(&o.organiser.token),
        json!({"subject": "Hi", "body": "Hello", "audience": "all"}),
    )
    .await
    .expect_problem(404);
}

#[tokio::test]
async fn organiser_messages_are_checked() {
    let o = organised(spawn_app().await).await;
    let app = &o.app;
    let event = app.event(o.host, EventSpec::default()).await;
    let token = Some(o.organiser.token.as_str());
    for body in [
        json!({"subject": "Hi", "body": "Hello", "audience": "all", "sent_by": 1}),
        json!({"subject": "Hi", "body": "Hello", "audience": "everyone"}),
        json!({"subject": "Hi", "body": "Hello"}),
    ] {
        app.post(&messages(event), token, body)
            .await
            .expect_problem(422);
    }
    let problem = app
        .post(
            &messages(event),
            token,
            json!({"subject": "  ", "body": "", "audience": "all"}),
        )
        .await
        .expect_problem(422);
    assert!(
        problem.text.contains("subject") && problem.text.contains("body"),
        "{}",
        problem.text
    );
    let stored: i64 = app
        .with_conn(|conn| event_messages::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn organiser_messages_beyond_the_daily_limit_are_refused_with_retry_after() {
    let app = spawn_app_with(|s| s.notify.organiser_messages_per_event_per_day = 2).await;
    let o = organised(app).await;
    let app = &o.app;
    let event = app.event(o.host, EventSpec::default()).await;
    let other = app.event(o.host, EventSpec::default()).await;
    let ana = app.many_people(1, "ana").await.remove(0);
    register(app, &ana, event).await;

    send_message(&o, event, "all").await;
    send_message(&o, event, "all").await;
    let refused = app
        .post(
            &messages(event),
            Some(&o.organiser.token),
            json!({"subject": "Third", "body": "Too many", "audience": "all"}),
        )
        .await
        .expect_problem(429);
    let retry: u64 = refused
        .headers
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (86_000..=86_400).contains(&retry),
        "about a day after the first message: {retry}"
    );
    assert_eq!(
        app.queued_to("organiser_message", &ana.email).await.len(),
        2
    );
    // The limit is per event.
    send_message(&o, other, "all").await;
}

#[tokio::test]
async fn a_romanian_registrant_gets_a_romanian_confirmation_over_smtp_in_text_and_html() {
    let smtp = SmtpServer::running(&[]);
    let app = spawn_app_with(|s| use_smtp(s, smtp.port)).await;
    let host = app.organisation("centrul-cultural", true).await;
    let event = app
        .event(host, titled("Seară de poezie", Duration::days(7)))
        .await;
    let ioana = app.many_people(1, "ioana").await.remove(0);
    let id = ioana.id;
    app.with_conn(move |conn| {
        diesel::update(people::table.find(id))
            .set(people::locale.eq("ro"))
            .execute(conn)
            .unwrap();
    })
    .await;
    let reg = register(&app, &ioana, event).await;

    let received = smtp.wait_for(1, 10).await;
    assert_eq!(received.len(), 1, "{received:?}");
    assert_eq!(received[0].to, [ioana.email.as_str()]);
    let message = mail_parser::MessageParser::default()
        .parse(received[0].raw.as_bytes())
        .unwrap();
    assert_eq!(
        message.subject(),
        Some("Înscriere confirmată: Seară de poezie")
    );
    let content_type = message.content_type().expect("Content-Type");
    assert_eq!(
        (content_type.ctype(), content_type.subtype()),
        ("multipart", Some("mixed")),
        "the text and HTML alternatives, plus the calendar invitation"
    );
    let starts_at: chrono::NaiveDateTime = app
        .with_conn(move |conn| {
            events::table
                .find(event)
                .select(events::starts_at)
                .first(conn)
                .unwrap()
        })
        .await;
    let when = kolo::notify::dates::date_time(starts_at.and_utc(), "Europe/Belgrade", Locale::Ro);
    let text = message.body_text(0).expect("text part");
    assert!(
        text.contains("Locul dumneavoastră la evenimentul „Seară de poezie” este confirmat.")
            && text.contains(&format!("Data și ora: {when}"))
            && text.contains(&format!("Cod de acces: {}", reg["code"].as_str().unwrap())),
        "{text}"
    );
    let html = message.body_html(0).expect("html part");
    assert!(
        html.contains("<p") && html.contains("Seară de poezie"),
        "{html}"
    );
    let parts: Vec<String> = message
        .parts
        .iter()
        .filter_map(|p| p.content_type())
        .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or_default()))
        .collect();
    assert_eq!(
        parts,
        [
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "multipart/related",
            "text/html",
            "image/png",
            "text/calendar"
        ],
        "{}",
        received[0].raw
    );
    // Registration emails are not optional: no unsubscribe headers.
    assert!(message.header_raw("List-Unsubscribe").is_none());
}
