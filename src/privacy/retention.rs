//! Retention: registrations for events that ended more than
//! `privacy.registration_retention_days` ago lose their personal data, keeping the counts and
//! statuses. Run by the maintenance pass; each row is done once (`anonymised_at`).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::config::Settings;
use crate::db::schema::{events, registrations};
use crate::db::{write_tx, AnyConnection};
use crate::error::AppResult;

/// Rows per write transaction, so a first run over years of history never holds SQLite's
/// write lock for long.
const BATCH: i64 = 200;

/// Strips the registrations of everything that names or identifies someone: the link to the
/// person and to who registered them, a guest's name and address, the answers, the check-in
/// code and any confirmation link. Status, times, the organisation and the locale stay.
pub fn scrub_registrations(
    conn: &mut AnyConnection,
    ids: &[i64],
    at: NaiveDateTime,
) -> QueryResult<()> {
    for &id in ids {
        diesel::update(registrations::table.find(id))
            .set((
                registrations::person_id.eq(None::<i64>),
                registrations::registered_by.eq(None::<i64>),
                registrations::guest_name.eq(None::<String>),
                registrations::guest_email.eq(None::<String>),
                registrations::answers.eq("{}"),
                // Codes are unique; this one is too, and it says what happened.
                registrations::code.eq(format!("anonymised-{id}")),
                registrations::confirm_token_hash.eq(None::<String>),
                registrations::confirm_expires_at.eq(None::<NaiveDateTime>),
                registrations::anonymised_at.eq(Some(at)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Anonymises the registrations past retention as of `now`; returns how many. Nothing with a
/// retention of 0 days.
pub fn run(conn: &mut AnyConnection, settings: &Settings, now: NaiveDateTime) -> AppResult<usize> {
    let days = settings.privacy.registration_retention_days;
    if days == 0 {
        return Ok(0);
    }
    let cutoff = now - Duration::days(i64::from(days));
    let mut total = 0;
    loop {
        let done = write_tx(conn, |conn| -> AppResult<usize> {
            let ids: Vec<i64> = registrations::table
                .inner_join(events::table)
                .filter(events::ends_at.lt(cutoff))
                .filter(registrations::anonymised_at.is_null())
                .order(registrations::id)
                .limit(BATCH)
                .select(registrations::id)
                .load(conn)?;
            scrub_registrations(conn, &ids, now)?;
            Ok(ids.len())
        })?;
        total += done;
        if done < BATCH as usize {
            return Ok(total);
        }
    }
}
