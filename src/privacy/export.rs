//! `GET /api/v1/me/export`: everything Kolo holds about the signed-in person, as one JSON
//! document. Secrets (password hash, token hashes) and other people's data are left out; the
//! members are listed in `super::COVERAGE`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::auth::service::load_person;
use crate::db::schema::{
    email_tokens, event_messages, events, idempotency_keys, membership_types, memberships,
    organisations, outbox, refresh_tokens, representatives, staff_roles, unsubscribes,
    web_sessions,
};
use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::members::access;
use crate::privacy::export_registrations::{as_guest, made_for_others, own_registrations, Titles};
use crate::registrations::store as reg_store;

pub(super) fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

pub(super) fn utc_opt(t: Option<NaiveDateTime>) -> Option<DateTime<Utc>> {
    t.map(utc)
}

/// The export document of `person_id`, as of now.
pub fn build(conn: &mut AnyConnection, person_id: i64) -> AppResult<Value> {
    let person = load_person(conn, person_id)?;
    let locale = person.locale.clone();
    let mut titles = Titles::new(locale);

    let sessions: Vec<(NaiveDateTime, NaiveDateTime)> = refresh_tokens::table
        .filter(refresh_tokens::person_id.eq(person_id))
        .order(refresh_tokens::id)
        .select((refresh_tokens::created_at, refresh_tokens::expires_at))
        .load(conn)?;
    let browser_sessions: Vec<(NaiveDateTime, NaiveDateTime, NaiveDateTime)> = web_sessions::table
        .filter(web_sessions::person_id.eq(person_id))
        .order(web_sessions::id)
        .select((
            web_sessions::created_at,
            web_sessions::last_seen_at,
            web_sessions::expires_at,
        ))
        .load(conn)?;
    let links: Vec<(String, NaiveDateTime, NaiveDateTime, Option<NaiveDateTime>)> =
        email_tokens::table
            .filter(email_tokens::person_id.eq(person_id))
            .order(email_tokens::id)
            .select((
                email_tokens::purpose,
                email_tokens::created_at,
                email_tokens::expires_at,
                email_tokens::used_at,
            ))
            .load(conn)?;

    let represented = access::represented_organisations(conn, person_id)?;
    let emails = emails_to(conn, &person.email)?;
    let preferences: Vec<(String, NaiveDateTime)> = unsubscribes::table
        .filter(unsubscribes::email.eq(&person.email))
        .order(unsubscribes::id)
        .select((unsubscribes::kind, unsubscribes::created_at))
        .load(conn)?;

    Ok(json!({
        "format": "kolo-personal-data/1",
        "exported_at": utc(crate::db::now()),
        "account": {
            "id": person.id,
            "email": person.email,
            "full_name": person.full_name,
            "locale": person.locale,
            "country": person.country,
            "is_admin": person.is_admin,
            "email_verified_at": utc_opt(person.email_verified_at),
            "created_at": utc(person.created_at),
            "updated_at": utc(person.updated_at),
        },
        "sessions": sessions.into_iter().map(|(created, expires)| json!({
            "created_at": utc(created), "expires_at": utc(expires),
        })).collect::<Vec<_>>(),
        "browser_sessions": browser_sessions.into_iter().map(|(created, seen, expires)| json!({
            "created_at": utc(created), "last_seen_at": utc(seen), "expires_at": utc(expires),
        })).collect::<Vec<_>>(),
        "email_links": links.into_iter().map(|(purpose, created, expires, used)| json!({
            "purpose": purpose, "created_at": utc(created), "expires_at": utc(expires),
            "used_at": utc_opt(used),
        })).collect::<Vec<_>>(),
        "organisations": organisations_of(conn, person_id)?,
        "memberships": memberships_of(conn, person_id, &represented)?,
        "registrations": own_registrations(conn, person_id, &mut titles)?,
        "registrations_as_guest": as_guest(conn, &person.email, &mut titles)?,
        "registrations_made_for_others": made_for_others(conn, person_id, &mut titles)?,
        "email_preferences": preferences.into_iter().map(|(kind, at)| json!({
            "unsubscribed_from": kind, "created_at": utc(at),
        })).collect::<Vec<_>>(),
        "emails": emails,
        "organiser_messages": organiser_messages(conn, person_id)?,
        "events_created": events_created(conn, person_id, &mut titles)?,
        "idempotency_keys": idempotency(conn, person_id)?,
    }))
}

fn organisations_of(conn: &mut AnyConnection, person_id: i64) -> AppResult<Vec<Value>> {
    let staff: Vec<(String, String, String, NaiveDateTime)> = staff_roles::table
        .inner_join(organisations::table)
        .filter(staff_roles::person_id.eq(person_id))
        .order(organisations::slug)
        .select((
            organisations::slug,
            organisations::name,
            staff_roles::role,
            staff_roles::created_at,
        ))
        .load(conn)?;
    let represents: Vec<(String, String, NaiveDateTime)> = representatives::table
        .inner_join(organisations::table)
        .filter(representatives::person_id.eq(person_id))
        .order(organisations::slug)
        .select((
            organisations::slug,
            organisations::name,
            representatives::created_at,
        ))
        .load(conn)?;
    Ok(staff
        .into_iter()
        .map(|(slug, name, role, since)| {
            json!({"slug": slug, "name": name, "role": role, "since": utc(since)})
        })
        .chain(represents.into_iter().map(|(slug, name, since)| {
            json!({"slug": slug, "name": name, "role": "representative", "since": utc(since)})
        }))
        .collect())
}

fn memberships_of(
    conn: &mut AnyConnection,
    person_id: i64,
    represented: &[i64],
) -> AppResult<Vec<Value>> {
    let ids: Vec<Option<i64>> = represented.iter().copied().map(Some).collect();
    type Row = (crate::members::model::Membership, String, String, String);
    let rows: Vec<Row> = memberships::table
        .inner_join(organisations::table.on(organisations::id.eq(memberships::host_id)))
        .inner_join(membership_types::table)
        .filter(
            memberships::person_id
                .eq(person_id)
                .or(memberships::member_organisation_id.eq_any(ids)),
        )
        .order(memberships::id)
        .select((
            crate::members::model::Membership::as_select(),
            organisations::slug,
            organisations::name,
            membership_types::name,
        ))
        .load(conn)?;
    let mut member_orgs = HashMap::new();
    for (id, slug) in reg_store::organisation_slugs(conn, represented)? {
        member_orgs.insert(id, slug);
    }
    Ok(rows
        .into_iter()
        .map(|(m, host_slug, host_name, type_name)| {
            json!({
                "id": m.id,
                "host": {"slug": host_slug, "name": host_name},
                "type": serde_json::from_str::<Value>(&type_name).unwrap_or(Value::String(type_name)),
                "member": match m.member_organisation_id {
                    Some(org) => json!({"organisation": member_orgs.get(&org)}),
                    None => json!("you"),
                },
                "status": m.status,
                "starts_on": m.starts_on,
                "ends_on": m.ends_on,
                "note": m.note,
                "decision_reason": m.decision_reason,
                "directory_visible": m.directory_visible,
                "applied_by_you": m.applied_by == Some(person_id),
                "decided_at": utc_opt(m.decided_at),
                "created_at": utc(m.created_at),
                "updated_at": utc(m.updated_at),
            })
        })
        .collect())
}

/// Emails queued or sent to the address: which, when, and how it went; not their contents,
/// which may hold single-use links.
fn emails_to(conn: &mut AnyConnection, email: &str) -> AppResult<Vec<Value>> {
    type Row = (String, String, i32, NaiveDateTime, Option<NaiveDateTime>);
    let rows: Vec<Row> = outbox::table
        .filter(outbox::recipient.eq(email))
        .order(outbox::id)
        .select((
            outbox::template,
            outbox::status,
            outbox::attempts,
            outbox::created_at,
            outbox::sent_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(template, status, attempts, created, sent)| {
            json!({"template": template, "status": status, "attempts": attempts,
                   "queued_at": utc(created), "sent_at": utc_opt(sent)})
        })
        .collect())
}

fn organiser_messages(conn: &mut AnyConnection, person_id: i64) -> AppResult<Vec<Value>> {
    let rows: Vec<(i64, String, String, String, i32, NaiveDateTime)> = event_messages::table
        .filter(event_messages::sent_by.eq(person_id))
        .order(event_messages::id)
        .select((
            event_messages::event_id,
            event_messages::subject,
            event_messages::body,
            event_messages::audience,
            event_messages::recipients,
            event_messages::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(event_id, subject, body, audience, recipients, at)| {
            json!({"event_id": event_id, "subject": subject, "body": body,
                   "audience": audience, "recipients": recipients, "sent_at": utc(at)})
        })
        .collect())
}

fn events_created(
    conn: &mut AnyConnection,
    person_id: i64,
    titles: &mut Titles,
) -> AppResult<Vec<Value>> {
    let ids: Vec<i64> = events::table
        .filter(events::created_by.eq(person_id))
        .order(events::id)
        .select(events::id)
        .load(conn)?;
    ids.into_iter().map(|id| titles.event(conn, id)).collect()
}

fn idempotency(conn: &mut AnyConnection, person_id: i64) -> AppResult<Vec<Value>> {
    let rows: Vec<(String, i32, NaiveDateTime)> = idempotency_keys::table
        .filter(idempotency_keys::person_id.eq(person_id))
        .order(idempotency_keys::id)
        .select((
            idempotency_keys::idempotency_key,
            idempotency_keys::response_status,
            idempotency_keys::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(key, status, at)| json!({"key": key, "response_status": status, "created_at": utc(at)}))
        .collect())
}
