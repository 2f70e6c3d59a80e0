//! GDPR erasure (`DELETE /me` with the password): seats go to the waitlist, the person's tokens
//! stop working at once, anonymous counts stay, and the address can register again.

use chrono::Duration;
use diesel::prelude::*;
use kolo::db::schema::{
    memberships, outbox, people, refresh_tokens, registrations, representatives,
};
use reqwest::Method;
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp, User, PASSWORD};

async fn delete_me(app: &TestApp, user: &User, body: serde_json::Value) -> crate::helpers::Reply {
    app.request(Method::DELETE, "/api/v1/me", Some(&user.token), Some(body))
        .await
}

async fn outbox_rows_to(app: &TestApp, email: &str) -> i64 {
    let email = email.to_owned();
    app.with_conn(move |conn| {
        outbox::table
            .filter(outbox::recipient.eq(email))
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}

#[tokio::test]
async fn erasure_releases_the_seat_promotes_the_waitlist_and_keeps_counts() {
    let app = spawn_app().await;
    let host = app.organisation("kc-novi-sad", true).await;
    let organiser = app
        .verified_user("organiser@example.org", "Organiser")
        .await;
    app.staff(host, organiser.id, "organiser").await;
    let ana = app.verified_user("ana@example.org", "Ana Petrović").await;
    let bob = app.verified_user("bob@example.org", "Bob").await;
    let cyd = app.verified_user("cyd@example.org", "Cyd").await;
    let collective = app.organisation("kolektiv", false).await;
    app.representative(collective, ana.id).await;
    // Someone else still acts for the collective (its last representative could not go).
    app.representative(collective, cyd.id).await;
    app.membership(host, Some(ana.id), None).await;

    let full = app
        .event(
            host,
            EventSpec {
                capacity: Some(1),
                ..EventSpec::default()
            },
        )
        .await;
    let regs = format!("/api/v1/events/{full}/registrations");
    app.post(&regs, Some(&ana.token), json!({}))
        .await
        .expect(201);
    let bob_reg = app
        .post(&regs, Some(&bob.token), json!({}))
        .await
        .expect(201)
        .body;
    let cyd_reg = app
        .post(&regs, Some(&cyd.token), json!({}))
        .await
        .expect(201)
        .body;
    assert_eq!(bob_reg["waitlist_position"], 1);
    assert_eq!(cyd_reg["waitlist_position"], 2);
    let past = app
        .event(
            host,
            EventSpec {
                starts_in: Duration::days(-30),
                ..EventSpec::default()
            },
        )
        .await;
    app.registration(past, Some(ana.id), None, "confirmed")
        .await;

    // Wrong, missing or padded password: refused, and nothing changes.
    let wrong = delete_me(&app, &ana, json!({"password": "not the password"})).await;
    wrong.expect_problem(401);
    delete_me(&app, &ana, json!({})).await.expect_problem(422);
    let padded = delete_me(&app, &ana, json!({"password": PASSWORD, "role": "admin"})).await;
    assert!(padded.expect_problem(422).body["errors"]["role"].is_array());
    app.get("/api/v1/me", Some(&ana.token)).await.expect(200);
    assert_eq!(app.seats_taken(full).await, 1);
    app.login(&ana.email, PASSWORD).await.expect(200);

    app.wait_for_outbox_drained().await;
    delete_me(&app, &ana, json!({"password": PASSWORD}))
        .await
        .expect(204);

    // The seat went to Bob, who is told; Cyd moves up to first place.
    assert_eq!(app.seats_taken(full).await, 1);
    let bob_now = app
        .get(
            &format!("/api/v1/registrations/{}", bob_reg["id"]),
            Some(&bob.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(bob_now["status"], "confirmed");
    assert_eq!(
        app.queued_to("registration_promoted", &bob.email)
            .await
            .len(),
        1
    );
    let cyd_now = app
        .get(
            &format!("/api/v1/registrations/{}", cyd_reg["id"]),
            Some(&cyd.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(cyd_now["waitlist_position"], 1);

    // Every token is dead at once; the password no longer signs in.
    app.get("/api/v1/me", Some(&ana.token))
        .await
        .expect_problem(401);
    app.get("/api/v1/me/export", Some(&ana.token))
        .await
        .expect_problem(401);
    app.post(
        "/api/v1/auth/refresh",
        None,
        json!({"refresh_token": ana.refresh}),
    )
    .await
    .expect_problem(401);
    app.login(&ana.email, PASSWORD).await.expect_problem(401);
    assert_eq!(
        outbox_rows_to(&app, &ana.email).await,
        0,
        "queued mail dropped, sent mail unaddressed"
    );

    // The rows stay, nameless: the past registration still counts, as does the membership.
    let ana_id = ana.id;
    let (email, name, tokens, past_confirmed, member_rows) = app
        .with_conn(move |conn| {
            let (email, name): (String, String) = people::table
                .find(ana_id)
                .select((people::email, people::full_name))
                .first(conn)
                .unwrap();
            let tokens: i64 = refresh_tokens::table
                .filter(refresh_tokens::person_id.eq(ana_id))
                .count()
                .get_result(conn)
                .unwrap();
            let past_confirmed: i64 = registrations::table
                .filter(registrations::event_id.eq(past))
                .filter(registrations::status.eq("confirmed"))
                .count()
                .get_result(conn)
                .unwrap();
            let member_rows: i64 = memberships::table
                .filter(memberships::person_id.eq(ana_id))
                .count()
                .get_result(conn)
                .unwrap();
            (email, name, tokens, past_confirmed, member_rows)
        })
        .await;
    assert!(
        email.ends_with(".invalid") && !email.contains("ana"),
        "{email}"
    );
    assert_eq!(name, "Deleted account");
    assert_eq!(tokens, 0);
    assert_eq!(past_confirmed, 1);
    assert_eq!(member_rows, 1);
    let roster = app
        .get(
            &format!("/api/v1/events/{past}/registrations"),
            Some(&organiser.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(roster["total"], 1);
    assert!(!roster.to_string().contains("ana@example.org"));
    let links: i64 = app
        .with_conn(move |conn| {
            representatives::table
                .filter(representatives::person_id.eq(ana_id))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(links, 0, "no longer represents the collective");

    // The address is free again, for a new account.
    app.register("ana@example.org", "Ana Again")
        .await
        .expect(202);
    let again: Vec<i64> = app
        .with_conn(|conn| {
            use diesel::prelude::*;
            kolo::db::schema::people::table
                .filter(kolo::db::schema::people::email.eq("ana@example.org"))
                .select(kolo::db::schema::people::id)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(again.len(), 1, "one new account holds the address");
    assert_ne!(again[0], ana.id);
    // The placeholder itself can never be claimed.
    app.register(&email, "Squatter").await.expect_problem(422);
}

#[tokio::test]
async fn the_last_owner_stays_until_another_owner_is_added() {
    let app = spawn_app().await;
    let host = app.organisation("kc-novi-sad", true).await;
    let owner = app.verified_user("owner@example.org", "Owner").await;
    app.staff(host, owner.id, "owner").await;
    let refused = delete_me(&app, &owner, json!({"password": PASSWORD})).await;
    assert_eq!(refused.expect_problem(409).body["code"], "last_owner");
    app.get("/api/v1/me", Some(&owner.token)).await.expect(200);
    app.login(&owner.email, PASSWORD).await.expect(200);

    let second = app.verified_user("second@example.org", "Second").await;
    app.staff(host, second.id, "owner").await;
    delete_me(&app, &owner, json!({"password": PASSWORD}))
        .await
        .expect(204);
    let staff = app
        .get(
            "/api/v1/organisations/kc-novi-sad/staff",
            Some(&second.token),
        )
        .await
        .expect(200);
    assert!(!staff.text.contains("owner@example.org"), "{}", staff.text);
    // Erasing twice is not possible: the token is dead.
    delete_me(&app, &owner, json!({"password": PASSWORD}))
        .await
        .expect_problem(401);
}

#[tokio::test]
async fn the_last_representative_of_an_organisation_without_owners_stays() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.post(
        "/api/v1/organisations",
        Some(&ana.token),
        json!({"slug": "kolektiv", "name": "Kolektiv Stanica", "kind": "association", "country": "RS"}),
    )
    .await
    .expect(201);
    let refused = delete_me(&app, &ana, json!({"password": PASSWORD}))
        .await
        .expect_problem(409);
    assert_eq!(refused.body["code"], "last_representative");
    let detail = refused.body["detail"].as_str().unwrap();
    assert!(detail.contains("Kolektiv Stanica"), "{detail}");
    assert_eq!(refused.body["existing"]["organisation"], "kolektiv");
    app.get("/api/v1/me", Some(&ana.token)).await.expect(200);

    // Once someone else represents it, the account can go.
    let boris = app.verified_user("boris@example.org", "Boris").await;
    app.post(
        "/api/v1/organisations/kolektiv/representatives",
        Some(&ana.token),
        json!({"email": boris.email}),
    )
    .await
    .expect(201);
    delete_me(&app, &ana, json!({"password": PASSWORD}))
        .await
        .expect(204);
    let left = app
        .with_conn(|conn| {
            representatives::table
                .select(representatives::person_id)
                .load::<i64>(conn)
                .unwrap()
        })
        .await;
    assert_eq!(left, [boris.id]);
}
