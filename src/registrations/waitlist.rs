//! Seats and the waitlist: taking a seat or a place in line, confirming guests, cancelling,
//! and promoting the first in line whenever a seat frees up.

use chrono::NaiveDateTime;

use serde_json::json;

use crate::audit::{self, snapshot, Entry};
use crate::auth::tokens;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::registrations::emails::announce;
use crate::registrations::model::*;
use crate::registrations::service::may_act_on;
use crate::registrations::store::{self, EventSlot};
use crate::registrations::views;

/// Takes a seat, or a waitlist place, or refuses (full, no waitlist).
pub(super) fn seat_or_waitlist(
    conn: &mut AnyConnection,
    event: &EventSlot,
    organisation_id: Option<i64>,
    override_capacity: bool,
    at: NaiveDateTime,
) -> AppResult<(&'static str, Option<NaiveDateTime>)> {
    let within_quota = match (organisation_id, event.seats_per_organisation) {
        (Some(org), Some(cap)) => {
            store::confirmed_for_organisation(conn, event.id, org)? < i64::from(cap)
        }
        _ => true,
    };
    if override_capacity {
        if !store::take_seat(conn, event.id)? {
            store::take_seat_over_capacity(conn, event)?;
        }
        return Ok((CONFIRMED, None));
    }
    if within_quota && store::take_seat(conn, event.id)? {
        return Ok((CONFIRMED, None));
    }
    if event.waitlist_enabled {
        return Ok((WAITLISTED, Some(at)));
    }
    if within_quota {
        Err(AppError::conflict(
            "event_full",
            "this event is full and has no waitlist",
        ))
    } else {
        Err(AppError::conflict(
            "organisation_quota_reached",
            "your organisation has taken all the seats it may take at this event",
        ))
    }
}

fn invalid_token() -> AppError {
    AppError::invalid("token", "is invalid, already used or expired")
}

fn awaits_confirmation(reg: &Registration, at: NaiveDateTime) -> bool {
    reg.status == PENDING && reg.confirm_expires_at.is_some_and(|e| e > at)
}

/// The guest registration an emailed token would confirm, changing nothing: the page behind
/// the link shows it with a button, since mail scanners open links too.
pub async fn pending_guest(state: &AppState, token: String) -> AppResult<RegistrationView> {
    crate::caps::within("token", &token, crate::caps::TOKEN)?;
    let hash = tokens::hash_secret(token.trim());
    state
        .db(move |conn| {
            let reg = store::find_by_confirm_token(conn, &hash)?
                .filter(|reg| awaits_confirmation(reg, now()))
                .ok_or_else(invalid_token)?;
            views::view(conn, &reg)
        })
        .await
}

/// A guest follows the emailed link: the registration takes a seat or a waitlist place now.
pub async fn confirm_guest(state: &AppState, token: String) -> AppResult<RegistrationView> {
    crate::caps::within("token", &token, crate::caps::TOKEN)?;
    let hash = tokens::hash_secret(token.trim());
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reg = store::find_by_confirm_token(conn, &hash)?.ok_or_else(invalid_token)?;
                let event =
                    store::lock_event(conn, reg.event_id)?.ok_or(AppError::NotFound("event"))?;
                let at = now();
                if !awaits_confirmation(&reg, at) {
                    return Err(invalid_token());
                }
                if event.status != "published" {
                    return Err(AppError::conflict(
                        "event_cancelled",
                        "this event is no longer open",
                    ));
                }
                let (status, waitlisted_at) =
                    seat_or_waitlist(conn, &event, reg.organisation_id, false, at)?;
                let reg = store::set_status(conn, reg.id, status, waitlisted_at, at)?;
                announce(
                    conn,
                    &event,
                    &reg,
                    if status == CONFIRMED {
                        "registration_confirmed"
                    } else {
                        "registration_waitlisted"
                    },
                )?;
                views::view(conn, &reg)
            })
        })
        .await
}

/// Fills free seats from the waitlist, in order, as far as they go (after a cancellation or a
/// capacity increase). An organisation over its quota is skipped, not blocked on.
pub fn promote_waitlist(
    conn: &mut AnyConnection,
    event: &EventSlot,
) -> AppResult<Vec<Registration>> {
    let mut promoted = Vec::new();
    let at = now();
    for candidate in store::waitlist(conn, event.id)? {
        if let (Some(org), Some(cap)) = (candidate.organisation_id, event.seats_per_organisation) {
            if store::confirmed_for_organisation(conn, event.id, org)? >= i64::from(cap) {
                continue;
            }
        }
        if !store::take_seat(conn, event.id)? {
            break;
        }
        let reg = store::set_status(conn, candidate.id, CONFIRMED, None, at)?;
        announce(conn, event, &reg, "registration_promoted")?;
        promoted.push(reg);
    }
    Ok(promoted)
}

/// Cancels a registration; a confirmed seat goes to the waitlist in the same transaction.
pub fn cancel_locked(
    conn: &mut AnyConnection,
    event: &EventSlot,
    reg: &Registration,
) -> AppResult<Registration> {
    if reg.status == CANCELLED {
        return Ok(reg.clone());
    }
    let at = now();
    if at >= event.starts_at {
        return Err(AppError::conflict(
            "event_started",
            "registrations cannot be cancelled once the event has started",
        ));
    }
    let cancelled = store::set_status(conn, reg.id, CANCELLED, None, at)?;
    if reg.status == CONFIRMED {
        store::release_seat(conn, event.id)?;
        promote_waitlist(conn, event)?;
    }
    announce(conn, event, &cancelled, "registration_cancelled")?;
    Ok(cancelled)
}

/// A registration and its event, with the event locked, if the person may act on it (see
/// `may_act_on`); anyone else is told it does not exist. The registration is read under the
/// lock, so a concurrent change that got there first is seen.
fn locked(
    conn: &mut AnyConnection,
    person_id: i64,
    registration_id: i64,
    staff_only: bool,
) -> AppResult<(EventSlot, Registration)> {
    let not_found = || AppError::NotFound("registration");
    let event_id = store::find(conn, registration_id)?
        .ok_or_else(not_found)?
        .event_id;
    let event = store::lock_event(conn, event_id)?.ok_or_else(not_found)?;
    let reg = store::find(conn, registration_id)?.ok_or_else(not_found)?;
    if may_act_on(conn, person_id, &reg, &event, staff_only)? {
        Ok((event, reg))
    } else if staff_only && may_act_on(conn, person_id, &reg, &event, false)? {
        // Their own registration: they know it exists, the action is just not theirs.
        Err(AppError::Forbidden(
            "only the host's staff may do this".into(),
        ))
    } else {
        Err(not_found())
    }
}

/// Cancels by registration id: the registrant, the representative who made it, or staff.
/// Anyone else is told it does not exist.
pub async fn cancel(
    state: &AppState,
    person_id: i64,
    registration_id: i64,
) -> AppResult<RegistrationView> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let (event, reg) = locked(conn, person_id, registration_id, false)?;
                let cancelled = cancel_locked(conn, &event, &reg)?;
                // Someone else's registration: staff, or the representative who made it.
                if reg.person_id != Some(person_id) && reg.status != CANCELLED {
                    audit::record(
                        conn,
                        Entry::new("registration.cancelled", person_id, "registration", reg.id)
                            .at(event.organisation_id)
                            .changes(
                                snapshot::registration(&reg),
                                snapshot::registration(&cancelled),
                            ),
                    )?;
                }
                views::view(conn, &cancelled)
            })
        })
        .await
}

/// Cancels the caller's own live registration for an event.
pub async fn cancel_mine(
    state: &AppState,
    person_id: i64,
    event_id: i64,
) -> AppResult<RegistrationView> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event =
                    store::lock_event(conn, event_id)?.ok_or(AppError::NotFound("event"))?;
                let reg = store::live_for_person(conn, event_id, person_id)?
                    .ok_or(AppError::NotFound("registration"))?;
                let reg = cancel_locked(conn, &event, &reg)?;
                views::view(conn, &reg)
            })
        })
        .await
}

/// Staff move someone from the waitlist to a seat (over capacity only when they say so).
pub async fn promote(
    state: &AppState,
    person_id: i64,
    registration_id: i64,
    req: PromoteRequest,
) -> AppResult<RegistrationView> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let (event, reg) = locked(conn, person_id, registration_id, true)?;
                if reg.status != WAITLISTED {
                    return Err(AppError::conflict(
                        "not_waitlisted",
                        format!("the registration is {}, not waitlisted", reg.status),
                    ));
                }
                if !store::take_seat(conn, event.id)? {
                    if !req.override_capacity {
                        return Err(AppError::conflict(
                            "event_full",
                            "no seat is free; set override_capacity to seat them anyway",
                        ));
                    }
                    store::take_seat_over_capacity(conn, &event)?;
                }
                let promoted = store::set_status(conn, reg.id, CONFIRMED, None, now())?;
                announce(conn, &event, &promoted, "registration_promoted")?;
                audit::record(
                    conn,
                    Entry::new("registration.promoted", person_id, "registration", reg.id)
                        .at(event.organisation_id)
                        .before(json!({"status": reg.status}))
                        .after(json!({"status": promoted.status, "override_capacity": req.override_capacity})),
                )?;
                views::view(conn, &promoted)
            })
        })
        .await
}

/// Cancels guest registrations that were never confirmed in time. Returns how many.
pub fn expire_unconfirmed_guests(conn: &mut AnyConnection, at: NaiveDateTime) -> AppResult<usize> {
    use crate::db::schema::registrations;
    use diesel::prelude::*;
    let n = diesel::update(
        registrations::table
            .filter(registrations::status.eq(PENDING))
            .filter(registrations::confirm_expires_at.le(at)),
    )
    .set((
        registrations::status.eq(CANCELLED),
        registrations::cancelled_at.eq(at),
        registrations::confirm_token_hash.eq(None::<String>),
        registrations::updated_at.eq(at),
    ))
    .execute(conn)?;
    Ok(n)
}
