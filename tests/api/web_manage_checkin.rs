//! Check-in at the door: by code, as a plain form (303 back with the result) and with htmx (a
//! fragment); unknown codes, repeated check-ins, undo; the vendored scripts; roles and CSRF.

use crate::helpers::spawn_app;
use crate::web_account::signed_in;
use crate::web_manage_roster::{registration, world};

#[tokio::test]
async fn the_door_page_is_made_for_a_phone_and_scanners() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let browser = signed_in(&app, "org@example.org").await;
    let page = browser
        .get(&format!("/manage/events/{}/checkin", w.event))
        .await
        .expect_html();
    assert!(page.contains(r#"name="code""#));
    assert!(page.contains(" autofocus") && page.contains(r#"autocomplete="off""#));
    assert!(page.contains("inputmode="));
    assert!(page.contains("0 of 2 confirmed people checked in"));
    assert!(page.contains("Scan with camera"));
    let csp = page.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(!page.body.contains("<script>"));
    for (name, needle) in [
        ("htmx.min.js", "htmx"),
        ("checkin.js", "BarcodeDetector"),
        ("jsqr.js", "jsQR"),
    ] {
        let url = kolo::web::assets::url(name);
        assert!(url.len() > name.len() + 8, "{url} is hashed");
        if name != "jsqr.js" {
            assert!(
                page.contains(&format!(r#"<script src="{url}" defer></script>"#)),
                "{name}"
            );
        } else {
            assert!(page.contains(&format!(r#"data-decoder="{url}""#)));
        }
        let answer = app.client.get(app.url(&url)).send().await.unwrap();
        assert_eq!(answer.status(), 200);
        assert!(answer.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript"));
        assert!(answer.text().await.unwrap().contains(needle), "{name}");
    }
}

#[tokio::test]
async fn a_code_checks_in_without_and_with_htmx_and_undo_works() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let token = w.organiser.token.clone();
    let ana = registration(&app, &token, w.ana.1).await;
    let code = ana["code"].as_str().unwrap().to_owned();
    let door = format!("/manage/events/{}/checkin", w.event);
    let browser = signed_in(&app, "org@example.org").await;

    // Plain form: 303 back to the page, which shows the result. Lower case and spaces are
    // forgiven, as a scanner or a hurried hand may send them.
    let typed = format!("  {}  ", code.to_lowercase());
    let answer = browser
        .submit(&door, &door, &[("code", typed.as_str())])
        .await;
    let target = answer.expect_redirect();
    assert!(target.starts_with(&format!(
        "{door}?outcome=checked-in&registration={}",
        w.ana.1
    )));
    let page = browser.get(&target).await.expect_html();
    assert!(page.contains("Checked in. Welcome!"));
    assert!(page.contains("Ana Anić"));
    assert!(page.contains("Undo check-in"));
    assert!(page.contains("1 of 2 confirmed people checked in"));
    assert!(registration(&app, &token, w.ana.1).await["checked_in_at"].is_string());

    // Again: said so, nothing changes.
    let answer = browser
        .submit(&door, &door, &[("code", code.as_str())])
        .await;
    let page = browser.follow(&answer).await.expect_html();
    assert!(page.contains("Already checked in"));

    // Unknown code: a clear message naming what was typed.
    let answer = browser.submit(&door, &door, &[("code", "NOPE-123")]).await;
    let page = browser.follow(&answer).await.expect_html();
    assert!(page.contains("No registration for this event has the code “NOPE-123”"));

    // A waitlisted code cannot be checked in.
    let vera = registration(&app, &token, w.vera.1).await;
    let answer = browser
        .submit(&door, &door, &[("code", vera["code"].as_str().unwrap())])
        .await;
    let page = browser.follow(&answer).await.expect_html();
    assert!(page.contains("not confirmed"));

    // htmx: only the result, no page around it.
    let csrf = browser.get(&door).await.expect_html().csrf();
    let boris = registration(&app, &token, w.boris.1).await;
    let fragment = browser
        .post_htmx(
            &door,
            &[
                ("csrf", csrf.as_str()),
                ("code", boris["code"].as_str().unwrap()),
            ],
        )
        .await
        .expect(200);
    assert!(!fragment.contains("<html") && !fragment.contains("<h1"));
    assert!(fragment.contains("Boris Borić") && fragment.contains("Checked in. Welcome!"));
    assert!(fragment.contains(r#"hx-post="/manage/events/"#));
    // The count beside the input follows, swapped in out of band.
    assert!(fragment.contains(
        r#"<p id="checkin-count" hx-swap-oob="true">2 of 2 confirmed people checked in</p>"#
    ));
    assert!(registration(&app, &token, w.boris.1).await["checked_in_at"].is_string());
    let fragment = browser
        .post_htmx(&door, &[("csrf", csrf.as_str()), ("code", "nothing")])
        .await
        .expect(200);
    assert!(fragment.contains("No registration for this event has the code"));

    // Undo, with and without htmx.
    let undo = format!("{door}/undo");
    let boris_id = w.boris.1.to_string();
    let fragment = browser
        .post_htmx(
            &undo,
            &[("csrf", csrf.as_str()), ("registration", boris_id.as_str())],
        )
        .await
        .expect(200);
    assert!(fragment.contains("Check-in undone"));
    assert!(fragment.contains("1 of 2 confirmed people checked in"));
    assert!(registration(&app, &token, w.boris.1).await["checked_in_at"].is_null());
    let ana_id = w.ana.1.to_string();
    let answer = browser
        .post(
            &undo,
            &[("csrf", csrf.as_str()), ("registration", ana_id.as_str())],
        )
        .await;
    let page = browser.follow(&answer).await.expect_html();
    assert!(page.contains("Check-in undone"));
    assert!(registration(&app, &token, w.ana.1).await["checked_in_at"].is_null());
}

#[tokio::test]
async fn the_door_answers_as_the_api_for_roles_and_csrf() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let token = w.organiser.token.clone();
    let code = registration(&app, &token, w.ana.1).await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let door = format!("/manage/events/{}/checkin", w.event);

    let anonymous = crate::web_client::Browser::new(&app);
    assert!(anonymous
        .get(&door)
        .await
        .expect_redirect()
        .starts_with("/signin?next="));

    // A registrant is not staff: 403 on the page as on the API.
    let ana = signed_in(&app, "ana@example.org").await;
    assert_eq!(ana.get(&door).await.status, 403);
    let csrf = ana.get("/me/registrations").await.expect_html().csrf();
    assert_eq!(
        ana.post(&door, &[("csrf", csrf.as_str()), ("code", code.as_str())])
            .await
            .status,
        403
    );
    let api = app
        .post(
            &format!("/api/v1/events/{}/check-in", w.event),
            Some(&w.ana.0.token),
            serde_json::json!({"code": code}),
        )
        .await
        .status;
    assert_eq!(api, 403);

    // No token: refused, nothing changes; an undo for another event's registration: 404.
    let olga = signed_in(&app, "org@example.org").await;
    assert_eq!(
        olga.post(&door, &[("code", code.as_str())]).await.status,
        403
    );
    assert!(registration(&app, &token, w.ana.1).await["checked_in_at"].is_null());
    let other = app
        .event(
            w.host,
            crate::fixtures::EventSpec {
                title: "Other",
                ..Default::default()
            },
        )
        .await;
    let csrf = olga.get(&door).await.expect_html().csrf();
    let ana_id = w.ana.1.to_string();
    let answer = olga
        .post(
            &format!("/manage/events/{other}/checkin/undo"),
            &[("csrf", csrf.as_str()), ("registration", ana_id.as_str())],
        )
        .await;
    assert_eq!(answer.status, 404);
}

#[tokio::test]
async fn the_confirmation_email_shows_the_code_as_a_qr_image_and_in_text() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let code = registration(&app, &w.organiser.token, w.ana.1).await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let email = app.wait_for_email("ana@example.org", "confirmed").await;
    assert!(email.text.contains(&code), "the text part keeps the code");
    assert!(
        email.html.contains(r#"<img src="cid:checkin-qr""#),
        "{}",
        email.html
    );
    assert!(email.raw.contains("multipart/related"));
    assert!(email.raw.contains("Content-ID: <checkin-qr>"));
    assert!(email.raw.contains("image/png"));
    // Waitlisted: no code to scan yet, so no image.
    let vera = app.wait_for_email("vera@example.org", "waitlist").await;
    assert!(!vera.html.contains("cid:checkin-qr"));
}
