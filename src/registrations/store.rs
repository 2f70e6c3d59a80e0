//! Registration queries. Capacity only moves through `take_seat` / `release_seat`, conditional
//! updates that cannot overbook on either backend.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    event_contents, event_questions, events, organisations, people, registrations,
};
use crate::db::{columns_of, AnyConnection};
use crate::registrations::model::*;

/// The event row, as registration rules read it (the events module owns the type).
pub use crate::events::model::Event as EventSlot;

pub fn find_event(conn: &mut AnyConnection, event_id: i64) -> QueryResult<Option<EventSlot>> {
    events::table
        .find(event_id)
        .select(EventSlot::as_select())
        .first(conn)
        .optional()
}

/// Reads the event and takes its row lock for the rest of the transaction (a no-op update).
/// On PostgreSQL this serialises every registration change of one event, so the waitlist
/// order, per-organisation quotas and overlap checks see a stable picture; SQLite's
/// `BEGIN IMMEDIATE` already serialises all writers.
pub fn lock_event(conn: &mut AnyConnection, event_id: i64) -> QueryResult<Option<EventSlot>> {
    diesel::update(events::table.find(event_id))
        .set(events::seats_taken.eq(events::seats_taken))
        .returning(columns_of::<EventSlot>())
        .get_result(conn)
        .optional()
}

/// Takes one seat if one is free. The condition is in the UPDATE itself, so two concurrent
/// takers can never both get the last seat.
pub fn take_seat(conn: &mut AnyConnection, event_id: i64) -> QueryResult<bool> {
    diesel::update(
        events::table.find(event_id).filter(
            events::capacity
                .is_null()
                .or(events::seats_taken.lt(events::capacity.assume_not_null())),
        ),
    )
    .set(events::seats_taken.eq(events::seats_taken + 1))
    .execute(conn)
    .map(|n| n == 1)
}

/// Staff decision to seat someone on a full event: the capacity grows with the seat, so the
/// database's `seats_taken <= capacity` check holds and the roster shows the real numbers.
/// Call only with the event locked (`lock_event`).
pub fn take_seat_over_capacity(conn: &mut AnyConnection, event: &EventSlot) -> QueryResult<()> {
    let capacity = event.capacity.map(|c| c.max(event.seats_taken + 1));
    diesel::update(events::table.find(event.id))
        .set((
            events::seats_taken.eq(events::seats_taken + 1),
            events::capacity.eq(capacity),
        ))
        .execute(conn)
        .map(drop)
}

pub fn release_seat(conn: &mut AnyConnection, event_id: i64) -> QueryResult<()> {
    diesel::update(
        events::table
            .find(event_id)
            .filter(events::seats_taken.gt(0)),
    )
    .set(events::seats_taken.eq(events::seats_taken - 1))
    .execute(conn)
    .map(drop)
}

pub fn insert(conn: &mut AnyConnection, new: &NewRegistration) -> QueryResult<Registration> {
    diesel::insert_into(registrations::table)
        .values(new)
        .returning(columns_of::<Registration>())
        .get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<Registration>> {
    registrations::table
        .find(id)
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_code(
    conn: &mut AnyConnection,
    event_id: i64,
    code: &str,
) -> QueryResult<Option<Registration>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::code.eq(code))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_confirm_token(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> QueryResult<Option<Registration>> {
    registrations::table
        .filter(registrations::confirm_token_hash.eq(token_hash))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn live_for_person(
    conn: &mut AnyConnection,
    event_id: i64,
    person_id: i64,
) -> QueryResult<Option<Registration>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::person_id.eq(person_id))
        .filter(registrations::status.eq_any(LIVE))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn live_for_guest(
    conn: &mut AnyConnection,
    event_id: i64,
    email: &str,
) -> QueryResult<Option<Registration>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::guest_email.eq(email))
        .filter(registrations::status.eq_any(LIVE))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// Sets the status and the fields that go with it.
pub fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    waitlisted_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<Registration> {
    let cancelled_at = (status == CANCELLED).then_some(now);
    diesel::update(registrations::table.find(id))
        .set((
            registrations::status.eq(status),
            registrations::waitlisted_at.eq(waitlisted_at),
            registrations::cancelled_at.eq(cancelled_at),
            registrations::confirm_token_hash.eq(None::<String>),
            registrations::updated_at.eq(now),
        ))
        .returning(columns_of::<Registration>())
        .get_result(conn)
}

pub fn set_checked_in(
    conn: &mut AnyConnection,
    id: i64,
    at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<Registration> {
    diesel::update(registrations::table.find(id))
        .set((
            registrations::checked_in_at.eq(at),
            registrations::updated_at.eq(now),
        ))
        .returning(columns_of::<Registration>())
        .get_result(conn)
}

/// The waitlist in order: first come, first served.
pub fn waitlist(conn: &mut AnyConnection, event_id: i64) -> QueryResult<Vec<Registration>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq(WAITLISTED))
        .order((registrations::waitlisted_at.asc(), registrations::id.asc()))
        .select(Registration::as_select())
        .load(conn)
}

/// The waitlist's registration ids, first in line first.
pub fn waitlist_ids(conn: &mut AnyConnection, event_id: i64) -> QueryResult<Vec<i64>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq(WAITLISTED))
        .order((registrations::waitlisted_at.asc(), registrations::id.asc()))
        .select(registrations::id)
        .load(conn)
}

/// 1-based place on the waitlist, derived from the order so it is always contiguous.
pub fn waitlist_position(conn: &mut AnyConnection, reg: &Registration) -> QueryResult<Option<i64>> {
    let Some(at) = reg.waitlisted_at.filter(|_| reg.status == WAITLISTED) else {
        return Ok(None);
    };
    let ahead: i64 = registrations::table
        .filter(registrations::event_id.eq(reg.event_id))
        .filter(registrations::status.eq(WAITLISTED))
        .filter(
            registrations::waitlisted_at
                .lt(at)
                .or(registrations::waitlisted_at
                    .eq(at)
                    .and(registrations::id.lt(reg.id))),
        )
        .count()
        .get_result(conn)?;
    Ok(Some(ahead + 1))
}

/// Confirmed seats an organisation holds at an event.
pub fn confirmed_for_organisation(
    conn: &mut AnyConnection,
    event_id: i64,
    organisation_id: i64,
) -> QueryResult<i64> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::organisation_id.eq(organisation_id))
        .filter(registrations::status.eq(CONFIRMED))
        .count()
        .get_result(conn)
}

/// Another session (an event with a parent) the person is confirmed for that overlaps
/// `[starts_at, ends_at)`; returns its id.
pub fn overlapping_session(
    conn: &mut AnyConnection,
    person_id: i64,
    event_id: i64,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
) -> QueryResult<Option<i64>> {
    registrations::table
        .inner_join(events::table)
        .filter(registrations::person_id.eq(person_id))
        .filter(registrations::status.eq(CONFIRMED))
        .filter(events::id.ne(event_id))
        .filter(events::parent_id.is_not_null())
        .filter(events::status.ne("cancelled"))
        .filter(events::starts_at.lt(ends_at))
        .filter(events::ends_at.gt(starts_at))
        .select(events::id)
        .first(conn)
        .optional()
}

pub fn questions(conn: &mut AnyConnection, event_id: i64) -> QueryResult<Vec<Question>> {
    event_questions::table
        .filter(event_questions::event_id.eq(event_id))
        .order((event_questions::position.asc(), event_questions::id.asc()))
        .select(Question::as_select())
        .load(conn)
}

/// The event's title for a reader of `locale`, by the same fallback chain as the events API
/// (the other Serbian script by transliteration, the event's default locale, English, any).
pub fn event_title(
    conn: &mut AnyConnection,
    event_id: i64,
    locales: &[&str],
) -> QueryResult<String> {
    Ok(event_title_served(conn, event_id, locales)?.0)
}

/// `event_title` with the language the title is in (pages mark a title in another language).
pub fn event_title_served(
    conn: &mut AnyConnection,
    event_id: i64,
    locales: &[&str],
) -> QueryResult<(String, Option<crate::i18n::Locale>)> {
    let rows: Vec<(String, Option<String>)> = event_contents::table
        .filter(event_contents::event_id.eq(event_id))
        .select((event_contents::locale, event_contents::title))
        .load(conn)?;
    let titled: Vec<(crate::i18n::Locale, String)> = rows
        .into_iter()
        .filter_map(|(locale, title)| Some((crate::i18n::Locale::parse(&locale)?, title?)))
        .collect();
    let available: Vec<crate::i18n::Locale> = titled.iter().map(|(l, _)| *l).collect();
    let mut wanted = locales.iter().filter_map(|l| crate::i18n::Locale::parse(l));
    let requested = wanted.next();
    let default = wanted.next().unwrap_or(crate::i18n::Locale::En);
    let title = crate::i18n::fallback::choose(requested, default, &available).and_then(|choice| {
        titled
            .iter()
            .find(|(l, _)| *l == choice.stored)
            .map(|(_, t)| (choice.convert(t), Some(choice.served)))
    });
    Ok(title.unwrap_or_default())
}

/// (person id, name, email) for the people behind some registrations.
pub fn people_by_id(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, String, String, String)>> {
    people::table
        .filter(people::id.eq_any(ids))
        .select((people::id, people::full_name, people::email, people::locale))
        .load(conn)
}

pub fn organisation_slugs(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, String)>> {
    organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::slug))
        .load(conn)
}

/// (id, slug, name) of each organisation.
pub fn organisation_names(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, String, String)>> {
    organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::slug, organisations::name))
        .load(conn)
}

pub fn organisation_id_by_slug(conn: &mut AnyConnection, slug: &str) -> QueryResult<Option<i64>> {
    organisations::table
        .filter(organisations::slug.eq(slug))
        .select(organisations::id)
        .first(conn)
        .optional()
}
