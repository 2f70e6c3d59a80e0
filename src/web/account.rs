//! Signing up, in and out: the same account service as `/api/v1/auth/*`, with the same rate
//! limits, and a browser session (a server-side row named by a cookie) instead of tokens.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest};
use serde::Deserialize;

use crate::auth::model::{LoginRequest, RegisterRequest};
use crate::auth::{passwords, service, sessions};
use crate::error::AppError;
use crate::http::client_ip::ClientIp;
use crate::http::ratelimit::{email_key, Action};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::types::CountryCode;
use crate::web::forms::FormErrors;
use crate::web::page::{language_name, safe_target, LanguageOption, SESSION_COOKIE};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/signup").get(signup_form).post(signup))
        .service(web::resource("/signup/check-email").get(check_email))
        .service(web::resource("/signin").get(signin_form).post(signin))
        .service(web::resource("/signout").post(signout));
}

/// Every language for a form's select, `chosen` selected.
pub fn language_options(chosen: &str) -> Vec<LanguageOption> {
    Locale::ALL
        .iter()
        .map(|l| LanguageOption {
            tag: l.tag(),
            name: language_name(*l),
            selected: l.tag() == chosen,
        })
        .collect()
}

/// The password rule, in the reader's language.
pub fn password_rule(page: &Page) -> String {
    page.ta(
        "account-password-rule",
        &[
            ("min", passwords::MIN_LENGTH.into()),
            ("max", passwords::MAX_LENGTH.into()),
        ],
    )
}

/// An optional country code typed in a form: `Ok(None)` when empty.
pub fn parse_country(
    page: &Page,
    errors: &mut FormErrors,
    raw: &str,
) -> Option<Option<CountryCode>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(None);
    }
    match CountryCode::parse(raw) {
        Ok(code) => Some(Some(code)),
        Err(_) => {
            errors.add("country", page.t("account-country-invalid"));
            None
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    csrf: String,
    full_name: String,
    email: String,
    password: String,
    locale: String,
    country: String,
}

#[derive(askama::Template)]
#[template(path = "account_signup.html")]
struct SignupPage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    form: &'a SignupForm,
    languages: Vec<LanguageOption>,
    password_rule: String,
}

fn render_signup(page: &Page, form: &SignupForm, errors: &FormErrors) -> WebResult {
    let chosen = if form.locale.is_empty() {
        page.lang()
    } else {
        form.locale.as_str()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        status,
        &SignupPage {
            p: page,
            errors,
            form,
            languages: language_options(chosen),
            password_rule: password_rule(page),
        },
    )
}

async fn signup_form(page: Page) -> WebResult {
    render_signup(&page, &SignupForm::default(), &FormErrors::new())
}

async fn signup(
    page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    form: web::Form<SignupForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    state
        .limits
        .check(Action::Register, ip.0, Some(&email_key(&form.email)))
        .await?;
    let mut errors = FormErrors::new();
    let country = parse_country(&page, &mut errors, &form.country);
    let request = RegisterRequest {
        email: form.email.clone(),
        password: form.password.clone(),
        full_name: form.full_name.clone(),
        locale: Some(form.locale.clone()).filter(|l| !l.is_empty()),
    };
    let valid = match service::validate_registration(request) {
        Ok(valid) => Some(valid),
        Err(AppError::Validation(fields)) => {
            for field in fields.keys() {
                let message = match field.as_str() {
                    "email" => page.t("common-field-email"),
                    "password" => password_rule(&page),
                    "full_name" if form.full_name.trim().is_empty() => {
                        page.t("common-field-required")
                    }
                    _ => page.t("common-field-invalid"),
                };
                errors.add(field, message);
            }
            None
        }
        Err(e) => return Err(e.into()),
    };
    match (valid, country) {
        (Some(mut valid), Some(country)) if errors.is_empty() => {
            valid.country = country;
            service::register_valid(&state, valid).await?;
            Ok(page.redirect("/signup/check-email"))
        }
        _ => {
            let form = SignupForm {
                password: String::new(),
                ..form.into_inner()
            };
            render_signup(&page, &form, &errors)
        }
    }
}

#[derive(askama::Template)]
#[template(path = "account_check_email.html")]
struct CheckEmailPage<'a> {
    p: &'a Page,
}

/// The same answer for a new address and one that has an account (the owner of that one
/// gets a note instead of a link), as the API's 202.
async fn check_email(page: Page) -> WebResult {
    page.render(&CheckEmailPage { p: &page })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SigninForm {
    csrf: String,
    email: String,
    password: String,
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NextQuery {
    next: String,
}

#[derive(askama::Template)]
#[template(path = "account_signin.html")]
struct SigninPage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    email: &'a str,
    next: &'a str,
}

async fn signin_form(page: Page, query: web::Query<NextQuery>) -> WebResult {
    let next = safe_target(&query.next);
    if page.signed_in() {
        return Ok(page.redirect(next));
    }
    page.render(&SigninPage {
        p: &page,
        errors: &FormErrors::new(),
        email: "",
        next,
    })
}

async fn signin(
    page: Page,
    state: web::Data<AppState>,
    ip: ClientIp,
    form: web::Form<SigninForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    state
        .limits
        .check(Action::Login, ip.0, Some(&email_key(&form.email)))
        .await?;
    let next = safe_target(&form.next).to_owned();
    let credentials = LoginRequest {
        email: form.email.clone(),
        password: form.password.clone(),
    };
    let person = match service::check_credentials(&state, credentials).await {
        Ok(person) => person,
        Err(AppError::Unauthorized(_) | AppError::Validation(_)) => {
            let mut errors = FormErrors::new();
            errors.add("password", page.t("account-signin-wrong"));
            return page.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SigninPage {
                    p: &page,
                    errors: &errors,
                    email: form.email.trim(),
                    next: &next,
                },
            );
        }
        Err(e) => return Err(e.into()),
    };
    let days = state.settings.web.session_ttl_days;
    let secret = state
        .db(move |conn| {
            let ttl = chrono::Duration::days(days);
            Ok(sessions::create(conn, person.id, ttl, crate::db::now())?)
        })
        .await?;
    let mut response = page.redirect(&next);
    response
        .add_cookie(&page.session_cookie(secret, days))
        .map_err(AppError::internal)?;
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CsrfOnly {
    csrf: String,
}

async fn signout(
    page: Page,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<CsrfOnly>,
) -> WebResult {
    page.verify(&form.csrf)?;
    if let Some(cookie) = req.cookie(SESSION_COOKIE) {
        let secret = cookie.value().to_owned();
        state
            .db(move |conn| Ok(sessions::delete(conn, &secret)?))
            .await?;
    }
    let mut response = page.redirect("/?notice=account-notice-signed-out");
    response
        .add_cookie(&page.expired_session_cookie())
        .map_err(AppError::internal)?;
    Ok(response)
}
