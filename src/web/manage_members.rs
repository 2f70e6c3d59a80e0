//! The members of a host for its staff: the list with the API's filters and its CSV file, the
//! same service as `GET /api/v1/organisations/{slug}/memberships`; and the routes of the other
//! member pages (`manage_members_*`).

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::error::AppError;
use crate::http::AppState;
use crate::members::api::{MembershipFilter, MembershipView};
use crate::members::for_staff::{self, Standing};
use crate::members::lists::{self, MembershipList};
use crate::members::model::pick;
use crate::members::organisations::Needs;
use crate::notify::dates;
use crate::web::events_list::Choice;
use crate::web::forms::FormErrors;
use crate::web::{manage_members_bulk, manage_members_decide, manage_members_detail};
use crate::web::{manage_members_type_form, manage_members_types};
use crate::web::{Page, WebResult};

/// Rows per page of the members list.
pub const PER_PAGE: i64 = 50;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/o/{slug}/members").get(member_list))
        .service(web::resource("/manage/o/{slug}/members.csv").get(member_csv))
        .configure(manage_members_detail::configure)
        .configure(manage_members_decide::configure)
        .configure(manage_members_bulk::configure)
        .configure(manage_members_types::configure)
        .configure(manage_members_type_form::configure);
}

/// A membership as the staff's lists and pages show it.
pub struct MemberRow {
    pub id: i64,
    pub name: String,
    pub organisation: bool,
    pub email: String,
    pub country: String,
    pub type_name: String,
    pub status: String,
    pub status_label: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub applied_on: String,
    pub note: Option<String>,
    pub reason: Option<String>,
    /// What the service's renew accepts; the service still decides.
    pub renewable: bool,
}

pub fn status_label(page: &Page, status: &str) -> String {
    match status {
        "pending" => page.t("manage-members-status-pending"),
        "active" => page.t("manage-members-status-active"),
        "expired" => page.t("manage-members-status-expired"),
        "rejected" => page.t("manage-members-status-rejected"),
        _ => page.t("manage-members-status-cancelled"),
    }
}

pub fn member_row(page: &Page, m: &MembershipView) -> MemberRow {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| dates::date(d, page.locale));
    MemberRow {
        id: m.id,
        name: m.member.name.clone(),
        organisation: m.member.kind == "organisation",
        email: m.member.email.clone().unwrap_or_default(),
        country: m.member.country.clone().unwrap_or_default(),
        type_name: pick(&m.type_.name, page.locale),
        status: m.status.clone(),
        status_label: status_label(page, &m.status),
        starts_on: date(m.starts_on),
        ends_on: date(m.ends_on),
        applied_on: dates::date(m.created_at.date_naive(), page.locale),
        note: m.note.clone(),
        reason: m.decision_reason.clone(),
        renewable: (m.status == "active" && m.ends_on.is_some()) || m.status == "expired",
    }
}

/// The filters of the members list, as typed.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MemberQuery {
    pub status: String,
    #[serde(rename = "type")]
    pub type_id: String,
    pub kind: String,
    pub country: String,
    pub q: String,
    /// Days from today: memberships ending within them.
    pub expiring: String,
    pub page: Option<i64>,
}

impl MemberQuery {
    /// The API's filter, or the fields the page itself could not read.
    fn filter(&self, page: &Page, errors: &mut FormErrors, n: i64) -> MembershipFilter {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let type_id = text(&self.type_id).and_then(|t| {
            t.parse::<i64>()
                .map_err(|_| errors.add("type", page.t("common-field-invalid")))
                .ok()
        });
        let expires_before = text(&self.expiring).and_then(|d| match d.parse::<u32>() {
            Ok(days @ 0..=3660) => {
                let day = crate::members::memberships::today()
                    + chrono::Duration::days(i64::from(days) + 1);
                Some(day.to_string())
            }
            _ => {
                errors.add("expiring", page.t("manage-members-expiring-invalid"));
                None
            }
        });
        // "Expiring" means a membership still running unless the reader asks otherwise.
        let status =
            text(&self.status).or_else(|| expires_before.as_ref().map(|_| "active".into()));
        MembershipFilter {
            status,
            type_id,
            member_kind: text(&self.kind),
            country: text(&self.country),
            q: text(&self.q),
            expires_before,
            format: None,
            page: Some(n),
            per_page: Some(PER_PAGE),
        }
    }

    fn link(&self, slug: &str, n: i64) -> String {
        let pairs = [
            ("status", self.status.as_str()),
            ("type", self.type_id.as_str()),
            ("kind", self.kind.as_str()),
            ("country", self.country.as_str()),
            ("q", self.q.as_str()),
            ("expiring", self.expiring.as_str()),
        ];
        let mut kept: Vec<(&str, String)> = pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
        if n > 1 {
            kept.push(("page", n.to_string()));
        }
        let query = serde_urlencoded::to_string(&kept).unwrap_or_default();
        if query.is_empty() {
            format!("/manage/o/{slug}/members")
        } else {
            format!("/manage/o/{slug}/members?{query}")
        }
    }
}

/// Choices of a `<select>`, the current one selected.
pub fn choices(options: Vec<(String, String)>, current: &str) -> Vec<Choice> {
    options
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
            lang: None,
        })
        .collect()
}

pub fn kind_choices(page: &Page, current: &str) -> Vec<Choice> {
    let kinds = [
        ("person", "manage-members-kind-person"),
        ("organisation", "manage-members-kind-organisation"),
    ];
    choices(
        kinds
            .iter()
            .map(|(v, k)| (v.to_string(), page.t(k)))
            .collect(),
        current,
    )
}

#[derive(askama::Template)]
#[template(path = "manage_members.html")]
struct MembersPage<'a> {
    p: &'a Page,
    host: &'a Standing,
    errors: &'a FormErrors,
    f: &'a MemberQuery,
    statuses: Vec<Choice>,
    types: Vec<Choice>,
    kinds: Vec<Choice>,
    rows: Vec<MemberRow>,
    total: i64,
    csv: String,
    previous: Option<String>,
    next: Option<String>,
}

async fn member_list(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<MemberQuery>,
) -> WebResult {
    let person_id = page.person()?.id;
    let slug = path.into_inner();
    let host = for_staff::standing(&state, person_id, slug.clone(), Needs::Staff).await?;
    let f = query.into_inner();
    let n = f.page.unwrap_or(1).max(1);
    let mut errors = FormErrors::new();
    let filter = f.filter(&page, &mut errors, n);
    let (items, total) = if errors.is_empty() {
        match lists::list(&state, person_id, slug.clone(), filter).await {
            Ok(MembershipList::Page(list)) => (list.items, list.total),
            Ok(MembershipList::Csv { .. }) => (Vec::new(), 0),
            Err(e) => {
                let map = [("member_kind", "kind"), ("expires_before", "expiring")];
                errors.absorb(&page, e, &map)?;
                (Vec::new(), 0)
            }
        }
    } else {
        (Vec::new(), 0)
    };
    let types = for_staff::types(&state, person_id, slug.clone()).await?;
    let statuses = ["pending", "active", "expired", "rejected", "cancelled"]
        .iter()
        .map(|s| (s.to_string(), status_label(&page, s)))
        .collect();
    let type_options = types
        .iter()
        .map(|t| (t.id.to_string(), pick(&t.name, page.locale)))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let csv = f.link(&slug, 1).replacen("/members", "/members.csv", 1);
    page.render_status(
        status,
        &MembersPage {
            p: &page,
            host: &host,
            errors: &errors,
            statuses: choices(statuses, &f.status),
            types: choices(type_options, &f.type_id),
            kinds: kind_choices(&page, &f.kind),
            rows: items.iter().map(|m| member_row(&page, m)).collect(),
            total,
            csv,
            previous: (n > 1).then(|| f.link(&slug, n - 1)),
            next: (n * PER_PAGE < total).then(|| f.link(&slug, n + 1)),
            f: &f,
        },
    )
}

/// The same file as `GET …/memberships?format=csv`, with the page's filters.
async fn member_csv(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<MemberQuery>,
) -> WebResult {
    let person_id = page.person()?.id;
    let mut errors = FormErrors::new();
    let mut filter = query.filter(&page, &mut errors, 1);
    if !errors.is_empty() {
        return Err(AppError::invalid("expiring", "not a number of days").into());
    }
    filter.format = Some("csv".into());
    filter.page = None;
    filter.per_page = None;
    match lists::list(&state, person_id, path.into_inner(), filter).await? {
        MembershipList::Csv { filename, body } => Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header(ContentDisposition {
                disposition: DispositionType::Attachment,
                parameters: vec![DispositionParam::Filename(filename)],
            })
            .body(body)),
        MembershipList::Page(_) => Err(AppError::internal(anyhow::anyhow!("asked for CSV")).into()),
    }
}
