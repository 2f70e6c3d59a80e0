//! Membership types for the host's staff: the list (retired ones too), and for owners create,
//! edit, retire (after a confirmation) and reopen; the same services as `POST|PATCH
//! /api/v1/organisations/{slug}/membership-types`.

use actix_web::http::StatusCode;
use actix_web::web;

use crate::error::AppError;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::members::api::{CreateMembershipType, MembershipTypeView, UpdateMembershipType};
use crate::members::for_staff::{self, Standing};
use crate::members::model::{pick, LocalizedText};
use crate::members::organisations::Needs;
use crate::members::types;
use crate::web::events_list::Choice;
use crate::web::forms::FormErrors;
use crate::web::manage_members::kind_choices;
use crate::web::page::language_name;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    let base = "/manage/o/{slug}/members/types";
    cfg.service(web::resource(base).get(type_list))
        .service(
            web::resource(format!("{base}/new"))
                .get(new_form)
                .post(create),
        )
        .service(
            web::resource(format!("{base}/{{id:\\d+}}"))
                .get(edit_form)
                .post(edit),
        )
        .service(
            web::resource(format!("{base}/{{id:\\d+}}/retire"))
                .get(retire_form)
                .post(retire),
        )
        .service(web::resource(format!("{base}/{{id:\\d+}}/reopen")).post(reopen));
}

type Fields = web::Form<Vec<(String, String)>>;

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
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

/// One name input per language.
struct NameField {
    name: String,
    label: &'static str,
    lang: &'static str,
    value: String,
}

/// A type's form as typed.
struct TypeForm {
    names: Vec<NameField>,
    member_kind: String,
    duration: String,
    requires_approval: bool,
    fee: String,
    currency: String,
}

impl TypeForm {
    fn new(name: &LocalizedText, t: Option<&MembershipTypeView>) -> TypeForm {
        TypeForm {
            names: Locale::ALL
                .iter()
                .map(|l| NameField {
                    name: format!("name_{}", l.tag()),
                    label: language_name(*l),
                    lang: l.tag(),
                    value: name.get(l.tag()).cloned().unwrap_or_default(),
                })
                .collect(),
            member_kind: t.map_or("person".into(), |t| t.member_kind.clone()),
            duration: t.map_or("12".into(), |t| {
                t.duration_months.map(|d| d.to_string()).unwrap_or_default()
            }),
            requires_approval: t.is_none_or(|t| t.requires_approval),
            fee: t.and_then(|t| t.annual_fee.clone()).unwrap_or_default(),
            currency: t.and_then(|t| t.currency.clone()).unwrap_or_default(),
        }
    }

    fn read(form: &[(String, String)]) -> TypeForm {
        let name = Locale::ALL
            .iter()
            .map(|l| {
                (
                    l.tag().to_owned(),
                    field(form, &format!("name_{}", l.tag())).to_owned(),
                )
            })
            .collect();
        TypeForm {
            member_kind: field(form, "member_kind").to_owned(),
            duration: field(form, "duration").trim().to_owned(),
            requires_approval: !field(form, "requires_approval").is_empty(),
            fee: field(form, "fee").trim().to_owned(),
            currency: field(form, "currency").trim().to_owned(),
            ..TypeForm::new(&name, None)
        }
    }

    fn name(&self) -> LocalizedText {
        self.names
            .iter()
            .filter(|n| !n.value.trim().is_empty())
            .map(|n| (n.lang.to_owned(), n.value.trim().to_owned()))
            .collect()
    }

    /// Months, or `None` for a lifetime; a value that is not a number is the form's error.
    fn duration(&self, page: &Page, errors: &mut FormErrors) -> Option<i32> {
        if self.duration.is_empty() {
            return None;
        }
        self.duration
            .parse()
            .map_err(|_| errors.add("duration", page.t("manage-members-type-duration-invalid")))
            .ok()
    }

    fn text(value: &str) -> Option<String> {
        Some(value.to_owned()).filter(|v| !v.is_empty())
    }
}

/// API fields → form fields.
const FIELDS: &[(&str, &str)] = &[("duration_months", "duration"), ("annual_fee", "fee")];

#[derive(askama::Template)]
#[template(path = "manage_members_type_form.html")]
struct TypeFormPage<'a> {
    p: &'a Page,
    slug: &'a str,
    /// `None` for a new type.
    id: Option<i64>,
    form: &'a TypeForm,
    kinds: Vec<Choice>,
    errors: &'a FormErrors,
}

fn render_form(
    page: &Page,
    slug: &str,
    id: Option<i64>,
    form: &TypeForm,
    errors: &FormErrors,
) -> WebResult {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let kinds = kind_choices(page, &form.member_kind);
    page.render_status(
        status,
        &TypeFormPage {
            p: page,
            slug,
            id,
            form,
            kinds,
            errors,
        },
    )
}

async fn new_form(page: Page, state: web::Data<AppState>, path: web::Path<String>) -> WebResult {
    let person_id = page.person()?.id;
    let slug = path.into_inner();
    for_staff::standing(&state, person_id, slug.clone(), Needs::Owner).await?;
    let form = TypeForm::new(&LocalizedText::new(), None);
    render_form(&page, &slug, None, &form, &FormErrors::new())
}

async fn create(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    fields: Fields,
) -> WebResult {
    page.verify(field(&fields, "csrf"))?;
    let person_id = page.person()?.id;
    let slug = path.into_inner();
    let form = TypeForm::read(&fields);
    let mut errors = FormErrors::new();
    let duration = form.duration(&page, &mut errors);
    if errors.is_empty() {
        let req = CreateMembershipType {
            name: form.name(),
            member_kind: form.member_kind.clone(),
            duration_months: duration,
            requires_approval: Some(form.requires_approval),
            annual_fee: TypeForm::text(&form.fee).map(serde_json::Value::String),
            currency: TypeForm::text(&form.currency),
            active: None,
        };
        match types::create_type(&state, person_id, slug.clone(), req).await {
            Ok(_) => {
                return Ok(page.redirect(&format!(
                    "/manage/o/{slug}/members/types?notice=manage-members-notice-type-created"
                )))
            }
            Err(e) => errors.absorb(&page, e, FIELDS)?,
        }
    }
    render_form(&page, &slug, None, &form, &errors)
}

/// The host's type for an owner's form; another host's type is not found.
async fn owned_type(
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

async fn edit_form(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> WebResult {
    let (slug, id) = path.into_inner();
    let t = owned_type(&page, &state, &slug, id).await?;
    let form = TypeForm::new(&t.name, Some(&t));
    render_form(&page, &slug, Some(id), &form, &FormErrors::new())
}

async fn edit(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    fields: Fields,
) -> WebResult {
    page.verify(field(&fields, "csrf"))?;
    let person_id = page.person()?.id;
    let (slug, id) = path.into_inner();
    let t = owned_type(&page, &state, &slug, id).await?;
    // The member kind never changes; the form shows it as it is.
    let form = TypeForm {
        member_kind: t.member_kind.clone(),
        ..TypeForm::read(&fields)
    };
    let mut errors = FormErrors::new();
    let duration = form.duration(&page, &mut errors);
    if errors.is_empty() {
        let req = UpdateMembershipType {
            name: Some(form.name()),
            duration_months: Some(duration),
            requires_approval: Some(form.requires_approval),
            annual_fee: Some(TypeForm::text(&form.fee).map(serde_json::Value::String)),
            currency: Some(TypeForm::text(&form.currency)),
            active: None,
        };
        match types::update_type(&state, person_id, slug.clone(), id, req).await {
            Ok(_) => {
                return Ok(page.redirect(&format!(
                    "/manage/o/{slug}/members/types?notice=manage-members-notice-type-saved"
                )))
            }
            Err(e) => errors.absorb(&page, e, FIELDS)?,
        }
    }
    render_form(&page, &slug, Some(id), &form, &errors)
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
