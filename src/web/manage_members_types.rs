//! Membership types for the host's staff: the list (retired ones too), and for owners retire
//! (after a confirmation) and reopen; the same service as `PATCH
//! /api/v1/organisations/{slug}/membership-types/{id}`. The form is `manage_members_type_form`.

use actix_web::http::StatusCode;
use actix_web::web;

use crate::error::AppError;
use crate::http::AppState;
use crate::members::api::{MembershipTypeView, UpdateMembershipType};
use crate::members::for_staff::{self, Standing};
use crate::members::model::pick;
use crate::members::organisations::Needs;
use crate::members::types;
use crate::web::forms::FormErrors;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    let base = "/manage/o/{slug}/members/types";
    cfg.service(web::resource(base).get(type_list))
        .service(
            web::resource(format!("{base}/{{id:\\d+}}/retire"))
                .get(retire_form)
                .post(retire),
        )
        .service(web::resource(format!("{base}/{{id:\\d+}}/reopen")).post(reopen));
}

pub type Fields = web::Form<Vec<(String, String)>>;

pub fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// A type's row in the list.
struct TypeRow {
    id: i64,
    name: String,
    kind: String,
    duration: String,
    approval: bool,
    fee: Option<String>,
    active: bool,
}

#[derive(askama::Template)]
#[template(path = "manage_members_types.html")]
struct TypesPage<'a> {
    p: &'a Page,
    host: &'a Standing,
    rows: Vec<TypeRow>,
}

async fn type_list(page: Page, state: web::Data<AppState>, path: web::Path<String>) -> WebResult {
    let person_id = page.person()?.id;
    let slug = path.into_inner();
    let host = for_staff::standing(&state, person_id, slug.clone(), Needs::Staff).await?;
    let rows = for_staff::types(&state, person_id, slug)
        .await?
        .into_iter()
        .map(|t| TypeRow {
            id: t.id,
            name: pick(&t.name, page.locale),
            kind: if t.member_kind == "organisation" {
                page.t("manage-members-kind-organisation")
            } else {
                page.t("manage-members-kind-person")
            },
            duration: match t.duration_months {
                Some(n) => page.tn("manage-members-type-months", "count", n),
                None => page.t("manage-members-type-lifetime"),
            },
            approval: t.requires_approval,
            fee: t
                .annual_fee
                .map(|f| format!("{f} {}", t.currency.unwrap_or_default())),
            active: t.active,
        })
        .collect();
    page.render(&TypesPage {
        p: &page,
        host: &host,
        rows,
    })
}

/// The host's type for an owner's form; another host's type is not found.
pub async fn owned_type(
    page: &Page,
    state: &AppState,
    slug: &str,
    id: i64,
) -> Result<MembershipTypeView, crate::web::WebError> {
    let person_id = page.person()?.id;
    for_staff::standing(state, person_id, slug.to_owned(), Needs::Owner).await?;
    for_staff::types(state, person_id, slug.to_owned())
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| AppError::NotFound("membership type").into())
}

#[derive(askama::Template)]
#[template(path = "manage_members_type_retire.html")]
struct RetirePage<'a> {
    p: &'a Page,
    slug: &'a str,
    id: i64,
    name: String,
    errors: &'a FormErrors,
}

async fn retire_form(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> WebResult {
    let (slug, id) = path.into_inner();
    let t = owned_type(&page, &state, &slug, id).await?;
    let name = pick(&t.name, page.locale);
    page.render(&RetirePage {
        p: &page,
        slug: &slug,
        id,
        name,
        errors: &FormErrors::new(),
    })
}

/// Sets `active` through the same service as `PATCH …/membership-types/{id}`.
async fn set_active(
    page: &Page,
    state: &AppState,
    slug: &str,
    id: i64,
    active: bool,
) -> Result<(), AppError> {
    let person_id = page.person.as_ref().map(|p| p.id).unwrap_or_default();
    let req = UpdateMembershipType {
        name: None,
        duration_months: None,
        requires_approval: None,
        annual_fee: None,
        currency: None,
        active: Some(active),
    };
    types::update_type(state, person_id, slug.to_owned(), id, req)
        .await
        .map(|_| ())
}

async fn retire(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    fields: Fields,
) -> WebResult {
    page.verify(field(&fields, "csrf"))?;
    page.person()?;
    let (slug, id) = path.into_inner();
    if field(&fields, "confirm").is_empty() {
        let t = owned_type(&page, &state, &slug, id).await?;
        let mut errors = FormErrors::new();
        errors.add(
            "confirm",
            page.t("manage-members-type-retire-confirm-needed"),
        );
        let name = pick(&t.name, page.locale);
        let retire = RetirePage {
            p: &page,
            slug: &slug,
            id,
            name,
            errors: &errors,
        };
        return page.render_status(StatusCode::UNPROCESSABLE_ENTITY, &retire);
    }
    set_active(&page, &state, &slug, id, false).await?;
    Ok(page.redirect(&format!(
        "/manage/o/{slug}/members/types?notice=manage-members-notice-type-retired"
    )))
}

/// Reopening a retired type for applications changes nothing already decided: no confirmation.
async fn reopen(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    fields: Fields,
) -> WebResult {
    page.verify(field(&fields, "csrf"))?;
    page.person()?;
    let (slug, id) = path.into_inner();
    set_active(&page, &state, &slug, id, true).await?;
    Ok(page.redirect(&format!(
        "/manage/o/{slug}/members/types?notice=manage-members-notice-type-reopened"
    )))
}
