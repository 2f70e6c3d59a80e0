//! Who an organiser message reaches and in which words: the texts per language (with the
//! Serbian script fallback), the audience's registrants and the opted-out, the daily count;
//! and the preview built from them before anything is sent.

use std::collections::BTreeMap;

use chrono::Duration;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{event_messages, people, registrations};
use crate::db::{now, AnyConnection};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::http::AppState;
use crate::i18n::fallback::{self, Choice};
use crate::i18n::Locale;
use crate::notify::broadcast::{Audience, MessageRequest};
use crate::notify::unsubscribe::{self, Kind};
use crate::registrations::service::staff_event;
use crate::types::text;

/// The texts of a message by stored locale, validated.
pub(super) struct Texts {
    default: Locale,
    pub(super) by_locale: BTreeMap<Locale, (String, String)>,
}

impl Texts {
    pub(super) fn parse(req: &MessageRequest, default: Locale) -> AppResult<Texts> {
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
    pub(super) fn for_reader(&self, locale: Locale) -> (Locale, String, String) {
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
pub(super) struct Recipient {
    pub(super) registration_id: i64,
    pub(super) email: String,
    pub(super) name: String,
    pub(super) guest: bool,
    pub(super) locale: Locale,
}

/// The audience's registrants with an address, and how many of them opted out.
pub(super) fn recipients(
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
pub(super) fn sent_today(
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
