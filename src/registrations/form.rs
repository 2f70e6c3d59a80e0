//! What a registration form needs to show before anyone registers: the event's questions in
//! the reader's language, the reader's live registration if they have one, and the
//! organisations they may register colleagues for.

use std::collections::BTreeMap;

use diesel::prelude::*;

use crate::db::schema::{events, organisations};
use crate::db::{now, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::i18n::{fallback, Locale};
use crate::members::access;
use crate::registrations::model::*;
use crate::registrations::{service, store};

/// One question, its texts resolved into one locale.
#[derive(Debug, Clone)]
pub struct Field {
    pub id: i64,
    /// One of `questions::KINDS`.
    pub kind: String,
    pub required: bool,
    pub label: String,
    /// (key, label).
    pub choices: Vec<(String, String)>,
}

/// The reader's live registration for the event.
#[derive(Debug, Clone)]
pub struct Existing {
    pub id: i64,
    pub status: String,
    /// 1-based, while waitlisted.
    pub waitlist_position: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct RegistrationForm {
    /// The event's own language, for pages read without an explicit choice.
    pub default_locale: Locale,
    /// Whether the event has sessions (a programme to read).
    pub has_sessions: bool,
    pub fields: Vec<Field>,
    pub existing: Option<Existing>,
    /// Organisations the reader represents (slug, name): they may register colleagues.
    pub represents: Vec<(String, String)>,
}

/// A text stored per locale (`{"en": …, "sr-Latn": …}`), by the content fallback chain.
pub fn localised(json: &str, locale: Locale, default: Locale) -> String {
    let texts: BTreeMap<String, String> = serde_json::from_str(json).unwrap_or_default();
    let by_locale: BTreeMap<Locale, &String> = texts
        .iter()
        .filter_map(|(tag, text)| Some((Locale::parse(tag)?, text)))
        .collect();
    let available: Vec<Locale> = by_locale.keys().copied().collect();
    fallback::choose(Some(locale), default, &available)
        .and_then(|c| by_locale.get(&c.stored).map(|t| c.convert(t)))
        .unwrap_or_default()
}

fn field(q: &Question, locale: Locale, default: Locale) -> Field {
    let choices: Vec<ChoiceInput> = serde_json::from_str(&q.choices).unwrap_or_default();
    Field {
        id: q.id,
        kind: q.kind.clone(),
        required: q.required,
        label: localised(&q.label, locale, default),
        choices: choices
            .into_iter()
            .map(|c| {
                let label = serde_json::to_string(&c.label).unwrap_or_default();
                (c.key, localised(&label, locale, default))
            })
            .collect(),
    }
}

/// The form of an event the reader may see (else 404, as the event itself).
pub async fn registration_form(
    state: &AppState,
    person_id: Option<i64>,
    event_id: i64,
    locale: Locale,
) -> AppResult<RegistrationForm> {
    state
        .read(move |conn| load(conn, person_id, event_id, locale))
        .await
}

fn load(
    conn: &mut AnyConnection,
    person_id: Option<i64>,
    event_id: i64,
    locale: Locale,
) -> AppResult<RegistrationForm> {
    let event = store::find_event(conn, event_id)?.ok_or(AppError::NotFound("event"))?;
    let staff = match person_id {
        Some(id) => service::is_staff_or_admin(conn, id, event.organisation_id)?,
        None => false,
    };
    if !service::can_see(conn, person_id, staff, &event, now().date())? {
        return Err(AppError::NotFound("event"));
    }
    load_visible(conn, person_id, event_id, event.default_locale(), locale)
}

/// The form of an event the caller has already found visible to the reader (the event page
/// reads the event and its form in one snapshot).
pub fn load_visible(
    conn: &mut AnyConnection,
    person_id: Option<i64>,
    event_id: i64,
    default: Locale,
    locale: Locale,
) -> AppResult<RegistrationForm> {
    let sessions: i64 = events::table
        .filter(events::parent_id.eq(event_id))
        .count()
        .get_result(conn)?;
    let fields = store::questions(conn, event_id)?
        .iter()
        .map(|q| field(q, locale, default))
        .collect();
    let Some(person_id) = person_id else {
        return Ok(RegistrationForm {
            default_locale: default,
            has_sessions: sessions > 0,
            fields,
            existing: None,
            represents: Vec::new(),
        });
    };
    let existing = match store::live_for_person(conn, event_id, person_id)? {
        Some(r) => Some(Existing {
            waitlist_position: store::waitlist_position(conn, &r)?,
            id: r.id,
            status: r.status,
        }),
        None => None,
    };
    let ids = access::represented_organisations(conn, person_id)?;
    let represents = if ids.is_empty() {
        Vec::new()
    } else {
        organisations::table
            .filter(organisations::id.eq_any(ids))
            .order(organisations::name)
            .select((organisations::slug, organisations::name))
            .load(conn)?
    };
    Ok(RegistrationForm {
        default_locale: default,
        has_sessions: sessions > 0,
        fields,
        existing,
        represents,
    })
}

#[cfg(test)]
mod tests {
    use super::localised;
    use crate::i18n::Locale;

    #[test]
    fn labels_follow_the_content_fallback() {
        let json = r#"{"en":"Diet","sr-Cyrl":"Исхрана"}"#;
        assert_eq!(localised(json, Locale::SrCyrl, Locale::En), "Исхрана");
        assert_eq!(localised(json, Locale::SrLatn, Locale::En), "Ishrana");
        assert_eq!(localised(json, Locale::Mk, Locale::En), "Diet");
        assert_eq!(localised("not json", Locale::En, Locale::En), "");
    }
}
