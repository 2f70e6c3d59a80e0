//! The emails a registration change sends, with the data every language needs.

use serde_json::json;

use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::members::access;
use crate::notify::invite;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::registrations::model::*;
use crate::registrations::store::{self, EventSlot};
use crate::registrations::views;

/// Queues the email that tells the registrant what just happened to their registration.
pub fn announce(
    conn: &mut AnyConnection,
    event: &EventSlot,
    reg: &Registration,
    template: &'static str,
) -> AppResult<()> {
    announce_as(conn, event, reg, template, reg.status == CONFIRMED)
}

/// `announce`, saying whether the registration holds (for a cancellation: held) a seat. Only
/// then does a registration email carry a calendar invitation, under the event's next
/// revision; someone leaving the waitlist never had the event in their calendar.
pub fn announce_as(
    conn: &mut AnyConnection,
    event: &EventSlot,
    reg: &Registration,
    template: &'static str,
    held_seat: bool,
) -> AppResult<()> {
    let view = views::view(conn, reg)?;
    if view.email.is_empty() {
        return Ok(());
    }
    let locale = Locale::parse(&reg.locale).unwrap_or(Locale::En);
    let title = store::event_title(
        conn,
        event.id,
        &[locale.tag(), event.default_locale.as_str(), "en"],
    )?;
    let host = access::email_host(conn, event.organisation_id)?;
    let mut data = json!({
        "name": view.name,
        "event": title,
        "event_id": event.id,
        "starts_at": event.starts_at.and_utc().to_rfc3339(),
        "ends_at": event.ends_at.and_utc().to_rfc3339(),
        "timezone": event.timezone,
        "place": event.place(),
        "online_url": event.online_url,
        "code": reg.code,
        "position": view.waitlist_position,
        "registration_id": reg.id,
        // A guest's links carry the signed key; a member's send them to sign in.
        "guest": reg.person_id.is_none(),
    });
    if held_seat && invite::method_for(template).is_some() {
        data["sequence"] = json!(crate::events::service::next_revision(conn, event.id)?);
    }
    outbox::enqueue(
        conn,
        OutgoingEmail::new(&view.email, locale, template, data)
            .dedupe(format!(
                "{template}:{}:{}",
                reg.id,
                reg.updated_at.and_utc().timestamp_micros()
            ))
            .from_host(host),
    )?;
    Ok(())
}
