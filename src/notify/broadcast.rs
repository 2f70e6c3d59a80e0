//! Organiser messages: staff write to an event's registrants; one email each, in the same
//! transaction, within a daily limit per event.

use std::collections::BTreeMap;

use chrono::Duration;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::db::schema::event_messages;
use crate::db::{now, write_tx};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::i18n::Locale;
pub use crate::notify::broadcast_audience::{allowance, preview, MessagePreview, PreviewLanguage};
use crate::notify::broadcast_audience::{recipients, sent_today, Texts};
use crate::notify::outbox::{self, OutgoingEmail};
use crate::notify::unsubscribe::{self, Kind};
use crate::registrations::{service::staff_event, store as reg_store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Confirmed,
    Waitlisted,
    /// Confirmed and waitlisted.
    All,
    /// Confirmed and already checked in (e.g. a follow-up after the event).
    CheckedIn,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Confirmed => "confirmed",
            Audience::Waitlisted => "waitlisted",
            Audience::All => "all",
            Audience::CheckedIn => "checked_in",
        }
    }
}

/// The subject and body in one more language.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageText {
    pub subject: String,
    pub body: String,
}

/// `subject` and `body` are in the event's default language; `translations` may add others
/// (locale tag → text). Each recipient gets their own language, else the same language in the
/// other Serbian script (transliterated), else the default.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    pub subject: String,
    pub body: String,
    pub audience: Audience,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub translations: BTreeMap<String, MessageText>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessageSent {
    pub id: i64,
    /// Emails queued (people who opted out of organiser messages are skipped).
    pub recipients: i32,
}

pub async fn send(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    req: MessageRequest,
) -> AppResult<MessageSent> {
    let settings = state.settings.clone();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event = staff_event(conn, person_id, event_id)?;
                let default = Locale::parse(&event.default_locale).unwrap_or(Locale::En);
                let texts = Texts::parse(&req, default)?;
                let at = now();
                let (sent, oldest) = sent_today(conn, event_id, at)?;
                if sent >= i64::from(settings.notify.organiser_messages_per_event_per_day) {
                    let retry = oldest
                        .map(|o| (o + Duration::hours(24) - at).num_seconds().max(1))
                        .unwrap_or(3600);
                    return Err(AppError::TooManyRequests {
                        retry_after_secs: retry.unsigned_abs(),
                    });
                }
                let (people, _) = recipients(conn, event_id, req.audience)?;
                let host = crate::members::access::email_host(conn, event.organisation_id)?
                    .ok_or(AppError::NotFound("organisation"))?;
                let (subject, body) = texts.by_locale.get(&default).cloned().unwrap_or_default();
                let message_id: i64 = diesel::insert_into(event_messages::table)
                    .values((
                        event_messages::event_id.eq(event_id),
                        event_messages::sent_by.eq(person_id),
                        event_messages::subject.eq(&subject),
                        event_messages::body.eq(&body),
                        event_messages::audience.eq(req.audience.as_str()),
                        event_messages::recipients.eq(0),
                        event_messages::created_at.eq(at),
                    ))
                    .returning(event_messages::id)
                    .get_result(conn)?;
                let mut count = 0;
                for r in people {
                    let (locale, subject, body) = texts.for_reader(r.locale);
                    let title = reg_store::event_title(
                        conn,
                        event_id,
                        &[locale.tag(), event.default_locale.as_str(), "en"],
                    )?;
                    let (page, post) =
                        unsubscribe::links(&settings, &r.email, Kind::OrganiserMessages)
                            .unwrap_or_default();
                    outbox::enqueue(
                        conn,
                        OutgoingEmail::new(
                            &r.email,
                            locale,
                            "organiser_message",
                            json!({
                                "name": r.name,
                                "event": title,
                                "organisation": host.name,
                                "event_id": event_id,
                                "registration_id": r.registration_id,
                                "guest": r.guest,
                                "message_subject": subject,
                                "message_body": body,
                                "unsubscribe_link": page,
                                "unsubscribe_post": post,
                            }),
                        )
                        .dedupe(format!("event_message:{message_id}:{}", r.registration_id))
                        .from_host(Some(host.clone())),
                    )?;
                    count += 1;
                }
                diesel::update(event_messages::table.find(message_id))
                    .set(event_messages::recipients.eq(count))
                    .execute(conn)?;
                Ok(MessageSent {
                    id: message_id,
                    recipients: count,
                })
            })
        })
        .await
}
