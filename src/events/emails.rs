//! The emails events send: time or place changed (coalesced), and the pieces they share.

use std::collections::HashMap;

use chrono::Duration;
use serde_json::{json, Value};

use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::events::model::*;
use crate::events::recipients::{self, Recipient};
use crate::events::store;
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

/// The revision each event's invitations carry in this transaction: raised once per event, when
/// the first person holding a seat is written to, so everyone gets the same new SEQUENCE.
#[derive(Default)]
pub(super) struct Revisions(HashMap<i64, i32>);

impl Revisions {
    fn of(&mut self, conn: &mut AnyConnection, event_id: i64) -> AppResult<i32> {
        if let Some(revision) = self.0.get(&event_id) {
            return Ok(*revision);
        }
        let revision = store::next_revision(conn, event_id)?;
        self.0.insert(event_id, revision);
        Ok(revision)
    }
}

/// Picks the message for a recipient and completes its data: a calendar invitation (the
/// event's new revision as its SEQUENCE) only for someone holding a seat; the waitlisted and
/// unconfirmed guests get `no_seat`, which says where they stand, and no invitation.
pub(super) fn addressed(
    conn: &mut AnyConnection,
    revisions: &mut Revisions,
    r: &Recipient,
    data: &mut Value,
    (seat, no_seat): (&'static str, &'static str),
) -> AppResult<&'static str> {
    if r.holds_seat() {
        data["sequence"] = json!(revisions.of(conn, r.event_id)?);
        Ok(seat)
    } else {
        data["standing"] = json!(r.status);
        data["position"] = json!(r.waitlist_position);
        Ok(no_seat)
    }
}

pub(super) fn tell_changed(
    conn: &mut AnyConnection,
    old: &Event,
    new: &Event,
    contents: &Contents,
    public_url: &str,
    delay: Duration,
) -> AppResult<()> {
    let host = crate::members::access::email_host(conn, new.organisation_id)?;
    let mut revisions = Revisions::default();
    for r in recipients::live(conn, &[new.id])? {
        let locale = recipient_locale(&r);
        let mut data = json!({
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
        });
        let template = addressed(
            conn,
            &mut revisions,
            &r,
            &mut data,
            ("event_changed", "event_changed_no_seat"),
        )?;
        // One key whatever the message: a person promoted within the window gets one email.
        let email = OutgoingEmail::new(&r.email, locale, template, data)
            .dedupe(format!("event_changed:{}:{}", new.id, r.registration_id))
            .from_host(host.clone());
        outbox::enqueue_coalesced(conn, email, delay, &["old_starts_at", "old_place"])?;
    }
    Ok(())
}
