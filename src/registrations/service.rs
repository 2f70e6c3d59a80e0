//! Registering for an event: who may, when, and with what answers. Every change runs in one
//! write transaction that first locks the event row, so seats, the waitlist order and the
//! emails that announce them always agree (seats and the waitlist: `waitlist.rs`; who a
//! request registers: `plan.rs`; the steps of one registration: `register.rs`; the emails:
//! `emails.rs`).

use chrono::NaiveDateTime;

use crate::auth::extract::CurrentUser;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::access;
use crate::registrations::model::*;
use crate::registrations::store::{self, EventSlot};
use crate::registrations::{idempotency, register, views};

/// The event for a staff action. Someone who can see the event (a published public one, or a
/// members-only one they are a member of) is told the action is not theirs (403); anyone else
/// is not told the event exists (404).
pub fn staff_event(
    conn: &mut AnyConnection,
    person_id: i64,
    event_id: i64,
) -> AppResult<EventSlot> {
    let event = store::find_event(conn, event_id)?.ok_or(AppError::NotFound("event"))?;
    if is_staff_or_admin(conn, person_id, event.organisation_id)? {
        Ok(event)
    } else if can_see(conn, Some(person_id), false, &event, now().date())? {
        Err(AppError::Forbidden(
            "only the host's staff may do this".into(),
        ))
    } else {
        Err(AppError::NotFound("event"))
    }
}

/// The registration for a staff action: its holder (or the representative who made it) is
/// told the action is not theirs (403); anyone else who is not staff is not told it exists.
pub fn staff_registration(
    conn: &mut AnyConnection,
    person_id: i64,
    registration_id: i64,
) -> AppResult<(Registration, EventSlot)> {
    let reg = store::find(conn, registration_id)?.ok_or(AppError::NotFound("registration"))?;
    let event = store::find_event(conn, reg.event_id)?.ok_or(AppError::NotFound("registration"))?;
    if is_staff_or_admin(conn, person_id, event.organisation_id)? {
        Ok((reg, event))
    } else if may_act_on(conn, person_id, &reg, &event, false)? {
        Err(AppError::Forbidden(
            "only the host's staff may do this".into(),
        ))
    } else {
        Err(AppError::NotFound("registration"))
    }
}

pub fn is_staff_or_admin(
    conn: &mut AnyConnection,
    person_id: i64,
    organisation_id: i64,
) -> AppResult<bool> {
    Ok(access::is_staff(conn, person_id, organisation_id)?
        || access::is_platform_admin(conn, person_id)?)
}

/// Whether the person may read and cancel a registration: its holder, the representative who
/// made it for their organisation, or staff of the host (with `staff_only`, staff alone).
pub fn may_act_on(
    conn: &mut AnyConnection,
    person_id: i64,
    reg: &Registration,
    event: &EventSlot,
    staff_only: bool,
) -> AppResult<bool> {
    let own = reg.person_id == Some(person_id)
        || (reg.registered_by == Some(person_id) && reg.organisation_id.is_some());
    Ok((own && !staff_only) || is_staff_or_admin(conn, person_id, event.organisation_id)?)
}

/// Whether the person may see the event at all (drafts: staff; members-only: members).
/// `staff`: the caller already found to be staff of the host or a platform admin.
pub(super) fn can_see(
    conn: &mut AnyConnection,
    person_id: Option<i64>,
    staff: bool,
    event: &EventSlot,
    today: chrono::NaiveDate,
) -> AppResult<bool> {
    if staff {
        return Ok(true);
    }
    if event.status == "draft" {
        return Ok(false);
    }
    if event.visibility == "members_only" {
        return match person_id {
            Some(id) => Ok(access::is_member(conn, id, event.organisation_id, today)?),
            None => Ok(false),
        };
    }
    Ok(true)
}

/// Whether registration is open now (the window defaults to closing at the start).
pub(super) fn check_window(event: &EventSlot, at: NaiveDateTime) -> AppResult<()> {
    if let Some(opens) = event.registration_opens_at.filter(|o| at < *o) {
        return Err(AppError::conflict(
            "registration_not_open",
            format!("registration opens at {}", opens.and_utc().to_rfc3339()),
        ));
    }
    let closes = event.registration_closes_at.unwrap_or(event.starts_at);
    if at >= closes {
        return Err(AppError::conflict(
            "registration_closed",
            "registration for this event has closed",
        ));
    }
    Ok(())
}

/// A conference takes registrations unless its capacity is 0, which marks a programme that
/// is attended session by session.
pub(super) fn parent_takes_registrations(parent: &EventSlot) -> bool {
    parent.capacity != Some(0)
}

/// Outcome of a registration: the row, and whether it is new (201) or replayed (200).
pub struct Registered {
    pub view: RegistrationView,
    pub created: bool,
}

/// Registers for an event. With an idempotency key from a signed-in caller, a retry within 24
/// hours returns the first answer and creates nothing.
pub async fn register(
    state: &AppState,
    event_id: i64,
    caller: Option<CurrentUser>,
    req: RegisterRequest,
    idempotency_key: Option<String>,
) -> AppResult<Registered> {
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event =
                    store::lock_event(conn, event_id)?.ok_or(AppError::NotFound("event"))?;
                let key = match (&idempotency_key, caller) {
                    (Some(key), Some(caller)) => Some(idempotency::Key::new(
                        caller.person_id,
                        key,
                        event_id,
                        &req,
                    )?),
                    _ => None,
                };
                if let Some(key) = &key {
                    if let Some(view) = idempotency::replay(conn, key)? {
                        return Ok(Registered {
                            view,
                            created: false,
                        });
                    }
                }
                let reg = register::register_locked(conn, &event, caller, &req, &public_url)?;
                let view = views::view(conn, &reg)?;
                if let Some(key) = &key {
                    idempotency::remember(conn, key, &view)?;
                }
                Ok(Registered {
                    view,
                    created: true,
                })
            })
        })
        .await
}
