//! The people around an organisation: its staff (owners and organisers of a host) and its
//! representatives (who act for it as a member).

use serde_json::json;

use crate::audit::{self, Entry};
use crate::auth::model::Person;
use crate::auth::service::load_person;
use crate::db::{is_unique_violation, now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::access::{self, StaffRole};
use crate::members::api::*;
use crate::members::model::Organisation;
use crate::members::organisations::{
    caller_at, is_owner_or_admin, load_organisation, require, require_host, Needs,
};
use crate::members::store;

const OWNERS_ONLY: &str = "only the owners of this organisation may change its staff";
use crate::members::validate::{self, Check};

pub async fn staff(
    state: &AppState,
    person_id: i64,
    slug: String,
) -> AppResult<Vec<PersonRoleView>> {
    state
        .db(move |conn| {
            let (_, org) = caller_at(
                conn,
                person_id,
                &slug,
                Needs::Staff,
                "only the staff of this organisation may see its staff",
            )?;
            Ok(store::staff_of(conn, org.id)?
                .into_iter()
                .map(|(role, since, p)| PersonRoleView {
                    person_id: p.id,
                    full_name: p.full_name,
                    email: p.email,
                    role: Some(role),
                    since: since.and_utc(),
                })
                .collect())
        })
        .await
}

/// Gives a person a staff role (adding them, or changing their role). Returns the staff list
/// and whether the person is new to it.
pub async fn add_staff(
    state: &AppState,
    person_id: i64,
    slug: String,
    req: AddStaff,
) -> AppResult<bool> {
    let mut check = Check::default();
    let email = check.field("email", validate::email(&req.email));
    let role = check.field(
        "role",
        StaffRole::parse(&req.role)
            .ok_or_else(|| format!("`{}` is not one of: owner, organiser", req.role)),
    );
    let (email, role) = check.finish_with(|| Some((email?, role?)))?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let (_, org) = caller_at(conn, person_id, &slug, Needs::Owner, OWNERS_ONLY)?;
                require_host(&org)?;
                let target = find_account(conn, &email)?;
                store::lock_organisation(conn, org.id)?;
                if role != StaffRole::Owner {
                    ensure_another_owner(conn, org.id, target.id)?;
                }
                let previous = access::staff_role(conn, target.id, org.id)?;
                let added = store::set_staff_role(conn, org.id, target.id, role.as_str(), now())?;
                let entry = match previous {
                    None => Some(Entry::new("staff.added", person_id, "person", target.id)),
                    Some(old) if old != role => Some(
                        Entry::new("staff.role_changed", person_id, "person", target.id)
                            .before(json!({"role": old.as_str()})),
                    ),
                    Some(_) => None,
                };
                if let Some(entry) = entry {
                    audit::record(conn, entry.at(org.id).after(json!({"role": role.as_str()})))?;
                }
                Ok(added)
            })
        })
        .await
}

pub async fn remove_staff(
    state: &AppState,
    person_id: i64,
    slug: String,
    target: String,
) -> AppResult<()> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let (_, org) = caller_at(conn, person_id, &slug, Needs::Owner, OWNERS_ONLY)?;
                store::lock_organisation(conn, org.id)?;
                let target_id =
                    person_named(conn, &target)?.ok_or(AppError::NotFound("staff member"))?;
                ensure_another_owner(conn, org.id, target_id)?;
                let role = access::staff_role(conn, target_id, org.id)?;
                if store::remove_staff(conn, org.id, target_id)? {
                    audit::record(
                        conn,
                        Entry::new("staff.removed", person_id, "person", target_id)
                            .at(org.id)
                            .before(json!({"role": role.map(StaffRole::as_str)})),
                    )?;
                    Ok(())
                } else {
                    Err(AppError::NotFound("staff member"))
                }
            })
        })
        .await
}

/// Refuses a change that would leave the host without an owner: removing or demoting
/// `person_id` is fine only if some other owner remains. Call with the organisation locked.
fn ensure_another_owner(conn: &mut AnyConnection, org_id: i64, person_id: i64) -> AppResult<()> {
    let owners = store::people_with_role(conn, org_id, StaffRole::Owner.as_str())?;
    let is_last = owners.len() == 1 && owners.first().is_some_and(|o| o.id == person_id);
    if is_last {
        return Err(AppError::conflict(
            "last_owner",
            "this is the organisation's last owner; add another owner first",
        ));
    }
    Ok(())
}

/// The person a path names by id or by email (`/staff/42` or `/staff/ana@example.org`).
fn person_named(conn: &mut AnyConnection, target: &str) -> AppResult<Option<i64>> {
    if let Ok(id) = target.parse::<i64>() {
        return Ok(Some(id));
    }
    let Ok(email) = validate::email(target) else {
        return Ok(None);
    };
    Ok(crate::auth::store::find_person_by_email(conn, &email)?.map(|p| p.id))
}

fn find_account(conn: &mut AnyConnection, email: &str) -> AppResult<Person> {
    crate::auth::store::find_person_by_email(conn, email)?.ok_or_else(|| {
        AppError::invalid(
            "email",
            "no account has this email; ask the person to register first",
        )
    })
}

// ---- representatives ----

pub async fn representatives(
    state: &AppState,
    person_id: i64,
    slug: String,
) -> AppResult<Vec<PersonRoleView>> {
    state
        .db(move |conn| {
            let person = load_person(conn, person_id)?;
            let org = load_organisation(conn, &slug)?;
            require(
                may_manage_representatives(conn, &person, &org)?,
                "only the representatives of this organisation may see them",
            )?;
            Ok(store::representatives_of(conn, org.id)?
                .into_iter()
                .map(|(since, p)| PersonRoleView {
                    person_id: p.id,
                    full_name: p.full_name,
                    email: p.email,
                    role: None,
                    since: since.and_utc(),
                })
                .collect())
        })
        .await
}

fn may_manage_representatives(
    conn: &mut AnyConnection,
    person: &Person,
    org: &Organisation,
) -> AppResult<bool> {
    Ok(is_owner_or_admin(conn, person, org.id)? || access::represents(conn, person.id, org.id)?)
}

pub async fn add_representative(
    state: &AppState,
    person_id: i64,
    slug: String,
    req: AddRepresentative,
) -> AppResult<()> {
    let email = validate::email(&req.email).map_err(|m| AppError::invalid("email", m))?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let org = load_organisation(conn, &slug)?;
                require(
                    may_manage_representatives(conn, &person, &org)?,
                    "only the representatives of this organisation may add others",
                )?;
                let target = find_account(conn, &email)?;
                store::add_representative(conn, org.id, target.id, now()).map_err(|e| {
                    if is_unique_violation(&e) {
                        AppError::conflict(
                            "already_representative",
                            "this person already represents the organisation",
                        )
                    } else {
                        AppError::from(e)
                    }
                })?;
                audit::record(
                    conn,
                    Entry::new("representative.added", person.id, "person", target.id).at(org.id),
                )
            })
        })
        .await
}

pub async fn remove_representative(
    state: &AppState,
    person_id: i64,
    slug: String,
    target: String,
) -> AppResult<()> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let org = load_organisation(conn, &slug)?;
                require(
                    may_manage_representatives(conn, &person, &org)?,
                    "only the representatives of this organisation may remove one",
                )?;
                store::lock_organisation(conn, org.id)?;
                let current = store::representatives_of(conn, org.id)?;
                let target_id = person_named(conn, &target)?
                    .filter(|id| current.iter().any(|(_, p)| p.id == *id))
                    .ok_or(AppError::NotFound("representative"))?;
                if current.len() == 1 {
                    return Err(AppError::conflict(
                        "last_representative",
                        "this is the organisation's last representative; add another first",
                    ));
                }
                store::remove_representative(conn, org.id, target_id)?;
                audit::record(
                    conn,
                    Entry::new("representative.removed", person.id, "person", target_id).at(org.id),
                )
            })
        })
        .await
}
