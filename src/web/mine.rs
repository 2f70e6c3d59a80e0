//! What a person has: their registrations (upcoming and past) and memberships (their own and
//! their organisations'), with renewal; the same services as `/api/v1/me/registrations`,
//! `/api/v1/me/memberships`, `GET /api/v1/memberships/{id}` and its `renew` action.

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::http::pagination::Paginated;
use crate::http::AppState;
use crate::members::api::{MembershipView, PageOnly, UpdateMembership};
use crate::members::model::pick;
use crate::members::{lists, memberships};
use crate::notify::dates;
use crate::registrations::model::MyRegistration;
use crate::registrations::roster::{self, MineQuery, When};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/me/registrations").get(registrations))
        .service(web::resource("/me/memberships").get(membership_list))
        .service(web::resource("/me/memberships/{id}/renew").post(renew))
        .service(web::resource("/memberships/{id}").get(membership));
}

const PER_PAGE: i64 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    page: Option<i64>,
    past_page: Option<i64>,
}

/// One line of "my registrations".
struct Row {
    id: i64,
    title: String,
    when: String,
    status: String,
    status_class: &'static str,
}

/// One list with its paging links (already built, keeping the other list's page).
struct Section {
    rows: Vec<Row>,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "mine_registrations.html")]
struct RegistrationsPage<'a> {
    p: &'a Page,
    upcoming: Section,
    past: Section,
}

fn row(page: &Page, item: &MyRegistration) -> Row {
    let reg = &item.registration;
    let (status, status_class) = match reg.status.as_str() {
        "confirmed" if reg.checked_in_at.is_some() => (page.t("mine-status-checked-in"), "ok"),
        "confirmed" => (page.t("mine-status-confirmed"), "ok"),
        "cancelled" => (page.t("mine-status-cancelled"), "bad"),
        "waitlisted" => (
            page.tn(
                "mine-status-waitlisted",
                "position",
                reg.waitlist_position.unwrap_or(0),
            ),
            "warn",
        ),
        _ => (page.t("mine-status-pending"), "warn"),
    };
    Row {
        id: reg.id,
        title: item.event_title.clone(),
        when: dates::date_time(item.event_starts_at, &item.event_timezone, page.locale),
        status,
        status_class,
    }
}

fn section(page: &Page, list: Paginated<MyRegistration>, link: impl Fn(i64) -> String) -> Section {
    let more = list.page * list.per_page < list.total;
    Section {
        rows: list.items.iter().map(|item| row(page, item)).collect(),
        previous: (list.page > 1).then(|| link(list.page - 1)),
        next: more.then(|| link(list.page + 1)),
    }
}

async fn registrations(
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> WebResult {
    let person_id = page.person()?.id;
    let (up, past) = (query.page.unwrap_or(1), query.past_page.unwrap_or(1));
    let mine = |when, n| MineQuery {
        when: Some(when),
        page: Some(n),
        per_page: Some(PER_PAGE),
    };
    let upcoming = roster::mine(&state, person_id, mine(When::Upcoming, up)).await?;
    let previous = roster::mine(&state, person_id, mine(When::Past, past)).await?;
    let template = RegistrationsPage {
        p: &page,
        upcoming: section(&page, upcoming, |n| {
            format!("/me/registrations?page={n}&past_page={past}")
        }),
        past: section(&page, previous, |n| {
            format!("/me/registrations?page={up}&past_page={n}#past")
        }),
    };
    page.render(&template)
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
    let m = memberships::get(&state, person_id, id).await?;
    page.render_status(
        StatusCode::CONFLICT,
        &MembershipPage {
            p: &page,
            reason: m.decision_reason.clone(),
            m: membership_row(&page, &m),
            refusal: Some(refusal),
        },
    )
}
