//! Registering, confirming guests, cancelling and the waitlist. Every change runs in one write
//! transaction that first locks the event row, so seats, the waitlist order and the emails that
//! announce them always agree.

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use crate::auth::extract::CurrentUser;
use crate::auth::{store as people, tokens};
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::members::access;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::registrations::model::*;
use crate::registrations::store::{self, EventSlot};
use crate::registrations::{idempotency, questions, views};
use crate::types::{text, Email};

const GUEST_CONFIRM_HOURS: i64 = 24;

/// The event for a staff action: 404 if it does not exist or the person is neither staff of
/// its host nor a platform admin (its existence is not revealed to them).
pub fn staff_event(
    conn: &mut AnyConnection,
    person_id: i64,
    event_id: i64,
) -> AppResult<EventSlot> {
    let event = store::find_event(conn, event_id)?.ok_or(AppError::NotFound("event"))?;
    if is_staff_or_admin(conn, person_id, event.organisation_id)? {
        Ok(event)
    } else {
        Err(AppError::NotFound("event"))
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

/// Whether the person may see the event at all (drafts: staff; members-only: members).
fn can_see(
    conn: &mut AnyConnection,
    person_id: Option<i64>,
    event: &EventSlot,
    today: chrono::NaiveDate,
) -> AppResult<bool> {
    let staff = match person_id {
        Some(id) => is_staff_or_admin(conn, id, event.organisation_id)?,
        None => false,
    };
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

/// Who the new registration is for, once the request has been checked.
enum Target {
    Person {
        id: i64,
        locale: Locale,
    },
    Guest {
        name: String,
        email: String,
        locale: Locale,
        needs_confirmation: bool,
    },
}

struct Plan {
    target: Target,
    organisation_id: Option<i64>,
    registered_by: Option<i64>,
    by_staff: bool,
    override_capacity: bool,
}

fn plan(
    conn: &mut AnyConnection,
    caller: Option<CurrentUser>,
    event: &EventSlot,
    req: &RegisterRequest,
) -> AppResult<Plan> {
    let caller_id = caller.map(|c| c.person_id);
    let staff = match caller_id {
        Some(id) => is_staff_or_admin(conn, id, event.organisation_id)?,
        None => false,
    };
    if req.override_capacity && !staff {
        return Err(AppError::Forbidden(
            "only staff of the host may override the capacity".into(),
        ));
    }
    if req.guest.is_some() && req.person_email.is_some() {
        return Err(AppError::invalid(
            "guest",
            "give either a guest or a person_email, not both",
        ));
    }

    if let Some(slug) = &req.organisation {
        let caller_id = caller_id.ok_or_else(|| {
            AppError::Unauthorized("registering for an organisation needs a sign-in".into())
        })?;
        require_verified(conn, caller_id)?;
        let organisation_id = store::organisation_id_by_slug(conn, slug)?.ok_or_else(|| {
            AppError::invalid("organisation", format!("no organisation `{slug}`"))
        })?;
        if !access::represents(conn, caller_id, organisation_id)? {
            return Err(AppError::Forbidden(
                "you do not represent this organisation".into(),
            ));
        }
        let target = match (&req.person_email, &req.guest) {
            (Some(email), None) => person_target(conn, email)?,
            (None, Some(guest)) => guest_target(guest, false)?,
            _ => {
                return Err(AppError::invalid(
                    "person_email",
                    "name a colleague: person_email or guest",
                ))
            }
        };
        if event.visibility == "members_only"
            && !organisation_is_member(conn, organisation_id, event)?
            && !staff
        {
            return Err(AppError::Forbidden(
                "this event is for members; the organisation has no active membership".into(),
            ));
        }
        return Ok(Plan {
            target,
            organisation_id: Some(organisation_id),
            registered_by: Some(caller_id),
            by_staff: false,
            override_capacity: false,
        });
    }

    if let Some(email) = &req.person_email {
        let caller_id =
            caller_id.ok_or_else(|| AppError::Unauthorized("this needs a sign-in".into()))?;
        if !staff {
            return Err(AppError::Forbidden(
                "only staff of the host may register other people".into(),
            ));
        }
        let target = person_target(conn, email)?;
        return Ok(Plan {
            target,
            organisation_id: None,
            registered_by: Some(caller_id),
            by_staff: true,
            override_capacity: req.override_capacity,
        });
    }

    if let Some(guest) = &req.guest {
        if staff {
            let target = guest_target(guest, false)?;
            return Ok(Plan {
                target,
                organisation_id: None,
                registered_by: caller_id,
                by_staff: true,
                override_capacity: req.override_capacity,
            });
        }
        if !event.guests_allowed {
            return Err(AppError::Forbidden(
                "this event does not take guest registrations; please sign in".into(),
            ));
        }
        let target = guest_target(guest, true)?;
        return Ok(Plan {
            target,
            organisation_id: None,
            registered_by: caller_id,
            by_staff: false,
            override_capacity: false,
        });
    }

    let caller_id = caller_id
        .ok_or_else(|| AppError::Unauthorized("registering needs a sign-in (or a guest)".into()))?;
    let me = require_verified(conn, caller_id)?;
    if event.visibility == "members_only"
        && !access::is_member(conn, caller_id, event.organisation_id, now().date())?
    {
        return Err(AppError::NotFound("event"));
    }
    Ok(Plan {
        target: Target::Person {
            id: me.id,
            locale: me.locale(),
        },
        organisation_id: None,
        registered_by: Some(caller_id),
        by_staff: staff,
        override_capacity: req.override_capacity,
    })
}

fn require_verified(
    conn: &mut AnyConnection,
    person_id: i64,
) -> AppResult<crate::auth::model::Person> {
    let me = crate::auth::service::load_person(conn, person_id)?;
    if !me.is_verified() {
        return Err(AppError::Forbidden(
            "confirm your email address before registering".into(),
        ));
    }
    Ok(me)
}

fn organisation_is_member(
    conn: &mut AnyConnection,
    organisation_id: i64,
    event: &EventSlot,
) -> AppResult<bool> {
    use crate::db::schema::memberships;
    use diesel::prelude::*;
    let today = now().date();
    let n: i64 = memberships::table
        .filter(memberships::host_id.eq(event.organisation_id))
        .filter(memberships::member_organisation_id.eq(organisation_id))
        .filter(memberships::status.eq("active"))
        .filter(
            memberships::ends_on
                .is_null()
                .or(memberships::ends_on.ge(today)),
        )
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

fn person_target(conn: &mut AnyConnection, email: &str) -> AppResult<Target> {
    let email = Email::parse(email).map_err(|m| AppError::invalid("person_email", m))?;
    let person = people::find_person_by_email(conn, email.as_str())?.ok_or_else(|| {
        AppError::invalid(
            "person_email",
            "no account has this email; register them as a guest instead",
        )
    })?;
    Ok(Target::Person {
        id: person.id,
        locale: person.locale(),
    })
}

fn guest_target(guest: &GuestInput, needs_confirmation: bool) -> AppResult<Target> {
    let mut errors = crate::error::FieldErrors::new();
    let name = text(&guest.name, 1, 200)
        .map_err(|m| errors.insert("guest.name".into(), vec![m]))
        .ok();
    let email = Email::parse(&guest.email)
        .map_err(|m| errors.insert("guest.email".into(), vec![m]))
        .ok();
    let locale = match &guest.locale {
        Some(tag) => tag
            .parse::<Locale>()
            .map_err(|m| errors.insert("guest.locale".into(), vec![m]))
            .ok(),
        None => Some(Locale::En),
    };
    match (name, email, locale) {
        (Some(name), Some(email), Some(locale)) => Ok(Target::Guest {
            name,
            email: email.into_inner(),
            locale,
            needs_confirmation,
        }),
        _ => Err(AppError::Validation(errors)),
    }
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
    if !can_see(conn, caller.map(|c| c.person_id), event, at.date())? {
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
    let plan = plan(conn, caller, event, req)?;
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
        let reply_to = access::organisation_email(conn, event.organisation_id)?;
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
                    "link": format!("{public_url}/registrations/confirm?token={token}"),
                    "hours": GUEST_CONFIRM_HOURS,
                }),
            )
            .reply_to(reply_to),
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

/// Takes a seat, or a waitlist place, or refuses (full, no waitlist).
fn seat_or_waitlist(
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

/// Queues the email that tells the registrant what just happened to their registration.
pub fn announce(
    conn: &mut AnyConnection,
    event: &EventSlot,
    reg: &Registration,
    template: &'static str,
) -> AppResult<()> {
    let view = views::view(conn, reg)?;
    if view.email.is_empty() {
        return Ok(());
    }
    let locale = Locale::parse(&reg.locale).unwrap_or(Locale::En);
    let title = store::event_title(
        conn,
        event.id,
        &[locale.tag(), event.default_locale.as_str(), "en"],
    )?;
    let reply_to = access::organisation_email(conn, event.organisation_id)?;
    outbox::enqueue(
        conn,
        OutgoingEmail::new(
            &view.email,
            locale,
            template,
            json!({
                "name": view.name,
                "event": title,
                "event_id": event.id,
                "starts_at": event.starts_at.and_utc().to_rfc3339(),
                "ends_at": event.ends_at.and_utc().to_rfc3339(),
                "timezone": event.timezone,
                "place": place(event),
                "online_url": event.online_url,
                "code": reg.code,
                "position": view.waitlist_position,
                "registration_id": reg.id,
            }),
        )
        .dedupe(format!(
            "{template}:{}:{}",
            reg.id,
            reg.updated_at.and_utc().timestamp_micros()
        ))
        .reply_to(reply_to),
    )?;
    Ok(())
}

/// Where the event happens, as one line: venue, address, city (empty for online-only events).
pub fn place(event: &EventSlot) -> String {
    [&event.venue_name, &event.address, &event.city]
        .into_iter()
        .filter_map(|part| part.as_deref().map(str::trim).filter(|p| !p.is_empty()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A guest follows the emailed link: the registration takes a seat or a waitlist place now.
pub async fn confirm_guest(state: &AppState, token: String) -> AppResult<RegistrationView> {
    let hash = tokens::hash_secret(token.trim());
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let invalid = || AppError::invalid("token", "is invalid, already used or expired");
                let reg = store::find_by_confirm_token(conn, &hash)?.ok_or_else(invalid)?;
                let event =
                    store::lock_event(conn, reg.event_id)?.ok_or(AppError::NotFound("event"))?;
                let at = now();
                if reg.status != PENDING || reg.confirm_expires_at.is_none_or(|e| e <= at) {
                    return Err(invalid());
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
                let reg = store::find(conn, registration_id)?
                    .ok_or(AppError::NotFound("registration"))?;
                let event = store::lock_event(conn, reg.event_id)?
                    .ok_or(AppError::NotFound("registration"))?;
                let allowed = reg.person_id == Some(person_id)
                    || (reg.registered_by == Some(person_id) && reg.organisation_id.is_some())
                    || is_staff_or_admin(conn, person_id, event.organisation_id)?;
                if !allowed {
                    return Err(AppError::NotFound("registration"));
                }
                // Re-read under the lock: a concurrent cancel may have got there first.
                let reg = store::find(conn, registration_id)?
                    .ok_or(AppError::NotFound("registration"))?;
                let reg = cancel_locked(conn, &event, &reg)?;
                views::view(conn, &reg)
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
                let reg = store::find(conn, registration_id)?
                    .ok_or(AppError::NotFound("registration"))?;
                let event = store::lock_event(conn, reg.event_id)?
                    .ok_or(AppError::NotFound("registration"))?;
                if !is_staff_or_admin(conn, person_id, event.organisation_id)? {
                    return Err(AppError::NotFound("registration"));
                }
                let reg = store::find(conn, registration_id)?
                    .ok_or(AppError::NotFound("registration"))?;
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
                let reg = store::set_status(conn, reg.id, CONFIRMED, None, now())?;
                announce(conn, &event, &reg, "registration_promoted")?;
                views::view(conn, &reg)
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
