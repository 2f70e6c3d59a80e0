//! Account pages: sign up (and verify from the emailed link), sign in and out, password reset
//! from the email, profile, export and deletion; every form refuses a missing CSRF token.

use diesel::prelude::*;
use kolo::db::schema::{people, unsubscribes, web_sessions};

use crate::helpers::{spawn_app, spawn_app_with, TestApp, PASSWORD};
use crate::web_client::Browser;

/// A browser signed in through the sign-in page.
pub async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let browser = Browser::new(app);
    let answer = browser
        .submit(
            "/signin",
            "/signin",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(answer.expect_redirect(), "/");
    assert!(browser.cookie("kolo_session").is_some());
    browser
}

pub async fn sessions_of(app: &TestApp, person_id: i64) -> i64 {
    app.with_conn(move |conn| {
        web_sessions::table
            .filter(web_sessions::person_id.eq(person_id))
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}

/// The path and query of an emailed link (emails name the configured public URL).
pub fn path_of(link: &str) -> String {
    let rest = link.split("://").nth(1).unwrap_or(link);
    rest[rest.find('/').unwrap()..].to_owned()
}

/// A GET with nothing but this session cookie, as a stolen or old cookie would be used.
async fn get_with_session(app: &TestApp, path: &str, secret: &str) -> u16 {
    app.client
        .get(app.url(path))
        .header("cookie", format!("kolo_session={secret}"))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn signing_up_in_sr_cyrl_and_verifying_from_the_emailed_link() {
    let app = spawn_app().await;
    let browser = Browser::speaking(&app, "sr-Cyrl");
    let form = browser.get("/signup").await.expect_html();
    assert!(form.contains(r#"<html lang="sr-Cyrl">"#));
    assert!(form.contains(r#"<option value="sr-Cyrl" lang="sr-Cyrl" selected>"#));

    // A short password: the rule in the reader's language, what was typed is kept.
    let short = browser
        .submit(
            "/signup",
            "/signup",
            &[
                ("full_name", "Ана Петровић"),
                ("email", "ana@example.org"),
                ("password", "short"),
                ("locale", "sr-Cyrl"),
                ("country", "RS"),
            ],
        )
        .await
        .expect(422);
    assert!(short.contains("Између 10 и 128 знакова"), "{}", short.body);
    assert_eq!(
        short.input_value("full_name").as_deref(),
        Some("Ана Петровић")
    );
    assert_eq!(short.input_value("country").as_deref(), Some("RS"));

    let fields = [
        ("full_name", "Ана Петровић"),
        ("email", "ana@example.org"),
        ("password", PASSWORD),
        ("locale", "sr-Cyrl"),
        ("country", "RS"),
    ];
    let done = browser.submit("/signup", "/signup", &fields).await;
    assert_eq!(done.expect_redirect(), "/signup/check-email");
    let check = browser.follow(&done).await.expect_html();
    assert!(check.contains("Проверите"), "{}", check.body);

    let link = app
        .wait_for_email("ana@example.org", "verify-email")
        .await
        .link("/verify-email?token=");
    let link = path_of(&link);
    // The emailed link opens a page with a button; opening it changes nothing.
    let landing = browser.get(&link).await.expect_html();
    assert!(landing.contains(r#"<html lang="sr-Cyrl">"#));
    let token = landing.input_value("token").unwrap();
    let me = app
        .login("ana@example.org", PASSWORD)
        .await
        .expect(200)
        .body;
    let access = me["access_token"].as_str().unwrap().to_owned();
    let before = app.get("/api/v1/me", Some(&access)).await.expect(200).body;
    assert_eq!(before["email_verified"], false);
    assert_eq!(before["locale"], "sr-Cyrl");
    assert_eq!(before["country"], "RS");

    let verified = browser
        .post(
            "/verify-email",
            &[("csrf", &landing.csrf()), ("token", &token)],
        )
        .await;
    assert_eq!(
        verified.expect_redirect(),
        "/signin?notice=account-notice-verified"
    );
    let after = app.get("/api/v1/me", Some(&access)).await.expect(200).body;
    assert_eq!(after["email_verified"], true);

    // The same link again: a clear page, not an error.
    let again = browser
        .post(
            "/verify-email",
            &[("csrf", &landing.csrf()), ("token", &token)],
        )
        .await
        .expect(400);
    assert!(again.contains(r#"role="alert""#));

    // Signing up again with the address answers the same, and creates nothing.
    let twice = Browser::new(&app)
        .submit("/signup", "/signup", &fields)
        .await;
    assert_eq!(twice.expect_redirect(), "/signup/check-email");
    let count: i64 = app
        .with_conn(|conn| people::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(count, 1);
    app.wait_for_outbox_drained().await;
    assert_eq!(app.emails_to("ana@example.org").len(), 2);
}

#[tokio::test]
async fn signing_in_and_out() {
    let app = spawn_app().await;
    let user = app.verified_user("marko@example.org", "Marko").await;
    let browser = Browser::new(&app);

    let form = browser.get("/signin?next=/me").await.expect_html();
    assert_eq!(form.input_value("next").as_deref(), Some("/me"));
    let wrong = browser
        .submit(
            "/signin?next=/me",
            "/signin",
            &[
                ("email", "marko@example.org"),
                ("password", "not the password"),
                ("next", "/me"),
            ],
        )
        .await
        .expect(422);
    assert!(wrong.contains("The email address or the password is not right."));
    assert_eq!(
        wrong.input_value("email").as_deref(),
        Some("marko@example.org")
    );
    assert_eq!(wrong.input_value("password").as_deref(), Some(""));
    assert!(browser.cookie("kolo_session").is_none());

    let ok = browser
        .submit(
            "/signin?next=/me",
            "/signin",
            &[
                ("email", "marko@example.org"),
                ("password", PASSWORD),
                ("next", "/me"),
            ],
        )
        .await;
    assert_eq!(ok.expect_redirect(), "/me");
    let secret = browser.cookie("kolo_session").unwrap();
    let profile = browser.get("/me").await.expect_html();
    assert!(profile.contains("Marko"));
    assert_eq!(sessions_of(&app, user.id).await, 1);

    let out = browser.post("/signout", &[("csrf", &profile.csrf())]).await;
    assert_eq!(out.expect_redirect(), "/?notice=account-notice-signed-out");
    assert!(browser.cookie("kolo_session").is_none());
    assert_eq!(sessions_of(&app, user.id).await, 0);
    // The old cookie no longer signs in.
    assert_eq!(get_with_session(&app, "/me", &secret).await, 303);
}

#[tokio::test]
async fn next_only_leads_to_this_site() {
    let app = spawn_app().await;
    app.verified_user("vera@example.org", "Vera").await;
    for next in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let browser = Browser::new(&app);
        let answer = browser
            .submit(
                "/signin",
                "/signin",
                &[
                    ("email", "vera@example.org"),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(answer.expect_redirect(), "/", "next={next}");
    }
}

#[tokio::test]
async fn sign_in_and_sign_up_are_rate_limited_like_the_api() {
    let app = spawn_app_with(|s| {
        s.limits.enabled = true;
        s.limits.login_per_ip_per_minute = 2;
        s.limits.register_per_ip_per_hour = 1;
    })
    .await;
    let browser = Browser::speaking(&app, "hr");
    let fields = [
        ("email", "nobody@example.org"),
        ("password", "wrong password"),
    ];
    for _ in 0..2 {
        browser
            .submit("/signin", "/signin", &fields)
            .await
            .expect(422);
    }
    let limited = browser
        .submit("/signin", "/signin", &fields)
        .await
        .expect(429);
    assert!(limited.content_type.starts_with("text/html"));
    assert!(limited.contains(r#"<html lang="hr">"#));
    assert!(limited.headers.contains_key("retry-after"));
    // The API shares the budget.
    let api = app.login("nobody@example.org", "wrong password").await;
    assert_eq!(api.status.as_u16(), 429);

    let signup = |email: &'static str| {
        [
            ("full_name", "Mia"),
            ("email", email),
            ("password", PASSWORD),
            ("locale", "hr"),
        ]
    };
    let first = browser
        .submit("/signup", "/signup", &signup("mia@example.org"))
        .await;
    assert_eq!(first.expect_redirect(), "/signup/check-email");
    browser
        .submit("/signup", "/signup", &signup("mia2@example.org"))
        .await
        .expect(429);
    let count: i64 = app
        .with_conn(|conn| people::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_password_reset_from_the_email_signs_out_every_browser() {
    let app = spawn_app().await;
    let user = app.verified_user("iva@example.org", "Iva").await;
    let elsewhere = signed_in(&app, "iva@example.org").await;
    let secret = elsewhere.cookie("kolo_session").unwrap();

    let browser = Browser::new(&app);
    let sent = browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "iva@example.org")],
        )
        .await;
    let target = sent.expect_redirect();
    assert_eq!(target, "/forgot-password?notice=account-notice-reset-sent");
    // An unknown address gets the very same answer.
    let unknown = browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "nobody@example.org")],
        )
        .await;
    assert_eq!(unknown.expect_redirect(), target);

    let link = app
        .wait_for_email("iva@example.org", "reset-password")
        .await
        .link("/reset-password?token=");
    let link = path_of(&link);
    let form = browser.get(&link).await.expect_html();
    let token = form.input_value("token").unwrap();
    let csrf = form.csrf();
    let mismatch = browser
        .post(
            "/reset-password",
            &[
                ("csrf", &csrf),
                ("token", &token),
                ("password", "a brand new passphrase"),
                ("password2", "another passphrase"),
            ],
        )
        .await
        .expect(422);
    assert!(mismatch.contains("The two passwords are not the same."));
    let changed = browser
        .post(
            "/reset-password",
            &[
                ("csrf", &csrf),
                ("token", &token),
                ("password", "a brand new passphrase"),
                ("password2", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(
        changed.expect_redirect(),
        "/signin?notice=account-notice-password-changed"
    );
    assert_eq!(sessions_of(&app, user.id).await, 0);
    assert_eq!(get_with_session(&app, "/me", &secret).await, 303);
    app.login("iva@example.org", "a brand new passphrase")
        .await
        .expect(200);

    // The used link is refused with a clear page.
    let reused = browser
        .post(
            "/reset-password",
            &[
                ("csrf", &csrf),
                ("token", &token),
                ("password", "yet another passphrase"),
                ("password2", "yet another passphrase"),
            ],
        )
        .await
        .expect(400);
    assert!(reused.contains("/forgot-password"));
}

#[tokio::test]
async fn the_profile_keeps_input_on_errors_and_saves_preferences() {
    let app = spawn_app().await;
    let user = app.verified_user("goran@example.org", "Goran").await;
    let browser = signed_in(&app, "goran@example.org").await;
    let page = browser.get("/me").await.expect_html();
    assert!(page.contains(r#"name="reminders" value="on" checked"#));
    assert!(!page.contains("/verify-email/resend"));

    let bad = browser
        .submit(
            "/me",
            "/me",
            &[
                ("full_name", "Goran Novi"),
                ("locale", "hr"),
                ("country", "XQZ"),
            ],
        )
        .await
        .expect(422);
    assert!(bad.contains("two-letter country code"));
    assert_eq!(bad.input_value("full_name").as_deref(), Some("Goran Novi"));
    assert_eq!(bad.input_value("country").as_deref(), Some("XQZ"));

    let saved = browser
        .submit(
            "/me",
            "/me",
            &[
                ("full_name", "Goran Novi"),
                ("locale", "hr"),
                ("country", "hr"),
                ("organiser_messages", "on"),
            ],
        )
        .await;
    assert_eq!(
        saved.expect_redirect(),
        "/me?notice=account-notice-profile-saved"
    );
    let me = app
        .get("/api/v1/me", Some(&user.token))
        .await
        .expect(200)
        .body;
    assert_eq!(me["full_name"], "Goran Novi");
    assert_eq!(me["locale"], "hr");
    assert_eq!(me["country"], "HR");
    let opted_out: Vec<String> = app
        .with_conn(|conn| {
            unsubscribes::table
                .filter(unsubscribes::email.eq("goran@example.org"))
                .select(unsubscribes::kind)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(opted_out, vec!["reminders".to_owned()]);
    // The page now speaks the account's language and shows the choice.
    let page = browser.get("/me").await.expect_html();
    assert!(page.contains(r#"<html lang="hr">"#));
    assert!(page.contains(r#"name="reminders" value="on">"#));

    // Subscribing again removes the opt-out.
    browser
        .submit(
            "/me",
            "/me",
            &[
                ("full_name", "Goran Novi"),
                ("locale", "hr"),
                ("reminders", "on"),
                ("organiser_messages", "on"),
            ],
        )
        .await
        .expect_redirect();
    let left: i64 = app
        .with_conn(|conn| unsubscribes::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(left, 0);
}

#[tokio::test]
async fn an_unverified_person_sees_a_banner_and_can_ask_for_a_new_link() {
    let app = spawn_app().await;
    app.unverified_user("nina@example.org", "Nina").await;
    let browser = signed_in(&app, "nina@example.org").await;
    let page = browser.get("/me").await.expect_html();
    assert!(page.contains("is not confirmed yet"));
    let before = app.emails_to("nina@example.org").len();
    let sent = browser
        .post("/verify-email/resend", &[("csrf", &page.csrf())])
        .await;
    assert_eq!(
        sent.expect_redirect(),
        "/me?notice=account-notice-verification-sent"
    );
    for _ in 0..200 {
        if app.emails_to("nina@example.org").len() > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(app.emails_to("nina@example.org").len() > before);

    // A bad link, signed in and unverified: the page offers a new one.
    let bad = browser
        .post(
            "/verify-email",
            &[("csrf", &page.csrf()), ("token", "no-such-token")],
        )
        .await
        .expect(400);
    assert!(bad.contains(r#"action="/verify-email/resend""#));
}

#[tokio::test]
async fn the_export_is_a_download_of_the_api_document() {
    let app = spawn_app().await;
    let user = app.verified_user("lena@example.org", "Lena").await;
    let browser = signed_in(&app, "lena@example.org").await;
    let file = browser.get("/me/export").await.expect(200);
    assert!(file.content_type.starts_with("application/json"));
    let disposition = file.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment"));
    assert!(disposition.contains(&format!("kolo-export-{}.json", user.id)));
    let document: serde_json::Value = serde_json::from_str(&file.body).unwrap();
    assert_eq!(document["account"]["email"], "lena@example.org");
    assert_eq!(Browser::new(&app).get("/me/export").await.status, 303);
}

#[tokio::test]
async fn deleting_the_account_needs_the_password_and_signs_out() {
    let app = spawn_app().await;
    let user = app.verified_user("dora@example.org", "Dora").await;
    let browser = signed_in(&app, "dora@example.org").await;
    let page = browser.get("/me/delete").await.expect_html();
    assert!(page.contains("cannot be undone"));
    let wrong = browser
        .post(
            "/me/delete",
            &[("csrf", &page.csrf()), ("password", "not my password")],
        )
        .await
        .expect(422);
    assert!(
        wrong.contains(r#"<p class="field-error" id="e-password">This is not your password.</p>"#)
    );
    assert_eq!(sessions_of(&app, user.id).await, 1);

    let gone = browser
        .post(
            "/me/delete",
            &[("csrf", &page.csrf()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(gone.expect_redirect(), "/goodbye");
    assert!(browser.cookie("kolo_session").is_none());
    assert_eq!(sessions_of(&app, user.id).await, 0);
    browser.get("/goodbye").await.expect_html();
    assert_eq!(
        app.login("dora@example.org", PASSWORD)
            .await
            .status
            .as_u16(),
        401
    );
}

#[tokio::test]
async fn every_account_form_refuses_a_missing_token() {
    let app = spawn_app().await;
    let user = app.verified_user("sara@example.org", "Sara").await;
    let browser = signed_in(&app, "sara@example.org").await;
    let anonymous = Browser::new(&app);
    let refused = anonymous
        .post(
            "/signup",
            &[
                ("full_name", "Eve"),
                ("email", "eve@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await
        .expect(403);
    assert!(refused.content_type.starts_with("text/html"));
    anonymous
        .post(
            "/signin",
            &[("email", "sara@example.org"), ("password", PASSWORD)],
        )
        .await
        .expect(403);
    assert!(anonymous.cookie("kolo_session").is_none());
    anonymous
        .post("/forgot-password", &[("email", "sara@example.org")])
        .await
        .expect(403);
    anonymous
        .post("/reset-password", &[("token", "x"), ("password", PASSWORD)])
        .await
        .expect(403);
    anonymous
        .post("/verify-email", &[("token", "x")])
        .await
        .expect(403);
    for path in ["/signout", "/verify-email/resend", "/me", "/me/delete"] {
        browser
            .post(path, &[("password", PASSWORD), ("full_name", "Changed")])
            .await
            .expect(403);
    }
    // A token from another browser does not do either.
    let other = anonymous.get("/signin").await.csrf();
    browser
        .post("/me/delete", &[("csrf", &other), ("password", PASSWORD)])
        .await
        .expect(403);
    assert_eq!(sessions_of(&app, user.id).await, 1);
    let me = app
        .get("/api/v1/me", Some(&user.token))
        .await
        .expect(200)
        .body;
    assert_eq!(me["full_name"], "Sara");
    let count: i64 = app
        .with_conn(|conn| people::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(count, 1);
    app.wait_for_outbox_drained().await;
    assert!(app
        .emails_to("sara@example.org")
        .iter()
        .all(|e| !e.text.contains("reset-password")));
}
