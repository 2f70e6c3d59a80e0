//! Forged, stale and stolen tokens: every one is refused with 401 problem+json, whatever the
//! route. Access tokens are HS256 JWTs (src/auth/tokens.rs); refresh tokens are opaque,
//! single-use and rotated, and a reused one revokes its whole family.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use diesel::prelude::*;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, PASSWORD};

/// A throw-away key pair made for these tests (openssl genpkey -algorithm RSA).
const RSA_PRIVATE: &str = include_str!("token_attacks_rsa.pem");
const RSA_PUBLIC: &str = include_str!("token_attacks_rsa.pub.pem");

/// Claims as Kolo issues them, valid now, for `person`; `changes` replaces some.
fn claims(app: &TestApp, person: i64, changes: Value) -> Value {
    let now = chrono::Utc::now().timestamp();
    let auth = &app.state.settings.auth;
    let mut claims = json!({
        "sub": person.to_string(), "iat": now, "nbf": now, "exp": now + 600,
        "iss": auth.issuer, "aud": auth.audience, "jti": uuid::Uuid::new_v4().to_string(),
    });
    for (k, v) in changes.as_object().unwrap() {
        claims[k] = v.clone();
    }
    claims
}

fn secret(app: &TestApp) -> EncodingKey {
    EncodingKey::from_secret(app.state.settings.auth.jwt_secret.as_bytes())
}

fn sign(header: Header, claims: &Value, key: &EncodingKey) -> String {
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

/// A token whose header says `alg` but whose signature is whatever `signature` makes of
/// `header.payload`.
fn hand_made(alg: &str, claims: &Value, signature: impl FnOnce(&[u8]) -> String) -> String {
    let header = URL_SAFE_NO_PAD.encode(json!({"alg": alg, "typ": "JWT"}).to_string());
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let sig = signature(signed.as_bytes());
    format!("{signed}.{sig}")
}

/// Asserts that `token` opens no door: the routes below all answer 401 problem+json.
async fn refused(app: &TestApp, what: &str, token: &str) {
    for path in ["/api/v1/me", "/api/v1/me/registrations", "/api/v1/events"] {
        let reply = app.get(path, Some(token)).await;
        assert_eq!(
            reply.status.as_u16(),
            401,
            "{what} on {path}: {}",
            reply.text
        );
        reply.expect_problem(401);
    }
}

#[tokio::test]
async fn forged_and_stale_access_tokens_are_refused() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.get("/api/v1/me", Some(&ana.token)).await.expect(200);
    let valid = claims(&app, ana.id, json!({}));
    let now = chrono::Utc::now().timestamp();

    // The genuine recipe works, so each attack below fails for its own reason.
    let genuine = sign(Header::new(Algorithm::HS256), &valid, &secret(&app));
    app.get("/api/v1/me", Some(&genuine)).await.expect(200);

    let none = hand_made("none", &valid, |_| String::new());
    refused(&app, "alg none", &none).await;
    refused(
        &app,
        "alg none with a signature",
        &hand_made("none", &valid, |m| {
            jsonwebtoken::crypto::sign(m, &secret(&app), Algorithm::HS256).unwrap()
        }),
    )
    .await;

    let rsa = EncodingKey::from_rsa_pem(RSA_PRIVATE.as_bytes()).unwrap();
    refused(
        &app,
        "RS256",
        &sign(Header::new(Algorithm::RS256), &valid, &rsa),
    )
    .await;
    let public_as_secret = EncodingKey::from_secret(RSA_PUBLIC.as_bytes());
    refused(
        &app,
        "HS256 keyed with a public key",
        &sign(Header::new(Algorithm::HS256), &valid, &public_as_secret),
    )
    .await;
    // The right HMAC under another algorithm's name: the algorithm is pinned, not read.
    refused(
        &app,
        "RS256 header, HS256 signature",
        &hand_made("RS256", &valid, |m| {
            jsonwebtoken::crypto::sign(m, &secret(&app), Algorithm::HS256).unwrap()
        }),
    )
    .await;
    refused(
        &app,
        "HS512 with the right secret",
        &sign(Header::new(Algorithm::HS512), &valid, &secret(&app)),
    )
    .await;

    let wrong_key = EncodingKey::from_secret(b"development-only-secret-change-me-0123456788");
    refused(
        &app,
        "wrong key",
        &sign(Header::new(Algorithm::HS256), &valid, &wrong_key),
    )
    .await;

    let hs = |changes: Value| {
        sign(
            Header::new(Algorithm::HS256),
            &claims(&app, ana.id, changes),
            &secret(&app),
        )
    };
    refused(
        &app,
        "expired",
        &hs(json!({"iat": now - 1200, "nbf": now - 1200, "exp": now - 600})),
    )
    .await;
    refused(
        &app,
        "not yet valid",
        &hs(json!({"nbf": now + 600, "exp": now + 1200})),
    )
    .await;
    refused(&app, "wrong iss", &hs(json!({"iss": "someone-else"}))).await;
    refused(&app, "wrong aud", &hs(json!({"aud": "another-api"}))).await;
    refused(
        &app,
        "another person's id as text",
        &hs(json!({"sub": "ana@example.org"})),
    )
    .await;
    let mut no_exp = valid.clone();
    no_exp.as_object_mut().unwrap().remove("exp");
    refused(
        &app,
        "no exp",
        &sign(Header::new(Algorithm::HS256), &no_exp, &secret(&app)),
    )
    .await;
    let mut tampered: Vec<&str> = genuine.split('.').collect();
    let other_claims = URL_SAFE_NO_PAD.encode(claims(&app, ana.id + 1, json!({})).to_string());
    tampered[1] = &other_claims;
    refused(
        &app,
        "payload swapped under a genuine signature",
        &tampered.join("."),
    )
    .await;
    refused(&app, "garbage", "not-a-jwt").await;

    // The refresh token is no access token.
    refused(&app, "refresh token as access token", &ana.refresh).await;
}

#[tokio::test]
async fn a_reused_refresh_token_revokes_its_whole_family() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let refresh = |token: &str| {
        app.post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": token}),
        )
    };
    let second = refresh(&ana.refresh).await.expect(200).body;
    let second_refresh = second["refresh_token"].as_str().unwrap().to_owned();
    let third = refresh(&second_refresh).await.expect(200).body;
    let newest = third["refresh_token"].as_str().unwrap().to_owned();

    // Someone replays the first (already rotated) token: refused, and the family is burnt.
    refresh(&ana.refresh).await.expect_problem(401);
    refresh(&newest).await.expect_problem(401);
    refresh(&second_refresh).await.expect_problem(401);

    // Another session of the same person is untouched, and signing in again works.
    let other_session = app.login(&ana.email, PASSWORD).await.expect(200).body;
    refresh(other_session["refresh_token"].as_str().unwrap())
        .await
        .expect(200);
}

#[tokio::test]
async fn a_token_of_a_vanished_account_is_refused() {
    let app = spawn_app().await;
    let ghost = app.many_people(1, "ghost").await.remove(0);
    app.get("/api/v1/me", Some(&ghost.token)).await.expect(200);
    app.with_conn(move |conn| {
        use kolo::db::schema::people;
        diesel::delete(people::table.find(ghost.id))
            .execute(conn)
            .unwrap()
    })
    .await;
    refused(&app, "token of a deleted account", &ghost.token).await;
    let never = app.state.jwt.issue(987_654_321).unwrap();
    refused(&app, "token of an id that never existed", &never).await;
}
