//! Accounts: registration, verification, login, tokens, password reset, the person's profile.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::json;

use crate::helpers::{spawn_app, PASSWORD};

#[tokio::test]
async fn register_creates_an_unverified_person_and_emails_a_link() {
    let app = spawn_app().await;
    let reply = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "  Mila.Jovanovic@Example.ORG ", "password": PASSWORD, "full_name": " Мила Јовановић ", "locale": "sr-Cyrl"}),
        )
        .await
        .expect(202);
    assert_eq!(reply.body["status"], "accepted");
    assert!(reply.body.get("id").is_none() && !reply.text.contains("argon2"));

    let email = app
        .wait_for_email("mila.jovanovic@example.org", "verify-email")
        .await;
    let link = email.link("/verify-email?token=");
    assert!(
        link.starts_with("http://127.0.0.1:8080/verify-email?token="),
        "{link}"
    );
    assert!(email.html.contains(&link));
    let pair = app
        .login("mila.jovanovic@example.org", PASSWORD)
        .await
        .expect(200)
        .body;
    let person = app
        .get("/api/v1/me", pair["access_token"].as_str())
        .await
        .expect(200)
        .body;
    assert_eq!(person["email"], "mila.jovanovic@example.org");
    assert_eq!(person["full_name"], "Мила Јовановић");
    assert_eq!(person["locale"], "sr-Cyrl");
    assert_eq!(person["email_verified"], false);
    assert!(person.get("password_hash").is_none());
}

#[tokio::test]
async fn register_defaults_to_english() {
    let app = spawn_app().await;
    let user = app.unverified_user("ana@example.org", "Ana").await;
    let me = app.get("/api/v1/me", Some(&user.token)).await.expect(200);
    assert_eq!(me.body["locale"], "en");
}

#[tokio::test]
async fn registering_a_taken_email_looks_the_same_and_tells_the_owner() {
    let app = spawn_app().await;
    let owner = app.verified_user("ana@example.org", "Ana").await;
    let new = app
        .register("someone.new@example.org", "New")
        .await
        .expect(202);
    let taken = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "ANA@example.org ", "password": "another passphrase", "full_name": "Other Ana", "locale": "sr-Latn"}),
        )
        .await
        .expect(202);
    assert_eq!(new.text, taken.text, "the answers differ");
    assert_eq!(new.content_type(), taken.content_type());

    // The owner is told (in her own language, English), and nothing about her account changed.
    let note = app
        .wait_for_email("ana@example.org", "tried to create")
        .await;
    assert!(note.text.contains("sign in"), "{}", note.text);
    assert!(!note.text.contains("token="), "{}", note.text);
    app.login("ana@example.org", "another passphrase")
        .await
        .expect_problem(401);
    let me = app.get("/api/v1/me", Some(&owner.token)).await.expect(200);
    assert_eq!(me.body["full_name"], "Ana");
    assert_eq!(me.body["email_verified"], true);
    app.wait_for_outbox_drained().await;
    assert_eq!(
        app.emails_to("ana@example.org")
            .iter()
            .filter(|e| e.text.contains("verify-email"))
            .count(),
        1,
        "no second verification link"
    );
}

#[tokio::test]
async fn concurrent_duplicate_registrations_create_one_account() {
    let app = spawn_app().await;
    let attempts = (0..8).map(|_| app.register("race@example.org", "Racer"));
    let replies = futures_util::future::join_all(attempts).await;
    assert!(
        replies
            .iter()
            .all(|r| r.status == 202 && r.text == replies[0].text),
        "{replies:#?}"
    );
    use diesel::prelude::*;
    use kolo::db::schema::people;
    let accounts: i64 = app
        .with_conn(|conn| {
            people::table
                .filter(people::email.eq("race@example.org"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(accounts, 1);
}

#[tokio::test]
async fn register_rejects_bad_fields_and_changes_nothing() {
    let app = spawn_app().await;
    let cases = [
        (
            json!({"email": "not-an-email", "password": PASSWORD, "full_name": "A"}),
            "email",
        ),
        (
            json!({"email": "a@example.org", "password": "short", "full_name": "A"}),
            "password",
        ),
        (
            json!({"email": "a@example.org", "password": "x".repeat(129), "full_name": "A"}),
            "password",
        ),
        (
            json!({"email": "a@example.org", "password": PASSWORD, "full_name": "   "}),
            "full_name",
        ),
        (
            json!({"email": "a@example.org", "password": PASSWORD, "full_name": "A", "locale": "de"}),
            "locale",
        ),
        (
            json!({"email": "a@example.org", "password": PASSWORD, "full_name": "A", "role": "admin"}),
            "role",
        ),
        (
            json!({"email": "a@example.org", "password": PASSWORD, "full_name": "A", "email_verified": true}),
            "email_verified",
        ),
        (
            json!({"email": "a@example.org", "password": PASSWORD}),
            "full_name",
        ),
    ];
    for (body, field) in cases {
        let reply = app
            .post("/api/v1/auth/register", None, body.clone())
            .await
            .expect_problem(422);
        assert!(
            reply.body["errors"][field].is_array(),
            "{field} not named for {body}: {}",
            reply.text
        );
    }
    // Several bad fields are reported together.
    let many = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "x", "password": "y", "full_name": ""}),
        )
        .await
        .expect_problem(422);
    assert_eq!(
        many.body["errors"].as_object().unwrap().len(),
        3,
        "{}",
        many.text
    );
    app.login("a@example.org", PASSWORD)
        .await
        .expect_problem(401);
    assert!(app.emails().is_empty());
}

#[tokio::test]
async fn verification_tokens_are_single_use() {
    let app = spawn_app().await;
    app.register("ana@example.org", "Ana").await.expect(202);
    let link = app
        .wait_for_email("ana@example.org", "verify-email")
        .await
        .link("token=");
    let token = link.split("token=").nth(1).unwrap();
    let verified = app
        .post("/api/v1/auth/verify-email", None, json!({ "token": token }))
        .await
        .expect(200);
    assert_eq!(verified.body["email_verified"], true);
    let again = app
        .post("/api/v1/auth/verify-email", None, json!({ "token": token }))
        .await
        .expect_problem(422);
    assert!(again.body["errors"]["token"].is_array());
    app.post(
        "/api/v1/auth/verify-email",
        None,
        json!({"token": "made-up"}),
    )
    .await
    .expect_problem(422);
}

#[tokio::test]
async fn expired_verification_tokens_are_refused() {
    use diesel::prelude::*;
    use kolo::db::schema::email_tokens;
    let app = spawn_app().await;
    app.register("ana@example.org", "Ana").await.expect(202);
    let link = app
        .wait_for_email("ana@example.org", "verify-email")
        .await
        .link("token=");
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        let past = kolo::db::now() - chrono::Duration::hours(49);
        diesel::update(email_tokens::table)
            .set(email_tokens::expires_at.eq(past))
            .execute(&mut *pool.get().unwrap())
    })
    .await
    .unwrap()
    .unwrap();
    app.post("/api/v1/auth/verify-email", None, json!({ "token": token }))
        .await
        .expect_problem(422);
}

#[tokio::test]
async fn resend_verification_replaces_the_old_link() {
    let app = spawn_app().await;
    let user = app.unverified_user("ana@example.org", "Ana").await;
    let first = app
        .wait_for_email("ana@example.org", "verify-email")
        .await
        .link("token=");
    app.post(
        "/api/v1/auth/verify-email/resend",
        Some(&user.token),
        json!({}),
    )
    .await
    .expect(202);
    for _ in 0..100 {
        if app.emails_to("ana@example.org").len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let emails = app.emails_to("ana@example.org");
    assert_eq!(emails.len(), 2);
    let second = emails
        .iter()
        .map(|e| e.link("token="))
        .find(|l| *l != first)
        .expect("a new link");
    let old_token = first.split("token=").nth(1).unwrap();
    app.post(
        "/api/v1/auth/verify-email",
        None,
        json!({ "token": old_token }),
    )
    .await
    .expect_problem(422);
    let new_token = second.split("token=").nth(1).unwrap();
    app.post(
        "/api/v1/auth/verify-email",
        None,
        json!({ "token": new_token }),
    )
    .await
    .expect(200);
    let done = app
        .post(
            "/api/v1/auth/verify-email/resend",
            Some(&user.token),
            json!({}),
        )
        .await
        .expect_problem(409);
    assert_eq!(done.body["code"], "already_verified");
}

#[tokio::test]
async fn login_returns_a_token_pair() {
    let app = spawn_app().await;
    app.register("ana@example.org", "Ana").await.expect(202);
    let pair = app
        .login("ANA@example.org", PASSWORD)
        .await
        .expect(200)
        .body;
    assert_eq!(pair["token_type"], "Bearer");
    assert_eq!(pair["expires_in"], 900);
    assert!(pair["access_token"].as_str().unwrap().split('.').count() == 3);
    assert!(pair["refresh_token"].as_str().unwrap().len() >= 40);
    let token = pair["access_token"].as_str().unwrap();
    let me = app.get("/api/v1/me", Some(token)).await.expect(200);
    assert_eq!(me.body["email"], "ana@example.org");
}

#[tokio::test]
async fn failed_logins_look_the_same_whether_or_not_the_email_exists() {
    let app = spawn_app().await;
    app.register("ana@example.org", "Ana").await.expect(202);
    let wrong_password = app
        .login("ana@example.org", "wrong password!")
        .await
        .expect_problem(401);
    let unknown = app
        .login("nobody@example.org", PASSWORD)
        .await
        .expect_problem(401);
    let garbage = app.login("garbage", PASSWORD).await.expect_problem(401);
    assert_eq!(wrong_password.text, unknown.text);
    assert_eq!(unknown.text, garbage.text);
}

fn claims(sub: &str, offset_iat: i64, ttl: i64, iss: &str, aud: &str) -> serde_json::Value {
    let now = chrono::Utc::now().timestamp();
    json!({"sub": sub, "iat": now + offset_iat, "nbf": now + offset_iat, "exp": now + offset_iat + ttl,
           "iss": iss, "aud": aud, "jti": uuid::Uuid::new_v4().to_string()})
}

fn sign(claims: &serde_json::Value, secret: &str) -> String {
    encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

#[tokio::test]
async fn forged_and_stale_access_tokens_are_refused() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    let secret = app.state.settings.auth.jwt_secret.clone();
    let sub = user.id.to_string();

    // The real secret and claims work, so each failure below is down to the one thing changed.
    app.get(
        "/api/v1/me",
        Some(&sign(&claims(&sub, 0, 60, "kolo", "kolo-api"), &secret)),
    )
    .await
    .expect(200);

    let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims(&sub, 0, 60, "kolo", "kolo-api").to_string());
    let alg_none = format!("{none_header}.{payload}.");
    let rs_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT"}"#);
    let alg_rs = format!("{rs_header}.{payload}.c2lnbmF0dXJl");
    let hs512 = encode(
        &Header::new(Algorithm::HS512),
        &claims(&sub, 0, 60, "kolo", "kolo-api"),
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap();

    let bad = [
        ("alg none", alg_none),
        ("alg RS256", alg_rs),
        ("alg HS512", hs512),
        (
            "wrong key",
            sign(
                &claims(&sub, 0, 60, "kolo", "kolo-api"),
                "another-secret-another-secret-1234",
            ),
        ),
        (
            "expired",
            sign(&claims(&sub, -120, 60, "kolo", "kolo-api"), &secret),
        ),
        (
            "not yet valid",
            sign(&claims(&sub, 120, 60, "kolo", "kolo-api"), &secret),
        ),
        (
            "wrong audience",
            sign(&claims(&sub, 0, 60, "kolo", "someone-else"), &secret),
        ),
        (
            "wrong issuer",
            sign(&claims(&sub, 0, 60, "evil", "kolo-api"), &secret),
        ),
        ("refresh token as access token", user.refresh.clone()),
        ("garbage", "a.b.c".to_owned()),
    ];
    for (what, token) in bad {
        let reply = app.get("/api/v1/me", Some(&token)).await;
        assert_eq!(reply.status, 401, "{what} was accepted: {}", reply.text);
        assert!(
            reply.content_type().starts_with("application/problem+json"),
            "{what}"
        );
    }
    let no_bearer = app
        .client
        .get(app.url("/api/v1/me"))
        .header("authorization", "Basic YTpi")
        .send()
        .await
        .unwrap();
    assert_eq!(no_bearer.status(), 401);
    app.get("/api/v1/me", None).await.expect_problem(401);
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    let first = user.refresh.clone();
    let second_pair = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({ "refresh_token": first }),
        )
        .await
        .expect(200)
        .body;
    let second = second_pair["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    app.get(
        "/api/v1/me",
        Some(second_pair["access_token"].as_str().unwrap()),
    )
    .await
    .expect(200);
    let third = app
        .post(
            "/api/v1/auth/refresh",
            None,
            json!({ "refresh_token": second }),
        )
        .await
        .expect(200)
        .body["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();

    // Replaying an already-rotated token signals theft: the whole family dies, including the newest.
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({ "refresh_token": first }),
    )
    .await
    .expect_problem(401);
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({ "refresh_token": third }),
    )
    .await
    .expect_problem(401);

    // Another login is another family and still works.
    let other = app
        .login("ana@example.org", PASSWORD)
        .await
        .expect(200)
        .body;
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": other["refresh_token"]}),
    )
    .await
    .expect(200);
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": "nonsense"}),
    )
    .await
    .expect_problem(401);
}

#[tokio::test]
async fn concurrent_use_of_one_refresh_token_yields_at_most_one_pair() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    let attempts = (0..6).map(|_| {
        app.post(
            "/api/v1/auth/refresh",
            None,
            json!({ "refresh_token": user.refresh }),
        )
    });
    let replies = futures_util::future::join_all(attempts).await;
    let ok: Vec<_> = replies.iter().filter(|r| r.status == 200).collect();
    assert!(ok.len() <= 1, "{replies:#?}");
    assert!(replies.iter().all(|r| r.status == 200 || r.status == 401));
}

#[tokio::test]
async fn logout_revokes_the_session() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    app.post(
        "/api/v1/auth/logout",
        None,
        json!({ "refresh_token": user.refresh }),
    )
    .await
    .expect(204);
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({ "refresh_token": user.refresh }),
    )
    .await
    .expect_problem(401);
    // Signing out twice is harmless.
    app.post(
        "/api/v1/auth/logout",
        None,
        json!({ "refresh_token": user.refresh }),
    )
    .await
    .expect(204);
}

#[tokio::test]
async fn password_reset_flow() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    app.post(
        "/api/v1/auth/password-reset",
        None,
        json!({"email": "ANA@example.org"}),
    )
    .await
    .expect(202);
    let link = app
        .wait_for_email("ana@example.org", "reset-password")
        .await
        .link("/reset-password?token=");
    assert!(link.starts_with("http://127.0.0.1:8080/reset-password?token="));
    let token = link.split("token=").nth(1).unwrap();

    let short = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            json!({"token": token, "password": "short"}),
        )
        .await
        .expect_problem(422);
    assert!(short.body["errors"]["password"].is_array());
    let new_password = "a brand new passphrase";
    app.post(
        "/api/v1/auth/password-reset/confirm",
        None,
        json!({"token": token, "password": new_password}),
    )
    .await
    .expect(204);
    // Single use.
    app.post(
        "/api/v1/auth/password-reset/confirm",
        None,
        json!({"token": token, "password": new_password}),
    )
    .await
    .expect_problem(422);
    // Every existing session is signed out; the old password no longer works; the new one does.
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({ "refresh_token": user.refresh }),
    )
    .await
    .expect_problem(401);
    app.login("ana@example.org", PASSWORD)
        .await
        .expect_problem(401);
    app.login("ana@example.org", new_password).await.expect(200);
}

#[tokio::test]
async fn password_reset_does_not_reveal_accounts() {
    let app = spawn_app().await;
    let unknown = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            json!({"email": "ghost@example.org"}),
        )
        .await
        .expect(202);
    let invalid = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            json!({"email": "not an email"}),
        )
        .await
        .expect(202);
    app.register("ana@example.org", "Ana").await.expect(202);
    let known = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            json!({"email": "ana@example.org"}),
        )
        .await
        .expect(202);
    assert_eq!(unknown.text, known.text);
    assert_eq!(invalid.text, known.text);
    app.wait_for_email("ana@example.org", "reset-password")
        .await;
    app.wait_for_outbox_drained().await;
    assert!(app.emails_to("ghost@example.org").is_empty());
}

#[tokio::test]
async fn me_can_be_updated_but_not_privileged_fields() {
    let app = spawn_app().await;
    let user = app.verified_user("ana@example.org", "Ana").await;
    let token = Some(user.token.as_str());
    let updated = app
        .patch(
            "/api/v1/me",
            token,
            json!({"full_name": "Ana Petrović", "locale": "mk", "country": "mk"}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(updated["full_name"], "Ana Petrović");
    assert_eq!(updated["locale"], "mk");
    assert_eq!(updated["country"], "MK");

    for (body, field) in [
        (json!({"email_verified": false}), "email_verified"),
        (json!({"role": "admin"}), "role"),
        (json!({"platform_role": "admin"}), "platform_role"),
        (json!({"email": "other@example.org"}), "email"),
        (json!({"country": "YU"}), "country"),
        (json!({"locale": "xx"}), "locale"),
        (json!({"full_name": ""}), "full_name"),
    ] {
        let reply = app
            .patch("/api/v1/me", token, body)
            .await
            .expect_problem(422);
        assert!(
            reply.body["errors"][field].is_array(),
            "{field}: {}",
            reply.text
        );
    }
    let unchanged = app.get("/api/v1/me", token).await.expect(200).body;
    assert_eq!(unchanged, app.get("/api/v1/me", token).await.body);
    assert_eq!(unchanged["full_name"], "Ana Petrović");
    assert_eq!(unchanged["platform_role"], serde_json::Value::Null);

    let cleared = app
        .patch("/api/v1/me", token, json!({"country": null}))
        .await
        .expect(200)
        .body;
    assert_eq!(cleared["country"], serde_json::Value::Null);
    assert_eq!(cleared["locale"], "mk");
}

#[tokio::test]
async fn create_admin_makes_a_verified_platform_admin() {
    let app = spawn_app().await;
    let admin = app.admin("root@example.org").await;
    let me = app
        .get("/api/v1/me", Some(&admin.token))
        .await
        .expect(200)
        .body;
    assert_eq!(me["platform_role"], "admin");
    assert_eq!(me["email_verified"], true);
}
