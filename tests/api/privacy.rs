//! GDPR: the personal data export (`GET /me/export`) holds everything about the person and no
//! secret; the set of tables it covers is checked against the database itself.

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::Text;
use kolo::db::schema::{email_tokens, refresh_tokens, registrations, unsubscribes};
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp};

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

/// Every table the migrations created, on either backend.
async fn tables(app: &TestApp) -> BTreeSet<String> {
    let postgres = app.db.is_postgres();
    app.with_conn(move |conn| {
        let sql = if postgres {
            "SELECT table_name AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name <> '__diesel_schema_migrations'"
        } else {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> '__diesel_schema_migrations'"
        };
        let rows: Vec<Name> = diesel::sql_query(sql).load(conn).unwrap();
        rows.into_iter().map(|r| r.name).collect()
    })
    .await
}

#[tokio::test]
async fn the_export_holds_everything_about_the_person_and_no_secret() {
    let app = spawn_app().await;
    let host = app.organisation("kc-novi-sad", true).await;
    let organiser = app
        .verified_user("organiser@example.org", "Marko Organiser")
        .await;
    app.staff(host, organiser.id, "organiser").await;
    let ana = app.verified_user("ana@example.org", "Ana Petrović").await;
    let collective = app.organisation("kolektiv", false).await;
    app.representative(collective, ana.id).await;
    app.staff(collective, ana.id, "owner").await;
    app.membership(host, Some(ana.id), None).await;
    app.membership(host, None, Some(collective)).await;

    let event = app
        .event(
            host,
            EventSpec {
                guests_allowed: true,
                ..EventSpec::default()
            },
        )
        .await;
    let question = app
        .post(
            &format!("/api/v1/events/{event}/questions"),
            Some(&organiser.token),
            json!({"kind": "text", "label": {"en": "Dietary needs"}}),
        )
        .await
        .expect(201)
        .body["id"]
        .to_string();
    let regs = format!("/api/v1/events/{event}/registrations");
    let own = app
        .post(
            &regs,
            Some(&ana.token),
            json!({"answers": {question.clone(): "vegan"}}),
        )
        .await
        .expect(201)
        .body;
    app.post(
        &regs,
        Some(&ana.token),
        json!({"guest": {"name": "Goran Guest", "email": "goran@example.org"}, "answers": {question: "none"}}),
    )
    .await
    .expect(201);
    let ana_email = ana.email.clone();
    app.with_conn(move |conn| {
        diesel::insert_into(unsubscribes::table)
            .values((
                unsubscribes::email.eq(ana_email),
                unsubscribes::kind.eq("reminders"),
                unsubscribes::created_at.eq(kolo::db::now()),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;

    let reply = app
        .get("/api/v1/me/export", Some(&ana.token))
        .await
        .expect(200);
    let disposition = reply.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment") && disposition.contains(".json"),
        "{disposition}"
    );
    let doc = &reply.body;
    assert_eq!(doc["account"]["email"], "ana@example.org");
    assert_eq!(doc["account"]["full_name"], "Ana Petrović");
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(doc["email_links"][0]["purpose"], "verify_email");
    let roles: BTreeSet<&str> = doc["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, BTreeSet::from(["owner", "representative"]));
    // Their own membership and the one held through the organisation they represent.
    let members: Vec<&serde_json::Value> = doc["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["member"])
        .collect();
    assert_eq!(members.len(), 2, "{members:?}");
    assert!(members.contains(&&json!("you")));
    assert!(members.contains(&&json!({"organisation": "kolektiv"})));
    let registration = &doc["registrations"][0];
    assert_eq!(registration["id"], own["id"]);
    assert_eq!(registration["code"], own["code"]);
    assert_eq!(
        registration["event"]["title"],
        "Workshop: community archives"
    );
    assert!(registration["answers"]
        .as_object()
        .unwrap()
        .values()
        .any(|a| a == "vegan"));
    assert_eq!(
        doc["registrations_made_for_others"][0]["guest_name"],
        "Goran Guest"
    );
    assert_eq!(doc["registrations_made_for_others"][0]["for"], "guest");
    assert_eq!(
        doc["email_preferences"][0]["unsubscribed_from"],
        "reminders"
    );
    let templates: BTreeSet<&str> = doc["emails"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["template"].as_str().unwrap())
        .collect();
    assert!(
        templates.contains("verify_email") && templates.contains("registration_confirmed"),
        "{templates:?}"
    );

    // No secret: no password hash, no token hash, no emailed link, no one else's address.
    let text = &reply.text;
    let ana_id = ana.id;
    let hashes: Vec<String> = app
        .with_conn(move |conn| {
            let mut hashes: Vec<String> = email_tokens::table
                .filter(email_tokens::person_id.eq(ana_id))
                .select(email_tokens::token_hash)
                .load(conn)
                .unwrap();
            hashes.extend(
                refresh_tokens::table
                    .filter(refresh_tokens::person_id.eq(ana_id))
                    .select(refresh_tokens::token_hash)
                    .load::<String>(conn)
                    .unwrap(),
            );
            hashes.extend(
                registrations::table
                    .filter(registrations::confirm_token_hash.is_not_null())
                    .select(registrations::confirm_token_hash.assume_not_null())
                    .load::<String>(conn)
                    .unwrap(),
            );
            hashes
        })
        .await;
    assert!(hashes.len() >= 3, "{hashes:?}");
    for hash in hashes {
        assert!(!text.contains(&hash), "the export leaks a token hash");
    }
    for secret in [
        "$argon2",
        "password",
        "token=",
        &ana.refresh,
        "organiser@example.org",
    ] {
        assert!(!text.contains(secret), "the export contains {secret:?}");
    }

    // Every table of the schema is either exported under a member present here, or declared
    // free of personal data: a new table cannot be forgotten.
    let covered: BTreeSet<String> = kolo::privacy::COVERAGE
        .iter()
        .map(|(t, _)| (*t).to_owned())
        .collect();
    let missing: Vec<String> = tables(&app).await.difference(&covered).cloned().collect();
    assert!(
        missing.is_empty(),
        "tables not classified in privacy::COVERAGE: {missing:?}"
    );
    for (table, member) in kolo::privacy::COVERAGE {
        if let Ok(member) = member {
            assert!(
                doc.get(*member).is_some(),
                "{table}: no `{member}` in the export"
            );
        }
    }

    app.get("/api/v1/me/export", None).await.expect_problem(401);
}
