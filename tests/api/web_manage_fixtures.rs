//! Fixtures of the organiser pages' tests: a host's memberships and check-ins, undelivered
//! email, and the cast of the role matrix with signed-in browsers.

use chrono::Duration;
use diesel::prelude::*;
use kolo::db::schema::{membership_types, memberships, organisations, outbox, registrations};
use serde_json::Value;

use crate::helpers::TestApp;
use crate::web_account::signed_in;
use crate::web_client::Browser;

/// The page without the line breaks and indentation between tags, so rows compare as text.
pub fn squash(html: &str) -> String {
    html.lines().map(str::trim).collect::<Vec<_>>().join("")
}

pub async fn org_id(app: &TestApp, slug: &str) -> i64 {
    let slug = slug.to_owned();
    app.with_conn(move |conn| {
        organisations::table
            .filter(organisations::slug.eq(slug))
            .select(organisations::id)
            .first(conn)
            .unwrap()
    })
    .await
}

/// A membership of a fresh person at the host with this status and last day.
pub async fn membership(app: &TestApp, host: i64, email: &str, status: &'static str, ends: i64) {
    let person = app.verified_user(email, "Member").await.id;
    app.with_conn(move |conn| {
        let now = kolo::db::now();
        let type_id: i64 = diesel::insert_into(membership_types::table)
            .values((
                membership_types::organisation_id.eq(host),
                membership_types::name.eq(r#"{"en":"Member"}"#),
                membership_types::member_kind.eq("person"),
                membership_types::duration_months.eq(Some(12)),
                membership_types::requires_approval.eq(true),
                membership_types::active.eq(true),
                membership_types::created_at.eq(now),
                membership_types::updated_at.eq(now),
            ))
            .returning(membership_types::id)
            .get_result(conn)
            .unwrap();
        diesel::insert_into(memberships::table)
            .values((
                memberships::host_id.eq(host),
                memberships::type_id.eq(type_id),
                memberships::person_id.eq(Some(person)),
                memberships::status.eq(status),
                memberships::starts_on.eq(now.date()),
                memberships::ends_on.eq(now.date() + Duration::days(ends)),
                memberships::directory_visible.eq(false),
                memberships::created_at.eq(now),
                memberships::updated_at.eq(now),
            ))
            .execute(conn)
            .unwrap();
    })
    .await
}

pub async fn check_in(app: &TestApp, registration: i64) {
    app.with_conn(move |conn| {
        diesel::update(registrations::table.find(registration))
            .set(registrations::checked_in_at.eq(Some(kolo::db::now())))
            .execute(conn)
            .unwrap()
    })
    .await;
}

pub async fn dead_letter(app: &TestApp, recipient: &str) -> i64 {
    let recipient = recipient.to_owned();
    app.with_conn(move |conn| {
        let now = kolo::db::now();
        diesel::insert_into(outbox::table)
            .values((
                outbox::recipient.eq(recipient),
                outbox::locale.eq("en"),
                outbox::template.eq("no_such_template"),
                outbox::data.eq("{}"),
                outbox::status.eq("dead"),
                outbox::attempts.eq(8),
                outbox::next_attempt_at.eq(now),
                outbox::last_error.eq(Some("550 mailbox unavailable")),
                outbox::created_at.eq(now),
            ))
            .returning(outbox::id)
            .get_result(conn)
            .unwrap()
    })
    .await
}

pub async fn outbox_row(app: &TestApp, id: i64) -> (String, i32) {
    app.with_conn(move |conn| {
        outbox::table
            .find(id)
            .select((outbox::status, outbox::attempts))
            .first(conn)
            .unwrap()
    })
    .await
}

/// The people of the role matrix, each with a signed-in browser.
pub struct Cast<'a> {
    pub anonymous: Browser<'a>,
    pub member: Browser<'a>,
    pub other_organiser: Browser<'a>,
    pub organiser: Browser<'a>,
    pub owner: Browser<'a>,
    pub admin: Browser<'a>,
}

pub async fn cast(app: &TestApp) -> Cast<'_> {
    app.host("kc").await;
    app.host("dom").await;
    let kc = org_id(app, "kc").await;
    let dom = org_id(app, "dom").await;
    let member = app.verified_user("member@example.org", "Mara Member").await;
    app.membership(kc, Some(member.id), None).await;
    let other = app.verified_user("other@example.org", "Oto Other").await;
    app.staff(dom, other.id, "organiser").await;
    let organiser = app.verified_user("org@example.org", "Olga Organiser").await;
    app.staff(kc, organiser.id, "organiser").await;
    app.admin("root@example.org").await;
    Cast {
        anonymous: Browser::new(app),
        member: signed_in(app, "member@example.org").await,
        other_organiser: signed_in(app, "other@example.org").await,
        organiser: signed_in(app, "org@example.org").await,
        owner: signed_in(app, "owner-kc@example.org").await,
        admin: signed_in(app, "root@example.org").await,
    }
}

pub fn status_of(page: &crate::web_client::WebPage) -> u16 {
    page.status
}

/// The staff list as the API gives it: (email, role).
pub async fn staff_api(app: &TestApp, token: &str) -> Vec<(String, String)> {
    let list: Value = app
        .get("/api/v1/organisations/kc/staff", Some(token))
        .await
        .expect(200)
        .body;
    let mut out: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["email"].as_str().unwrap().to_owned(),
                s["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}
