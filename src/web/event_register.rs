//! Registering from the event page: a member for themselves or (as a representative) for a
//! colleague, or a guest. Calls the API's registration service; every refusal comes back as a
//! message on the event page in the reader's language, with what was typed kept.

use actix_web::http::StatusCode;
use actix_web::web;
use serde_json::{Map, Value};

use crate::auth::extract::CurrentUser;
use crate::error::AppError;
use crate::http::client_ip::ClientIp;
use crate::http::ratelimit::{email_key, Action};
use crate::http::AppState;
use crate::registrations::form::{registration_form, Field};
use crate::registrations::model::{GuestInput, RegisterRequest, WAITLISTED};
use crate::registrations::{plan, service};
use crate::types::Email;
use crate::web::event_page::{self, Input, Rule};
use crate::web::forms::FormErrors;
use crate::web::{Page, WebError, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/events/{id}/register").post(register))
        .service(web::resource("/events/{id}/resend-verification").post(resend_verification));
}

/// The posted form: fixed fields, and answers named `a-<question id>` (repeated for a
/// multiple choice).
fn read_form(pairs: Vec<(String, String)>) -> (String, Input) {
    let mut csrf = String::new();
    let mut input = Input::default();
    for (name, value) in pairs {
        match name.as_str() {
            "csrf" => csrf = value,
            "for" => input.for_whom = value,
            "guest_name" => input.guest_name = value,
            "guest_email" => input.guest_email = value,
            "colleague_name" => input.colleague_name = value,
            "colleague_email" => input.colleague_email = value,
            other => {
                if let Some(id) = other.strip_prefix("a-").and_then(|i| i.parse().ok()) {
                    input.answers.entry(id).or_default().push(value);
                }
            }
        }
    }
    (csrf, input)
}

/// The answers as the service takes them; a required question left empty is marked here,
/// so the message says "fill this in" rather than "not valid".
fn answers(
    page: &Page,
    fields: &[Field],
    input: &Input,
    errors: &mut FormErrors,
) -> Map<String, Value> {
    let mut out = Map::new();
    for f in fields {
        let name = format!("a-{}", f.id);
        let given: Vec<&str> = input
            .answers
            .get(&f.id)
            .map(|v| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let value = match f.kind.as_str() {
            "boolean" if given.contains(&"true") => Some(Value::Bool(true)),
            "boolean" if !f.required => Some(Value::Bool(false)),
            "multiple_choice" if !given.is_empty() => Some(Value::Array(
                given
                    .iter()
                    .map(|s| Value::String((*s).to_owned()))
                    .collect(),
            )),
            "boolean" | "multiple_choice" => None,
            _ => given.first().map(|s| Value::String((*s).to_owned())),
        };
        match value {
            Some(v) => {
                out.insert(f.id.to_string(), v);
            }
            None if f.required => errors.add(&name, page.t("common-field-required")),
            None => {}
        }
    }
    out
}

/// Checks the name and email fields of a guest or colleague.
fn person_fields(
    page: &Page,
    errors: &mut FormErrors,
    name: (&str, &str),
    email: (&str, &str),
    name_required: bool,
) {
    if name_required {
        errors.required(page, name.0, name.1, crate::caps::NAME);
    } else {
        errors.optional(page, name.0, name.1, crate::caps::NAME);
    }
    if errors
        .required(page, email.0, email.1, crate::caps::EMAIL)
        .is_empty()
    {
        return;
    }
    if Email::parse(email.1).is_err() {
        errors.add(email.0, page.t("common-field-email"));
    }
}

/// The request the form describes, or the form's errors.
fn request(
    page: &Page,
    input: &Input,
    errors: &mut FormErrors,
    answers: Map<String, Value>,
) -> RegisterRequest {
    let mut req = RegisterRequest {
        answers,
        ..RegisterRequest::default()
    };
    let guest = |name: &str, email: &str| GuestInput {
        name: name.trim().to_owned(),
        email: email.trim().to_owned(),
        locale: Some(page.locale.tag().to_owned()),
    };
    if !page.signed_in() {
        person_fields(
            page,
            errors,
            ("guest_name", &input.guest_name),
            ("guest_email", &input.guest_email),
            true,
        );
        req.guest = Some(guest(&input.guest_name, &input.guest_email));
    } else if !input.is_for("self") {
        person_fields(
            page,
            errors,
            ("colleague_name", &input.colleague_name),
            ("colleague_email", &input.colleague_email),
            false,
        );
        req.organisation = Some(input.for_whom.clone());
        // A colleague with an account is named by email; one without comes as a guest.
        if input.colleague_name.trim().is_empty() {
            req.person_email = Some(input.colleague_email.trim().to_owned());
        } else {
            req.guest = Some(guest(&input.colleague_name, &input.colleague_email));
        }
    }
    req
}

/// A refusal by the service, as the page explains it; `None` for errors shown as error pages.
fn explain(page: &Page, error: &AppError) -> Option<(StatusCode, Rule)> {
    let rule = |key: &str| Rule {
        text: page.t(key),
        link: None,
        resend: false,
    };
    let (status, rule) = match error {
        AppError::Conflict { code, extra, .. } => {
            let mut r = match *code {
                "registration_closed" | "event_over" => rule("events-rule-closed"),
                "registration_not_open" => rule("events-rule-not-open"),
                "event_full" => rule("events-rule-full"),
                "organisation_quota_reached" => rule("events-rule-quota"),
                "already_registered" => rule("events-rule-already"),
                "session_overlap" => rule("events-rule-overlap"),
                "parent_registration_required" => rule("events-rule-parent-first"),
                "event_cancelled" => rule("events-rule-cancelled"),
                _ => rule("events-rule-other"),
            };
            let field = |name: &str| {
                extra
                    .as_ref()
                    .and_then(|x| x.get(name))
                    .and_then(Value::as_i64)
            };
            if *code == "already_registered" {
                if let Some(reg) = field("id") {
                    r.link = Some((
                        format!("/registrations/{reg}"),
                        page.t("events-see-registration"),
                    ));
                }
            } else if *code == "session_overlap" {
                if let Some(other) = field("event_id") {
                    let title = extra
                        .as_ref()
                        .and_then(|x| x["title"].as_str())
                        .unwrap_or_default();
                    r.link = Some((format!("/events/{other}"), title.to_owned()));
                }
            }
            (StatusCode::CONFLICT, r)
        }
        AppError::Forbidden(detail) => {
            let mut r = match detail.as_str() {
                plan::UNVERIFIED => rule("events-rule-unverified"),
                plan::NO_GUESTS => rule("events-rule-no-guests"),
                plan::NOT_REPRESENTATIVE => rule("events-rule-not-representative"),
                plan::ORGANISATION_NOT_MEMBER => rule("events-rule-members-only"),
                _ => rule("events-rule-forbidden"),
            };
            r.resend = detail == plan::UNVERIFIED;
            (StatusCode::FORBIDDEN, r)
        }
        _ => return None,
    };
    Some((status, rule))
}

async fn register(
    page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    id: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let id = id.into_inner();
    let (csrf, input) = read_form(form.into_inner());
    page.verify(&csrf)?;
    let person_id = page.person.as_ref().map(|p| p.id);
    let form = registration_form(&state, person_id, id, page.locale).await?;
    let mut errors = FormErrors::new();
    let answers = answers(&page, &form.fields, &input, &mut errors);
    let req = request(&page, &input, &mut errors, answers);
    if !errors.is_empty() {
        return again(
            page,
            &state,
            id,
            &input,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    if let (None, Some(guest)) = (person_id, &req.guest) {
        state.limits.check(
            Action::GuestRegistration,
            ip.0,
            Some(&email_key(&guest.email)),
        )?;
    }
    let caller = person_id.map(|person_id| CurrentUser { person_id });
    match service::register(&state, id, caller, req, None).await {
        Ok(done) if done.view.status == "pending" => {
            Ok(page.redirect(&format!("/events/{id}/check-email")))
        }
        Ok(done) => {
            let notice = if done.view.status == WAITLISTED {
                "events-notice-waitlisted"
            } else {
                "events-notice-registered"
            };
            Ok(page.redirect(&format!("/registrations/{}?notice={notice}", done.view.id)))
        }
        Err(AppError::Unauthorized(_)) => Err(WebError::SignIn(format!("/events/{id}"))),
        Err(AppError::Validation(fields)) => {
            let map = [
                ("guest.name", "guest_name"),
                ("guest.email", "guest_email"),
                ("person_email", "colleague_email"),
                ("organisation", "for"),
            ];
            let mut renamed = crate::error::FieldErrors::new();
            for (field, messages) in fields {
                let name = map
                    .iter()
                    .find(|(api, _)| *api == field)
                    .map(|(_, form)| (*form).to_owned())
                    .or_else(|| field.strip_prefix("answers.").map(|q| format!("a-{q}")))
                    .unwrap_or(field);
                renamed.insert(name, messages);
            }
            errors.absorb(&page, AppError::Validation(renamed), &[])?;
            again(
                page,
                &state,
                id,
                &input,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => match explain(&page, &e) {
            Some((status, rule)) => {
                again(page, &state, id, &input, errors, Some(rule), status).await
            }
            None => Err(e.into()),
        },
    }
}

async fn again(
    page: Page,
    state: &AppState,
    id: i64,
    input: &Input,
    errors: FormErrors,
    rule: Option<Rule>,
    status: StatusCode,
) -> WebResult {
    event_page::render(page, state, id, input, &errors, rule, status).await
}

#[derive(serde::Deserialize)]
struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// "Send the verification link again", offered where an unverified member tried to register.
async fn resend_verification(
    page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    id: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person = page.person()?;
    let account = format!("person:{}", person.id);
    state
        .limits
        .check(Action::VerificationResend, ip.0, Some(&account))?;
    match crate::auth::service::resend_verification(&state, person.id).await {
        Ok(()) | Err(AppError::Conflict { .. }) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(page.redirect(&format!(
        "/events/{id}?notice=events-notice-verification-sent"
    )))
}
