//! Members queries. Each takes `&mut AnyConnection` so services compose them in one transaction.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::model::Person;
use crate::db::schema::{
    membership_types, memberships, organisations, people, representatives, staff_roles,
};
use crate::db::{columns_of, AnyConnection, MultiBackend};
use crate::http::pagination::Page;
use crate::members::model::*;

use crate::i18n::fold::{contains_pattern, fold};

// ---- organisations ----

pub fn insert_organisation(
    conn: &mut AnyConnection,
    new: &NewOrganisation,
) -> QueryResult<Organisation> {
    diesel::insert_into(organisations::table)
        .values((new, organisations::search_text.eq(fold(&new.name))))
        .returning(columns_of::<Organisation>())
        .get_result(conn)
}

pub fn find_organisation(
    conn: &mut AnyConnection,
    slug: &str,
) -> QueryResult<Option<Organisation>> {
    organisations::table
        .filter(organisations::slug.eq(slug))
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

pub fn organisations_by_id(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<Vec<Organisation>> {
    organisations::table
        .filter(organisations::id.eq_any(ids))
        .select(Organisation::as_select())
        .load(conn)
}

pub fn update_organisation(
    conn: &mut AnyConnection,
    id: i64,
    changes: &OrganisationChanges,
) -> QueryResult<Organisation> {
    let search_text = changes
        .name
        .as_deref()
        .map(|name| organisations::search_text.eq(fold(name)));
    diesel::update(organisations::table.find(id))
        .set((changes, search_text))
        .returning(columns_of::<Organisation>())
        .get_result(conn)
}

/// Takes the organisation's row lock (a no-op update) so that changes to its staff or
/// representatives serialise on PostgreSQL too, where two concurrent removals could otherwise
/// each see the other's owner still there and leave none. SQLite serialises writers anyway.
pub fn lock_organisation(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    diesel::update(organisations::table.find(id))
        .set(organisations::updated_at.eq(organisations::updated_at))
        .execute(conn)
        .map(drop)
}

pub struct OrganisationQuery {
    pub kind: Option<String>,
    pub country: Option<String>,
    pub q: Option<String>,
    pub hosts_events: Option<bool>,
}

fn organisation_query(f: &OrganisationQuery) -> organisations::BoxedQuery<'static, MultiBackend> {
    let mut query = organisations::table.into_boxed();
    if let Some(kind) = &f.kind {
        query = query.filter(organisations::kind.eq(kind.clone()));
    }
    if let Some(country) = &f.country {
        query = query.filter(organisations::country.eq(country.clone()));
    }
    if let Some(hosts) = f.hosts_events {
        query = query.filter(organisations::hosts_events.eq(hosts));
    }
    if let Some(q) = &f.q {
        let pattern = contains_pattern(q);
        query = query.filter(
            organisations::search_text
                .like(pattern.clone())
                .escape('\\')
                .or(organisations::slug.like(pattern).escape('\\')),
        );
    }
    query
}

pub fn list_organisations(
    conn: &mut AnyConnection,
    filter: &OrganisationQuery,
    page: Page,
) -> QueryResult<(Vec<Organisation>, i64)> {
    let total = organisation_query(filter).count().get_result(conn)?;
    let items = organisation_query(filter)
        .order((organisations::name, organisations::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select(Organisation::as_select())
        .load(conn)?;
    Ok((items, total))
}

// ---- staff ----

pub fn staff_of(
    conn: &mut AnyConnection,
    organisation_id: i64,
) -> QueryResult<Vec<(String, NaiveDateTime, Person)>> {
    staff_roles::table
        .inner_join(people::table)
        .filter(staff_roles::organisation_id.eq(organisation_id))
        .order((staff_roles::role.desc(), people::full_name, people::id))
        .select((
            staff_roles::role,
            staff_roles::created_at,
            Person::as_select(),
        ))
        .load(conn)
}

/// The people with `role` at the organisation.
pub fn people_with_role(
    conn: &mut AnyConnection,
    organisation_id: i64,
    role: &str,
) -> QueryResult<Vec<Person>> {
    staff_roles::table
        .inner_join(people::table)
        .filter(staff_roles::organisation_id.eq(organisation_id))
        .filter(staff_roles::role.eq(role))
        .order(people::id)
        .select(Person::as_select())
        .load(conn)
}

/// Gives the person `role`, adding them to the staff or changing their role.
/// Returns true when they were not staff before.
pub fn set_staff_role(
    conn: &mut AnyConnection,
    organisation_id: i64,
    person_id: i64,
    role: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        staff_roles::table
            .filter(staff_roles::organisation_id.eq(organisation_id))
            .filter(staff_roles::person_id.eq(person_id)),
    )
    .set(staff_roles::role.eq(role))
    .execute(conn)?;
    if changed > 0 {
        return Ok(false);
    }
    diesel::insert_into(staff_roles::table)
        .values((
            staff_roles::organisation_id.eq(organisation_id),
            staff_roles::person_id.eq(person_id),
            staff_roles::role.eq(role),
            staff_roles::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| true)
}

pub fn remove_staff(
    conn: &mut AnyConnection,
    organisation_id: i64,
    person_id: i64,
) -> QueryResult<bool> {
    diesel::delete(
        staff_roles::table
            .filter(staff_roles::organisation_id.eq(organisation_id))
            .filter(staff_roles::person_id.eq(person_id)),
    )
    .execute(conn)
    .map(|n| n > 0)
}

// ---- representatives ----

pub fn representatives_of(
    conn: &mut AnyConnection,
    organisation_id: i64,
) -> QueryResult<Vec<(NaiveDateTime, Person)>> {
    representatives::table
        .inner_join(people::table)
        .filter(representatives::organisation_id.eq(organisation_id))
        .order((people::full_name, people::id))
        .select((representatives::created_at, Person::as_select()))
        .load(conn)
}

pub fn add_representative(
    conn: &mut AnyConnection,
    organisation_id: i64,
    person_id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(representatives::table)
        .values((
            representatives::organisation_id.eq(organisation_id),
            representatives::person_id.eq(person_id),
            representatives::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

pub fn remove_representative(
    conn: &mut AnyConnection,
    organisation_id: i64,
    person_id: i64,
) -> QueryResult<bool> {
    diesel::delete(
        representatives::table
            .filter(representatives::organisation_id.eq(organisation_id))
            .filter(representatives::person_id.eq(person_id)),
    )
    .execute(conn)
    .map(|n| n > 0)
}

// ---- membership types ----

pub fn insert_membership_type(
    conn: &mut AnyConnection,
    new: &NewMembershipType,
) -> QueryResult<MembershipType> {
    diesel::insert_into(membership_types::table)
        .values(new)
        .returning(columns_of::<MembershipType>())
        .get_result(conn)
}

pub fn membership_types_of(
    conn: &mut AnyConnection,
    organisation_id: i64,
    include_inactive: bool,
) -> QueryResult<Vec<MembershipType>> {
    let mut query = membership_types::table
        .filter(membership_types::organisation_id.eq(organisation_id))
        .into_boxed();
    if !include_inactive {
        query = query.filter(membership_types::active.eq(true));
    }
    query
        .order(membership_types::id)
        .select(MembershipType::as_select())
        .load(conn)
}

pub fn membership_types_by_id(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<Vec<MembershipType>> {
    membership_types::table
        .filter(membership_types::id.eq_any(ids))
        .select(MembershipType::as_select())
        .load(conn)
}

pub fn update_membership_type(
    conn: &mut AnyConnection,
    id: i64,
    changes: &MembershipTypeChanges,
) -> QueryResult<MembershipType> {
    diesel::update(membership_types::table.find(id))
        .set(changes)
        .returning(columns_of::<MembershipType>())
        .get_result(conn)
}

// ---- memberships ----

pub fn insert_membership(conn: &mut AnyConnection, new: &NewMembership) -> QueryResult<Membership> {
    diesel::insert_into(memberships::table)
        .values(new)
        .returning(columns_of::<Membership>())
        .get_result(conn)
}

pub fn find_membership(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<Membership>> {
    memberships::table
        .find(id)
        .select(Membership::as_select())
        .first(conn)
        .optional()
}

/// The member's pending or active membership of the host, if any.
pub fn live_membership(
    conn: &mut AnyConnection,
    host_id: i64,
    person_id: Option<i64>,
    member_organisation_id: Option<i64>,
) -> QueryResult<Option<Membership>> {
    let mut query = memberships::table
        .filter(memberships::host_id.eq(host_id))
        .filter(memberships::status.eq_any(["pending", "active"]))
        .into_boxed();
    query = match (person_id, member_organisation_id) {
        (Some(person), _) => query.filter(memberships::person_id.eq(person)),
        (None, Some(org)) => query.filter(memberships::member_organisation_id.eq(org)),
        (None, None) => return Ok(None),
    };
    query.select(Membership::as_select()).first(conn).optional()
}

/// Applies `changes` only if the membership is still in status `from`; `None` when it is not
/// (someone else changed it first), so two concurrent decisions cannot both apply.
pub fn change_membership(
    conn: &mut AnyConnection,
    id: i64,
    from: &str,
    changes: &MembershipChanges,
) -> QueryResult<Option<Membership>> {
    diesel::update(
        memberships::table
            .find(id)
            .filter(memberships::status.eq(from)),
    )
    .set(changes)
    .returning(columns_of::<Membership>())
    .get_result(conn)
    .optional()
}

pub struct MembershipQuery {
    pub host_id: i64,
    pub status: Option<String>,
    pub type_id: Option<i64>,
    pub member_kind: Option<MemberKind>,
    pub country: Option<String>,
    pub q: Option<String>,
    pub expires_before: Option<NaiveDate>,
}

/// The host's memberships matching `f`. Conditions on the member (country, name) are
/// subqueries, which keeps this one boxed query over one table.
fn membership_query(f: &MembershipQuery) -> memberships::BoxedQuery<'static, MultiBackend> {
    let mut query = memberships::table
        .filter(memberships::host_id.eq(f.host_id))
        .into_boxed();
    if let Some(status) = &f.status {
        query = query.filter(memberships::status.eq(status.clone()));
    }
    if let Some(type_id) = f.type_id {
        query = query.filter(memberships::type_id.eq(type_id));
    }
    match f.member_kind {
        Some(MemberKind::Person) => query = query.filter(memberships::person_id.is_not_null()),
        Some(MemberKind::Organisation) => {
            query = query.filter(memberships::member_organisation_id.is_not_null())
        }
        None => {}
    }
    if let Some(country) = &f.country {
        query = query.filter(
            memberships::person_id
                .eq_any(
                    people::table
                        .filter(people::country.eq(country.clone()))
                        .select(people::id.nullable()),
                )
                .or(memberships::member_organisation_id.eq_any(
                    organisations::table
                        .filter(organisations::country.eq(country.clone()))
                        .select(organisations::id.nullable()),
                )),
        );
    }
    if let Some(q) = &f.q {
        let pattern = contains_pattern(q);
        query = query.filter(
            memberships::person_id
                .eq_any(
                    people::table
                        .filter(
                            people::search_text
                                .like(pattern.clone())
                                .escape('\\')
                                .or(people::email.like(pattern.clone()).escape('\\')),
                        )
                        .select(people::id.nullable()),
                )
                .or(memberships::member_organisation_id.eq_any(
                    organisations::table
                        .filter(
                            organisations::search_text
                                .like(pattern.clone())
                                .escape('\\')
                                .or(organisations::slug.like(pattern).escape('\\')),
                        )
                        .select(organisations::id.nullable()),
                )),
        );
    }
    if let Some(before) = f.expires_before {
        query = query.filter(memberships::ends_on.lt(before));
    }
    query
}

/// One page of matching memberships (all of them with `page: None`), oldest first, and the total.
pub fn list_memberships(
    conn: &mut AnyConnection,
    filter: &MembershipQuery,
    page: Option<Page>,
) -> QueryResult<(Vec<Membership>, i64)> {
    let total = membership_query(filter).count().get_result(conn)?;
    let mut query = membership_query(filter).order(memberships::id);
    if let Some(page) = page {
        query = query.limit(page.per_page).offset(page.offset());
    }
    let items = query.select(Membership::as_select()).load(conn)?;
    Ok((items, total))
}

/// Memberships held by the person or by organisations they represent, newest first.
pub fn memberships_of_member(
    conn: &mut AnyConnection,
    person_id: i64,
    organisation_ids: &[i64],
    page: Page,
) -> QueryResult<(Vec<Membership>, i64)> {
    let mine = || {
        memberships::table.filter(
            memberships::person_id
                .eq(person_id)
                .or(memberships::member_organisation_id.eq_any(
                    organisation_ids
                        .iter()
                        .copied()
                        .map(Some)
                        .collect::<Vec<_>>(),
                )),
        )
    };
    let total = mine().count().get_result(conn)?;
    let items = mine()
        .order(memberships::id.desc())
        .limit(page.per_page)
        .offset(page.offset())
        .select(Membership::as_select())
        .load(conn)?;
    Ok((items, total))
}

/// Active, opted-in memberships of the host that have not run out on `today`.
pub fn directory_memberships(
    conn: &mut AnyConnection,
    host_id: i64,
    today: NaiveDate,
) -> QueryResult<Vec<Membership>> {
    memberships::table
        .filter(memberships::host_id.eq(host_id))
        .filter(memberships::status.eq("active"))
        .filter(memberships::directory_visible.eq(true))
        .filter(
            memberships::ends_on
                .is_null()
                .or(memberships::ends_on.ge(today)),
        )
        .select(Membership::as_select())
        .load(conn)
}

/// Ids of active memberships whose last day is before `today`.
pub fn overdue_memberships(conn: &mut AnyConnection, today: NaiveDate) -> QueryResult<Vec<i64>> {
    memberships::table
        .filter(memberships::status.eq("active"))
        .filter(memberships::ends_on.lt(today))
        .order(memberships::id)
        .select(memberships::id)
        .load(conn)
}

/// Active memberships whose last day falls in `first..=last`.
pub fn memberships_ending_between(
    conn: &mut AnyConnection,
    first: NaiveDate,
    last: NaiveDate,
) -> QueryResult<Vec<Membership>> {
    memberships::table
        .filter(memberships::status.eq("active"))
        .filter(memberships::ends_on.ge(first))
        .filter(memberships::ends_on.le(last))
        .order(memberships::id)
        .select(Membership::as_select())
        .load(conn)
}

pub fn people_by_id(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<Vec<Person>> {
    people::table
        .filter(people::id.eq_any(ids))
        .select(Person::as_select())
        .load(conn)
}
