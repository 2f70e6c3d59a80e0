//! The person's own account: profile and email preferences, the data export, and erasure;
//! the same services as `/api/v1/me`, `/api/v1/me/export` and `DELETE /api/v1/me`.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::auth::model::UpdateMe;
use crate::auth::service;
use crate::error::AppError;
use crate::http::AppState;
use crate::notify::preferences;
use crate::notify::unsubscribe::Kind;
use crate::privacy::{erase, export};
use crate::web::account::{language_options, parse_country};
use crate::web::forms::FormErrors;
use crate::web::page::LanguageOption;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/me").get(profile_form).post(profile))
        .service(web::resource("/me/export").get(export_me))
        .service(web::resource("/me/delete").get(delete_form).post(delete))
        .service(web::resource("/goodbye").get(goodbye));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProfileForm {
    csrf: String,
    full_name: String,
    locale: String,
    country: String,
    reminders: Option<String>,
    organiser_messages: Option<String>,
}

/// One optional kind of email and whether the person receives it.
struct Preference {
    name: &'static str,
    label: String,
    on: bool,
}

#[derive(askama::Template)]
#[template(path = "account_profile.html")]
struct ProfilePage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    email: &'a str,
    verified: bool,
    form: &'a ProfileForm,
    languages: Vec<LanguageOption>,
    preferences: Vec<Preference>,
}

fn field_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Reminders => "reminders",
        Kind::OrganiserMessages => "organiser_messages",
    }
}

fn label_of(page: &Page, kind: Kind) -> String {
    match kind {
        Kind::Reminders => page.t("account-pref-reminders"),
        Kind::OrganiserMessages => page.t("account-pref-organiser-messages"),
    }
}

fn render_profile(
    page: &Page,
    form: &ProfileForm,
    choices: &[(Kind, bool)],
    errors: &FormErrors,
) -> WebResult {
    let person = page.person()?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let preferences = choices
        .iter()
        .map(|(kind, on)| Preference {
            name: field_of(*kind),
            label: label_of(page, *kind),
            on: *on,
        })
        .collect();
    page.render_status(
        status,
        &ProfilePage {
            p: page,
            errors,
            email: &person.email,
            verified: person.is_verified(),
            form,
            languages: language_options(&form.locale),
            preferences,
        },
    )
}

async fn profile_form(page: Page, state: web::Data<AppState>) -> WebResult {
    let person = page.person()?;
    let choices = preferences::of_person(&state, person.id).await?;
    let form = ProfileForm {
        full_name: person.full_name.clone(),
        locale: person.locale.clone(),
        country: person.country.clone().unwrap_or_default(),
        ..ProfileForm::default()
    };
    render_profile(&page, &form, &choices, &FormErrors::new())
}

async fn profile(
    page: Page,
    state: web::Data<AppState>,
    form: web::Form<ProfileForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let choices: Vec<(Kind, bool)> = preferences::KINDS
        .iter()
        .map(|kind| {
            let on = match kind {
                Kind::Reminders => form.reminders.is_some(),
                Kind::OrganiserMessages => form.organiser_messages.is_some(),
            };
            (*kind, on)
        })
        .collect();
    let mut errors = FormErrors::new();
    let country = parse_country(&page, &mut errors, &form.country);
    if form.full_name.trim().is_empty() {
        errors.add("full_name", page.t("common-field-required"));
    }
    if let (Some(country), true) = (country, errors.is_empty()) {
        let changes = UpdateMe {
            full_name: Some(form.full_name.clone()),
            locale: Some(form.locale.clone()),
            country: Some(country.map(|c| c.as_str().to_owned())),
        };
        match service::update_me(&state, person_id, changes).await {
            Ok(_) => {
                preferences::set(&state, person_id, choices).await?;
                return Ok(page.redirect("/me?notice=account-notice-profile-saved"));
            }
            Err(e) => errors.absorb(&page, e, &[])?,
        }
    }
    render_profile(&page, &form, &choices, &errors)
}

/// The same document as `GET /api/v1/me/export`, as a file to save.
async fn export_me(page: Page, state: web::Data<AppState>) -> WebResult {
    let person_id = page.person()?.id;
    let document = state.db(move |conn| export::build(conn, person_id)).await?;
    Ok(HttpResponse::Ok()
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!(
                "kolo-export-{person_id}.json"
            ))],
        })
        .json(document))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DeleteForm {
    csrf: String,
    password: String,
}

#[derive(askama::Template)]
#[template(path = "account_delete.html")]
struct DeletePage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    /// A rule that stops the erasure (the last owner of an organisation), translated.
    refusal: Option<String>,
}

async fn delete_form(page: Page) -> WebResult {
    page.person()?;
    page.render(&DeletePage {
        p: &page,
        errors: &FormErrors::new(),
        refusal: None,
    })
}

async fn delete(
    page: Page,
    state: web::Data<AppState>,
    ip: crate::http::client_ip::ClientIp,
    form: web::Form<DeleteForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let mut errors = FormErrors::new();
    let mut refusal = None;
    match erase::erase(&state, person_id, form.password.clone(), ip.0).await {
        Ok(()) => {
            // The service ended every session of the account, this one included.
            let mut response = page.redirect("/goodbye");
            response
                .add_cookie(&page.expired_session_cookie())
                .map_err(AppError::internal)?;
            return Ok(response);
        }
        Err(AppError::Unauthorized(_)) => {
            errors.add("password", page.t("account-delete-wrong-password"));
        }
        Err(AppError::Conflict {
            code: "last_owner", ..
        }) => refusal = Some(page.t("account-delete-last-owner")),
        Err(e) => return Err(e.into()),
    }
    page.render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &DeletePage {
            p: &page,
            errors: &errors,
            refusal,
        },
    )
}

#[derive(askama::Template)]
#[template(path = "account_goodbye.html")]
struct GoodbyePage<'a> {
    p: &'a Page,
}

async fn goodbye(page: Page) -> WebResult {
    page.render(&GoodbyePage { p: &page })
}
