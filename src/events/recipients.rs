//! Who hears about a change to an event: its live registrations, with where to write and
//! whether each holds a seat (only they get calendar invitations).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{people, registrations};
use crate::db::AnyConnection;

/// Someone with a live registration, to be told about a change or a cancellation.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub registration_id: i64,
    pub event_id: i64,
    pub email: String,
    pub name: String,
    pub locale: String,
    /// `confirmed` (holds a seat), `waitlisted` or `pending` (a guest who has not confirmed).
    pub status: String,
    /// 1-based place on the event's waitlist, for the waitlisted.
    pub waitlist_position: Option<i64>,
    /// Registered without an account: links to the registration carry its signed key.
    pub guest: bool,
}

impl Recipient {
    pub fn holds_seat(&self) -> bool {
        self.status == "confirmed"
    }
}

/// Live registrations (pending, confirmed, waitlisted) of these events, with where to write,
/// in registration order.
pub fn live(conn: &mut AnyConnection, event_ids: &[i64]) -> QueryResult<Vec<Recipient>> {
    let rows = registrations::table
        .left_join(people::table.on(people::id.nullable().eq(registrations::person_id)))
        .filter(registrations::event_id.eq_any(event_ids))
        .filter(registrations::status.eq_any(["pending", "confirmed", "waitlisted"]))
        .order(registrations::id)
        .select((
            registrations::id,
            registrations::event_id,
            people::email.nullable(),
            people::full_name.nullable(),
            registrations::guest_email,
            registrations::guest_name,
            registrations::locale,
            registrations::status,
            registrations::waitlisted_at,
        ))
        .load::<(
            i64,
            i64,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            String,
            Option<NaiveDateTime>,
        )>(conn)?;
    // The waitlist's order, as the registrations feature counts it: by time joined, then id.
    let mut line: Vec<(i64, NaiveDateTime, i64)> = rows
        .iter()
        .filter(|r| r.7 == "waitlisted")
        .map(|r| (r.1, r.8.unwrap_or_default(), r.0))
        .collect();
    line.sort_unstable();
    let position = |event_id: i64, id: i64| {
        let ahead = line
            .iter()
            .filter(|(e, _, _)| *e == event_id)
            .position(|(_, _, r)| *r == id)?;
        i64::try_from(ahead + 1).ok()
    };
    Ok(rows
        .iter()
        .filter_map(|r| {
            let (id, event_id, email, name, guest_email, guest_name, locale, status, _) = r;
            let guest = email.is_none();
            let email = email.clone().or(guest_email.clone())?;
            Some(Recipient {
                registration_id: *id,
                event_id: *event_id,
                name: name.clone().or(guest_name.clone()).unwrap_or_default(),
                email,
                locale: locale.clone(),
                waitlist_position: position(*event_id, *id),
                status: status.clone(),
                guest,
            })
        })
        .collect())
}
