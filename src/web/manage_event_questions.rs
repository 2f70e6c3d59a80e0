//! The questions an event asks at registration: list, add, edit and remove them, with the
//! services of `/api/v1/events/{id}/questions`. Labels are given per locale; a choice question
//! lists its choices per locale, one `key = label` a line.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::web;

use crate::error::AppError;
use crate::events::model::EventView;
use crate::events::service::{self, Asker};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::registrations::model::{QuestionInput, QuestionPatch, QuestionView};
use crate::registrations::questions::{self, KINDS};
use crate::web::forms::FormErrors;
use crate::web::manage_event_page::Choice;
use crate::web::manage_event_question_form::{absorb, QuestionForm};
use crate::web::page::language_name;
use crate::web::{Page, WebError, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/manage/events/{id}/questions")
            .get(list)
            .post(add),
    )
    .service(
        web::resource("/manage/events/{id}/questions/{question}")
            .get(edit_form)
            .post(edit),
    )
    .service(
        web::resource("/manage/events/{id}/questions/{question}/remove")
            .get(remove_form)
            .post(remove),
    );
}

/// The label and choices of one locale.
pub struct LocaleFields {
    pub tag: &'static str,
    pub name: &'static str,
    pub open: bool,
    pub label: String,
    pub choices: String,
}

#[derive(askama::Template)]
#[template(path = "manage_events_questions.html")]
struct QuestionsPage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    event: &'a EventView,
    /// (id, label, kind, required) of the questions, for the list page.
    questions: Vec<(i64, String, String, bool)>,
    /// The question being edited or removed; `None` on the list page (the add form).
    editing: Option<i64>,
    removing: bool,
    kinds: Vec<Choice>,
    required: bool,
    locales: Vec<LocaleFields>,
}

fn asker(page: &Page) -> Result<Asker, WebError> {
    Ok(Asker {
        person_id: Some(page.person()?.id),
        locale: Some(page.locale),
    })
}

/// A label in the reader's language, else the event's default, else any.
fn label_in(q: &QuestionView, page: &Page, default: &str) -> String {
    let labels: BTreeMap<String, String> =
        serde_json::from_value(q.label.clone()).unwrap_or_default();
    labels
        .get(page.lang())
        .or_else(|| labels.get(default))
        .or_else(|| labels.values().next())
        .cloned()
        .unwrap_or_default()
}

struct View<'a> {
    event: &'a EventView,
    questions: &'a [QuestionView],
    editing: Option<i64>,
    removing: bool,
}

fn render(page: &Page, view: View<'_>, form: &QuestionForm, errors: &FormErrors) -> WebResult {
    let event = view.event;
    let kind = if form.kind.is_empty() {
        "text"
    } else {
        &form.kind
    };
    let default = Locale::parse(&event.default_locale).unwrap_or(Locale::En);
    let locales = Locale::ALL
        .iter()
        .map(|l| {
            let tag = l.tag();
            let label = form.labels.get(l).cloned().unwrap_or_default();
            let choices = form.choices.get(l).cloned().unwrap_or_default();
            LocaleFields {
                tag,
                name: language_name(*l),
                open: *l == default
                    || event.available_locales.iter().any(|a| a == tag)
                    || !label.is_empty()
                    || errors.has(&format!("label.{tag}"))
                    || errors.has(&format!("choices.{tag}")),
                label,
                choices,
            }
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let template = QuestionsPage {
        p: page,
        errors,
        event,
        questions: view
            .questions
            .iter()
            .map(|q| {
                let label = label_in(q, page, &event.default_locale);
                (
                    q.id,
                    label,
                    page.t(&format!(
                        "manage-events-q-kind-{}",
                        q.kind.replace('_', "-")
                    )),
                    q.required,
                )
            })
            .collect(),
        editing: view.editing,
        removing: view.removing,
        kinds: KINDS
            .iter()
            .map(|k| Choice {
                value: (*k).to_owned(),
                label: page.t(&format!("manage-events-q-kind-{}", k.replace('_', "-"))),
                selected: *k == kind,
            })
            .collect(),
        required: form.required,
        locales,
    };
    page.render_status(status, &template)
}

async fn load(
    page: &Page,
    state: &AppState,
    id: i64,
) -> Result<(EventView, Vec<QuestionView>), WebError> {
    let person_id = page.person()?.id;
    let questions = questions::list(state, person_id, id).await?;
    let event = service::get(state, asker(page)?, id, true).await?;
    Ok((event, questions))
}

async fn list(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    let (event, questions) = load(&page, &state, *id).await?;
    let view = View {
        event: &event,
        questions: &questions,
        editing: None,
        removing: false,
    };
    render(&page, view, &QuestionForm::default(), &FormErrors::new())
}

async fn add(
    page: Page,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    pairs: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let form = QuestionForm::parse(&pairs);
    page.verify(&form.csrf)?;
    let (event, existing) = load(&page, &state, *id).await?;
    let mut errors = FormErrors::new();
    let choices = form.choice_inputs(&page, &mut errors);
    if errors.is_empty() {
        let input = QuestionInput {
            kind: form.kind.clone(),
            required: form.required,
            label: form.label_map(),
            choices,
            position: None,
        };
        match questions::create(&state, page.person()?.id, event.id, input).await {
            Ok(_) => {
                let to = format!(
                    "/manage/events/{}/questions?notice=manage-events-q-notice-added",
                    event.id
                );
                return Ok(page.redirect(&to));
            }
            Err(e) => absorb(&page, &mut errors, e, &event.default_locale)?,
        }
    }
    let view = View {
        event: &event,
        questions: &existing,
        editing: None,
        removing: false,
    };
    render(&page, view, &form, &errors)
}

fn one(questions: &[QuestionView], question: i64) -> Result<&QuestionView, AppError> {
    questions
        .iter()
        .find(|q| q.id == question)
        .ok_or(AppError::NotFound("question"))
}

async fn show_one(page: Page, state: &AppState, path: (i64, i64), removing: bool) -> WebResult {
    let (event, questions) = load(&page, state, path.0).await?;
    let form = QuestionForm::from_view(one(&questions, path.1)?);
    let view = View {
        event: &event,
        questions: &[],
        editing: Some(path.1),
        removing,
    };
    render(&page, view, &form, &FormErrors::new())
}

async fn edit_form(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
) -> WebResult {
    show_one(page, &state, *path, false).await
}

async fn remove_form(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
) -> WebResult {
    show_one(page, &state, *path, true).await
}

async fn edit(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    pairs: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let form = QuestionForm::parse(&pairs);
    page.verify(&form.csrf)?;
    let (event_id, question) = *path;
    let (event, questions) = load(&page, &state, event_id).await?;
    one(&questions, question)?;
    let mut errors = FormErrors::new();
    let choices = form.choice_inputs(&page, &mut errors);
    if errors.is_empty() {
        let patch = QuestionPatch {
            kind: Some(form.kind.clone()),
            required: Some(form.required),
            label: Some(form.label_map()),
            choices: Some(choices),
            position: None,
        };
        match questions::update(&state, page.person()?.id, event_id, question, patch).await {
            Ok(_) => {
                let to = format!(
                    "/manage/events/{event_id}/questions?notice=manage-events-q-notice-saved"
                );
                return Ok(page.redirect(&to));
            }
            Err(e) => absorb(&page, &mut errors, e, &event.default_locale)?,
        }
    }
    let view = View {
        event: &event,
        questions: &[],
        editing: Some(question),
        removing: false,
    };
    render(&page, view, &form, &errors)
}

async fn remove(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    pairs: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let form = QuestionForm::parse(&pairs);
    page.verify(&form.csrf)?;
    let (event_id, question) = *path;
    if form.confirm {
        questions::delete(&state, page.person()?.id, event_id, question).await?;
        let to =
            format!("/manage/events/{event_id}/questions?notice=manage-events-q-notice-removed");
        return Ok(page.redirect(&to));
    }
    let (event, questions) = load(&page, &state, event_id).await?;
    let shown = QuestionForm::from_view(one(&questions, question)?);
    let mut errors = FormErrors::new();
    errors.add("confirm", page.t("manage-events-confirm-needed"));
    let view = View {
        event: &event,
        questions: &[],
        editing: Some(question),
        removing: true,
    };
    render(&page, view, &shown, &errors)
}
