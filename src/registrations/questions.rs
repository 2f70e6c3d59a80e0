//! The questions an event asks at registration, and checking the answers against them.

use crate::caps::{
    self, CHOICES_PER_QUESTION as MAX_CHOICES, QUESTIONS_PER_EVENT as MAX_QUESTIONS,
};
use std::collections::{BTreeMap, HashSet};

use diesel::prelude::*;
use serde_json::{Map, Value};

use crate::audit::{self, snapshot, Entry};
use crate::db::schema::event_questions;
use crate::db::{columns_of, now, write_tx, AnyConnection};
use crate::error::{push_error as push, AppError, AppResult, FieldErrors};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::registrations::model::*;
use crate::registrations::{service, store};

pub const KINDS: [&str; 5] = [
    "text",
    "long_text",
    "single_choice",
    "multiple_choice",
    "boolean",
];

fn is_choice(kind: &str) -> bool {
    kind == "single_choice" || kind == "multiple_choice"
}

/// Checks `answers` (question id → value) against the questions. Every problem is reported,
/// keyed `answers.<question id>`.
pub fn validate_answers(questions: &[Question], answers: &Map<String, Value>) -> AppResult<String> {
    let mut errors = FieldErrors::new();
    if answers.len() > MAX_QUESTIONS {
        return Err(AppError::invalid(
            "answers",
            format!("at most {MAX_QUESTIONS} answers"),
        ));
    }
    let known: HashSet<String> = questions.iter().map(|q| q.id.to_string()).collect();
    for key in answers.keys() {
        if !known.contains(key) {
            push(
                &mut errors,
                format!("answers.{key}"),
                "is not a question of this event",
            );
        }
    }
    let mut clean = Map::new();
    for q in questions {
        let field = format!("answers.{}", q.id);
        let answer = answers.get(&q.id.to_string()).filter(|v| !v.is_null());
        let Some(answer) = answer else {
            if q.required {
                push(&mut errors, field, "is required");
            }
            continue;
        };
        let choices: Vec<String> = serde_json::from_str::<Vec<ChoiceInput>>(&q.choices)
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.key)
            .collect();
        let checked: Result<Value, String> = match q.kind.as_str() {
            "text" | "long_text" => {
                let max = if q.kind == "text" {
                    caps::SHORT_ANSWER
                } else {
                    caps::LONG_ANSWER
                };
                match answer.as_str().map(str::trim) {
                    Some("") if q.required => Err("is required".into()),
                    Some(s) if s.chars().count() > max => {
                        Err(format!("must be at most {max} characters"))
                    }
                    Some(s) => Ok(Value::String(s.to_owned())),
                    None => Err("must be a string".into()),
                }
            }
            "boolean" => answer
                .as_bool()
                .map(Value::Bool)
                .ok_or_else(|| "must be true or false".into()),
            "single_choice" => match answer.as_str() {
                Some(key) if choices.iter().any(|c| c == key) => Ok(Value::String(key.to_owned())),
                Some(key) => Err(format!(
                    "`{key}` is not one of the choices: {}",
                    choices.join(", ")
                )),
                None => Err("must be one choice key".into()),
            },
            "multiple_choice" => match answer.as_array() {
                Some(items) => {
                    let keys: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                    let unique: HashSet<&str> = keys.iter().copied().collect();
                    if keys.len() != items.len() || unique.len() != keys.len() {
                        Err("must be a list of distinct choice keys".into())
                    } else if let Some(bad) = keys.iter().find(|k| !choices.iter().any(|c| c == *k))
                    {
                        Err(format!(
                            "`{bad}` is not one of the choices: {}",
                            choices.join(", ")
                        ))
                    } else if keys.is_empty() && q.required {
                        Err("is required".into())
                    } else {
                        Ok(Value::Array(
                            keys.into_iter()
                                .map(|k| Value::String(k.to_owned()))
                                .collect(),
                        ))
                    }
                }
                None => Err("must be a list of choice keys".into()),
            },
            _ => Err("cannot be answered".into()),
        };
        match checked {
            Ok(value) => {
                clean.insert(q.id.to_string(), value);
            }
            Err(message) => push(&mut errors, field, message),
        }
    }
    if errors.is_empty() {
        Ok(Value::Object(clean).to_string())
    } else {
        Err(AppError::Validation(errors))
    }
}

fn validate_label(
    errors: &mut FieldErrors,
    field: &str,
    label: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut clean = BTreeMap::new();
    for (tag, text) in label {
        match Locale::parse(tag) {
            Some(locale) => match crate::types::text(text, 1, caps::QUESTION_LABEL) {
                Ok(t) => {
                    clean.insert(locale.tag().to_owned(), t);
                }
                Err(m) => push(errors, format!("{field}.{tag}"), m),
            },
            None => push(
                errors,
                format!("{field}.{tag}"),
                format!("unsupported locale `{tag}`"),
            ),
        }
    }
    if label.is_empty() {
        push(errors, field, "needs a text in at least one locale");
    }
    clean
}

fn validate_choices(
    errors: &mut FieldErrors,
    kind: &str,
    choices: &[ChoiceInput],
) -> Vec<ChoiceInput> {
    if !is_choice(kind) {
        if !choices.is_empty() {
            push(
                errors,
                "choices",
                format!("a {kind} question has no choices"),
            );
        }
        return Vec::new();
    }
    if choices.is_empty() || choices.len() > MAX_CHOICES {
        push(
            errors,
            "choices",
            format!("a choice question needs 1 to {MAX_CHOICES} choices"),
        );
    }
    let mut seen = HashSet::new();
    let mut clean = Vec::new();
    for (i, choice) in choices.iter().enumerate() {
        let key_ok = !choice.key.is_empty()
            && choice.key.len() <= 40
            && choice
                .key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !key_ok {
            push(
                errors,
                format!("choices.{i}.key"),
                "must be 1-40 of a-z, 0-9, _ and -",
            );
        } else if !seen.insert(choice.key.clone()) {
            push(errors, format!("choices.{i}.key"), "is used twice");
        }
        let label = validate_label(errors, &format!("choices.{i}.label"), &choice.label);
        clean.push(ChoiceInput {
            key: choice.key.clone(),
            label,
        });
    }
    clean
}

fn check_kind(errors: &mut FieldErrors, kind: &str) {
    if !KINDS.contains(&kind) {
        push(
            errors,
            "kind",
            format!("must be one of {}", KINDS.join(", ")),
        );
    }
}

pub async fn list(state: &AppState, person_id: i64, event_id: i64) -> AppResult<Vec<QuestionView>> {
    state
        .db(move |conn| {
            service::staff_event(conn, person_id, event_id)?;
            Ok(store::questions(conn, event_id)?
                .iter()
                .map(QuestionView::from)
                .collect())
        })
        .await
}

pub async fn create(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    input: QuestionInput,
) -> AppResult<QuestionView> {
    let mut errors = FieldErrors::new();
    check_kind(&mut errors, &input.kind);
    let label = validate_label(&mut errors, "label", &input.label);
    let choices = validate_choices(&mut errors, &input.kind, &input.choices);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event = service::staff_event(conn, person_id, event_id)?;
                let existing = store::questions(conn, event_id)?;
                if existing.len() >= MAX_QUESTIONS {
                    return Err(AppError::invalid(
                        "questions",
                        format!("an event asks at most {MAX_QUESTIONS} questions"),
                    ));
                }
                let position = input
                    .position
                    .unwrap_or_else(|| existing.iter().map(|q| q.position + 1).max().unwrap_or(1));
                let form = QuestionForm {
                    event_id,
                    position,
                    kind: input.kind,
                    required: input.required,
                    label: serde_json::to_string(&label).unwrap_or_default(),
                    choices: serde_json::to_string(&choices).unwrap_or_default(),
                    created_at: now(),
                };
                let q: Question = diesel::insert_into(event_questions::table)
                    .values(&form)
                    .returning(columns_of::<Question>())
                    .get_result(conn)?;
                audit::record(
                    conn,
                    Entry::new("question.created", person_id, "question", q.id)
                        .at(event.organisation_id)
                        .after(snapshot::question(&q)),
                )?;
                Ok(QuestionView::from(&q))
            })
        })
        .await
}

fn own_question(conn: &mut AnyConnection, event_id: i64, question_id: i64) -> AppResult<Question> {
    event_questions::table
        .find(question_id)
        .filter(event_questions::event_id.eq(event_id))
        .select(Question::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound("question"))
}

pub async fn update(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    question_id: i64,
    patch: QuestionPatch,
) -> AppResult<QuestionView> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event = service::staff_event(conn, person_id, event_id)?;
                let q = own_question(conn, event_id, question_id)?;
                let mut errors = FieldErrors::new();
                let kind = patch.kind.clone().unwrap_or(q.kind.clone());
                check_kind(&mut errors, &kind);
                let label = match &patch.label {
                    Some(label) => validate_label(&mut errors, "label", label),
                    None => serde_json::from_str(&q.label).unwrap_or_default(),
                };
                let choices = match &patch.choices {
                    Some(choices) => validate_choices(&mut errors, &kind, choices),
                    None => {
                        let stored: Vec<ChoiceInput> =
                            serde_json::from_str(&q.choices).unwrap_or_default();
                        validate_choices(&mut errors, &kind, &stored)
                    }
                };
                if !errors.is_empty() {
                    return Err(AppError::Validation(errors));
                }
                let form = QuestionForm {
                    event_id,
                    position: patch.position.unwrap_or(q.position),
                    kind,
                    required: patch.required.unwrap_or(q.required),
                    label: serde_json::to_string(&label).unwrap_or_default(),
                    choices: serde_json::to_string(&choices).unwrap_or_default(),
                    created_at: q.created_at,
                };
                let updated: Question = diesel::update(event_questions::table.find(question_id))
                    .set(&form)
                    .returning(columns_of::<Question>())
                    .get_result(conn)?;
                audit::record(
                    conn,
                    Entry::new("question.updated", person_id, "question", q.id)
                        .at(event.organisation_id)
                        .changes(snapshot::question(&q), snapshot::question(&updated)),
                )?;
                Ok(QuestionView::from(&updated))
            })
        })
        .await
}

pub async fn delete(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    question_id: i64,
) -> AppResult<()> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event = service::staff_event(conn, person_id, event_id)?;
                let q = own_question(conn, event_id, question_id)?;
                diesel::delete(event_questions::table.find(question_id)).execute(conn)?;
                audit::record(
                    conn,
                    Entry::new("question.deleted", person_id, "question", q.id)
                        .at(event.organisation_id)
                        .before(snapshot::question(&q)),
                )
            })
        })
        .await
}
