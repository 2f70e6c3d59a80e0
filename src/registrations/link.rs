//! One registration as its page shows it, opened either by a signed-in person who may act on
//! it (the same rule as the API's GET and cancel) or by the signed key of its link
//! (`guest_link`: guests, and members reading an email while signed out). A key opens the one
//! registration it was made for and no other.

use crate::db::{now, write_tx};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::registrations::model::*;
use crate::registrations::service::may_act_on;
use crate::registrations::store::{self, EventSlot};
use crate::registrations::waitlist::cancel_locked;
use crate::registrations::{guest_link, views};

/// Who opens a registration's page.
pub enum Opener {
    Person(i64),
    Key(String),
}

/// A registration with its event, for its page.
pub struct RegistrationPage {
    pub registration: RegistrationView,
    pub event: EventSlot,
    /// In the reader's language, by the events' fallback chain.
    pub title: String,
    /// The title's language when it is not the reader's (for a `lang` attribute).
    pub title_lang: Option<&'static str>,
    /// Whether a cancel would be accepted now (live, and the event has not started).
    pub cancellable: bool,
    /// The event's questions with the answers given, labels in the reader's language.
    pub answers: Vec<(String, Answer)>,
}

/// One answer as a page shows it.
pub enum Answer {
    Text(String),
    Yes,
    No,
}

/// A label stored as locale → text: the reader's language, else English, else any.
fn label(raw: &serde_json::Value, locale: Locale) -> String {
    let pick = |tag: &str| raw.get(tag).and_then(|v| v.as_str());
    pick(locale.tag())
        .or_else(|| pick("en"))
        .or_else(|| raw.as_object()?.values().find_map(|v| v.as_str()))
        .unwrap_or_default()
        .to_owned()
}

/// The answers in question order; choice keys become their labels.
fn answers(questions: &[Question], stored: &str, locale: Locale) -> Vec<(String, Answer)> {
    let stored: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(stored).unwrap_or_default();
    let mut out = Vec::new();
    for q in questions {
        let Some(value) = stored.get(&q.id.to_string()) else {
            continue;
        };
        let question_label = serde_json::from_str(&q.label).unwrap_or_default();
        let choices: Vec<serde_json::Value> = serde_json::from_str(&q.choices).unwrap_or_default();
        let choice = |key: &serde_json::Value| -> String {
            choices
                .iter()
                .find(|c| c.get("key") == Some(key))
                .and_then(|c| c.get("label"))
                .map(|l| label(l, locale))
                .unwrap_or_else(|| key.as_str().unwrap_or_default().to_owned())
        };
        let answer = match value {
            serde_json::Value::Bool(true) => Answer::Yes,
            serde_json::Value::Bool(false) => Answer::No,
            serde_json::Value::Array(keys) => {
                Answer::Text(keys.iter().map(choice).collect::<Vec<_>>().join(", "))
            }
            serde_json::Value::String(text) if q.kind == "single_choice" => {
                Answer::Text(choice(&serde_json::Value::String(text.clone())))
            }
            serde_json::Value::String(text) => Answer::Text(text.clone()),
            other => Answer::Text(other.to_string()),
        };
        out.push((label(&question_label, locale), answer));
    }
    out
}

fn not_found() -> AppError {
    AppError::NotFound("registration")
}

fn key_opens(state: &AppState, registration_id: i64, opener: &Opener) -> bool {
    match opener {
        Opener::Key(key) => guest_link::verify(&state.settings, registration_id, key),
        Opener::Person(_) => true,
    }
}

/// The page's content; anyone the registration is not for is told it does not exist.
pub async fn page(
    state: &AppState,
    registration_id: i64,
    opener: Opener,
    locale: Locale,
) -> AppResult<RegistrationPage> {
    if !key_opens(state, registration_id, &opener) {
        return Err(not_found());
    }
    state
        .db(move |conn| {
            let reg = store::find(conn, registration_id)?.ok_or_else(not_found)?;
            let event = store::find_event(conn, reg.event_id)?.ok_or_else(not_found)?;
            if let Opener::Person(person_id) = opener {
                if !may_act_on(conn, person_id, &reg, &event, false)? {
                    return Err(not_found());
                }
            }
            let (title, served) = store::event_title_served(
                conn,
                event.id,
                &[locale.tag(), event.default_locale.as_str(), "en"],
            )?;
            let title_lang = served.filter(|l| *l != locale).map(|l| l.tag());
            let cancellable = reg.status != CANCELLED && now() < event.starts_at;
            let questions = store::questions(conn, event.id)?;
            Ok(RegistrationPage {
                answers: answers(&questions, &reg.answers, locale),
                registration: views::view(conn, &reg)?,
                event,
                title,
                title_lang,
                cancellable,
            })
        })
        .await
}

/// Cancels the registration its link names, with the same rules as any cancel (a confirmed
/// seat goes to the first in the waitlist, who is told; the holder is told). Cancelling a
/// cancelled registration changes nothing, so a key that was used can do no more.
pub async fn cancel_by_link(
    state: &AppState,
    registration_id: i64,
    key: &str,
) -> AppResult<RegistrationView> {
    if !guest_link::verify(&state.settings, registration_id, key) {
        return Err(not_found());
    }
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event_id = store::find(conn, registration_id)?
                    .ok_or_else(not_found)?
                    .event_id;
                let event = store::lock_event(conn, event_id)?.ok_or_else(not_found)?;
                // Read again under the event's lock, so a concurrent change is seen.
                let reg = store::find(conn, registration_id)?.ok_or_else(not_found)?;
                let cancelled = cancel_locked(conn, &event, &reg)?;
                views::view(conn, &cancelled)
            })
        })
        .await
}
