//! Membership applications for the host's staff: the pending list, approve and reject (with a
//! note the applicant reads, as the API's `reason`), reject after a confirmation; the same
//! service as `PATCH /api/v1/memberships/{id}`.

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::http::AppState;
use crate::members::api::{MembershipFilter, UpdateMembership};
use crate::members::for_staff::{self, Standing};
use crate::members::lists::{self, MembershipList};
use crate::members::memberships;
use crate::members::organisations::Needs;
use crate::web::events_list::Choice;
use crate::web::forms::FormErrors;
use crate::web::manage_members::{kind_choices, member_row, MemberRow};
use crate::web::manage_members_detail::render_member;
use crate::web::{Page, WebResult};

/// Applications per page: the most the API gives at once, so "all on this page" goes far.
const PER_PAGE: i64 = 100;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/o/{slug}/members/applications").get(applications))
        .service(web::resource("/manage/o/{slug}/members/{id:\\d+}/approve").post(approve))
        .service(
            web::resource("/manage/o/{slug}/members/{id:\\d+}/reject")
                .get(reject_form)
                .post(reject),
        );
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApplicationsQuery {
    kind: String,
    page: Option<i64>,
}

#[derive(askama::Template)]
#[template(path = "manage_members_applications.html")]
struct ApplicationsPage<'a> {
    p: &'a Page,
    host: &'a Standing,
    errors: &'a FormErrors,
    kinds: Vec<Choice>,
    rows: Vec<MemberRow>,
    total: i64,
    previous: Option<String>,
    next: Option<String>,
    note: &'a str,
    on_page: i64,
}

pub async fn render_applications(
    page: &Page,
    state: &AppState,
    slug: String,
    q: &ApplicationsQuery,
    errors: &FormErrors,
    note: &str,
) -> WebResult {
    let person_id = page.person()?.id;
    let host = for_staff::standing(state, person_id, slug.clone(), Needs::Staff).await?;
    let n = q.page.unwrap_or(1).max(1);
    let kind = Some(q.kind.trim().to_owned()).filter(|k| !k.is_empty());
    let filter = MembershipFilter {
        status: Some("pending".into()),
        type_id: None,
        member_kind: kind,
        country: None,
        q: None,
        expires_before: None,
        format: None,
        page: Some(n),
        per_page: Some(PER_PAGE),
    };
    let MembershipList::Page(list) = lists::list(state, person_id, slug.clone(), filter).await?
    else {
        return Err(AppError::internal(anyhow::anyhow!("asked for a page")).into());
    };
    let link = |n: i64| {
        let kind = if q.kind.is_empty() {
            String::new()
        } else {
            format!("&kind={}", q.kind)
        };
        format!("/manage/o/{slug}/members/applications?page={n}{kind}")
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        status,
        &ApplicationsPage {
            p: page,
            host: &host,
            errors,
            kinds: kind_choices(page, &q.kind),
            rows: list.items.iter().map(|m| member_row(page, m)).collect(),
            on_page: i64::try_from(list.items.len()).unwrap_or(0),
            total: list.total,
            previous: (n > 1).then(|| link(n - 1)),
            next: (n * PER_PAGE < list.total).then(|| link(n + 1)),
            note,
        },
    )
}

async fn applications(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<ApplicationsQuery>,
) -> WebResult {
    render_applications(
        &page,
        &state,
        path.into_inner(),
        &query,
        &FormErrors::new(),
        "",
    )
    .await
}

/// The note as the service takes it: none when blank.
fn reason(note: &str) -> Option<String> {
    Some(note.trim().to_owned()).filter(|n| !n.is_empty())
}

/// Approves or rejects one membership of this host through the API's service.
pub async fn act(
    state: &AppState,
    person_id: i64,
    slug: &str,
    id: i64,
    action: &str,
    note: &str,
) -> Result<(), AppError> {
    // The membership must belong to this host (404 otherwise), whatever the caller's rights
    // at its own host.
    for_staff::membership(state, person_id, slug.to_owned(), id).await?;
    let change = UpdateMembership {
        action: Some(action.to_owned()),
        reason: reason(note),
        directory_visible: None,
    };
    memberships::update(state, person_id, id, change)
        .await
        .map(|_| ())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DecisionForm {
    csrf: String,
    note: String,
    /// `applications` to come back to the list instead of the membership's page.
    back: String,
    confirm: Option<String>,
}

/// Where a decision leads: the list or the membership's page, with a notice.
fn after(slug: &str, id: i64, back: &str, notice: &str) -> String {
    if back == "applications" {
        format!("/manage/o/{slug}/members/applications?notice={notice}")
    } else {
        format!("/manage/o/{slug}/members/{id}?notice={notice}")
    }
}

/// A decision the service refused: the membership's page with the rule, or the note's error.
async fn refused(
    page: &Page,
    state: &AppState,
    slug: String,
    id: i64,
    e: AppError,
    note: &str,
) -> WebResult {
    let mut errors = FormErrors::new();
    match e {
        AppError::Conflict { .. } => {
            let refusal = page.t("manage-members-decided-already");
            render_member(page, state, slug, id, Some(refusal), &errors, note).await
        }
        e => {
            errors.absorb(page, e, &[("reason", "note")])?;
            render_member(page, state, slug, id, None, &errors, note).await
        }
    }
}

async fn approve(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<DecisionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let (slug, id) = path.into_inner();
    match act(&state, person_id, &slug, id, "approve", &form.note).await {
        Ok(()) => Ok(page.redirect(&after(
            &slug,
            id,
            &form.back,
            "manage-members-notice-approved",
        ))),
        Err(e) => refused(&page, &state, slug, id, e, &form.note).await,
    }
}

#[derive(askama::Template)]
#[template(path = "manage_members_reject.html")]
struct RejectPage<'a> {
    p: &'a Page,
    slug: &'a str,
    m: MemberRow,
    errors: &'a FormErrors,
    note: &'a str,
    back: &'a str,
}

async fn render_reject(
    page: &Page,
    state: &AppState,
    slug: &str,
    id: i64,
    form: &DecisionForm,
    errors: &FormErrors,
) -> WebResult {
    let person_id = page.person()?.id;
    let found = for_staff::membership(state, person_id, slug.to_owned(), id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        status,
        &RejectPage {
            p: page,
            slug,
            m: member_row(page, &found.membership),
            errors,
            note: &form.note,
            back: &form.back,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Back {
    back: String,
}

/// The confirmation step before a rejection: nothing changes on this GET.
async fn reject_form(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<Back>,
) -> WebResult {
    let (slug, id) = path.into_inner();
    let form = DecisionForm {
        back: query.into_inner().back,
        ..DecisionForm::default()
    };
    render_reject(&page, &state, &slug, id, &form, &FormErrors::new()).await
}

async fn reject(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<DecisionForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let (slug, id) = path.into_inner();
    let mut errors = FormErrors::new();
    errors.optional(&page, "note", &form.note, crate::caps::REASON);
    if form.confirm.is_none() {
        errors.add("confirm", page.t("manage-members-reject-confirm-needed"));
    }
    if errors.is_empty() {
        match act(&state, person_id, &slug, id, "reject", &form.note).await {
            Ok(()) => {
                return Ok(page.redirect(&after(
                    &slug,
                    id,
                    &form.back,
                    "manage-members-notice-rejected",
                )))
            }
            Err(AppError::Validation(fields)) => {
                errors.absorb(&page, AppError::Validation(fields), &[("reason", "note")])?
            }
            Err(e) => return refused(&page, &state, slug, id, e, &form.note).await,
        }
    }
    render_reject(&page, &state, &slug, id, &form, &errors).await
}
