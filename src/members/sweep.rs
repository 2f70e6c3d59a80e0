//! The membership sweep, run by the worker at start and then periodically (hourly by
//! default): active memberships past their last day expire, and members are reminded 30 and
//! 7 days before the end. Safe to run often and from several instances at once: expiry is a
//! conditional update, and each reminder carries a dedupe key naming the membership, the end
//! date and the recipient, so it goes out at most once (and again only after a renewal moves
//! the end date).

use chrono::{Duration, NaiveDate};
use serde_json::json;

use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::members::emails::{self, About};
use crate::members::memberships::member_name;
use crate::members::model::*;
use crate::members::store;

/// Days before the end at which members are reminded, latest first.
pub const REMINDER_DAYS: [i64; 2] = [7, 30];

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SweepReport {
    pub expired: usize,
    /// Memberships reminded now (not counting reminders that had gone out before).
    pub reminded: usize,
}

/// Runs the sweep as of `today`. Tests call it with a chosen date.
pub fn run(conn: &mut AnyConnection, today: NaiveDate) -> AppResult<SweepReport> {
    let mut report = SweepReport::default();
    for id in store::overdue_memberships(conn, today)? {
        // One short transaction per membership keeps SQLite's write lock brief.
        if write_tx(conn, |conn| expire(conn, id, today))? {
            report.expired += 1;
        }
    }
    // A membership first seen 5 days before its end gets only the 7-day reminder: each window
    // starts where the previous (closer) one ends.
    let mut window_start = today + Duration::days(1);
    for days in REMINDER_DAYS {
        let window_end = today + Duration::days(days);
        for m in store::memberships_ending_between(conn, window_start, window_end)? {
            if write_tx(conn, |conn| remind(conn, &m, days))? {
                report.reminded += 1;
            }
        }
        window_start = window_end + Duration::days(1);
    }
    Ok(report)
}

fn expire(conn: &mut AnyConnection, id: i64, today: NaiveDate) -> AppResult<bool> {
    let Some(m) = store::find_membership(conn, id)? else {
        return Ok(false);
    };
    if m.status() != Some(MembershipStatus::Active) || m.ends_on.is_none_or(|end| end >= today) {
        return Ok(false);
    }
    let changes = MembershipChanges {
        status: Some(MembershipStatus::Expired.as_str().to_owned()),
        updated_at: Some(now()),
        ..MembershipChanges::default()
    };
    // Conditional on still being active: another instance's sweep or a renewal may have won.
    let Some(expired) =
        store::change_membership(conn, id, MembershipStatus::Active.as_str(), &changes)?
    else {
        return Ok(false);
    };
    notify(conn, &expired, emails::EXPIRED, json!({}), "expired")?;
    Ok(true)
}

fn remind(conn: &mut AnyConnection, m: &Membership, days: i64) -> AppResult<bool> {
    notify(
        conn,
        m,
        emails::EXPIRING,
        json!({"days": days}),
        &format!("expiring-{days}"),
    )
}

/// Queues `template` to the member, once per membership, end date and `what`. Returns whether
/// anything was queued (false when it had gone out before).
fn notify(
    conn: &mut AnyConnection,
    m: &Membership,
    template: &'static str,
    extra: serde_json::Value,
    what: &str,
) -> AppResult<bool> {
    let host = store::organisations_by_id(conn, &[m.host_id])?
        .pop()
        .ok_or(AppError::NotFound("organisation"))?;
    let type_ = store::membership_types_by_id(conn, &[m.type_id])?
        .pop()
        .ok_or(AppError::NotFound("membership type"))?;
    let member_name = member_name(conn, m)?;
    let about = About {
        membership: m,
        host: &host,
        type_: &type_,
        member_name: &member_name,
    };
    let end = m.ends_on.map(|d| d.to_string()).unwrap_or_default();
    let key = format!("membership:{}:{what}:{end}", m.id);
    Ok(emails::to_member(conn, template, &about, extra, Some(&key))? > 0)
}
