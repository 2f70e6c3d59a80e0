//! What staff do from the roster: add a person or a guest, promote from the waitlist, check in
//! (and undo), cancel after a confirmation. Each is a plain form POST answered by a 303 back to
//! the roster as it was (filters and page kept), through the API's own services.

use actix_web::web;
use serde::Deserialize;

use crate::auth::extract::CurrentUser;
use crate::error::AppError;
use crate::http::AppState;
use crate::registrations::model::{GuestInput, PromoteRequest, RegisterRequest, RegistrationView};
use crate::registrations::{roster, service, waitlist};
use crate::web::forms::FormErrors;
use crate::web::manage_roster::{self, Filters};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/events/{id:\\d+}/roster/add").post(add))
        .service(web::resource("/manage/registrations/{id:\\d+}/promote").post(promote))
        .service(web::resource("/manage/registrations/{id:\\d+}/check-in").post(check_in))
        .service(
            web::resource("/manage/registrations/{id:\\d+}/cancel")
                .get(cancel_page)
                .post(cancel),
        );
}

/// Where to go back to: the roster the form came from, else the event's roster.
fn back_to(back: &str, event_id: i64, notice: &str) -> String {
    let roster = format!("/manage/events/{event_id}/roster");
    let base = if back.starts_with(&roster) && !back.contains("notice=") {
        back.to_owned()
    } else {
        roster
    };
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}notice={notice}")
}

/// The add form, kept as typed when the service refuses it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddInput {
    /// `person` (an account, by email) or `guest` (a name and an email).
    pub kind: String,
    pub person_email: String,
    pub guest_name: String,
    pub guest_email: String,
    pub override_capacity: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AddForm {
    csrf: String,
    #[serde(flatten)]
    input: AddInput,
}

async fn add(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<AddForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let id = path.into_inner();
    let input = &form.input;
    let guest = input.kind == "guest";
    let req = RegisterRequest {
        person_email: (!guest).then(|| input.person_email.trim().to_owned()),
        guest: guest.then(|| GuestInput {
            name: input.guest_name.trim().to_owned(),
            email: input.guest_email.trim().to_owned(),
            locale: None,
        }),
        override_capacity: input.override_capacity.is_some(),
        ..RegisterRequest::default()
    };
    let caller = Some(CurrentUser { person_id });
    let mut errors = FormErrors::new();
    let refusal = match service::register(&state, id, caller, req, None).await {
        Ok(done) => {
            let notice = match done.view.status.as_str() {
                "waitlisted" => "roster-notice-added-waitlisted",
                _ => "roster-notice-added",
            };
            return Ok(page.redirect(&back_to("", id, notice)));
        }
        Err(AppError::Validation(fields)) => {
            for field in fields.keys() {
                let (name, key) = match field.as_str() {
                    "person_email" if !guest => ("person_email", "roster-add-no-account"),
                    "guest.name" => ("guest_name", "common-field-invalid"),
                    "guest.email" => ("guest_email", "common-field-invalid"),
                    _ if guest => ("guest_email", "common-field-invalid"),
                    _ => ("person_email", "common-field-invalid"),
                };
                errors.add(name, page.t(key));
            }
            None
        }
        Err(AppError::Conflict { code, .. }) => Some(match code {
            "already_registered" => page.t("roster-add-already"),
            "event_full" => page.t("roster-add-full"),
            _ => page.t("roster-add-refused"),
        }),
        Err(e) => return Err(e.into()),
    };
    manage_roster::render(
        &page,
        &state,
        id,
        &Filters::default(),
        input,
        &errors,
        refusal,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActionForm {
    csrf: String,
    back: String,
    override_capacity: Option<String>,
    undo: Option<String>,
    confirm: Option<String>,
}

async fn promote(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<ActionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let id = path.into_inner();
    let req = PromoteRequest {
        override_capacity: form.override_capacity.is_some(),
    };
    match waitlist::promote(&state, person_id, id, req).await {
        Ok(v) => Ok(page.redirect(&back_to(&form.back, v.event_id, "roster-notice-promoted"))),
        Err(AppError::Conflict {
            code: "event_full", ..
        }) => {
            let v = roster::get(&state, person_id, id).await?;
            Ok(page.redirect(&back_to(&form.back, v.event_id, "roster-notice-full")))
        }
        Err(e) => Err(e.into()),
    }
}

async fn check_in(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<ActionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let arrived = form.undo.is_none();
    let v = roster::check_in(&state, page.person()?.id, path.into_inner(), arrived).await?;
    let notice = if arrived {
        "roster-notice-checked-in"
    } else {
        "roster-notice-check-in-undone"
    };
    Ok(page.redirect(&back_to(&form.back, v.event_id, notice)))
}

#[derive(askama::Template)]
#[template(path = "manage_roster_cancel.html")]
struct CancelPage<'a> {
    p: &'a Page,
    r: &'a RegistrationView,
    back: &'a str,
    errors: &'a FormErrors,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct BackQuery {
    back: String,
}

/// The confirmation step before a cancel: who, and a box to tick.
async fn cancel_page(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    query: web::Query<BackQuery>,
) -> WebResult {
    let r = roster::get(&state, page.person()?.id, path.into_inner()).await?;
    page.render(&CancelPage {
        p: &page,
        r: &r,
        back: &query.back,
        errors: &FormErrors::new(),
    })
}

async fn cancel(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<ActionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let id = path.into_inner();
    if form.confirm.is_none() {
        let r = roster::get(&state, person_id, id).await?;
        let mut errors = FormErrors::new();
        errors.add("confirm", page.t("roster-cancel-confirm-needed"));
        return page.render_status(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            &CancelPage {
                p: &page,
                r: &r,
                back: &form.back,
                errors: &errors,
            },
        );
    }
    let v = waitlist::cancel(&state, person_id, id).await?;
    Ok(page.redirect(&back_to(&form.back, v.event_id, "roster-notice-cancelled")))
}
