//! Who may do what for an organisation: the questions every feature asks before acting.
//! Kept in one place so events and registrations ask them the same way members do.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{memberships, organisations, people, representatives, staff_roles};
use crate::db::AnyConnection;
use crate::members::model::Organisation;
use crate::notify::host::Host;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StaffRole {
    Organiser,
    Owner,
}

impl StaffRole {
    pub fn parse(role: &str) -> Option<StaffRole> {
        match role {
            "owner" => Some(StaffRole::Owner),
            "organiser" => Some(StaffRole::Organiser),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Owner => "owner",
            StaffRole::Organiser => "organiser",
        }
    }
}

pub fn is_platform_admin(conn: &mut AnyConnection, person_id: i64) -> QueryResult<bool> {
    people::table
        .find(person_id)
        .select(people::is_admin)
        .first::<bool>(conn)
        .optional()
        .map(|admin| admin.unwrap_or(false))
}

/// The person's staff role at an organisation, if any.
pub fn staff_role(
    conn: &mut AnyConnection,
    person_id: i64,
    organisation_id: i64,
) -> QueryResult<Option<StaffRole>> {
    staff_roles::table
        .filter(staff_roles::person_id.eq(person_id))
        .filter(staff_roles::organisation_id.eq(organisation_id))
        .select(staff_roles::role)
        .first::<String>(conn)
        .optional()
        .map(|role| role.as_deref().and_then(StaffRole::parse))
}

/// Whether the person may manage the organisation's events and rosters (organiser or owner).
pub fn is_staff(
    conn: &mut AnyConnection,
    person_id: i64,
    organisation_id: i64,
) -> QueryResult<bool> {
    staff_role(conn, person_id, organisation_id).map(|r| r.is_some())
}

pub fn is_owner(
    conn: &mut AnyConnection,
    person_id: i64,
    organisation_id: i64,
) -> QueryResult<bool> {
    staff_role(conn, person_id, organisation_id).map(|r| r == Some(StaffRole::Owner))
}

pub fn represents(
    conn: &mut AnyConnection,
    person_id: i64,
    organisation_id: i64,
) -> QueryResult<bool> {
    representatives::table
        .filter(representatives::person_id.eq(person_id))
        .filter(representatives::organisation_id.eq(organisation_id))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// Organisations the person represents.
pub fn represented_organisations(
    conn: &mut AnyConnection,
    person_id: i64,
) -> QueryResult<Vec<i64>> {
    representatives::table
        .filter(representatives::person_id.eq(person_id))
        .select(representatives::organisation_id)
        .load(conn)
}

/// Whether the person is a member of the host on `today`: through an active membership of
/// their own, or by representing an organisation that has one. Staff count as members too.
/// The end date is checked here as well as by the expiry sweep, so a membership that ran out
/// an hour before the sweep no longer opens members-only doors.
pub fn is_member(
    conn: &mut AnyConnection,
    person_id: i64,
    host_id: i64,
    today: NaiveDate,
) -> QueryResult<bool> {
    if is_staff(conn, person_id, host_id)? {
        return Ok(true);
    }
    let active = memberships::table
        .filter(memberships::host_id.eq(host_id))
        .filter(memberships::status.eq("active"))
        .filter(
            memberships::ends_on
                .is_null()
                .or(memberships::ends_on.ge(today)),
        );
    let own = active
        .filter(memberships::person_id.eq(person_id))
        .count()
        .get_result::<i64>(conn)?;
    if own > 0 {
        return Ok(true);
    }
    let organisations = represented_organisations(conn, person_id)?;
    if organisations.is_empty() {
        return Ok(false);
    }
    active
        .filter(memberships::member_organisation_id.eq_any(organisations))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// The organisation as the emails sent for it show it: the sender's name, the Reply-To
/// (its public contact address) and the signature.
pub fn email_host(conn: &mut AnyConnection, organisation_id: i64) -> QueryResult<Option<Host>> {
    organisations::table
        .find(organisation_id)
        .select((
            organisations::name,
            organisations::slug,
            organisations::email,
            organisations::website,
        ))
        .first::<(String, String, Option<String>, Option<String>)>(conn)
        .optional()
        .map(|row| {
            row.map(|(name, slug, email, website)| Host {
                id: Some(organisation_id),
                name,
                slug,
                email,
                website,
            })
        })
}

/// [`email_host`] of an organisation already loaded.
pub fn host_of(o: &Organisation) -> Host {
    Host {
        id: Some(o.id),
        name: o.name.clone(),
        slug: o.slug.clone(),
        email: o.email.clone(),
        website: o.website.clone(),
    }
}
