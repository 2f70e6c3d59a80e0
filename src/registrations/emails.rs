//! The emails a registration change sends, with the data every language needs.

use serde_json::json;

use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::i18n::Locale;
use crate::members::access;
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
    outbox::enqueue(
        conn,
        OutgoingEmail::new(
            &view.email,
            locale,
            template,
            json!({
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
            }),
        )
        .dedupe(format!(
            "{template}:{}:{}",
            reg.id,
            reg.updated_at.and_utc().timestamp_micros()
        ))
        .from_host(host),
    )?;
    Ok(())
}
