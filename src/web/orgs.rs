//! `/o/{slug}`: an organisation's page (profile, upcoming events, membership types) and its
//! "apply to join" form, which calls the same service as the API's membership application.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;

use crate::auth::model::Person;
use crate::error::AppError;
use crate::events::listing;
use crate::events::model::EventFilters;
use crate::events::service::Asker;
use crate::http::AppState;
use crate::members::api::ApplyForMembership;
use crate::members::model::{localized_from_db, Organisation};
use crate::members::{memberships, organisations, types};
use crate::web::forms::FormErrors;
use crate::web::orgs_view::{self, EventCard, Localized, TypeRow};
use crate::web::{Page, WebError, WebResult};

/// Upcoming events shown on the page; the rest are one link away on the front page.
const EVENTS_SHOWN: i64 = 20;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/o/{slug}").get(show))
        .service(web::resource("/o/{slug}/apply").post(apply))
        .service(web::resource("/o/{slug}/embed").get(crate::web::orgs_embed::show));
}

/// A host organisation by slug; any other organisation has no page (404).
pub async fn load_host(state: &AppState, slug: &str) -> Result<Organisation, WebError> {
    let org = organisations::get(state, slug.to_owned()).await?;
    if !org.hosts_events {
        return Err(AppError::NotFound("organisation").into());
    }
    Ok(org)
}

/// The host's upcoming events as `asker` may see them: the API's list with `org=slug`.
pub async fn upcoming(
    state: &AppState,
    page: &Page,
    asker: Asker,
    slug: &str,
) -> Result<(Vec<EventCard>, i64), WebError> {
    let filters = EventFilters {
        org: Some(slug.to_owned()),
        per_page: Some(EVENTS_SHOWN),
        ..EventFilters::default()
    };
    let list = listing::list(state, asker, filters).await?;
    Ok((orgs_view::event_cards(page, &list.items), list.total))
}

/// What was typed into the application form.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ApplyInput {
    csrf: String,
    type_id: String,
    /// Empty: the reader themself; else the slug of an organisation they represent.
    member: String,
    note: String,
}

/// A rule the application ran into, shown above the form; `membership` links to the one
/// that already exists.
struct Refusal {
    text: String,
    membership: Option<i64>,
}

#[derive(Template)]
#[template(path = "orgs_page.html")]
struct OrgPage<'a> {
    p: &'a Page,
    org: &'a Organisation,
    about: Localized,
    cards: Vec<EventCard>,
    card_heading: u8,
    top: bool,
    more_events: bool,
    types: Vec<TypeRow>,
    represented: Vec<Organisation>,
    form: ApplyInput,
    errors: FormErrors,
    refusal: Option<Refusal>,
}

async fn render(
    page: &Page,
    state: &AppState,
    org: &Organisation,
    form: ApplyInput,
    errors: FormErrors,
    refusal: Option<Refusal>,
    status: StatusCode,
) -> WebResult {
    let person_id = page.person.as_ref().map(|p| p.id);
    let asker = Asker {
        person_id,
        locale: Some(page.locale),
    };
    let (cards, total) = upcoming(state, page, asker, &org.slug).await?;
    let types = types::list_types(state, person_id, org.slug.clone()).await?;
    let represented = match person_id {
        Some(id) => organisations::represented(state, id)
            .await?
            .into_iter()
            .filter(|o| o.id != org.id)
            .collect(),
        None => Vec::new(),
    };
    let template = OrgPage {
        p: page,
        org,
        about: orgs_view::localized(page, &localized_from_db(&org.description)),
        more_events: total > cards.len() as i64,
        cards,
        card_heading: 3,
        top: false,
        types: orgs_view::type_rows(page, &types),
        represented,
        form,
        errors,
        refusal,
    };
    page.render_status(status, &template)
}

async fn show(page: Page, state: web::Data<AppState>, slug: web::Path<String>) -> WebResult {
    let org = load_host(&state, &slug).await?;
    let form = ApplyInput::default();
    render(
        &page,
        &state,
        &org,
        form,
        FormErrors::new(),
        None,
        StatusCode::OK,
    )
    .await
}

async fn apply(
    page: Page,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<ApplyInput>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let slug = slug.into_inner();
    let Some(person) = page.person.as_ref() else {
        return Err(WebError::SignIn(format!("/o/{slug}")));
    };
    let org = load_host(&state, &slug).await?;
    let form = form.into_inner();
    let mut errors = FormErrors::new();
    let type_id = form.type_id.trim().parse::<i64>().ok();
    if type_id.is_none() {
        errors.add("type_id", page.t("orgs-error-choose-type"));
    }
    let note = errors.optional(&page, "note", &form.note, crate::caps::NOTE);
    let member = form.member.trim();
    let (Some(type_id), true) = (type_id, errors.is_empty()) else {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&page, &state, &org, form, errors, None, status).await;
    };
    let request = ApplyForMembership {
        type_id,
        organisation_slug: (!member.is_empty()).then(|| member.to_owned()),
        note: note.map(str::to_owned),
        directory_visible: None,
    };
    let error = match memberships::apply(&state, person.id, slug.clone(), request).await {
        Ok(view) => {
            return Ok(page.redirect(&format!(
                "/memberships/{}?notice=orgs-notice-applied",
                view.id
            )))
        }
        Err(e) => e,
    };
    let (refusal, status) = match explain(&page, person, &state, &org, &form, error).await? {
        Explained::Fields(fields) => {
            errors = fields;
            (None, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Explained::Rule(refusal, status) => (Some(refusal), status),
    };
    render(&page, &state, &org, form, errors, refusal, status).await
}

enum Explained {
    Fields(FormErrors),
    Rule(Refusal, StatusCode),
}

/// The application's refusal as the page shows it; errors that are no rule of applying (the
/// database down, …) go to the error page.
async fn explain(
    page: &Page,
    person: &Person,
    state: &AppState,
    org: &Organisation,
    form: &ApplyInput,
    error: AppError,
) -> Result<Explained, WebError> {
    match error {
        AppError::Validation(fields) => {
            let types = types::list_types(state, Some(person.id), org.slug.clone()).await?;
            let chosen = types
                .iter()
                .find(|t| form.type_id.trim() == t.id.to_string());
            let mut errors = FormErrors::new();
            for field in fields.keys() {
                match field.as_str() {
                    "type_id" => errors.add("type_id", page.t("orgs-error-choose-type")),
                    "organisation_slug" => {
                        let message = match chosen.map(|t| t.member_kind.as_str()) {
                            Some("person") => page.t("orgs-error-type-for-people"),
                            Some(_) => page.t("orgs-error-type-for-organisations"),
                            None => page.t("common-field-invalid"),
                        };
                        errors.add("member", message);
                    }
                    "note" => errors.add("note", page.t("common-field-invalid")),
                    _ => errors.add("type_id", page.t("common-field-invalid")),
                }
            }
            Ok(Explained::Fields(errors))
        }
        AppError::Forbidden(_) => {
            let text = if person.is_verified() {
                page.t("orgs-refusal-not-representative")
            } else {
                page.t("orgs-refusal-unverified")
            };
            let refusal = Refusal {
                text,
                membership: None,
            };
            Ok(Explained::Rule(refusal, StatusCode::FORBIDDEN))
        }
        AppError::Conflict {
            code: "membership_exists",
            extra,
            ..
        } => {
            let id = extra
                .as_ref()
                .and_then(|e| e.get("id"))
                .and_then(serde_json::Value::as_i64)
                .filter(|id| *id > 0);
            let refusal = Refusal {
                text: page.t("orgs-refusal-already"),
                membership: id,
            };
            Ok(Explained::Rule(refusal, StatusCode::CONFLICT))
        }
        other => Err(other.into()),
    }
}
