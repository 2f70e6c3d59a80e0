//! Registering for an event: who may, when, and with what answers. Every change runs in one
//! write transaction that first locks the event row, so seats, the waitlist order and the
//! emails that announce them always agree (seats and the waitlist: `waitlist.rs`; who a
//! request registers: `plan.rs`; the emails: `emails.rs`).

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use crate::audit::{self, Entry};
use crate::auth::extract::CurrentUser;
use crate::auth::tokens;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::access;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::registrations::emails::announce;
use crate::registrations::model::*;
use crate::registrations::plan::{plan, Target};
use crate::registrations::store::{self, EventSlot};
use crate::registrations::waitlist::seat_or_waitlist;
use crate::registrations::{idempotency, questions, views};

const GUEST_CONFIRM_HOURS: i64 = 24;

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
fn can_see(
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
fn check_window(event: &EventSlot, at: NaiveDateTime) -> AppResult<()> {
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
fn parent_takes_registrations(parent: &EventSlot) -> bool {
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
                let reg = register_locked(conn, &event, caller, &req, &public_url)?;
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

fn register_locked(
    conn: &mut AnyConnection,
    event: &EventSlot,
    caller: Option<CurrentUser>,
    req: &RegisterRequest,
    public_url: &str,
) -> AppResult<Registration> {
    let at = now();
    // Asked once: seeing the event and registering others both depend on it.
    let staff = match caller {
        Some(c) => is_staff_or_admin(conn, c.person_id, event.organisation_id)?,
        None => false,
    };
    if !can_see(conn, caller.map(|c| c.person_id), staff, event, at.date())? {
        return Err(AppError::NotFound("event"));
    }
    match event.status.as_str() {
        "cancelled" => {
            return Err(AppError::conflict(
                "event_cancelled",
                "this event has been cancelled",
            ))
        }
        "published" => {}
        _ => {
            return Err(AppError::conflict(
                "event_not_published",
                "this event is not published yet",
            ))
        }
    }
    let plan = plan(conn, caller, staff, event, req)?;
    if !plan.by_staff {
        check_window(event, at)?;
    } else if at >= event.ends_at {
        return Err(AppError::conflict("event_over", "this event is over"));
    }

    let existing = match &plan.target {
        Target::Person { id, .. } => store::live_for_person(conn, event.id, *id)?,
        Target::Guest { email, .. } => {
            expire_stale_guest(conn, event.id, email, at)?;
            store::live_for_guest(conn, event.id, email)?
        }
    };
    if let Some(existing) = existing {
        let view = views::view(conn, &existing)?;
        return Err(AppError::Conflict {
            code: "already_registered",
            detail: "already registered for this event".into(),
            extra: serde_json::to_value(view).ok(),
        });
    }

    let questions = store::questions(conn, event.id)?;
    let answers = questions::validate_answers(&questions, &req.answers)?;

    if let (Some(parent_id), Target::Person { id: person_id, .. }) = (event.parent_id, &plan.target)
    {
        if let Some(parent) = store::find_event(conn, parent_id)? {
            if parent_takes_registrations(&parent)
                && store::live_for_person(conn, parent_id, *person_id)?.is_none()
            {
                return Err(AppError::conflict(
                    "parent_registration_required",
                    "register for the conference first, then for its sessions",
                ));
            }
        }
        if let Some(other) =
            store::overlapping_session(conn, *person_id, event.id, event.starts_at, event.ends_at)?
        {
            let title = store::event_title(conn, other, &[event.default_locale.as_str(), "en"])?;
            return Err(AppError::Conflict {
                code: "session_overlap",
                detail: format!(
                    "this session overlaps “{title}” (event {other}), which you are confirmed for"
                ),
                extra: Some(json!({ "event_id": other, "title": title })),
            });
        }
    }

    let (person_id, guest_name, guest_email, locale) = match &plan.target {
        Target::Person { id, locale, .. } => (Some(*id), None, None, *locale),
        Target::Guest {
            name,
            email,
            locale,
            ..
        } => (None, Some(name.clone()), Some(email.clone()), *locale),
    };
    let mut new = NewRegistration {
        event_id: event.id,
        person_id,
        guest_name,
        guest_email,
        organisation_id: plan.organisation_id,
        registered_by: plan.registered_by,
        status: PENDING,
        waitlisted_at: None,
        code: check_in_code(),
        answers,
        locale: locale.tag().to_owned(),
        confirm_token_hash: None,
        confirm_expires_at: None,
        created_at: at,
        updated_at: at,
    };

    if let Target::Guest {
        needs_confirmation: true,
        email,
        name,
        ..
    } = &plan.target
    {
        let (token, hash) = tokens::random_secret();
        new.confirm_token_hash = Some(hash);
        new.confirm_expires_at = Some(at + Duration::hours(GUEST_CONFIRM_HOURS));
        let reg = store::insert(conn, &new).map_err(duplicate)?;
        let title = store::event_title(
            conn,
            event.id,
            &[locale.tag(), event.default_locale.as_str(), "en"],
        )?;
        let host = access::email_host(conn, event.organisation_id)?;
        outbox::enqueue(
            conn,
            OutgoingEmail::new(
                email,
                locale,
                "guest_confirm",
                json!({
                    "name": name,
                    "event": title,
                    "event_id": event.id,
                    "starts_at": event.starts_at.and_utc().to_rfc3339(),
                    "timezone": event.timezone,
                    "link": format!("{public_url}/registrations/confirm?token={token}"),
                    "hours": GUEST_CONFIRM_HOURS,
                }),
            )
            .from_host(host),
        )?;
        return Ok(reg);
    }

    let (status, waitlisted_at) = seat_or_waitlist(
        conn,
        event,
        plan.organisation_id,
        plan.override_capacity,
        at,
    )?;
    new.status = status;
    new.waitlisted_at = waitlisted_at;
    let reg = store::insert(conn, &new).map_err(duplicate)?;
    let caller_id = caller.map(|c| c.person_id);
    if let Some(staff) = caller_id.filter(|_| plan.by_staff) {
        // Staff signing themselves up is an ordinary registration, unless it jumps the queue.
        if reg.person_id != Some(staff) || plan.override_capacity {
            audit::record(
                conn,
                Entry::new("registration.added", staff, "registration", reg.id)
                    .at(event.organisation_id)
                    .after(json!({
                        "event_id": event.id,
                        "person_id": reg.person_id,
                        "guest": reg.person_id.is_none(),
                        "status": reg.status,
                        "override_capacity": plan.override_capacity,
                    })),
            )?;
        }
    }
    announce(
        conn,
        event,
        &reg,
        if status == CONFIRMED {
            "registration_confirmed"
        } else {
            "registration_waitlisted"
        },
    )?;
    Ok(reg)
}

fn duplicate(e: diesel::result::Error) -> AppError {
    if crate::db::is_unique_violation(&e) {
        AppError::conflict("already_registered", "already registered for this event")
    } else {
        e.into()
    }
}

/// A guest who never confirmed does not block registering again with the same address.
fn expire_stale_guest(
    conn: &mut AnyConnection,
    event_id: i64,
    email: &str,
    at: NaiveDateTime,
) -> AppResult<()> {
    if let Some(reg) = store::live_for_guest(conn, event_id, email)? {
        if reg.status == PENDING && reg.confirm_expires_at.is_some_and(|e| e <= at) {
            store::set_status(conn, reg.id, CANCELLED, None, at)?;
        }
    }
    Ok(())
}

fn check_in_code() -> String {
    // 10 characters of base32 without look-alikes: ~50 bits, short enough to read out at a door.
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    use rand::Rng;
    let mut rng = rand::rng();
    (0..10)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}
