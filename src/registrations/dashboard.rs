//! The organisers' dashboard (`/manage`): per host the person manages, the next events with
//! their roster counts, and the memberships waiting or running out. A fixed number of queries
//! per page of hosts: the hosts, one short list of events per host, two grouped counts for all
//! their rosters, two for all their memberships, and the events' titles.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::auth::service::load_person;
use crate::db::schema::{events, registrations};
use crate::db::{now, AnyConnection};
use crate::error::AppResult;
use crate::events::model::{Event, STATUS_CANCELLED};
use crate::http::pagination::{PageQuery, Paginated};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::members::access::StaffRole;
use crate::members::dashboard::{self as members, MembershipCounts};
use crate::members::memberships::today;
use crate::members::model::Organisation;
use crate::registrations::model::{RosterSummary, CONFIRMED, PENDING, WAITLISTED};

/// How many upcoming events each host shows.
pub const UPCOMING_PER_HOST: i64 = 5;

/// One event on the dashboard: what its line shows, and its roster's counts (the same numbers
/// as the roster's summary).
pub struct UpcomingEvent {
    pub id: i64,
    pub title: Option<String>,
    /// `draft` or `published`.
    pub status: String,
    pub starts_at: DateTime<Utc>,
    pub timezone: String,
    pub summary: RosterSummary,
}

pub struct HostBlock {
    pub organisation: Organisation,
    pub role: Option<StaffRole>,
    pub events: Vec<UpcomingEvent>,
    pub memberships: MembershipCounts,
}

/// The dashboard of the hosts the person staffs (a platform admin: every host), one page of
/// hosts by name. Someone who staffs nothing gets an empty page, not a refusal.
pub async fn dashboard(
    state: &AppState,
    person_id: i64,
    locale: Locale,
    page: PageQuery,
) -> AppResult<Paginated<HostBlock>> {
    let page = page.validate()?;
    state
        .read(move |conn| {
            let person = load_person(conn, person_id)?;
            let (hosts, total) = members::managed_hosts(conn, &person, page)?;
            let host_ids: Vec<i64> = hosts.iter().map(|h| h.organisation.id).collect();
            let at = now();
            let mut upcoming: Vec<Event> = Vec::new();
            for host in &host_ids {
                upcoming.extend(
                    events::table
                        .filter(events::organisation_id.eq(host))
                        .filter(events::status.ne(STATUS_CANCELLED))
                        .filter(events::ends_at.ge(at))
                        .order((events::starts_at, events::id))
                        .limit(UPCOMING_PER_HOST)
                        .select(Event::as_select())
                        .load(conn)?,
                );
            }
            let summaries = summaries(conn, &upcoming)?;
            let views = if upcoming.is_empty() {
                Vec::new()
            } else {
                crate::events::views::build(conn, upcoming, Some(locale), false)?
            };
            let counts = members::membership_counts(conn, &host_ids, today())?;
            let items = hosts
                .into_iter()
                .map(|h| {
                    let id = h.organisation.id;
                    HostBlock {
                        events: views
                            .iter()
                            .filter(|v| v.organisation == h.organisation.slug)
                            .map(|v| UpcomingEvent {
                                id: v.id,
                                title: v.title.clone(),
                                status: v.status.clone(),
                                starts_at: v.starts_at,
                                timezone: v.timezone.clone(),
                                summary: summaries.get(&v.id).cloned().unwrap_or_default(),
                            })
                            .collect(),
                        memberships: counts.get(&id).copied().unwrap_or_default(),
                        organisation: h.organisation,
                        role: h.role,
                    }
                })
                .collect();
            Ok(Paginated::new(items, page, total))
        })
        .await
}

/// The roster summaries of several events in two grouped queries: registrations by event and
/// status, and confirmed check-ins by event.
pub fn summaries(
    conn: &mut AnyConnection,
    events: &[Event],
) -> QueryResult<HashMap<i64, RosterSummary>> {
    let mut out: HashMap<i64, RosterSummary> = events
        .iter()
        .map(|e| {
            let summary = RosterSummary {
                capacity: e.capacity,
                seats_taken: e.seats_taken,
                ..RosterSummary::default()
            };
            (e.id, summary)
        })
        .collect();
    if events.is_empty() {
        return Ok(out);
    }
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let by_status: Vec<(i64, String, i64)> = registrations::table
        .filter(registrations::event_id.eq_any(&ids))
        .group_by((registrations::event_id, registrations::status))
        .select((
            registrations::event_id,
            registrations::status,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let checked_in: Vec<(i64, i64)> = registrations::table
        .filter(registrations::event_id.eq_any(&ids))
        .filter(registrations::status.eq(CONFIRMED))
        .filter(registrations::checked_in_at.is_not_null())
        .group_by(registrations::event_id)
        .select((registrations::event_id, diesel::dsl::count_star()))
        .load(conn)?;
    for (event, status, n) in by_status {
        if let Some(s) = out.get_mut(&event) {
            match status.as_str() {
                CONFIRMED => s.confirmed = n,
                WAITLISTED => s.waitlisted = n,
                PENDING => s.pending = n,
                _ => s.cancelled += n,
            }
        }
    }
    for (event, n) in checked_in {
        if let Some(s) = out.get_mut(&event) {
            s.checked_in = n;
        }
    }
    Ok(out)
}
