//! "My memberships": the person's own and those of organisations they represent, one
//! membership's page (where the emails link), renewal and the directory choice; the same
//! services as `/api/v1/me/memberships` and `GET|PATCH /api/v1/memberships/{id}`.

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::http::AppState;
use crate::members::api::{MembershipView, PageOnly, UpdateMembership};
use crate::members::model::pick;
use crate::members::{lists, memberships};
use crate::notify::dates;
use crate::web::mine::{ListQuery, PER_PAGE};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/me/memberships").get(membership_list))
        .service(web::resource("/me/memberships/{id:\\d+}/renew").post(renew))
        .service(web::resource("/memberships/{id:\\d+}").get(membership))
        .service(web::resource("/memberships/{id:\\d+}/directory").post(directory));
}

/// A membership as its line and page show it.
struct MembershipRow {
    id: i64,
    host: String,
    type_name: String,
    member: Option<String>,
    status: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
    renewable: bool,
    /// The member's choice to appear in the host's public member directory.
    directory_visible: bool,
    /// Whether the directory choice applies (a live membership).
    live: bool,
}

fn membership_row(page: &Page, m: &MembershipView) -> MembershipRow {
    let status = match m.status.as_str() {
        "pending" => page.t("mine-membership-pending"),
        "active" => page.t("mine-membership-active"),
        "expired" => page.t("mine-membership-expired"),
        "rejected" => page.t("mine-membership-rejected"),
        _ => page.t("mine-membership-cancelled"),
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| dates::date(d, page.locale));
    MembershipRow {
        id: m.id,
        host: m.host.name.clone(),
        type_name: pick(&m.type_.name, page.locale),
        member: (m.member.kind == "organisation").then(|| m.member.name.clone()),
        status,
        starts_on: date(m.starts_on),
        ends_on: date(m.ends_on),
        // What the service's renew accepts; the service still decides.
        renewable: (m.status == "active" && m.ends_on.is_some()) || m.status == "expired",
        directory_visible: m.directory_visible,
        live: m.status == "active" || m.status == "pending",
    }
}

#[derive(askama::Template)]
#[template(path = "mine_memberships.html")]
struct MembershipsPage<'a> {
    p: &'a Page,
    rows: Vec<MembershipRow>,
    previous: Option<String>,
    next: Option<String>,
}

async fn membership_list(
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> WebResult {
    let person_id = page.person()?.id;
    let n = query.page.unwrap_or(1);
    let list = lists::mine(
        &state,
        person_id,
        PageOnly {
            page: Some(n),
            per_page: Some(PER_PAGE),
        },
    )
    .await?;
    let more = list.page * list.per_page < list.total;
    page.render(&MembershipsPage {
        p: &page,
        rows: list
            .items
            .iter()
            .map(|m| membership_row(&page, m))
            .collect(),
        previous: (n > 1).then(|| format!("/me/memberships?page={}", n - 1)),
        next: more.then(|| format!("/me/memberships?page={}", n + 1)),
    })
}

#[derive(askama::Template)]
#[template(path = "mine_membership.html")]
struct MembershipPage<'a> {
    p: &'a Page,
    m: MembershipRow,
    reason: Option<String>,
    refusal: Option<String>,
}

async fn membership(page: Page, state: web::Data<AppState>, path: web::Path<i64>) -> WebResult {
    let person_id = page.person()?.id;
    let m = memberships::get(&state, person_id, path.into_inner()).await?;
    page.render(&MembershipPage {
        p: &page,
        reason: m.decision_reason.clone(),
        m: membership_row(&page, &m),
        refusal: None,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CsrfOnly {
    csrf: String,
}

async fn renew(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let id = path.into_inner();
    let action = UpdateMembership {
        action: Some("renew".into()),
        reason: None,
        directory_visible: None,
    };
    let refusal = match memberships::update(&state, person_id, id, action).await {
        Ok(_) => return Ok(page.redirect(&format!("/memberships/{id}?notice=mine-notice-renewed"))),
        Err(AppError::Conflict {
            code: "lifetime_membership",
            ..
        }) => page.t("mine-renew-lifetime"),
        Err(AppError::Conflict { .. }) => page.t("mine-renew-not-now"),
        Err(AppError::Forbidden(_)) => page.t("mine-renew-forbidden"),
        Err(e) => return Err(e.into()),
    };
    refused(&page, &state, person_id, id, refusal).await
}

/// The membership's page again, with the rule that refused the action.
async fn refused(
    page: &Page,
    state: &AppState,
    person_id: i64,
    id: i64,
    refusal: String,
) -> WebResult {
    let m = memberships::get(state, person_id, id).await?;
    page.render_status(
        StatusCode::CONFLICT,
        &MembershipPage {
            p: page,
            reason: m.decision_reason.clone(),
            m: membership_row(page, &m),
            refusal: Some(refusal),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DirectoryForm {
    csrf: String,
    directory_visible: Option<String>,
}

/// Whether the member appears in the host's public directory (the member's own choice).
async fn directory(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<DirectoryForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let id = path.into_inner();
    let change = UpdateMembership {
        action: None,
        reason: None,
        directory_visible: Some(form.directory_visible.is_some()),
    };
    let refusal = match memberships::update(&state, person_id, id, change).await {
        Ok(_) => {
            let to = format!("/memberships/{id}?notice=mine-notice-directory-saved");
            return Ok(page.redirect(&to));
        }
        Err(AppError::Forbidden(_)) => page.t("mine-directory-forbidden"),
        Err(AppError::Conflict { .. }) => page.t("mine-renew-not-now"),
        Err(e) => return Err(e.into()),
    };
    refused(&page, &state, person_id, id, refusal).await
}
