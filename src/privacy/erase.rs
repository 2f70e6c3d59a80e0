//! `DELETE /api/v1/me`: erasure of an account. The row stays, nameless, so that past
//! registrations and memberships still count; everything that names or reaches the person goes.

use std::net::IpAddr;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::{passwords, service::load_person};
use crate::db::schema::{
    email_tokens, events, idempotency_keys, memberships, outbox, people, refresh_tokens,
    registrations, representatives, staff_roles, unsubscribes,
};
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::ratelimit::{email_key, Action};
use crate::http::AppState;
use crate::members::access::StaffRole;
use crate::members::{staff, store as members};
use crate::notify::outbox::STATUS_SENT;
use crate::privacy::retention::scrub_registrations;
use crate::registrations::model::LIVE;
use crate::registrations::store as reg_store;
use crate::registrations::waitlist::cancel_locked;

/// The name an erased account shows wherever its rows still appear (rosters, member lists).
pub const ERASED_NAME: &str = "Deleted account";
/// Stored instead of a password hash: no argon2 hash looks like this, so no password matches.
const UNUSABLE_PASSWORD: &str = "!erased";

/// The address an erased account keeps: unique (the email column is), and under the reserved
/// `.invalid` domain, which `Email::parse` refuses, so no one can register it and nothing is
/// ever sent there.
pub fn placeholder_email(person_id: i64) -> String {
    format!("erased-{person_id}@erased.invalid")
}

/// Erases the signed-in person after checking their password. Each check spends the same
/// per-IP and per-account budgets as a login: a stolen access token must not become a way to
/// guess the password without limit.
pub async fn erase(
    state: &AppState,
    person_id: i64,
    password: String,
    ip: IpAddr,
) -> AppResult<()> {
    let person = state.db(move |conn| load_person(conn, person_id)).await?;
    state
        .limits
        .check(Action::Login, ip, Some(&email_key(&person.email)))
        .await?;
    if !passwords::verify_off_thread(password, person.password_hash).await? {
        return Err(AppError::Unauthorized("the password is incorrect".into()));
    }
    state
        .db(move |conn| write_tx(conn, |conn| erase_locked(conn, person_id)))
        .await
}

fn erase_locked(conn: &mut AnyConnection, person_id: i64) -> AppResult<()> {
    let person = load_person(conn, person_id)?;
    let at = now();
    keep_an_owner_everywhere(conn, person_id)?;
    cancel_future_registrations(conn, person_id, &person.email, at)?;

    // Whatever is still waiting to go to the address would now reach no account; what was
    // sent stays as a count, without the address or the contents.
    diesel::delete(
        outbox::table
            .filter(outbox::recipient.eq(&person.email))
            .filter(outbox::status.ne(STATUS_SENT)),
    )
    .execute(conn)?;
    diesel::update(outbox::table.filter(outbox::recipient.eq(&person.email)))
        .set((
            outbox::recipient.eq(placeholder_email(person_id)),
            outbox::data.eq("{}"),
        ))
        .execute(conn)?;

    diesel::delete(refresh_tokens::table.filter(refresh_tokens::person_id.eq(person_id)))
        .execute(conn)?;
    diesel::delete(email_tokens::table.filter(email_tokens::person_id.eq(person_id)))
        .execute(conn)?;
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::person_id.eq(person_id)))
        .execute(conn)?;
    diesel::delete(unsubscribes::table.filter(unsubscribes::email.eq(&person.email)))
        .execute(conn)?;
    diesel::delete(staff_roles::table.filter(staff_roles::person_id.eq(person_id)))
        .execute(conn)?;
    diesel::delete(representatives::table.filter(representatives::person_id.eq(person_id)))
        .execute(conn)?;

    // A deleted account is no longer a member; the rows stay for the host's history.
    diesel::update(
        memberships::table
            .filter(memberships::person_id.eq(person_id))
            .filter(memberships::status.eq_any(["pending", "active"])),
    )
    .set((
        memberships::status.eq("cancelled"),
        memberships::updated_at.eq(at),
    ))
    .execute(conn)?;
    diesel::update(memberships::table.filter(memberships::person_id.eq(person_id)))
        .set((
            memberships::note.eq(None::<String>),
            memberships::decision_reason.eq(None::<String>),
            memberships::directory_visible.eq(false),
        ))
        .execute(conn)?;

    let own: Vec<i64> = registrations::table
        .filter(
            registrations::person_id
                .eq(person_id)
                .or(registrations::guest_email.eq(&person.email)),
        )
        .select(registrations::id)
        .load(conn)?;
    scrub_registrations(conn, &own, at)?;

    diesel::update(people::table.find(person_id))
        .set((
            people::email.eq(placeholder_email(person_id)),
            people::full_name.eq(ERASED_NAME),
            people::password_hash.eq(UNUSABLE_PASSWORD),
            people::country.eq(None::<String>),
            people::is_admin.eq(false),
            people::email_verified_at.eq(None::<NaiveDateTime>),
            people::anonymised_at.eq(Some(at)),
            people::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The "last owner stays" rule of the staff routes: an organisation the person alone owns
/// would be left without anyone to manage it.
fn keep_an_owner_everywhere(conn: &mut AnyConnection, person_id: i64) -> AppResult<()> {
    let owned: Vec<i64> = staff_roles::table
        .filter(staff_roles::person_id.eq(person_id))
        .filter(staff_roles::role.eq(StaffRole::Owner.as_str()))
        .order(staff_roles::organisation_id)
        .select(staff_roles::organisation_id)
        .load(conn)?;
    for org_id in owned {
        members::lock_organisation(conn, org_id)?;
        staff::ensure_another_owner(conn, org_id, person_id)?;
    }
    Ok(())
}

/// Cancels every live registration of the person (their own, or as a guest under their
/// address) for events that have not started, through the registrations' own cancel path: a
/// freed seat goes to the waitlist in this transaction and the promoted person is emailed.
/// Events are locked in id order, so two erasures cannot deadlock on PostgreSQL.
fn cancel_future_registrations(
    conn: &mut AnyConnection,
    person_id: i64,
    email: &str,
    at: NaiveDateTime,
) -> AppResult<()> {
    let live: Vec<(i64, i64)> = registrations::table
        .inner_join(events::table)
        .filter(
            registrations::person_id
                .eq(person_id)
                .or(registrations::guest_email.eq(email)),
        )
        .filter(registrations::status.eq_any(LIVE))
        .filter(events::starts_at.gt(at))
        .order((registrations::event_id, registrations::id))
        .select((registrations::event_id, registrations::id))
        .load(conn)?;
    for (event_id, registration_id) in live {
        let Some(event) = reg_store::lock_event(conn, event_id)? else {
            continue;
        };
        if let Some(reg) = reg_store::find(conn, registration_id)? {
            cancel_locked(conn, &event, &reg)?;
        }
    }
    Ok(())
}
