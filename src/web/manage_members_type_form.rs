//! The membership-type form for owners: create and edit, with the service's validation errors
//! beside the fields and what was typed kept; the same services as `POST|PATCH
//! /api/v1/organisations/{slug}/membership-types`.

use actix_web::http::StatusCode;
use actix_web::web;

use crate::http::AppState;
use crate::i18n::Locale;
use crate::members::api::{CreateMembershipType, MembershipTypeView, UpdateMembershipType};
use crate::members::for_staff;
use crate::members::model::LocalizedText;
use crate::members::organisations::Needs;
use crate::members::types;
use crate::web::events_list::Choice;
use crate::web::forms::FormErrors;
use crate::web::manage_members::kind_choices;
use crate::web::manage_members_types::{field, owned_type, Fields};
use crate::web::page::language_name;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    let base = "/manage/o/{slug}/members/types";
    cfg.service(
        web::resource(format!("{base}/new"))
            .get(new_form)
            .post(create),
    )
    .service(
        web::resource(format!("{base}/{{id:\\d+}}"))
            .get(edit_form)
            .post(edit),
    );
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
