//! Organisations, and the permission questions the members services share. Each public
//! async function is one use case.

use crate::audit::{self, snapshot, Entry};
use crate::auth::model::Person;
use crate::auth::service::load_person;
use crate::db::{is_unique_violation, now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::pagination::{PageQuery, Paginated};
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

/// The standing a route needs at an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Owner,
    /// Owner or organiser.
    Staff,
}

/// Loads the caller and the organisation, and checks the caller's standing there (platform
/// admins pass); `why` is the refusal's explanation.
pub fn caller_at(
    conn: &mut AnyConnection,
    person_id: i64,
    slug: &str,
    needs: Needs,
    why: &str,
) -> AppResult<(Person, Organisation)> {
    let person = load_person(conn, person_id)?;
    let org = load_organisation(conn, slug)?;
    let allowed = match needs {
        Needs::Owner => is_owner_or_admin(conn, &person, org.id)?,
        Needs::Staff => is_staff_or_admin(conn, &person, org.id)?,
    };
    require(allowed, why)?;
    Ok((person, org))
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
    let (slug, name, kind, country) =
        check.finish_with(|| Some((slug?, name?, kind?, country?)))?;
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
                audit::record(
                    conn,
                    Entry::new("organisation.created", person.id, "organisation", org.id)
                        .at(org.id)
                        .after(snapshot::organisation(&org)),
                )?;
                Ok(org)
            })
        })
        .await
}

pub async fn list(
    state: &AppState,
    filter: OrganisationFilter,
) -> AppResult<Paginated<OrganisationView>> {
    let page = PageQuery::of(filter.page, filter.per_page)?;
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

/// The organisations a person represents (whom they may apply for or act for), by name.
pub async fn represented(state: &AppState, person_id: i64) -> AppResult<Vec<Organisation>> {
    state
        .db(move |conn| {
            let ids = access::represented_organisations(conn, person_id)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut orgs = store::organisations_by_id(conn, &ids)?;
            orgs.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
            Ok(orgs)
        })
        .await
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
    changes.city = validate::clearable(&mut check, "city", req.city, validate::city);
    changes.website = validate::clearable(&mut check, "website", req.website, validate::website);
    changes.email = validate::clearable(&mut check, "email", req.email, validate::email);
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
                let updated = store::update_organisation(conn, org.id, &changes)?;
                audit::record(
                    conn,
                    Entry::new("organisation.updated", person.id, "organisation", org.id)
                        .at(org.id)
                        .changes(snapshot::organisation(&org), snapshot::organisation(&updated)),
                )?;
                Ok(updated)
            })
        })
        .await
}
