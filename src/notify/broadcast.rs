//! Organiser messages: staff write to an event's registrants; one email each, in the same
//! transaction, within a daily limit per event.

use chrono::Duration;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::db::schema::{event_messages, people, registrations};
use crate::db::{now, write_tx};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::notify::unsubscribe::{self, Kind};
use crate::registrations::{service::staff_event, store as reg_store};
use crate::types::text;

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Confirmed,
    Waitlisted,
    /// Confirmed and waitlisted.
    All,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    pub subject: String,
    pub body: String,
    pub audience: Audience,
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
    let mut errors = FieldErrors::new();
    let subject = text(&req.subject, 1, crate::caps::MESSAGE_SUBJECT)
        .map_err(|m| errors.insert("subject".into(), vec![m]))
        .ok();
    let body = text(&req.body, 1, crate::caps::MESSAGE_BODY)
        .map_err(|m| errors.insert("body".into(), vec![m]))
        .ok();
    let (Some(subject), Some(body)) = (subject, body) else {
        return Err(AppError::Validation(errors));
    };
    let settings = state.settings.clone();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event = staff_event(conn, person_id, event_id)?;
                let at = now();
                let sent_today: i64 = event_messages::table
                    .filter(event_messages::event_id.eq(event_id))
                    .filter(event_messages::created_at.gt(at - Duration::hours(24)))
                    .count()
                    .get_result(conn)?;
                if sent_today >= i64::from(settings.notify.organiser_messages_per_event_per_day) {
                    let oldest: Option<chrono::NaiveDateTime> = event_messages::table
                        .filter(event_messages::event_id.eq(event_id))
                        .filter(event_messages::created_at.gt(at - Duration::hours(24)))
                        .select(diesel::dsl::min(event_messages::created_at))
                        .first(conn)?;
                    let retry = oldest
                        .map(|o| (o + Duration::hours(24) - at).num_seconds().max(1))
                        .unwrap_or(3600);
                    return Err(AppError::TooManyRequests {
                        retry_after_secs: retry.unsigned_abs(),
                    });
                }
                let statuses: &[&str] = match req.audience {
                    Audience::Confirmed => &["confirmed"],
                    Audience::Waitlisted => &["waitlisted"],
                    Audience::All => &["confirmed", "waitlisted"],
                };
                type Row = (
                    i64,
                    Option<String>,
                    Option<String>,
                    Option<String>,
                    Option<String>,
                    String,
                );
                let rows: Vec<Row> = registrations::table
                    .left_join(people::table)
                    .filter(registrations::event_id.eq(event_id))
                    .filter(registrations::status.eq_any(statuses))
                    .select((
                        registrations::id,
                        people::email.nullable(),
                        people::full_name.nullable(),
                        registrations::guest_email,
                        registrations::guest_name,
                        registrations::locale,
                    ))
                    .load(conn)?;
                let host = crate::members::access::email_host(conn, event.organisation_id)?
                    .ok_or(AppError::NotFound("organisation"))?;
                let message_id: i64 = diesel::insert_into(event_messages::table)
                    .values((
                        event_messages::event_id.eq(event_id),
                        event_messages::sent_by.eq(person_id),
                        event_messages::subject.eq(&subject),
                        event_messages::body.eq(&body),
                        event_messages::audience.eq(serde_json::to_value(req.audience)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default()),
                        event_messages::recipients.eq(0),
                        event_messages::created_at.eq(at),
                    ))
                    .returning(event_messages::id)
                    .get_result(conn)?;
                let mut recipients = 0;
                for (registration_id, person_email, person_name, guest_email, guest_name, locale) in
                    rows
                {
                    let Some(email) = person_email.or(guest_email) else {
                        continue;
                    };
                    if unsubscribe::is_unsubscribed(conn, &email, Kind::OrganiserMessages)? {
                        continue;
                    }
                    let locale = Locale::parse(&locale).unwrap_or(Locale::En);
                    let title = reg_store::event_title(
                        conn,
                        event_id,
                        &[locale.tag(), event.default_locale.as_str(), "en"],
                    )?;
                    let (page, post) =
                        unsubscribe::links(&settings, &email, Kind::OrganiserMessages)
                            .unwrap_or_default();
                    outbox::enqueue(
                        conn,
                        OutgoingEmail::new(
                            &email,
                            locale,
                            "organiser_message",
                            json!({
                                "name": person_name.clone().or(guest_name).unwrap_or_default(),
                                "event": title,
                                "organisation": host.name,
                                "event_id": event_id,
                                "registration_id": registration_id,
                                "guest": person_name.is_none(),
                                "message_subject": subject,
                                "message_body": body,
                                "unsubscribe_link": page,
                                "unsubscribe_post": post,
                            }),
                        )
                        .dedupe(format!("event_message:{message_id}:{registration_id}"))
                        .from_host(Some(host.clone())),
                    )?;
                    recipients += 1;
                }
                diesel::update(event_messages::table.find(message_id))
                    .set(event_messages::recipients.eq(recipients))
                    .execute(conn)?;
                Ok(MessageSent {
                    id: message_id,
                    recipients,
                })
            })
        })
        .await
}
