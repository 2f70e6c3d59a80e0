//! Publish, cancel and delete an event from the organiser pages: each a confirmation page and
//! a POST calling the same service as `POST /api/v1/events/{id}/publish`, `/cancel` and
//! `DELETE /api/v1/events/{id}`.

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::events::model::{CancelEvent, EventView};
use crate::events::service::{self, Asker};
use crate::events::{lifecycle, manage};
use crate::http::AppState;
use crate::web::forms::FormErrors;
use crate::web::manage_event_page::conflict_text;
use crate::web::{Page, WebError, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/manage/events/{id}/publish")
            .get(publish_form)
            .post(publish),
    )
    .service(
        web::resource("/manage/events/{id}/cancel")
            .get(cancel_form)
            .post(cancel),
    )
    .service(
        web::resource("/manage/events/{id}/delete")
            .get(delete_form)
            .post(delete),
    );
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Publish,
    Cancel,
    Delete,
}

impl Action {
    fn name(self) -> &'static str {
        match self {
            Action::Publish => "publish",
            Action::Cancel => "cancel",
            Action::Delete => "delete",
        }
    }
}

#[derive(askama::Template)]
#[template(path = "manage_events_confirm.html")]
struct ConfirmPage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    event: &'a EventView,
    action: &'static str,
    /// For a cancellation: how many people will be emailed, said.
    recipients: Option<String>,
    reason: &'a str,
    /// Why the action could not be done (a 409 or what a publication lacks), translated.
    problems: Vec<String>,
}

impl ConfirmPage<'_> {
    /// The text key of this action's `part` (`title`, `intro`, `confirm`, `submit`).
    fn key(&self, part: &str) -> String {
        format!("manage-events-{}-{part}", self.action)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActionForm {
    csrf: String,
    reason: String,
    confirm: Option<String>,
}

fn asker(page: &Page) -> Result<Asker, WebError> {
    Ok(Asker {
        person_id: Some(page.person()?.id),
        locale: Some(page.locale),
    })
}

struct Shown<'a> {
    errors: &'a FormErrors,
    recipients: Option<usize>,
    reason: &'a str,
    problems: Vec<String>,
}

fn show(page: &Page, event: &EventView, action: Action, shown: Shown<'_>) -> WebResult {
    let status = if !shown.problems.is_empty() {
        StatusCode::CONFLICT
    } else if !shown.errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page.render_status(
        status,
        &ConfirmPage {
            p: page,
            errors: shown.errors,
            event,
            action: action.name(),
            recipients: shown
                .recipients
                .map(|n| page.tn("manage-events-cancel-recipients", "count", n as i64)),
            reason: shown.reason,
            problems: shown.problems,
        },
    )
}

async fn confirm_page(page: Page, state: &AppState, id: i64, action: Action) -> WebResult {
    let person_id = page.person()?.id;
    let event = service::get(state, asker(&page)?, id, true).await?;
    let recipients = match action {
        Action::Cancel => Some(manage::cancel_recipient_count(state, person_id, id).await?),
        _ => None,
    };
    let shown = Shown {
        errors: &FormErrors::new(),
        recipients,
        reason: "",
        problems: Vec::new(),
    };
    show(&page, &event, action, shown)
}

async fn publish_form(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    confirm_page(page, &state, *id, Action::Publish).await
}

async fn cancel_form(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    confirm_page(page, &state, *id, Action::Cancel).await
}

async fn delete_form(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    confirm_page(page, &state, *id, Action::Delete).await
}

/// What a refused action says: a conflict's text, or what a publication still lacks.
fn problems_of(page: &Page, error: AppError) -> Result<Vec<String>, AppError> {
    match error {
        AppError::Conflict { code, .. } => Ok(vec![conflict_text(page, code)]),
        AppError::Validation(fields) => {
            let mut texts: Vec<String> = fields
                .keys()
                .map(|f| {
                    if f.starts_with("title") {
                        page.t("manage-events-publish-needs-title")
                    } else {
                        page.t("manage-events-publish-needs-place")
                    }
                })
                .collect();
            texts.dedup();
            Ok(texts)
        }
        other => Err(other),
    }
}

async fn publish(
    page: Page,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let asker = asker(&page)?;
    let error = match lifecycle::publish(&state, asker, *id).await {
        Ok(event) => {
            let to = format!(
                "/manage/events/{}?notice=manage-events-notice-published",
                event.id
            );
            return Ok(page.redirect(&to));
        }
        Err(e) => e,
    };
    let problems = problems_of(&page, error)?;
    let event = service::get(&state, asker, *id, true).await?;
    let shown = Shown {
        errors: &FormErrors::new(),
        recipients: None,
        reason: "",
        problems,
    };
    show(&page, &event, Action::Publish, shown)
}

async fn cancel(
    page: Page,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let asker = asker(&page)?;
    let person_id = page.person()?.id;
    let mut errors = FormErrors::new();
    let mut problems = Vec::new();
    let reason = errors.required(&page, "reason", &form.reason, crate::caps::REASON);
    if form.confirm.is_none() {
        errors.add("confirm", page.t("manage-events-confirm-needed"));
    }
    if errors.is_empty() {
        let body = CancelEvent {
            reason: reason.to_owned(),
        };
        match lifecycle::cancel(&state, asker, *id, body).await {
            Ok(event) => {
                let to = format!(
                    "/manage/events/{}?notice=manage-events-notice-cancelled",
                    event.id
                );
                return Ok(page.redirect(&to));
            }
            Err(AppError::Validation(fields)) => {
                errors.absorb(&page, AppError::Validation(fields), &[])?;
            }
            Err(e) => problems = problems_of(&page, e)?,
        }
    }
    let event = service::get(&state, asker, *id, true).await?;
    let recipients = manage::cancel_recipient_count(&state, person_id, *id).await?;
    let shown = Shown {
        errors: &errors,
        recipients: Some(recipients),
        reason: &form.reason,
        problems,
    };
    show(&page, &event, Action::Cancel, shown)
}

async fn delete(
    page: Page,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let asker = asker(&page)?;
    // Read first: after the deletion there is nothing left to say where to go back to.
    let event = service::get(&state, asker, *id, true).await?;
    let mut errors = FormErrors::new();
    if form.confirm.is_none() {
        errors.add("confirm", page.t("manage-events-confirm-needed"));
    }
    let mut problems = Vec::new();
    if errors.is_empty() {
        match lifecycle::delete(&state, asker, *id).await {
            Ok(()) => {
                let to = match event.parent {
                    Some(parent) => format!("/manage/events/{parent}"),
                    None => "/manage".to_owned(),
                };
                return Ok(page.redirect(&format!("{to}?notice=manage-events-notice-deleted")));
            }
            Err(e) => problems = problems_of(&page, e)?,
        }
    }
    let shown = Shown {
        errors: &errors,
        recipients: None,
        reason: "",
        problems,
    };
    show(&page, &event, Action::Delete, shown)
}
