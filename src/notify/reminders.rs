//! Reminders before events: each confirmed registration gets one per offset (by default 24 h
//! before the start), once, unless the event or the registration was cancelled or the person
//! opted out. Run by the worker's periodic sweep.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

use crate::config::Settings;
use crate::db::schema::{events, people, registrations};
use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::notify::unsubscribe::{self, Kind};
use crate::registrations::store::{self as reg_store, EventSlot};

/// Queues the reminders due at `at`. Returns how many were queued.
pub fn queue_due(
    conn: &mut AnyConnection,
    settings: &Settings,
    at: NaiveDateTime,
) -> AppResult<usize> {
    let defaults = &settings.notify.reminder_offsets_hours;
    // The largest offset any event may use bounds which events are looked at.
    let horizon = at + Duration::hours(24 * 60);
    let upcoming: Vec<(EventSlot, Option<String>)> = events::table
        .filter(events::status.eq("published"))
        .filter(events::starts_at.gt(at))
        .filter(events::starts_at.le(horizon))
        .select((EventSlot::as_select(), events::reminder_offsets_hours))
        .load(conn)?;
    let mut queued = 0;
    for (event, own_offsets) in upcoming {
        let offsets: Vec<u32> = own_offsets
            .and_then(|o| serde_json::from_str(&o).ok())
            .unwrap_or_else(|| defaults.clone());
        for hours in offsets {
            let remind_at = event.starts_at - Duration::hours(i64::from(hours));
            if at < remind_at {
                continue;
            }
            queued += remind(conn, settings, &event, hours, remind_at)?;
        }
    }
    Ok(queued)
}

/// (registration id, person id, guest name, guest email, locale, check-in code)
type ReminderRow = (
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
    String,
    String,
);

fn remind(
    conn: &mut AnyConnection,
    settings: &Settings,
    event: &EventSlot,
    hours: u32,
    remind_at: NaiveDateTime,
) -> AppResult<usize> {
    // Someone who registered after the reminder moment has just been told everything.
    let confirmed: Vec<ReminderRow> = registrations::table
        .filter(registrations::event_id.eq(event.id))
        .filter(registrations::status.eq("confirmed"))
        .filter(registrations::created_at.lt(remind_at))
        .select((
            registrations::id,
            registrations::person_id,
            registrations::guest_name,
            registrations::guest_email,
            registrations::locale,
            registrations::code,
        ))
        .load(conn)?;
    let host = crate::members::access::email_host(conn, event.organisation_id)?;
    let mut queued = 0;
    for (id, person_id, guest_name, guest_email, locale, code) in confirmed {
        let (name, email, locale) = match person_id {
            Some(pid) => {
                let (name, email, locale): (String, String, String) = people::table
                    .find(pid)
                    .select((people::full_name, people::email, people::locale))
                    .first(conn)?;
                (name, email, locale)
            }
            None => (
                guest_name.unwrap_or_default(),
                guest_email.unwrap_or_default(),
                locale,
            ),
        };
        if email.is_empty() || unsubscribe::is_unsubscribed(conn, &email, Kind::Reminders)? {
            continue;
        }
        let locale = Locale::parse(&locale).unwrap_or(Locale::En);
        let title = reg_store::event_title(
            conn,
            event.id,
            &[locale.tag(), event.default_locale.as_str(), "en"],
        )?;
        let (page, post) =
            unsubscribe::links(settings, &email, Kind::Reminders).unwrap_or_default();
        let fresh = outbox::enqueue(
            conn,
            OutgoingEmail::new(
                &email,
                locale,
                "event_reminder",
                json!({
                    "name": name,
                    "event": title,
                    "event_id": event.id,
                    "starts_at": event.starts_at.and_utc().to_rfc3339(),
                    "ends_at": event.ends_at.and_utc().to_rfc3339(),
                    "timezone": event.timezone,
                    "place": event.place(),
                    "online_url": event.online_url,
                    "code": code,
                    "registration_id": id,
                    "guest": person_id.is_none(),
                    "unsubscribe_link": page,
                    "unsubscribe_post": post,
                }),
            )
            .dedupe(format!("reminder:{id}:{hours}"))
            .from_host(host.clone()),
        )?;
        if fresh {
            queued += 1;
        }
    }
    Ok(queued)
}
