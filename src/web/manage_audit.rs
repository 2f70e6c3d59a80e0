//! An organisation's audit log (`/manage/o/{slug}/audit`), newest first, filtered by action and
//! days; owners and platform admins only — the same service as
//! `GET /api/v1/organisations/{slug}/audit`.

use actix_web::http::StatusCode;
use actix_web::web;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::audit::listing::{self, AuditEntry, AuditQuery};
use crate::error::AppError;
use crate::http::AppState;
use crate::members::organisations;
use crate::notify::dates;
use crate::web::forms::FormErrors;
use crate::web::manage_home::OrgNav;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/o/{slug}/audit").get(audit));
}

const PER_PAGE: i64 = 50;

/// The filter form as typed: an action (or its prefix) and a range of days (inclusive).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Filters {
    action: String,
    from: String,
    to: String,
    page: Option<i64>,
}

struct Row {
    when: String,
    action: String,
    actor: String,
    subject: String,
    before: String,
    after: String,
}

#[derive(askama::Template)]
#[template(path = "manage_audit.html")]
struct AuditPage<'a> {
    p: &'a Page,
    nav: OrgNav,
    action: String,
    from: String,
    to: String,
    errors: FormErrors,
    rows: Vec<Row>,
    total: i64,
    previous: Option<String>,
    next: Option<String>,
}

/// A day of the form as the start of that day (UTC) in RFC 3339; `None` when empty.
fn day(errors: &mut FormErrors, page: &Page, field: &str, raw: &str, next: bool) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) => {
            let d = if next { d.succ_opt().unwrap_or(d) } else { d };
            Some(format!("{d}T00:00:00Z"))
        }
        Err(_) => {
            errors.add(field, page.t("manage-home-audit-date-invalid"));
            None
        }
    }
}

fn row(page: &Page, e: &AuditEntry) -> Row {
    let json =
        |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
    Row {
        when: dates::date_time(e.created_at, "UTC", page.locale),
        action: e.action.clone(),
        actor: e
            .actor
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_else(|| page.t("manage-home-audit-system")),
        subject: format!("{} #{}", e.subject.type_, e.subject.id),
        before: json(&e.before),
        after: json(&e.after),
    }
}

async fn audit(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<Filters>,
) -> WebResult {
    let person = page.person()?;
    let slug = path.into_inner();
    let f = query.into_inner();
    let mut errors = FormErrors::new();
    let since = day(&mut errors, &page, "from", &f.from, false);
    let until = day(&mut errors, &page, "to", &f.to, true);
    let n = f.page.unwrap_or(1).max(1);
    let q = AuditQuery {
        action: Some(f.action.trim().to_owned()).filter(|a| !a.is_empty()),
        since,
        until,
        page: Some(n),
        per_page: Some(PER_PAGE),
    };
    // The right to read comes first, as in the API: a 403 is a 403 whatever the filters.
    let listed = if errors.is_empty() {
        match listing::list(&state, person.id, slug.clone(), q).await {
            Ok(list) => Some(list),
            Err(AppError::Validation(fields)) => {
                errors.absorb(
                    &page,
                    AppError::Validation(fields),
                    &[("since", "from"), ("until", "to")],
                )?;
                None
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        let unfiltered = AuditQuery {
            per_page: Some(1),
            ..AuditQuery::default()
        };
        listing::list(&state, person.id, slug.clone(), unfiltered).await?;
        None
    };
    let org = organisations::get(&state, slug.clone()).await?;
    let nav = OrgNav::new(&org.slug, &org.name, "audit", true);
    let (rows, total, more) = match &listed {
        Some(list) => (
            list.items.iter().map(|e| row(&page, e)).collect(),
            list.total,
            list.page * list.per_page < list.total,
        ),
        None => (Vec::new(), 0, false),
    };
    let link = |to: i64| {
        let query = serde_urlencoded::to_string([
            ("action", f.action.trim()),
            ("from", f.from.trim()),
            ("to", f.to.trim()),
            ("page", &to.to_string()),
        ])
        .unwrap_or_default();
        format!("/manage/o/{slug}/audit?{query}")
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        status,
        &AuditPage {
            p: &page,
            nav,
            action: f.action.clone(),
            from: f.from.clone(),
            to: f.to.clone(),
            errors,
            rows,
            total,
            previous: (n > 1 && listed.is_some()).then(|| link(n - 1)),
            next: more.then(|| link(n + 1)),
        },
    )
}
