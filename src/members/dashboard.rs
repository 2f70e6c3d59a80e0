//! What the organisers' dashboard asks of members: the hosts a person manages (every host for
//! a platform admin, paged) and, per host, the memberships waiting for a decision or running
//! out soon — each figure one grouped query for all the hosts on the page.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::auth::model::Person;
use crate::db::schema::{memberships, organisations, staff_roles};
use crate::db::AnyConnection;
use crate::http::pagination::Page;
use crate::members::access::StaffRole;
use crate::members::model::Organisation;

/// How many days ahead "expiring soon" looks.
pub const EXPIRING_DAYS: i64 = 30;

/// A host the person manages, with their staff role there (none: a platform admin who is not
/// on its staff).
pub struct ManagedHost {
    pub organisation: Organisation,
    pub role: Option<StaffRole>,
}

/// The hosts the person staffs, by name; for a platform admin every host. One page of them and
/// the total.
pub fn managed_hosts(
    conn: &mut AnyConnection,
    person: &Person,
    page: Page,
) -> QueryResult<(Vec<ManagedHost>, i64)> {
    let roles: HashMap<i64, String> = staff_roles::table
        .filter(staff_roles::person_id.eq(person.id))
        .select((staff_roles::organisation_id, staff_roles::role))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<i64> = roles.keys().copied().collect();
    let chosen = || {
        let q = organisations::table.into_boxed();
        if person.is_admin {
            q.filter(organisations::hosts_events.eq(true))
        } else {
            q.filter(organisations::id.eq_any(ids.clone()))
        }
    };
    let total: i64 = chosen().count().get_result(conn)?;
    let orgs: Vec<Organisation> = chosen()
        .order((organisations::name, organisations::id))
        .limit(page.per_page)
        .offset(page.offset())
        .select(Organisation::as_select())
        .load(conn)?;
    let hosts = orgs
        .into_iter()
        .map(|organisation| ManagedHost {
            role: roles
                .get(&organisation.id)
                .and_then(|r| StaffRole::parse(r)),
            organisation,
        })
        .collect();
    Ok((hosts, total))
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MembershipCounts {
    /// Applications waiting for approval (`?status=pending`).
    pub pending: i64,
    /// Active memberships whose last day is within [`EXPIRING_DAYS`] days
    /// (`?status=active&expires_before=` [`expiring_before`]).
    pub expiring: i64,
}

/// The `expires_before` date (exclusive) of "expiring in the next 30 days".
pub fn expiring_before(today: NaiveDate) -> NaiveDate {
    today + chrono::Duration::days(EXPIRING_DAYS + 1)
}

/// The counts for each host, in two grouped queries.
pub fn membership_counts(
    conn: &mut AnyConnection,
    host_ids: &[i64],
    today: NaiveDate,
) -> QueryResult<HashMap<i64, MembershipCounts>> {
    let mut out: HashMap<i64, MembershipCounts> = HashMap::new();
    if host_ids.is_empty() {
        return Ok(out);
    }
    let pending: Vec<(i64, i64)> = memberships::table
        .filter(memberships::host_id.eq_any(host_ids))
        .filter(memberships::status.eq("pending"))
        .group_by(memberships::host_id)
        .select((memberships::host_id, diesel::dsl::count_star()))
        .load(conn)?;
    let expiring: Vec<(i64, i64)> = memberships::table
        .filter(memberships::host_id.eq_any(host_ids))
        .filter(memberships::status.eq("active"))
        .filter(memberships::ends_on.lt(expiring_before(today)))
        .group_by(memberships::host_id)
        .select((memberships::host_id, diesel::dsl::count_star()))
        .load(conn)?;
    for (host, n) in pending {
        out.entry(host).or_default().pending = n;
    }
    for (host, n) in expiring {
        out.entry(host).or_default().expiring = n;
    }
    Ok(out)
}
