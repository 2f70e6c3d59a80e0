//! `DELETE /api/v1/me`: erasure of an account. The row stays, nameless, so that past
//! registrations and memberships still count; everything that names or reaches the person goes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::{passwords, service::load_person};
use crate::db::schema::{
    email_tokens, events, idempotency_keys, memberships, outbox, people, refresh_tokens,
    registrations, representatives, staff_roles, unsubscribes,
};
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::access::StaffRole;
use crate::members::store as members;
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

/// Erases the signed-in person after checking their password.
pub async fn erase(state: &AppState, person_id: i64, password: String) -> AppResult<()> {
    let person = state.db(move |conn| load_person(conn, person_id)).await?;
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
    keep_someone_in_charge(conn, person_id)?;
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
    crate::auth::sessions::delete_all_for_person(conn, person_id)?;
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
            people::search_text.eq(crate::i18n::fold::fold(ERASED_NAME)),
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

/// No organisation may be left with no one to act for it: the "last owner stays" rule of the
/// staff routes, and the "last representative stays" rule of the representative routes (an
/// organisation with an owner left may lose its last representative). The answer names the
/// organisation, so the person knows whom to hand it over to first.
fn keep_someone_in_charge(conn: &mut AnyConnection, person_id: i64) -> AppResult<()> {
    let owned: Vec<i64> = staff_roles::table
        .filter(staff_roles::person_id.eq(person_id))
        .filter(staff_roles::role.eq(StaffRole::Owner.as_str()))
        .select(staff_roles::organisation_id)
        .load(conn)?;
    let represented: Vec<i64> = representatives::table
        .filter(representatives::person_id.eq(person_id))
        .select(representatives::organisation_id)
        .load(conn)?;
    // Locked in id order, so two erasures cannot deadlock on PostgreSQL.
    let mut ids: Vec<i64> = owned.iter().chain(&represented).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    for org in members::organisations_by_id(conn, &ids)? {
        members::lock_organisation(conn, org.id)?;
        let other_owner = members::people_with_role(conn, org.id, StaffRole::Owner.as_str())?
            .iter()
            .any(|p| p.id != person_id);
        let other_representative = members::representatives_of(conn, org.id)?
            .iter()
            .any(|(_, p)| p.id != person_id);
        let refusal = if owned.contains(&org.id) && !other_owner {
            Some(("last_owner", "owner"))
        } else if represented.contains(&org.id) && !other_owner && !other_representative {
            Some(("last_representative", "representative"))
        } else {
            None
        };
        if let Some((code, role)) = refusal {
            return Err(AppError::Conflict {
                code,
                detail: format!(
                    "you are the last {role} of {} ({}); add another {role} there first",
                    org.name, org.slug
                ),
                extra: Some(serde_json::json!({"organisation": org.slug})),
            });
        }
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
