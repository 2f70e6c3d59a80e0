//! The registrations part of the export: the person's own, those under their address as a
//! guest, and those they made for others (with what they entered, nothing of a colleague's).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::db::schema::{events, registrations};
use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::privacy::export::{utc, utc_opt};
use crate::registrations::model::Registration;
use crate::registrations::store as reg_store;

/// Event titles in the person's language, read once per event.
pub(super) struct Titles {
    locale: String,
    cache: HashMap<i64, Value>,
}

impl Titles {
    pub(super) fn new(locale: String) -> Titles {
        Titles {
            locale,
            cache: HashMap::new(),
        }
    }

    pub(super) fn event(&mut self, conn: &mut AnyConnection, event_id: i64) -> AppResult<Value> {
        if let Some(v) = self.cache.get(&event_id) {
            return Ok(v.clone());
        }
        let row: Option<(Option<i64>, NaiveDateTime, NaiveDateTime, String, String)> =
            events::table
                .find(event_id)
                .select((
                    events::parent_id,
                    events::starts_at,
                    events::ends_at,
                    events::timezone,
                    events::default_locale,
                ))
                .first(conn)
                .optional()?;
        let value = match row {
            Some((parent_id, starts, ends, timezone, default_locale)) => {
                let title = reg_store::event_title(
                    conn,
                    event_id,
                    &[self.locale.as_str(), default_locale.as_str(), "en"],
                )?;
                json!({"id": event_id, "parent_id": parent_id, "title": title,
                       "starts_at": utc(starts), "ends_at": utc(ends), "timezone": timezone})
            }
            None => json!({ "id": event_id }),
        };
        self.cache.insert(event_id, value.clone());
        Ok(value)
    }
}

fn registration_json(
    conn: &mut AnyConnection,
    titles: &mut Titles,
    r: &Registration,
) -> AppResult<Value> {
    let organisation = match r.organisation_id {
        Some(id) => reg_store::organisation_slugs(conn, &[id])?
            .pop()
            .map(|(_, slug)| slug),
        None => None,
    };
    Ok(json!({
        "id": r.id,
        "event": titles.event(conn, r.event_id)?,
        "status": r.status,
        "waitlisted_at": utc_opt(r.waitlisted_at),
        "code": r.code,
        "answers": serde_json::from_str::<Value>(&r.answers).unwrap_or(Value::Null),
        "locale": r.locale,
        "organisation": organisation,
        "checked_in_at": utc_opt(r.checked_in_at),
        "cancelled_at": utc_opt(r.cancelled_at),
        "created_at": utc(r.created_at),
        "updated_at": utc(r.updated_at),
    }))
}

fn load_registrations(
    conn: &mut AnyConnection,
    query: registrations::BoxedQuery<'static, crate::db::MultiBackend>,
) -> QueryResult<Vec<Registration>> {
    query
        .order(registrations::id)
        .select(Registration::as_select())
        .load(conn)
}

pub(super) fn own_registrations(
    conn: &mut AnyConnection,
    person_id: i64,
    titles: &mut Titles,
) -> AppResult<Vec<Value>> {
    let regs = load_registrations(
        conn,
        registrations::table
            .filter(registrations::person_id.eq(person_id))
            .into_boxed(),
    )?;
    let mut out = Vec::with_capacity(regs.len());
    for r in &regs {
        let mut v = registration_json(conn, titles, r)?;
        v["registered_by_you"] = json!(r.registered_by == Some(person_id));
        out.push(v);
    }
    Ok(out)
}

/// Guest registrations under the person's address (made before they had an account, or for
/// them by someone else).
pub(super) fn as_guest(
    conn: &mut AnyConnection,
    email: &str,
    titles: &mut Titles,
) -> AppResult<Vec<Value>> {
    let regs = load_registrations(
        conn,
        registrations::table
            .filter(registrations::guest_email.eq(email.to_owned()))
            .into_boxed(),
    )?;
    let mut out = Vec::with_capacity(regs.len());
    for r in &regs {
        let mut v = registration_json(conn, titles, r)?;
        v["guest_name"] = json!(r.guest_name);
        out.push(v);
    }
    Ok(out)
}

/// Registrations the person made for guests or colleagues: what they entered (a guest's name
/// and address), but nothing of a colleague's account.
pub(super) fn made_for_others(
    conn: &mut AnyConnection,
    person_id: i64,
    titles: &mut Titles,
) -> AppResult<Vec<Value>> {
    let regs = load_registrations(
        conn,
        registrations::table
            .filter(registrations::registered_by.eq(person_id))
            .filter(
                registrations::person_id
                    .is_null()
                    .or(registrations::person_id.ne(person_id)),
            )
            .into_boxed(),
    )?;
    let mut out = Vec::with_capacity(regs.len());
    for r in &regs {
        out.push(json!({
            "id": r.id,
            "event": titles.event(conn, r.event_id)?,
            "for": if r.person_id.is_some() { "colleague" } else { "guest" },
            "guest_name": r.guest_name,
            "guest_email": r.guest_email,
            "status": r.status,
            "created_at": utc(r.created_at),
        }));
    }
    Ok(out)
}
