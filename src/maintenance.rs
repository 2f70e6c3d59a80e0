//! Periodic jobs, run by every mail worker at start and then every
//! `worker.sweep_interval_secs`: membership expiry and reminders, event reminders, unconfirmed
//! guest registrations, stale idempotency keys, registrations past retention (`privacy`), expired
//! browser sessions, refilled abuse-limit buckets (PostgreSQL).
//! Each is idempotent (conditional updates, dedupe keys, markers), so several instances may
//! run them at once.

use chrono::NaiveDateTime;

use crate::config::Settings;
use crate::db::{write_tx, AnyConnection};
use crate::error::AppResult;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MaintenanceReport {
    pub memberships_expired: usize,
    pub memberships_reminded: usize,
    pub event_reminders: usize,
    pub guests_expired: usize,
    pub idempotency_keys_purged: usize,
    pub registrations_anonymised: usize,
    pub web_sessions_purged: usize,
    pub rate_limit_buckets_purged: usize,
}

/// Runs every job as of `now` (UTC). Tests call it with a chosen time.
pub fn run(
    conn: &mut AnyConnection,
    settings: &Settings,
    now: NaiveDateTime,
) -> AppResult<MaintenanceReport> {
    let memberships = crate::members::sweep::run(conn, now.date())?;
    let event_reminders = write_tx(conn, |conn| {
        crate::notify::reminders::queue_due(conn, settings, now)
    })?;
    let guests_expired = write_tx(conn, |conn| {
        crate::registrations::waitlist::expire_unconfirmed_guests(conn, now)
    })?;
    let idempotency_keys_purged = write_tx(conn, crate::registrations::idempotency::purge)?;
    let registrations_anonymised = crate::privacy::retention::run(conn, settings, now)?;
    let web_sessions_purged = write_tx(conn, |conn| -> AppResult<usize> {
        Ok(crate::auth::sessions::purge_expired(conn, now)?)
    })?;
    let rate_limit_buckets_purged =
        crate::http::ratelimit_shared::purge(conn, now.and_utc().timestamp_micros())?;
    Ok(MaintenanceReport {
        memberships_expired: memberships.expired,
        memberships_reminded: memberships.reminded,
        event_reminders,
        guests_expired,
        idempotency_keys_purged,
        registrations_anonymised,
        web_sessions_purged,
        rate_limit_buckets_purged,
    })
}
