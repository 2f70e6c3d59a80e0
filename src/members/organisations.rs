//! Organisations, their staff (owners and organisers of a host) and their representatives
//! (people who act for an organisation). Each public function is one use case.

use crate::auth::model::Person;
use crate::auth::service::load_person;
use crate::db::{is_unique_violation, now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::pagination::{Page, PageQuery, Paginated};
use crate::http::AppState;
use crate::members::access::{self, StaffRole};
use crate::members::api::*;
use crate::members::model::*;
use crate::members::store::{self, OrganisationQuery};
use crate::members::validate::{self, Check};
use crate::types::Slug;

/// The organisation named by a path's slug; a slug of the wrong shape names nothing.
pub fn load_organisation(conn: &mut AnyConnection, slug: &str) -> AppResult<Organisation> {
    store::find_organisation(conn, slug)?.ok_or(AppError::NotFound("organisation"))
}

/// Platform admins may do everything an owner may.
pub fn is_owner_or_admin(
    conn: &mut AnyConnection,
    person: &Person,
    org_id: i64,
) -> AppResult<bool> {
    Ok(person.is_admin || access::is_owner(conn, person.id, org_id)?)
}

/// Owners and organisers of the host, and platform admins.
pub fn is_staff_or_admin(
    conn: &mut AnyConnection,
    person: &Person,
    org_id: i64,
) -> AppResult<bool> {
    Ok(person.is_admin || access::is_staff(conn, person.id, org_id)?)
}

pub fn require(allowed: bool, why: &str) -> AppResult<()> {
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden(why.to_owned()))
    }
}

pub fn require_verified(person: &Person) -> AppResult<()> {
    require(
        person.is_verified(),
        "confirm your email address first (see the link we sent you)",
    )
}

pub fn require_host(org: &Organisation) -> AppResult<()> {
    if org.hosts_events {
        Ok(())
    } else {
        Err(AppError::conflict(
            "not_a_host",
            format!("{} is not a host organisation", org.slug),
        ))
    }
}

fn slug_taken() -> AppError {
    AppError::conflict("slug_taken", "another organisation already has this slug")
}

pub async fn create(
    state: &AppState,
    person_id: i64,
    req: CreateOrganisation,
) -> AppResult<Organisation> {
    let mut check = Check::default();
    let slug = check.field("slug", Slug::parse(&req.slug));
    let name = check.field("name", validate::name(&req.name));
    let kind = check.field("kind", OrgKind::parse(&req.kind));
    let country = check.field("country", validate::country(&req.country));
    let city = check.optional("city", req.city.as_deref(), validate::city);
    let website = check.optional("website", req.website.as_deref(), validate::website);
    let email = check.optional("email", req.email.as_deref(), validate::email);
    let description = check
        .optional("description", req.description, |d| {
            validate::localized(d, 5000, false)
        })
        .unwrap_or_default();
    check.finish()?;
    let (Some(slug), Some(name), Some(kind), Some(country)) = (slug, name, kind, country) else {
        return Err(AppError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    let hosts_events = req.hosts_events.unwrap_or(false);
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                require_verified(&person)?;
                require(
                    !hosts_events || person.is_admin,
                    "only a platform admin may create a host organisation",
                )?;
                if store::find_organisation(conn, slug.as_str())?.is_some() {
                    return Err(slug_taken());
                }
                let now = now();
                let org = store::insert_organisation(
                    conn,
                    &NewOrganisation {
                        slug: slug.as_str().to_owned(),
                        name,
                        kind: kind.as_str().to_owned(),
                        country,
                        city,
                        website,
                        email,
                        description: localized_to_db(&description),
                        hosts_events,
                        created_at: now,
                        updated_at: now,
                    },
                )
                .map_err(|e| {
                    if is_unique_violation(&e) {
                        slug_taken()
                    } else {
                        e.into()
                    }
                })?;
                store::add_representative(conn, org.id, person.id, now)?;
                // A host needs an owner to manage it; the admin who creates it is the first
                // and can hand over by adding another owner and removing themself.
                if hosts_events {
                    store::set_staff_role(conn, org.id, person.id, StaffRole::Owner.as_str(), now)?;
                }
                Ok(org)
            })
        })
        .await
}

pub async fn list(
    state: &AppState,
    filter: OrganisationFilter,
) -> AppResult<Paginated<OrganisationView>> {
    let page = PageQuery {
        page: filter.page,
        per_page: filter.per_page,
    }
    .validate()?;
    let mut check = Check::default();
    let query = OrganisationQuery {
        kind: check.optional("kind", filter.kind.as_deref(), |k| {
            OrgKind::parse(k).map(|k| k.as_str().to_owned())
        }),
        country: check.optional("country", filter.country.as_deref(), validate::country),
        q: filter
            .q
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty()),
        hosts_events: filter.hosts_events,
    };
    check.finish()?;
    state
        .db(move |conn| {
            let (items, total) = store::list_organisations(conn, &query, page)?;
            Ok(Paginated::new(
                items.iter().map(OrganisationView::from).collect(),
                page,
                total,
            ))
        })
        .await
}

pub async fn get(state: &AppState, slug: String) -> AppResult<Organisation> {
    state.db(move |conn| load_organisation(conn, &slug)).await
}

pub async fn update(
    state: &AppState,
    person_id: i64,
    slug: String,
    req: UpdateOrganisation,
) -> AppResult<Organisation> {
    let mut check = Check::default();
    let mut changes = OrganisationChanges {
        name: check.optional("name", req.name.as_deref(), validate::name),
        kind: check.optional("kind", req.kind.as_deref(), |k| {
            OrgKind::parse(k).map(|k| k.as_str().to_owned())
        }),
        country: check.optional("country", req.country.as_deref(), validate::country),
        description: check
            .optional("description", req.description, |d| {
                validate::localized(d, 5000, false)
            })
            .map(|d| localized_to_db(&d)),
        hosts_events: req.hosts_events,
        ..OrganisationChanges::default()
    };
    changes.city = optional_clearable(&mut check, "city", req.city, validate::city);
    changes.website = optional_clearable(&mut check, "website", req.website, validate::website);
    changes.email = optional_clearable(&mut check, "email", req.email, validate::email);
    check.finish()?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let org = load_organisation(conn, &slug)?;
                let allowed = is_owner_or_admin(conn, &person, org.id)?
                    || (!org.hosts_events && access::represents(conn, person.id, org.id)?);
                require(
                    allowed,
                    "only the owners of a host, or the representatives of a member organisation, may change it",
                )?;
                require(
                    changes.hosts_events.is_none() || person.is_admin,
                    "only a platform admin may change hosts_events",
                )?;
                changes.updated_at = Some(now());
                Ok(store::update_organisation(conn, org.id, &changes)?)
            })
        })
        .await
}

/// For a PATCH field that `null` clears: absent → no change, null → clear, value → parse.
pub fn optional_clearable<T>(
    check: &mut Check,
    field: &str,
    value: Option<Option<String>>,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Option<Option<T>> {
    match value {
        None => None,
        Some(None) => Some(None),
        Some(Some(raw)) => check.field(field, parse(&raw)).map(Some),
    }
}

// ---- staff ----

pub async fn staff(
    state: &AppState,
    person_id: i64,
    slug: String,
) -> AppResult<Vec<PersonRoleView>> {
    state
        .db(move |conn| {
            let person = load_person(conn, person_id)?;
            let org = load_organisation(conn, &slug)?;
            require(
                is_staff_or_admin(conn, &person, org.id)?,
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
    check.finish()?;
    let (Some(email), Some(role)) = (email, role) else {
        return Err(AppError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let org = load_organisation(conn, &slug)?;
                require(
                    is_owner_or_admin(conn, &person, org.id)?,
                    "only the owners of this organisation may change its staff",
                )?;
                require_host(&org)?;
                let target = find_account(conn, &email)?;
                store::lock_organisation(conn, org.id)?;
                if role != StaffRole::Owner {
                    ensure_another_owner(conn, org.id, target.id)?;
                }
                Ok(store::set_staff_role(
                    conn,
                    org.id,
                    target.id,
                    role.as_str(),
                    now(),
                )?)
            })
        })
        .await
}

pub async fn remove_staff(
    state: &AppState,
    person_id: i64,
    slug: String,
    target_id: i64,
) -> AppResult<()> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let org = load_organisation(conn, &slug)?;
                require(
                    is_owner_or_admin(conn, &person, org.id)?,
                    "only the owners of this organisation may change its staff",
                )?;
                store::lock_organisation(conn, org.id)?;
                ensure_another_owner(conn, org.id, target_id)?;
                if store::remove_staff(conn, org.id, target_id)? {
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
                        e.into()
                    }
                })
            })
        })
        .await
}

pub async fn remove_representative(
    state: &AppState,
    person_id: i64,
    slug: String,
    target_id: i64,
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
                if !current.iter().any(|(_, p)| p.id == target_id) {
                    return Err(AppError::NotFound("representative"));
                }
                if current.len() == 1 {
                    return Err(AppError::conflict(
                        "last_representative",
                        "this is the organisation's last representative; add another first",
                    ));
                }
                store::remove_representative(conn, org.id, target_id)?;
                Ok(())
            })
        })
        .await
}

/// Which page of a list, from a filter's own `page` and `per_page`.
pub fn page_of(page: Option<i64>, per_page: Option<i64>) -> AppResult<Page> {
    PageQuery { page, per_page }.validate()
}
