//! The pages emailed account links open: a forgotten password, choosing a new one, and
//! verifying an address. A link's GET only shows a page; its button POSTs.

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::auth::model::{PasswordResetConfirm, PasswordResetRequest, TokenRequest};
use crate::auth::service;
use crate::error::AppError;
use crate::http::client_ip::ClientIp;
use crate::http::ratelimit::{email_key, Action};
use crate::http::AppState;
use crate::web::account::password_rule;
use crate::web::forms::FormErrors;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/forgot-password")
            .get(forgot_form)
            .post(forgot),
    )
    .service(web::resource("/reset-password").get(reset_form).post(reset))
    .service(web::resource("/verify-email").get(verify_form).post(verify))
    .service(web::resource("/verify-email/resend").post(resend));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ForgotForm {
    csrf: String,
    email: String,
}

#[derive(askama::Template)]
#[template(path = "account_forgot.html")]
struct ForgotPage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    email: &'a str,
}

async fn forgot_form(page: Page) -> WebResult {
    page.render(&ForgotPage {
        p: &page,
        errors: &FormErrors::new(),
        email: "",
    })
}

/// The same answer whether or not the address has an account.
async fn forgot(
    page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    form: web::Form<ForgotForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let mut errors = FormErrors::new();
    let email = errors.required(&page, "email", &form.email, crate::caps::EMAIL);
    if !errors.is_empty() {
        return page.render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                p: &page,
                errors: &errors,
                email,
            },
        );
    }
    state
        .limits
        .check(Action::PasswordReset, ip.0, Some(&email_key(email)))
        .await?;
    let request = PasswordResetRequest {
        email: email.to_owned(),
    };
    service::request_password_reset(&state, request).await?;
    Ok(page.redirect("/forgot-password?notice=account-notice-reset-sent"))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TokenQuery {
    token: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ResetForm {
    csrf: String,
    token: String,
    password: String,
    password2: String,
}

#[derive(askama::Template)]
#[template(path = "account_reset.html")]
struct ResetPage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    token: &'a str,
    password_rule: String,
}

#[derive(askama::Template)]
#[template(path = "account_bad_link.html")]
struct BadLinkPage<'a> {
    p: &'a Page,
    /// `reset` or `verify`: what the reader can do next differs.
    kind: &'a str,
    can_resend: bool,
}

fn bad_link(page: &Page, kind: &str) -> WebResult {
    let can_resend = kind == "verify" && page.person.as_ref().is_some_and(|p| !p.is_verified());
    page.render_status(
        StatusCode::BAD_REQUEST,
        &BadLinkPage {
            p: page,
            kind,
            can_resend,
        },
    )
}

fn render_reset(page: &Page, token: &str, errors: &FormErrors) -> WebResult {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        status,
        &ResetPage {
            p: page,
            errors,
            token,
            password_rule: password_rule(page),
        },
    )
}

async fn reset_form(page: Page, query: web::Query<TokenQuery>) -> WebResult {
    if query.token.trim().is_empty() {
        return bad_link(&page, "reset");
    }
    render_reset(&page, &query.token, &FormErrors::new())
}

async fn reset(
    page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    form: web::Form<ResetForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    state
        .limits
        .check(Action::PasswordResetConfirm, ip.0, None)
        .await?;
    let mut errors = FormErrors::new();
    if form.password != form.password2 {
        errors.add("password2", page.t("account-password-mismatch"));
        return render_reset(&page, &form.token, &errors);
    }
    let request = PasswordResetConfirm {
        token: form.token.clone(),
        password: form.password.clone(),
    };
    match service::confirm_password_reset(&state, request).await {
        Ok(()) => Ok(page.redirect("/signin?notice=account-notice-password-changed")),
        Err(AppError::Validation(fields)) if fields.contains_key("password") => {
            errors.add("password", password_rule(&page));
            render_reset(&page, &form.token, &errors)
        }
        Err(AppError::Validation(_)) => bad_link(&page, "reset"),
        Err(e) => Err(e.into()),
    }
}

#[derive(askama::Template)]
#[template(path = "account_verify.html")]
struct VerifyPage<'a> {
    p: &'a Page,
    token: &'a str,
}

async fn verify_form(page: Page, query: web::Query<TokenQuery>) -> WebResult {
    if query.token.trim().is_empty() {
        return bad_link(&page, "verify");
    }
    page.render(&VerifyPage {
        p: &page,
        token: &query.token,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct VerifyForm {
    csrf: String,
    token: String,
}

async fn verify(page: Page, state: web::Data<AppState>, form: web::Form<VerifyForm>) -> WebResult {
    page.verify(&form.csrf)?;
    let request = TokenRequest {
        token: form.token.clone(),
    };
    match service::verify_email(&state, request).await {
        Ok(_) if page.signed_in() => Ok(page.redirect("/me?notice=account-notice-verified")),
        Ok(_) => Ok(page.redirect("/signin?notice=account-notice-verified")),
        Err(AppError::Validation(_)) => bad_link(&page, "verify"),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CsrfOnly {
    csrf: String,
}

/// A new verification link for the signed-in person, under the API's limits.
async fn resend(
    page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    form: web::Form<CsrfOnly>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let account = format!("person:{person_id}");
    state
        .limits
        .check(Action::VerificationResend, ip.0, Some(&account))
        .await?;
    match service::resend_verification(&state, person_id).await {
        Ok(()) => Ok(page.redirect("/me?notice=account-notice-verification-sent")),
        Err(AppError::Conflict {
            code: "already_verified",
            ..
        }) => Ok(page.redirect("/me?notice=account-notice-already-verified")),
        Err(e) => Err(e.into()),
    }
}
