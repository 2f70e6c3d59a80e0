//! The emails events send: time or place changed (coalesced), and the pieces they share.

use chrono::Duration;
use serde_json::json;

use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::events::model::*;
use crate::events::store::{self, Recipient};
use crate::events::validate::Contents;
use crate::i18n::Locale;
use crate::notify::outbox::{self, OutgoingEmail};

pub(super) fn time_or_place_changed(old: &Event, new: &Event) -> bool {
    old.starts_at != new.starts_at || old.ends_at != new.ends_at || old.place() != new.place()
}

pub(super) fn title_for(event: &Event, contents: &Contents, locale: Locale) -> String {
    let available: Vec<Locale> = contents.keys().copied().collect();
    crate::i18n::fallback::choose(Some(locale), event.default_locale(), &available)
        .and_then(|c| {
            contents
                .get(&c.stored)
                .and_then(|t| t.title.as_deref())
                .map(|t| c.convert(t))
        })
        .unwrap_or_default()
}

pub(super) fn recipient_locale(r: &Recipient) -> Locale {
    Locale::parse(&r.locale).unwrap_or(Locale::En)
}

pub(super) fn tell_changed(
    conn: &mut AnyConnection,
    old: &Event,
    new: &Event,
    contents: &Contents,
    public_url: &str,
    delay: Duration,
) -> AppResult<()> {
    for r in store::live_recipients(conn, &[new.id])? {
        let locale = recipient_locale(&r);
        let email = OutgoingEmail::new(
            &r.email,
            locale,
            "event_changed",
            json!({
                "name": r.name,
                "event": title_for(new, contents, locale),
                "event_id": new.id,
                "starts_at": new.starts_at.and_utc().to_rfc3339(),
                "ends_at": new.ends_at.and_utc().to_rfc3339(),
                "timezone": new.timezone,
                "place": new.place(),
                "old_starts_at": old.starts_at.and_utc().to_rfc3339(),
                "old_place": old.place(),
                "link": format!("{public_url}/events/{}", new.id),
                "registration_id": r.registration_id,
                "guest": r.guest,
            }),
        )
        .dedupe(format!("event_changed:{}:{}", new.id, r.registration_id))
        .from_host(crate::members::access::email_host(
            conn,
            new.organisation_id,
        )?);
        outbox::enqueue_coalesced(conn, email, delay, &["old_starts_at", "old_place"])?;
    }
    Ok(())
}
