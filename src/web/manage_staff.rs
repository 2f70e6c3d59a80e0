//! An organisation's staff (`/manage/o/{slug}/staff`): owners add people by email, change
//! roles and remove staff; organisers read the list. The same services as
//! `GET|POST /api/v1/organisations/{slug}/staff` and `DELETE …/staff/{person}`, so the last
//! owner stays (the API's 409, shown as a sentence).

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::http::AppState;
use crate::members::api::{AddStaff, PersonRoleView};
use crate::members::{organisations, staff};
use crate::notify::dates;
use crate::web::forms::FormErrors;
use crate::web::i18n::Arg;
use crate::web::manage_home::OrgNav;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/o/{slug}/staff").get(list).post(add))
        .service(
            web::resource("/manage/o/{slug}/staff/{person:\\d+}/remove")
                .get(confirm_remove)
                .post(remove),
        );
}

struct StaffRow {
    person_id: i64,
    name: String,
    email: String,
    owner: bool,
    role: String,
    since: String,
}

#[derive(askama::Template)]
#[template(path = "manage_staff.html")]
struct StaffPage<'a> {
    p: &'a Page,
    nav: OrgNav,
    rows: Vec<StaffRow>,
    /// Owners and platform admins get the forms.
    may_change: bool,
    /// The add form's input, kept on error.
    email: String,
    role: String,
    errors: FormErrors,
    /// A rule that refused the change (the last owner).
    refusal: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StaffForm {
    csrf: String,
    email: String,
    role: String,
}

/// What the page needs besides its form: the list, the organisation and the reader's standing.
async fn load(
    page: &Page,
    state: &AppState,
    slug: &str,
) -> Result<(OrgNav, Vec<StaffRow>, bool), crate::web::WebError> {
    let person = page.person()?;
    let list: Vec<PersonRoleView> = staff::staff(state, person.id, slug.to_owned()).await?;
    let org = organisations::get(state, slug.to_owned()).await?;
    let may_change = person.is_admin
        || list
            .iter()
            .any(|s| s.person_id == person.id && s.role.as_deref() == Some("owner"));
    let rows = list
        .into_iter()
        .map(|s| {
            let owner = s.role.as_deref() == Some("owner");
            StaffRow {
                person_id: s.person_id,
                name: s.full_name,
                email: s.email,
                owner,
                role: page.t(if owner {
                    "manage-home-role-owner"
                } else {
                    "manage-home-role-organiser"
                }),
                since: dates::date(s.since.date_naive(), page.locale),
            }
        })
        .collect();
    Ok((
        OrgNav::new(&org.slug, &org.name, "staff", may_change),
        rows,
        may_change,
    ))
}

async fn list(page: Page, state: web::Data<AppState>, path: web::Path<String>) -> WebResult {
    let (nav, rows, may_change) = load(&page, &state, &path).await?;
    page.render(&StaffPage {
        p: &page,
        nav,
        rows,
        may_change,
        email: String::new(),
        role: "organiser".into(),
        errors: FormErrors::new(),
        refusal: None,
    })
}

/// The staff page again with what refused the change.
async fn refused(
    page: &Page,
    state: &AppState,
    slug: &str,
    form: &StaffForm,
    errors: FormErrors,
    refusal: Option<String>,
) -> WebResult {
    let (nav, rows, may_change) = load(page, state, slug).await?;
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        status,
        &StaffPage {
            p: page,
            nav,
            rows,
            may_change,
            email: form.email.clone(),
            role: form.role.clone(),
            errors,
            refusal,
        },
    )
}

fn conflict_text(page: &Page, code: &str) -> String {
    page.t(match code {
        "last_owner" => "manage-home-staff-last-owner",
        "not_a_host" => "manage-home-staff-not-host",
        _ => "manage-home-staff-conflict",
    })
}

/// Adds a person by email, or changes a staff member's role (the same request in the API).
async fn add(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<StaffForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let slug = path.into_inner();
    let request = AddStaff {
        email: form.email.trim().to_owned(),
        role: form.role.clone(),
    };
    let mut errors = FormErrors::new();
    match staff::add_staff(&state, person_id, slug.clone(), request).await {
        Ok(added) => {
            let notice = if added {
                "manage-home-notice-staff-added"
            } else {
                "manage-home-notice-staff-role"
            };
            Ok(page.redirect(&format!("/manage/o/{slug}/staff?notice={notice}")))
        }
        Err(AppError::Conflict { code, .. }) => {
            let text = conflict_text(&page, code);
            refused(&page, &state, &slug, &form, errors, Some(text)).await
        }
        Err(AppError::Validation(fields)) => {
            if fields.contains_key("email") {
                // A well-formed address the service still refuses names no account.
                let known_shape = crate::members::validate::email(form.email.trim()).is_ok();
                errors.add(
                    "email",
                    page.t(if known_shape {
                        "manage-home-staff-no-account"
                    } else {
                        "manage-home-staff-email-invalid"
                    }),
                );
            }
            if fields.contains_key("role") {
                errors.add("role", page.t("common-field-invalid"));
            }
            refused(&page, &state, &slug, &form, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(askama::Template)]
#[template(path = "manage_staff_remove.html")]
struct RemovePage<'a> {
    p: &'a Page,
    nav: OrgNav,
    who: StaffRow,
    text: String,
    missing_confirmation: bool,
}

async fn remove_page(
    page: &Page,
    state: &AppState,
    slug: &str,
    target: i64,
    missing_confirmation: bool,
) -> WebResult {
    let (nav, rows, may_change) = load(page, state, slug).await?;
    if !may_change {
        return Err(AppError::Forbidden("only the owners may change the staff".into()).into());
    }
    let who = rows
        .into_iter()
        .find(|r| r.person_id == target)
        .ok_or(AppError::NotFound("staff member"))?;
    let status = if missing_confirmation {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let text = page.ta(
        "manage-home-staff-remove-text",
        &[("name", Arg::Str(&who.name)), ("org", Arg::Str(&nav.name))],
    );
    page.render_status(
        status,
        &RemovePage {
            p: page,
            nav,
            who,
            text,
            missing_confirmation,
        },
    )
}

/// Asks before removing (nothing changes on GET).
async fn confirm_remove(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> WebResult {
    let (slug, target) = path.into_inner();
    remove_page(&page, &state, &slug, target, false).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RemoveForm {
    csrf: String,
    confirm: Option<String>,
}

async fn remove(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<RemoveForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let (slug, target) = path.into_inner();
    if form.confirm.is_none() {
        return remove_page(&page, &state, &slug, target, true).await;
    }
    match staff::remove_staff(&state, person_id, slug.clone(), target.to_string()).await {
        Ok(()) => Ok(page.redirect(&format!(
            "/manage/o/{slug}/staff?notice=manage-home-notice-staff-removed"
        ))),
        Err(AppError::Conflict { code, .. }) => {
            let text = conflict_text(&page, code);
            let form = StaffForm::default();
            refused(&page, &state, &slug, &form, FormErrors::new(), Some(text)).await
        }
        Err(e) => Err(e.into()),
    }
}
