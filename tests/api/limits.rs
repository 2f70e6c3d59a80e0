//! Abuse limits: per client IP and per account, behind trusted proxies only, 429 problem+json
//! with Retry-After, and a limited request changes nothing.

use kolo::config::Settings;
use reqwest::Method;
use serde_json::json;

use crate::event_fixtures::cast;
use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, spawn_app_with, Reply, TestApp, PASSWORD};

/// Limits on, with small budgets; `127.0.0.1` (the test client) is a trusted proxy when asked.
fn limits(trust_localhost: bool) -> impl FnOnce(&mut Settings) {
    move |s| {
        s.limits.enabled = true;
        s.limits.login_per_ip_per_minute = 3;
        s.limits.login_per_account_per_hour = 4;
        s.limits.register_per_ip_per_hour = 2;
        s.limits.password_reset_per_account_per_hour = 1;
        s.limits.guest_registration_per_account_per_hour = 1;
        s.limits.verification_resend_per_account_per_hour = 1;
        s.limits.organiser_messages_per_account_per_hour = 1;
        if trust_localhost {
            s.server.trusted_proxies = vec!["127.0.0.1".into(), "10.0.0.0/8".into()];
        }
    }
}

async fn login_from(app: &TestApp, email: &str, forwarded_for: Option<&str>) -> Reply {
    let headers: Vec<(&str, &str)> = forwarded_for
        .map(|ip| vec![("x-forwarded-for", ip)])
        .unwrap_or_default();
    app.request_with_headers(
        Method::POST,
        "/api/v1/auth/login",
        &headers,
        Some(json!({"email": email, "password": PASSWORD})),
    )
    .await
}

#[track_caller]
fn assert_limited(reply: Reply) -> Reply {
    let reply = reply.expect_problem(429);
    assert_eq!(reply.body["code"], "rate_limited");
    let retry: u64 = reply
        .headers
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .expect("whole seconds");
    assert!((1..=3600).contains(&retry), "{retry}");
    reply
}

#[tokio::test]
async fn the_login_after_the_budget_is_429_with_retry_after() {
    let app = spawn_app_with(limits(false)).await;
    app.verified_user("ana@example.org", "Ana").await; // signs in once
    for _ in 0..2 {
        login_from(&app, "ana@example.org", None).await.expect(200);
    }
    let refused = assert_limited(login_from(&app, "ana@example.org", None).await);
    assert!(refused.body.get("access_token").is_none());
    // The budget is per IP: other accounts from the same address are refused too.
    assert_limited(login_from(&app, "someone@example.org", None).await);
}

#[tokio::test]
async fn a_forged_forwarded_for_from_an_untrusted_peer_does_not_escape_the_limit() {
    let app = spawn_app_with(limits(false)).await;
    for i in 0..3 {
        login_from(&app, "x@example.org", Some(&format!("203.0.113.{i}")))
            .await
            .expect_problem(401);
    }
    assert_limited(login_from(&app, "y@example.org", Some("198.51.100.77")).await);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget() {
    let app = spawn_app_with(limits(true)).await;
    for _ in 0..3 {
        login_from(&app, "a@example.org", Some("203.0.113.1"))
            .await
            .expect_problem(401);
    }
    // A hop the client wrote itself (left of the real one) changes nothing.
    assert_limited(login_from(&app, "b@example.org", Some("1.1.1.1, 203.0.113.1")).await);
    // Another client behind the same proxies (here two: 10.1.2.3 then the peer) gets through.
    login_from(&app, "b@example.org", Some("203.0.113.2, 10.1.2.3"))
        .await
        .expect_problem(401);
}

#[tokio::test]
async fn the_per_account_budget_holds_across_addresses() {
    let app = spawn_app_with(limits(true)).await;
    app.verified_user("ana@example.org", "Ana").await; // its own login, from 127.0.0.1
    for i in 1..4 {
        login_from(&app, "ana@example.org", Some(&format!("203.0.113.{i}")))
            .await
            .expect(200);
    }
    assert_limited(login_from(&app, " ANA@example.org", Some("198.51.100.1")).await);
}

#[tokio::test]
async fn limits_switched_off_let_everything_through() {
    let app = spawn_app_with(|s| {
        limits(false)(s);
        s.limits.enabled = false;
    })
    .await;
    for _ in 0..10 {
        login_from(&app, "nobody@example.org", None)
            .await
            .expect_problem(401);
    }
}

#[tokio::test]
async fn limited_registrations_and_resets_create_nothing_and_send_nothing() {
    let app = spawn_app_with(limits(false)).await;
    app.register("one@example.org", "One").await.expect(202);
    app.register("two@example.org", "Two").await.expect(202);
    assert_limited(app.register("three@example.org", "Three").await);
    login_from(&app, "three@example.org", None)
        .await
        .expect_problem(401);

    let reset = |email: &'static str| {
        app.post(
            "/api/v1/auth/password-reset",
            None,
            json!({ "email": email }),
        )
    };
    reset("one@example.org").await.expect(202);
    assert_limited(reset(" One@Example.org").await);
    app.wait_for_outbox_drained().await;
    assert!(app.emails_to("three@example.org").is_empty());
    let resets = app.queued_to("password_reset", "one@example.org").await;
    assert_eq!(resets.len(), 1, "the limited request queued no email");
}

#[tokio::test]
async fn verification_resends_are_limited_per_person() {
    let app = spawn_app_with(limits(false)).await;
    let user = app.unverified_user("ana@example.org", "Ana").await;
    let resend = || {
        app.post(
            "/api/v1/auth/verify-email/resend",
            Some(&user.token),
            json!({}),
        )
    };
    resend().await.expect(202);
    assert_limited(resend().await);
    assert_eq!(app.queued_to("verify_email", &user.email).await.len(), 2);
}

#[tokio::test]
async fn anonymous_guest_registrations_are_limited_per_guest_email() {
    let app = spawn_app_with(limits(false)).await;
    let c = cast(&app).await;
    let event = app
        .event(
            c.host,
            EventSpec {
                guests_allowed: true,
                ..EventSpec::default()
            },
        )
        .await;
    let path = format!("/api/v1/events/{event}/registrations");
    let guest = |email: &str| json!({"guest": {"name": "Guest", "email": email}});
    app.post(&path, None, guest("g@example.org"))
        .await
        .expect(201);
    assert_limited(app.post(&path, None, guest("G@example.org ")).await);
    app.post(&path, None, guest("other@example.org"))
        .await
        .expect(201);
    assert_eq!(app.queued("guest_confirm").await.len(), 2);
}

#[tokio::test]
async fn organiser_messages_are_limited_per_sender() {
    let app = spawn_app_with(limits(false)).await;
    let c = cast(&app).await;
    let first = app.event(c.host, EventSpec::default()).await;
    let second = app.event(c.host, EventSpec::default()).await;
    let body = json!({"subject": "Hello", "body": "See you", "audience": "all"});
    app.post(
        &format!("/api/v1/events/{first}/messages"),
        Some(&c.organiser.token),
        body.clone(),
    )
    .await
    .expect(202);
    // A different event's daily allowance does not reset the sender's own budget.
    assert_limited(
        app.post(
            &format!("/api/v1/events/{second}/messages"),
            Some(&c.organiser.token),
            body,
        )
        .await,
    );
}

#[tokio::test]
async fn the_test_configuration_has_limits_off() {
    let app = spawn_app().await;
    assert!(!app.state.settings.limits.enabled);
}

/// `DELETE /me` with a password, from `ip` (behind the trusted test proxy).
async fn erase_from(app: &TestApp, token: &str, password: &str, ip: &str) -> Reply {
    let bearer = format!("Bearer {token}");
    app.request_with_headers(
        Method::DELETE,
        "/api/v1/me",
        &[("authorization", &bearer), ("x-forwarded-for", ip)],
        Some(json!({"password": password})),
    )
    .await
}

#[tokio::test]
async fn password_checks_of_account_deletion_spend_the_login_budgets() {
    let app = spawn_app_with(limits(true)).await;
    let ana = app.verified_user("ana@example.org", "Ana").await; // its own login
                                                                 // A stolen access token guessing the password: the per-IP budget (3) runs out.
    let mut statuses = Vec::new();
    for _ in 0..40 {
        let reply = erase_from(&app, &ana.token, "guess-guess-guess", "203.0.113.7").await;
        statuses.push(reply.status.as_u16());
        if reply.status == 429 {
            assert_limited(reply);
            break;
        }
    }
    assert_eq!(statuses, [401, 401, 401, 429]);
    // The guesses spent the account's budget (4 an hour) as logins would: from anywhere else,
    // signing in and deleting with the right password wait too, and nothing was erased.
    assert_limited(login_from(&app, "ana@example.org", Some("198.51.100.1")).await);
    assert_limited(erase_from(&app, &ana.token, PASSWORD, "198.51.100.2").await);
    app.get("/api/v1/me", Some(&ana.token)).await.expect(200);
}

#[tokio::test]
async fn instances_over_postgresql_share_one_budget() {
    let first = spawn_app_with(limits(false)).await;
    let second = first.second_instance(limits(false)).await;
    // Three wrong passwords from one address, alternating instances: the budget (3 a minute)
    // is spent wherever they landed.
    for app in [&first, &second, &first] {
        login_from(app, "x@example.org", None)
            .await
            .expect_problem(401);
    }
    let fourth = login_from(&second, "x@example.org", None).await;
    if first.db.is_postgres() {
        assert_limited(fourth);
        // The sweep keeps a bucket until it has refilled, then drops it.
        let sweep = |hours: i64| {
            let settings = first.state.settings.clone();
            first.with_conn(move |conn| {
                let at = kolo::db::now() + chrono::Duration::hours(hours);
                kolo::maintenance::run(conn, &settings, at)
                    .unwrap()
                    .rate_limit_buckets_purged
            })
        };
        assert_eq!(sweep(0).await, 0);
        login_from(&first, "x@example.org", None)
            .await
            .expect_problem(429);
        assert!(sweep(2).await >= 1);
    } else {
        // One SQLite file serves one instance; two would each count on their own.
        fourth.expect_problem(401);
    }
}
