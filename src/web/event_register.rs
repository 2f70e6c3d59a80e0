//! Registering from the event page: a member for themselves or (as a representative) for a
//! colleague, or a guest. Calls the API's registration service; every refusal comes back as a
//! message on the event page in the reader's language, with what was typed kept.

use actix_web::http::StatusCode;
use actix_web::web;
use serde_json::Value;

use crate::auth::extract::CurrentUser;
use crate::error::AppError;
use crate::http::client_ip::ClientIp;
use crate::http::ratelimit::{email_key, Action};
use crate::http::AppState;
use crate::registrations::form::registration_form;
use crate::registrations::model::WAITLISTED;
use crate::registrations::{plan, service};
use crate::web::event_form::{answers, read_form, request, Input};
use crate::web::event_page::{self, Rule};
use crate::web::forms::FormErrors;
use crate::web::{Page, WebError, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/events/{id}/register").post(register))
        .service(web::resource("/events/{id}/resend-verification").post(resend_verification));
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
    mut page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    id: web::Path<i64>,
    body: web::Bytes,
) -> WebResult {
    let id = id.into_inner();
    // Read as bytes under the server's body limit: answers to long questions, in Cyrillic and
    // percent-encoded, outgrow the 16 KiB a form extractor takes by default.
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
        .map_err(|_| AppError::BadRequest("the form could not be read".into()))?;
    let (csrf, input) = read_form(pairs);
    page.verify(&csrf)?;
    let person_id = page.person.as_ref().map(|p| p.id);
    let form = registration_form(&state, person_id, id, page.locale).await?;
    // As the event page: without an explicit choice, the event's own language.
    page.locale = page.locale_or(Some(form.default_locale));
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
        state
            .limits
            .check(
                Action::GuestRegistration,
                ip.0,
                Some(&email_key(&guest.email)),
            )
            .await?;
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
            if renamed.contains_key("colleague_email") {
                // Format and length were checked above: the address has no account.
                errors.add("colleague_email", page.t("events-colleague-no-account"));
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
        .check(Action::VerificationResend, ip.0, Some(&account))
        .await?;
    match crate::auth::service::resend_verification(&state, person.id).await {
        Ok(()) | Err(AppError::Conflict { .. }) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(page.redirect(&format!(
        "/events/{id}?notice=events-notice-verification-sent"
    )))
}
