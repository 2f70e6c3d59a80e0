//! One registration, step by step, inside the transaction that holds the event's row lock:
//! may the caller see and register, for whom, is there room in time and in the programme, and
//! then either a guest's confirmation email or a seat (or a waitlist place) and its email.

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use crate::audit::{self, Entry};
use crate::auth::extract::CurrentUser;
use crate::auth::tokens;
use crate::db::{now, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::members::access;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::registrations::emails::announce;
use crate::registrations::model::*;
use crate::registrations::plan::{plan, Plan, Target};
use crate::registrations::service::{
    can_see, check_window, is_staff_or_admin, parent_takes_registrations,
};
use crate::registrations::store::{self, EventSlot};
use crate::registrations::waitlist::seat_or_waitlist;
use crate::registrations::{questions, views};

const GUEST_CONFIRM_HOURS: i64 = 24;

/// Registers whom the request names for the locked `event`, or says why not.
pub(super) fn register_locked(
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
    ensure_open(conn, event, caller, staff, at)?;
    let plan = plan(conn, caller, staff, event, req)?;
    ensure_in_time(event, &plan, at)?;
    ensure_not_registered(conn, event, &plan.target, at)?;
    let questions = store::questions(conn, event.id)?;
    let answers = questions::validate_answers(&questions, &req.answers)?;
    ensure_fits_the_programme(conn, event, &plan.target)?;

    let new = new_registration(event, &plan, answers, at);
    if let Target::Guest {
        needs_confirmation: true,
        name,
        email,
        locale,
    } = &plan.target
    {
        let guest = Guest {
            name,
            email,
            locale: *locale,
        };
        return ask_guest_to_confirm(conn, event, guest, new, public_url, at);
    }
    seat_and_announce(conn, event, &plan, caller, new, at)
}

/// The event is one the caller may see (else it does not exist for them), and published.
fn ensure_open(
    conn: &mut AnyConnection,
    event: &EventSlot,
    caller: Option<CurrentUser>,
    staff: bool,
    at: NaiveDateTime,
) -> AppResult<()> {
    if !can_see(conn, caller.map(|c| c.person_id), staff, event, at.date())? {
        return Err(AppError::NotFound("event"));
    }
    match event.status.as_str() {
        "cancelled" => Err(AppError::conflict(
            "event_cancelled",
            "this event has been cancelled",
        )),
        "published" => Ok(()),
        _ => Err(AppError::conflict(
            "event_not_published",
            "this event is not published yet",
        )),
    }
}

/// Within the registration window; staff may register people until the event ends.
fn ensure_in_time(event: &EventSlot, plan: &Plan, at: NaiveDateTime) -> AppResult<()> {
    if !plan.by_staff {
        check_window(event, at)
    } else if at >= event.ends_at {
        Err(AppError::conflict("event_over", "this event is over"))
    } else {
        Ok(())
    }
}

/// One live registration per person or guest address (an expired, unconfirmed guest
/// registration no longer counts); the existing one is in the answer.
fn ensure_not_registered(
    conn: &mut AnyConnection,
    event: &EventSlot,
    target: &Target,
    at: NaiveDateTime,
) -> AppResult<()> {
    let existing = match target {
        Target::Person { id, .. } => store::live_for_person(conn, event.id, *id)?,
        Target::Guest { email, .. } => {
            expire_stale_guest(conn, event.id, email, at)?;
            store::live_for_guest(conn, event.id, email)?
        }
    };
    match existing {
        Some(existing) => {
            let view = views::view(conn, &existing)?;
            Err(AppError::Conflict {
                code: "already_registered",
                detail: "already registered for this event".into(),
                extra: serde_json::to_value(view).ok(),
            })
        }
        None => Ok(()),
    }
}

/// For a session: the person holds the conference's registration (when it takes them) and
/// no confirmed session at the same time.
fn ensure_fits_the_programme(
    conn: &mut AnyConnection,
    event: &EventSlot,
    target: &Target,
) -> AppResult<()> {
    let (Some(parent_id), Target::Person { id: person_id, .. }) = (event.parent_id, target) else {
        return Ok(());
    };
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
    Ok(())
}

/// The row to insert, still `pending` with no seat decided.
fn new_registration(
    event: &EventSlot,
    plan: &Plan,
    answers: String,
    at: NaiveDateTime,
) -> NewRegistration {
    let (person_id, guest_name, guest_email, locale) = match &plan.target {
        Target::Person { id, locale, .. } => (Some(*id), None, None, *locale),
        Target::Guest {
            name,
            email,
            locale,
            ..
        } => (None, Some(name.clone()), Some(email.clone()), *locale),
    };
    NewRegistration {
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
    }
}

/// A guest who must prove their address, and where to write.
struct Guest<'a> {
    name: &'a str,
    email: &'a str,
    locale: Locale,
}

/// The registration waits, without a seat, for the guest to follow the link in the email.
fn ask_guest_to_confirm(
    conn: &mut AnyConnection,
    event: &EventSlot,
    Guest {
        name,
        email,
        locale,
    }: Guest<'_>,
    mut new: NewRegistration,
    public_url: &str,
    at: NaiveDateTime,
) -> AppResult<Registration> {
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
                "starts_at": event.starts_at.and_utc().to_rfc3339(),
                "timezone": event.timezone,
                "event_id": event.id,
                "link": format!("{public_url}/registrations/confirm?token={token}"),
                "hours": GUEST_CONFIRM_HOURS,
            }),
        )
        .from_host(host),
    )?;
    Ok(reg)
}

/// A seat if one is free (or staff override the capacity), else a waitlist place; staff
/// adding someone is audited; the person is told either way.
fn seat_and_announce(
    conn: &mut AnyConnection,
    event: &EventSlot,
    plan: &Plan,
    caller: Option<CurrentUser>,
    mut new: NewRegistration,
    at: NaiveDateTime,
) -> AppResult<Registration> {
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
