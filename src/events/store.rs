//! Event queries. Each takes `&mut AnyConnection` so services compose them in one transaction.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::in_list::in_list;
use crate::db::schema::{
    event_contents, event_partners, events, memberships, organisations, representatives,
    staff_roles,
};
use crate::db::{columns_of, AnyConnection, MultiBackend};
use crate::events::model::*;
use crate::i18n::fold::{contains_pattern, fold};

/// The folded city the `city` filter compares with (see `i18n::fold`).
fn city_fold(city: Option<&str>) -> Option<String> {
    city.map(fold).filter(|c| !c.is_empty())
}

pub fn find_event(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<Event>> {
    crate::on_backend!(conn, |c| events::table
        .find(id)
        .select(Event::as_select())
        .first(c)
        .optional())
}

pub fn insert_event(conn: &mut AnyConnection, new: &NewEvent) -> QueryResult<Event> {
    diesel::insert_into(events::table)
        .values((new, events::city_fold.eq(city_fold(new.city.as_deref()))))
        .returning(columns_of::<Event>())
        .get_result(conn)
}

pub fn update_event(
    conn: &mut AnyConnection,
    id: i64,
    changes: &EventChanges,
) -> QueryResult<Event> {
    diesel::update(events::table.find(id))
        .set((
            changes,
            events::city_fold.eq(city_fold(changes.city.as_deref())),
        ))
        .returning(columns_of::<Event>())
        .get_result(conn)
}

/// Deletes a draft (its contents, partners and draft sessions go with it by cascade).
pub fn delete_draft(conn: &mut AnyConnection, id: i64) -> QueryResult<bool> {
    diesel::delete(
        events::table
            .find(id)
            .filter(events::status.eq(STATUS_DRAFT)),
    )
    .execute(conn)
    .map(|n| n == 1)
}

pub fn publish(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> QueryResult<Event> {
    diesel::update(events::table.find(id))
        .set((
            events::status.eq(STATUS_PUBLISHED),
            events::published_at.eq(now),
            events::updated_at.eq(now),
        ))
        .returning(columns_of::<Event>())
        .get_result(conn)
}

/// Cancels the event and every session of it that is not cancelled yet.
pub fn cancel_with_sessions(
    conn: &mut AnyConnection,
    id: i64,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        events::table
            .filter(events::id.eq(id).or(events::parent_id.eq(id)))
            .filter(events::status.ne(STATUS_CANCELLED)),
    )
    .set((
        events::status.eq(STATUS_CANCELLED),
        events::cancel_reason.eq(reason),
        events::cancelled_at.eq(now),
        events::updated_at.eq(now),
    ))
    .execute(conn)
    .map(drop)
}

pub fn sessions_of(conn: &mut AnyConnection, parent_id: i64) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::parent_id.eq(parent_id))
        .order((events::starts_at, events::id))
        .select(Event::as_select())
        .load(conn)
}

pub fn contents_for(conn: &mut AnyConnection, event_ids: &[i64]) -> QueryResult<Vec<Content>> {
    event_contents::table
        .filter(in_list(event_contents::event_id, event_ids.iter().copied()))
        .order((event_contents::event_id, event_contents::locale))
        .select(Content::as_select())
        .load(conn)
}

/// The texts of one event (the detail's case of `contents_for`, with a static query).
pub fn contents_of(conn: &mut AnyConnection, event_id: i64) -> QueryResult<Vec<Content>> {
    crate::on_backend!(conn, |c| event_contents::table
        .filter(event_contents::event_id.eq(event_id))
        .order(event_contents::locale)
        .select(Content::as_select())
        .load(c))
}

/// Replaces every stored translation of an event.
pub fn replace_contents(
    conn: &mut AnyConnection,
    event_id: i64,
    rows: &[NewContent],
) -> QueryResult<()> {
    diesel::delete(event_contents::table.filter(event_contents::event_id.eq(event_id)))
        .execute(conn)?;
    // One statement per row: the multi-backend connection has no batch insert.
    for row in rows {
        diesel::insert_into(event_contents::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

type PartnerRow = (i64, String, String, String);

fn partner_views(rows: Vec<PartnerRow>) -> Vec<PartnerView> {
    rows.into_iter()
        .map(|(event_id, slug, name, role)| PartnerView {
            organisation_slug: slug,
            organisation_name: name,
            role,
            event_id,
        })
        .collect()
}

pub fn partners_for(conn: &mut AnyConnection, event_ids: &[i64]) -> QueryResult<Vec<PartnerView>> {
    event_partners::table
        .inner_join(organisations::table)
        .filter(in_list(event_partners::event_id, event_ids.iter().copied()))
        .order((
            event_partners::event_id,
            event_partners::position,
            event_partners::id,
        ))
        .select((
            event_partners::event_id,
            organisations::slug,
            organisations::name,
            event_partners::role,
        ))
        .load::<PartnerRow>(conn)
        .map(partner_views)
}

/// The partners of one event (the detail's case of `partners_for`, with a static query).
pub fn partners_of(conn: &mut AnyConnection, event_id: i64) -> QueryResult<Vec<PartnerView>> {
    crate::on_backend!(conn, |c| event_partners::table
        .inner_join(organisations::table)
        .filter(event_partners::event_id.eq(event_id))
        .order((event_partners::position, event_partners::id))
        .select((
            event_partners::event_id,
            organisations::slug,
            organisations::name,
            event_partners::role,
        ))
        .load::<PartnerRow>(c))
    .map(partner_views)
}

pub fn replace_partners(
    conn: &mut AnyConnection,
    event_id: i64,
    rows: &[NewPartner],
) -> QueryResult<()> {
    diesel::delete(event_partners::table.filter(event_partners::event_id.eq(event_id)))
        .execute(conn)?;
    for row in rows {
        diesel::insert_into(event_partners::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// An organisation as events need it.
#[derive(Debug, Clone, Queryable)]
pub struct OrgRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub hosts_events: bool,
}

type OrgColumns = (
    organisations::id,
    organisations::slug,
    organisations::name,
    organisations::hosts_events,
);
const ORG_COLUMNS: OrgColumns = (
    organisations::id,
    organisations::slug,
    organisations::name,
    organisations::hosts_events,
);

pub fn orgs_by_slugs(conn: &mut AnyConnection, slugs: &[String]) -> QueryResult<Vec<OrgRef>> {
    organisations::table
        .filter(in_list(organisations::slug, slugs.iter().cloned()))
        .select(ORG_COLUMNS)
        .load(conn)
}

pub fn org_by_id(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<OrgRef>> {
    crate::on_backend!(conn, |c| organisations::table
        .find(id)
        .select(ORG_COLUMNS)
        .first(c)
        .optional())
}

pub fn orgs_by_ids(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<Vec<OrgRef>> {
    organisations::table
        .filter(in_list(organisations::id, ids.iter().copied()))
        .select(ORG_COLUMNS)
        .load(conn)
}

/// Hosts whose members-only events the person may see: where they are staff, hold an active
/// membership, or represent an organisation that does (as `members::access::is_member`).
pub fn member_host_ids(
    conn: &mut AnyConnection,
    person_id: i64,
    today: NaiveDate,
) -> QueryResult<Vec<i64>> {
    let mut hosts: Vec<i64> = staff_roles::table
        .filter(staff_roles::person_id.eq(person_id))
        .select(staff_roles::organisation_id)
        .load(conn)?;
    let represented = representatives::table
        .filter(representatives::person_id.eq(person_id))
        .select(representatives::organisation_id.nullable());
    let member_of: Vec<i64> = memberships::table
        .filter(memberships::status.eq("active"))
        .filter(
            memberships::ends_on
                .is_null()
                .or(memberships::ends_on.ge(today)),
        )
        .filter(
            memberships::person_id
                .eq(person_id)
                .or(memberships::member_organisation_id.eq_any(represented)),
        )
        .select(memberships::host_id)
        .load(conn)?;
    hosts.extend(member_of);
    hosts.sort_unstable();
    hosts.dedup();
    Ok(hosts)
}

/// The validated filters of a list.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub organisation_id: Option<i64>,
    pub kind: Option<String>,
    pub ends_after: Option<NaiveDateTime>,
    /// Past events: those that ended before this time.
    pub ends_before: Option<NaiveDateTime>,
    pub starts_before: Option<NaiveDateTime>,
    /// A city, matched by its fold (case, script and diacritics aside).
    pub city: Option<String>,
    pub country: Option<String>,
    pub locales: Vec<String>,
    /// Text to find in a title or summary, matched by its fold.
    pub text: Option<String>,
    pub has_seats: bool,
    pub parent_id: Option<i64>,
    pub statuses: Vec<&'static str>,
    /// Latest start first (past events) instead of start order.
    pub newest_first: bool,
    /// `None`: every members-only event is visible (platform admin).
    pub member_hosts: Option<Vec<i64>>,
}

fn filtered(f: &ListFilter) -> events::BoxedQuery<'static, MultiBackend> {
    let mut query = events::table
        .into_boxed::<MultiBackend>()
        .filter(in_list(events::status, f.statuses.iter().copied()));
    if let Some(hosts) = &f.member_hosts {
        query = query.filter(
            events::visibility
                .eq("public")
                .or(in_list(events::organisation_id, hosts.iter().copied())),
        );
    }
    if let Some(id) = f.organisation_id {
        query = query.filter(events::organisation_id.eq(id));
    }
    if let Some(kind) = &f.kind {
        query = query.filter(events::kind.eq(kind.clone()));
    }
    if let Some(t) = f.ends_after {
        query = query.filter(events::ends_at.ge(t));
    }
    if let Some(t) = f.ends_before {
        query = query.filter(events::ends_at.lt(t));
    }
    if let Some(t) = f.starts_before {
        query = query.filter(events::starts_at.lt(t));
    }
    if let Some(city) = &f.city {
        query = query.filter(events::city_fold.eq(fold(city)));
    }
    if let Some(country) = &f.country {
        query = query.filter(events::country.eq(country.clone()));
    }
    if !f.locales.is_empty() {
        query = query.filter(
            events::id.eq_any(
                event_contents::table
                    .filter(event_contents::locale.eq_any(f.locales.clone()))
                    .select(event_contents::event_id),
            ),
        );
    }
    if let Some(text) = &f.text {
        let matching = event_contents::table
            .filter(
                event_contents::search_text
                    .like(contains_pattern(text))
                    .escape('\\'),
            )
            .select(event_contents::event_id);
        query = query.filter(events::id.eq_any(matching));
    }
    if f.has_seats {
        query = query.filter(
            events::capacity
                .is_null()
                .or(events::seats_taken.nullable().lt(events::capacity)),
        );
    }
    if let Some(parent) = f.parent_id {
        query = query.filter(events::parent_id.eq(parent));
    }
    query
}

/// One page of events in start order, and the total that match.
pub fn list(
    conn: &mut AnyConnection,
    filter: &ListFilter,
    limit: i64,
    offset: i64,
) -> QueryResult<(Vec<Event>, i64)> {
    let total = filtered(filter).count().get_result::<i64>(conn)?;
    let ordered = if filter.newest_first {
        filtered(filter).order((events::starts_at.desc(), events::id.desc()))
    } else {
        filtered(filter).order((events::starts_at, events::id))
    };
    let rows = ordered
        .limit(limit)
        .offset(offset)
        .select(Event::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Raises the event's iCalendar revision and returns it (see the `events.revision` migration).
pub fn next_revision(conn: &mut AnyConnection, id: i64) -> QueryResult<i32> {
    diesel::update(events::table.find(id))
        .set(events::revision.eq(events::revision + 1))
        .returning(events::revision)
        .get_result(conn)
}

/// The countries of published events (a closed set for the front page's filter).
pub fn countries_present(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    events::table
        .filter(events::status.eq(STATUS_PUBLISHED))
        .filter(events::country.is_not_null())
        .select(events::country)
        .distinct()
        .order(events::country)
        .load::<Option<String>>(conn)
        .map(|rows| rows.into_iter().flatten().collect())
}

/// Organisations that host events, by name (slug, name).
pub fn hosts(conn: &mut AnyConnection) -> QueryResult<Vec<(String, String)>> {
    organisations::table
        .filter(organisations::hosts_events.eq(true))
        .order((organisations::name, organisations::id))
        .select((organisations::slug, organisations::name))
        .load(conn)
}
