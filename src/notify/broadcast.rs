//! Organiser messages: staff write to an event's registrants; one email each, in the same
//! transaction, within a daily limit per event.

use std::collections::BTreeMap;

use chrono::Duration;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::db::schema::{event_messages, people, registrations};
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::http::AppState;
use crate::i18n::fallback::{self, Choice};
use crate::i18n::Locale;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::notify::unsubscribe::{self, Kind};
use crate::registrations::{service::staff_event, store as reg_store};
use crate::types::text;

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

/// The texts of a message by stored locale, validated.
struct Texts {
    default: Locale,
    by_locale: BTreeMap<Locale, (String, String)>,
}

impl Texts {
    fn parse(req: &MessageRequest, default: Locale) -> AppResult<Texts> {
        let mut errors = FieldErrors::new();
        let mut by_locale = BTreeMap::new();
        let mut one = |errors: &mut FieldErrors, tag: Option<&str>, locale, subject, body| {
            let prefix = tag
                .map(|t| format!("translations.{t}."))
                .unwrap_or_default();
            let subject = text(subject, 1, crate::caps::MESSAGE_SUBJECT)
                .map_err(|m| errors.insert(format!("{prefix}subject"), vec![m]))
                .ok();
            let body = text(body, 1, crate::caps::MESSAGE_BODY)
                .map_err(|m| errors.insert(format!("{prefix}body"), vec![m]))
                .ok();
            if let (Some(subject), Some(body)) = (subject, body) {
                by_locale.insert(locale, (subject, body));
            }
        };
        one(&mut errors, None, default, &req.subject, &req.body);
        for (tag, t) in &req.translations {
            match Locale::parse(tag) {
                Some(l) if l != default => one(&mut errors, Some(tag), l, &t.subject, &t.body),
                _ => {
                    errors.insert(
                        format!("translations.{tag}"),
                        vec!["must be a supported locale other than the event's default".into()],
                    );
                }
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(Texts { default, by_locale })
    }

    /// The subject and body a reader of `locale` gets, and the locale they are served in.
    fn for_reader(&self, locale: Locale) -> (Locale, String, String) {
        let available: Vec<Locale> = self.by_locale.keys().copied().collect();
        let choice = fallback::choose(Some(locale), self.default, &available).unwrap_or(Choice {
            served: self.default,
            stored: self.default,
        });
        let (subject, body) = self
            .by_locale
            .get(&choice.stored)
            .cloned()
            .unwrap_or_default();
        (
            choice.served,
            choice.convert(&subject),
            choice.convert(&body),
        )
    }
}

/// One registrant the message goes to.
struct Recipient {
    registration_id: i64,
    email: String,
    name: String,
    guest: bool,
    locale: Locale,
}

/// The audience's registrants with an address, and how many of them opted out.
fn recipients(
    conn: &mut AnyConnection,
    event_id: i64,
    audience: Audience,
) -> AppResult<(Vec<Recipient>, i64)> {
    let statuses: &[&str] = match audience {
        Audience::Confirmed | Audience::CheckedIn => &["confirmed"],
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
    let mut query = registrations::table
        .left_join(people::table)
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq_any(statuses))
        .into_boxed();
    if audience == Audience::CheckedIn {
        query = query.filter(registrations::checked_in_at.is_not_null());
    }
    let rows: Vec<Row> = query
        .order(registrations::id.asc())
        .select((
            registrations::id,
            people::email.nullable(),
            people::full_name.nullable(),
            registrations::guest_email,
            registrations::guest_name,
            registrations::locale,
        ))
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    let mut unsubscribed = 0;
    for (registration_id, person_email, person_name, guest_email, guest_name, locale) in rows {
        let Some(email) = person_email.or(guest_email) else {
            continue;
        };
        if unsubscribe::is_unsubscribed(conn, &email, Kind::OrganiserMessages)? {
            unsubscribed += 1;
            continue;
        }
        out.push(Recipient {
            registration_id,
            email,
            guest: person_name.is_none(),
            name: person_name.or(guest_name).unwrap_or_default(),
            locale: Locale::parse(&locale).unwrap_or(Locale::En),
        });
    }
    Ok((out, unsubscribed))
}

/// Messages sent for this event in the last 24 hours, and the oldest of them.
fn sent_today(
    conn: &mut AnyConnection,
    event_id: i64,
    at: chrono::NaiveDateTime,
) -> AppResult<(i64, Option<chrono::NaiveDateTime>)> {
    let recent = event_messages::table
        .filter(event_messages::event_id.eq(event_id))
        .filter(event_messages::created_at.gt(at - Duration::hours(24)));
    let count: i64 = recent.count().get_result(conn)?;
    let oldest = recent
        .select(diesel::dsl::min(event_messages::created_at))
        .first(conn)?;
    Ok((count, oldest))
}

/// What a message would do, before it is sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessagePreview {
    /// One entry per language the recipients will read.
    pub languages: Vec<PreviewLanguage>,
    pub recipients: i64,
    /// Registrants of the audience who opted out of organiser messages.
    pub unsubscribed: i64,
    pub daily_limit: i64,
    /// Messages this event may still send in the next 24 hours.
    pub remaining_today: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewLanguage {
    /// The locale tag these recipients read.
    pub locale: String,
    pub recipients: i64,
    pub subject: String,
    pub body: String,
}

/// Counts and texts per language for `req`, for staff, with the same checks as `send` (but
/// the daily limit is reported, not enforced).
pub async fn preview(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    req: MessageRequest,
) -> AppResult<MessagePreview> {
    let limit = i64::from(state.settings.notify.organiser_messages_per_event_per_day);
    state
        .db(move |conn| {
            let event = staff_event(conn, person_id, event_id)?;
            let default = Locale::parse(&event.default_locale).unwrap_or(Locale::En);
            let texts = Texts::parse(&req, default)?;
            let (people, unsubscribed) = recipients(conn, event_id, req.audience)?;
            let mut by_served: BTreeMap<Locale, PreviewLanguage> = BTreeMap::new();
            for r in &people {
                let (served, subject, body) = texts.for_reader(r.locale);
                by_served
                    .entry(served)
                    .or_insert(PreviewLanguage {
                        locale: served.tag().to_owned(),
                        recipients: 0,
                        subject,
                        body,
                    })
                    .recipients += 1;
            }
            let (sent, _) = sent_today(conn, event_id, now())?;
            Ok(MessagePreview {
                languages: by_served.into_values().collect(),
                recipients: people.len() as i64,
                unsubscribed,
                daily_limit: limit,
                remaining_today: (limit - sent).max(0),
            })
        })
        .await
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

/// The daily limit and what is left of it for this event (staff only).
pub async fn allowance(state: &AppState, person_id: i64, event_id: i64) -> AppResult<(i64, i64)> {
    let limit = i64::from(state.settings.notify.organiser_messages_per_event_per_day);
    state
        .db(move |conn| {
            staff_event(conn, person_id, event_id)?;
            let (sent, _) = sent_today(conn, event_id, now())?;
            Ok((limit, (limit - sent).max(0)))
        })
        .await
}
