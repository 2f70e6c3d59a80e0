//! Who a registration request is for — oneself, a guest, a colleague of a represented
//! organisation, or (staff) anyone — and whether the caller may make it.

use crate::auth::extract::CurrentUser;
use crate::auth::store as people;
use crate::db::{now, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::members::access;
use crate::registrations::model::*;
use crate::registrations::store::{self, EventSlot};
use crate::types::{text, Email};

// Refusals a page explains in the reader's language; the API sends them as they are.
pub const UNVERIFIED: &str = "confirm your email address before registering";
pub const NO_GUESTS: &str = "this event does not take guest registrations; please sign in";
pub const NOT_REPRESENTATIVE: &str = "you do not represent this organisation";
pub const ORGANISATION_NOT_MEMBER: &str =
    "this event is for members; the organisation has no active membership";

/// Who the new registration is for, once the request has been checked.
pub(super) enum Target {
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

pub(super) struct Plan {
    pub target: Target,
    pub organisation_id: Option<i64>,
    pub registered_by: Option<i64>,
    pub by_staff: bool,
    pub override_capacity: bool,
}

/// `staff`: the caller is staff of the host or a platform admin.
pub(super) fn plan(
    conn: &mut AnyConnection,
    caller: Option<CurrentUser>,
    staff: bool,
    event: &EventSlot,
    req: &RegisterRequest,
) -> AppResult<Plan> {
    if let Some(slug) = &req.organisation {
        crate::caps::within("organisation", slug, crate::caps::SLUG)?;
    }
    if let Some(email) = &req.person_email {
        crate::caps::within("person_email", email, crate::caps::EMAIL)?;
    }
    let caller_id = caller.map(|c| c.person_id);
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
            return Err(AppError::Forbidden(NOT_REPRESENTATIVE.into()));
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
            return Err(AppError::Forbidden(ORGANISATION_NOT_MEMBER.into()));
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
            return Err(AppError::Forbidden(NO_GUESTS.into()));
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
        return Err(AppError::Forbidden(UNVERIFIED.into()));
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
    let name = text(&guest.name, 1, crate::caps::NAME)
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
