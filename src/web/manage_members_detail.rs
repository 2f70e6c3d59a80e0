//! One membership of the host for its staff, with the people who act for a member
//! organisation; renewal by staff (`PATCH /api/v1/memberships/{id}` `{"action":"renew"}`); and
//! the member directory exactly as members get it (`GET …/directory`).

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::http::AppState;
use crate::members::api::{DirectoryEntry, PageOnly, PersonRoleView, UpdateMembership};
use crate::members::for_staff;
use crate::members::lists;
use crate::members::memberships;
use crate::members::model::pick;
use crate::notify::dates;
use crate::web::forms::FormErrors;
use crate::web::manage_members::{member_row, MemberRow, PER_PAGE};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/o/{slug}/members/directory").get(directory))
        .service(web::resource("/manage/o/{slug}/members/{id:\\d+}").get(member))
        .service(web::resource("/manage/o/{slug}/members/{id:\\d+}/renew").post(renew));
}

#[derive(askama::Template)]
#[template(path = "manage_members_detail.html")]
pub struct MemberPage<'a> {
    pub p: &'a Page,
    pub slug: &'a str,
    pub m: MemberRow,
    pub representatives: Vec<PersonRoleView>,
    pub refusal: Option<String>,
    pub errors: &'a FormErrors,
    pub note: &'a str,
}

/// One membership's page; `refusal` names a rule that stopped an action on it.
pub async fn render_member(
    page: &Page,
    state: &AppState,
    slug: String,
    id: i64,
    refusal: Option<String>,
    errors: &FormErrors,
    note: &str,
) -> WebResult {
    let person_id = page.person()?.id;
    let found = for_staff::membership(state, person_id, slug.clone(), id).await?;
    let status = match (&refusal, errors.is_empty()) {
        (Some(_), _) => StatusCode::CONFLICT,
        (None, false) => StatusCode::UNPROCESSABLE_ENTITY,
        (None, true) => StatusCode::OK,
    };
    page.render_status(
        status,
        &MemberPage {
            p: page,
            slug: &slug,
            m: member_row(page, &found.membership),
            representatives: found.representatives,
            refusal,
            errors,
            note,
        },
    )
}

async fn member(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> WebResult {
    let (slug, id) = path.into_inner();
    render_member(&page, &state, slug, id, None, &FormErrors::new(), "").await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CsrfOnly {
    csrf: String,
}

/// Renewal by staff: the same action as `PATCH /api/v1/memberships/{id}` `{"action":"renew"}`.
async fn renew(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfOnly>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let (slug, id) = path.into_inner();
    // The membership must belong to this host (404 otherwise), as on its page.
    for_staff::membership(&state, person_id, slug.clone(), id).await?;
    let action = UpdateMembership {
        action: Some("renew".into()),
        reason: None,
        directory_visible: None,
    };
    let refusal = match memberships::update(&state, person_id, id, action).await {
        Ok(_) => {
            let to = format!("/manage/o/{slug}/members/{id}?notice=manage-members-notice-renewed");
            return Ok(page.redirect(&to));
        }
        Err(AppError::Conflict {
            code: "lifetime_membership",
            ..
        }) => page.t("manage-members-renew-lifetime"),
        Err(AppError::Conflict { .. }) => page.t("manage-members-renew-not-now"),
        Err(e) => return Err(e.into()),
    };
    render_member(
        &page,
        &state,
        slug,
        id,
        Some(refusal),
        &FormErrors::new(),
        "",
    )
    .await
}

#[derive(askama::Template)]
#[template(path = "manage_members_directory.html")]
struct DirectoryPage<'a> {
    p: &'a Page,
    slug: &'a str,
    host: String,
    entries: Vec<(DirectoryEntry, String, Option<String>)>,
    total: i64,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageNumber {
    page: Option<i64>,
}

/// The directory exactly as the host's members get it (`GET …/directory`).
async fn directory(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<PageNumber>,
) -> WebResult {
    let person_id = page.person()?.id;
    let slug = path.into_inner();
    let n = query.page.unwrap_or(1).max(1);
    let paging = PageOnly {
        page: Some(n),
        per_page: Some(PER_PAGE),
    };
    let list = lists::directory(&state, person_id, slug.clone(), paging).await?;
    let host = crate::members::organisations::get(&state, slug.clone()).await?;
    let base = format!("/manage/o/{slug}/members/directory");
    page.render(&DirectoryPage {
        p: &page,
        slug: &slug,
        host: host.name,
        total: list.total,
        previous: (n > 1).then(|| format!("{base}?page={}", n - 1)),
        next: (n * PER_PAGE < list.total).then(|| format!("{base}?page={}", n + 1)),
        entries: list
            .items
            .into_iter()
            .map(|e| {
                let type_name = pick(&e.membership_type, page.locale);
                let since = e.member_since.map(|d| dates::date(d, page.locale));
                (e, type_name, since)
            })
            .collect(),
    })
}
