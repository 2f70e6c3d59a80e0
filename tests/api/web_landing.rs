//! Landing pages of emailed links: a guest confirms a seat, a reader unsubscribes. Opening a
//! link changes nothing; the page's button does it.

use diesel::prelude::*;
use kolo::db::schema::unsubscribes;
use kolo::notify::unsubscribe::Kind;
use serde_json::{json, Value};

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp, User};
use crate::web_client::Browser;

/// The path of an emailed link (emails carry `server.public_url`, not the test server's).
fn path_of(link: &str) -> String {
    let rest = link.split("://").nth(1).expect("absolute link");
    format!("/{}", rest.split_once('/').expect("path").1)
}

fn token_of(link: &str) -> String {
    link.split("token=").nth(1).expect("token").to_owned()
}

async fn register_guest(app: &TestApp, event: i64, name: &str, email: &str) -> String {
    app.post(
        &format!("/api/v1/events/{event}/registrations"),
        None,
        json!({"guest": {"name": name, "email": email}}),
    )
    .await
    .expect(201);
    let link = app
        .wait_for_email(email, "registrations/confirm")
        .await
        .link("/registrations/confirm?token=");
    path_of(&link)
}

async fn roster_status(app: &TestApp, staff: &User, event: i64, email: &str) -> Value {
    let roster = app
        .get(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&staff.token),
        )
        .await
        .expect(200)
        .body;
    roster["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["email"] == email)
        .cloned()
        .unwrap_or_else(|| panic!("{email} not on the roster: {roster}"))
}

#[tokio::test]
async fn a_guest_confirms_a_seat_from_the_emailed_link() {
    let app = spawn_app().await;
    let host = app.organisation("kc-ns", true).await;
    let organiser = app.many_people(1, "organiser").await.remove(0);
    app.staff(host, organiser.id, "organiser").await;
    let event = app
        .event(
            host,
            EventSpec {
                guests_allowed: true,
                capacity: Some(1),
                title: "Poetry night",
                ..EventSpec::default()
            },
        )
        .await;
    let link = register_guest(&app, event, "Ioana Popescu", "ioana@example.ro").await;
    assert!(link.starts_with("/registrations/confirm?token="), "{link}");

    // Opening the link shows the event and a button, and changes nothing.
    let browser = Browser::speaking(&app, "en");
    let page = browser.get(&link).await.expect_html();
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains("Poetry night"), "{}", page.body);
    assert!(page.contains("Ioana Popescu") && page.contains("ioana@example.ro"));
    assert!(page.contains(r#"action="/registrations/confirm""#));
    assert_eq!(page.input_value("token"), Some(token_of(&link)));
    browser.get(&link).await.expect_html();
    assert_eq!(app.seats_taken(event).await, 0);
    let reg = roster_status(&app, &organiser, event, "ioana@example.ro").await;
    assert_eq!(reg["status"], "pending");
    // The read-only look-up behind the page.
    let pending = kolo::registrations::waitlist::pending_guest(&app.state, token_of(&link))
        .await
        .unwrap();
    assert_eq!(pending.id, reg["id"].as_i64().unwrap());

    // Without the form's token: refused, still pending.
    browser
        .post("/registrations/confirm", &[("token", &token_of(&link))])
        .await
        .expect(403);
    assert_eq!(app.seats_taken(event).await, 0);

    let csrf = page.csrf();
    let done = browser
        .post(
            "/registrations/confirm",
            &[("csrf", &csrf), ("token", &token_of(&link))],
        )
        .await
        .expect_html();
    assert!(done.contains("You are registered"), "{}", done.body);
    assert!(done.contains("Poetry night"));
    let id = reg["id"].as_i64().unwrap();
    let start = done
        .body
        .find(&format!("/registrations/{id}?key="))
        .expect("a link to the registration page");
    let key: String = done.body[start..]
        .split("key=")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    assert!(kolo::registrations::guest_link::verify(
        &app.state.settings,
        id,
        &key
    ));
    assert_eq!(
        roster_status(&app, &organiser, event, "ioana@example.ro").await["status"],
        "confirmed"
    );
    assert_eq!(app.seats_taken(event).await, 1);

    // The used link: a clear page, on opening and on sending.
    let page = browser.get(&link).await.expect(422);
    assert!(page.contains("This link no longer works"), "{}", page.body);
    let page = browser
        .post(
            "/registrations/confirm",
            &[("csrf", &csrf), ("token", &token_of(&link))],
        )
        .await
        .expect(422);
    assert!(page.contains("This link no longer works"));
    assert!(
        kolo::registrations::waitlist::pending_guest(&app.state, token_of(&link))
            .await
            .is_err()
    );
    browser
        .get("/registrations/confirm?token=forged")
        .await
        .expect(422);
    browser.get("/registrations/confirm").await.expect(422);

    // The seat is gone: the next guest confirms onto the waitlist, and is told where.
    let link = register_guest(&app, event, "Second Guest", "second@example.org").await;
    let page = browser.get(&link).await.expect_html();
    let done = browser
        .post(
            "/registrations/confirm",
            &[("csrf", &page.csrf()), ("token", &token_of(&link))],
        )
        .await
        .expect_html();
    assert!(done.contains("You are on the waitlist"), "{}", done.body);
    assert!(done.contains("number 1 on the waitlist"));
}

#[tokio::test]
async fn a_reader_unsubscribes_from_organiser_messages_through_the_page() {
    let app = spawn_app().await;
    let host = app.organisation("kc-ns", true).await;
    let organiser = app.many_people(1, "organiser").await.remove(0);
    app.staff(host, organiser.id, "organiser").await;
    let [ana, bojan]: [User; 2] = app.many_people(2, "u").await.try_into().unwrap();
    let event = app.event(host, EventSpec::default()).await;
    for user in [&ana, &bojan] {
        app.post(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&user.token),
            json!({}),
        )
        .await
        .expect(201);
    }
    let send = |subject: &'static str| {
        let app = &app;
        let token = organiser.token.clone();
        async move {
            app.post(
                &format!("/api/v1/events/{event}/messages"),
                Some(&token),
                json!({"subject": subject, "body": "Dear all,\n\nsee you soon.",
                       "audience": "confirmed"}),
            )
            .await
            .expect(202)
            .body
        }
    };
    assert_eq!(send("Bring your own cup").await["recipients"], 2);
    let link = app
        .wait_for_email(&ana.email, "Bring your own cup")
        .await
        .link("/unsubscribe?token=");
    let link = path_of(&link);
    assert!(link.starts_with("/unsubscribe?token="), "{link}");

    // In the reader's language.
    let page = Browser::speaking(&app, "sr-Cyrl")
        .get(&link)
        .await
        .expect_html();
    assert!(page.contains(r#"<html lang="sr-Cyrl">"#));
    assert!(
        page.contains("поруке организатора догађаја"),
        "{}",
        page.body
    );

    let browser = Browser::new(&app);
    let page = browser.get(&link).await.expect_html();
    let csrf = page.csrf();
    assert!(
        page.contains("messages from event organisers"),
        "{}",
        page.body
    );
    assert!(page.contains(&ana.email));
    assert!(page.contains(r#"action="/unsubscribe""#));
    let unsubscribed = |email: String| {
        let app = &app;
        async move {
            app.with_conn(move |conn| {
                unsubscribes::table
                    .filter(unsubscribes::email.eq(email))
                    .select(unsubscribes::kind)
                    .load::<String>(conn)
                    .unwrap()
            })
            .await
        }
    };
    assert!(
        unsubscribed(ana.email.clone()).await.is_empty(),
        "opening changes nothing"
    );

    browser
        .post("/unsubscribe", &[("token", &token_of(&link))])
        .await
        .expect(403);
    assert!(unsubscribed(ana.email.clone()).await.is_empty());

    let done = browser
        .post(
            "/unsubscribe",
            &[("csrf", &csrf), ("token", &token_of(&link))],
        )
        .await
        .expect_html();
    assert!(done.contains("You are unsubscribed"), "{}", done.body);
    assert_eq!(
        unsubscribed(ana.email.clone()).await,
        ["organiser_messages"]
    );

    // The next organiser message is not queued for her.
    assert_eq!(send("Change of room").await["recipients"], 1);
    let queued: Vec<String> = app
        .queued("organiser_message")
        .await
        .into_iter()
        .filter(|q| q.data.to_string().contains("Change of room"))
        .map(|q| q.recipient)
        .collect();
    assert_eq!(queued, [bojan.email.as_str()]);

    // A broken or forged link: a clear page, nothing recorded.
    let page = browser.get("/unsubscribe?token=forged").await.expect(422);
    assert!(page.contains("This link does not work"), "{}", page.body);
    browser
        .post("/unsubscribe", &[("csrf", &csrf), ("token", "forged")])
        .await
        .expect(422);

    // The RFC 8058 one-click POST of mail programs works as before.
    let (_, one_click) =
        kolo::notify::unsubscribe::links(&app.state.settings, &bojan.email, Kind::Reminders)
            .unwrap();
    let response = app
        .client
        .post(app.url(&path_of(&one_click)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({"email": bojan.email, "kind": "reminders"}));
    assert_eq!(unsubscribed(bojan.email.clone()).await, ["reminders"]);
}
