//! The organisers' roster of one event (`/manage/events/{id}/roster`): live counts, search and
//! filters, a page of registrations with their actions, the form to add someone, the CSV (the
//! API's own file) and the printable attendance sheet. Every read goes through
//! `registrations::roster`, so a page answers exactly as `GET /api/v1/events/{id}/registrations`.

use actix_web::web;
use serde::Deserialize;

use crate::events::model::EventView;
use crate::events::service::{self as events, Asker};
use crate::http::AppState;
use crate::notify::dates;
use crate::registrations::model::{QuestionView, Roster, RosterSummary, CONFIRMED};
use crate::registrations::roster::{self, answer_text, RosterQuery};
use crate::registrations::{questions, routes as api};
use crate::web::forms::FormErrors;
use crate::web::registration_page::status_badge;
use crate::web::{Page, WebResult};

pub use crate::web::manage_roster_actions::AddInput;

const PER_PAGE: i64 = 50;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/events/{id:\\d+}/roster").get(show))
        .service(web::resource("/manage/events/{id:\\d+}/roster.csv").get(csv))
        .service(
            web::resource("/manage/events/{id:\\d+}/roster/print")
                .get(crate::web::manage_roster_print::print),
        )
        .configure(crate::web::manage_roster_actions::configure);
}

/// The roster's filters as the page's GET form sends them (empty fields mean "any").
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct Filters {
    pub q: String,
    pub status: String,
    /// `yes`, `no` or empty.
    pub checked_in: String,
    pub page: Option<i64>,
}

impl Filters {
    fn query(&self, per_page: Option<i64>) -> RosterQuery {
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        RosterQuery {
            q: some(&self.q),
            status: some(&self.status),
            checked_in: match self.checked_in.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            page: self.page,
            per_page,
            ..RosterQuery::default()
        }
    }

    /// This roster's URL with these filters on page `page`.
    fn url(&self, event_id: i64, page: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("q", &self.q),
            ("status", &self.status),
            ("checked_in", &self.checked_in),
        ] {
            if !v.is_empty() {
                pairs.push((k, v.clone()));
            }
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        let base = format!("/manage/events/{event_id}/roster");
        if query.is_empty() {
            base
        } else {
            format!("{base}?{query}")
        }
    }
}

/// The event as the roster's heading and the attendance sheet show it.
pub struct EventHead {
    pub id: i64,
    pub title: String,
    pub when: String,
    pub place: String,
    pub host: String,
    pub funders: Vec<String>,
    pub default_locale: crate::i18n::Locale,
}

impl EventHead {
    pub fn of(page: &Page, e: &EventView) -> EventHead {
        let place = [&e.venue_name, &e.address, &e.city]
            .iter()
            .filter_map(|p| p.as_deref())
            .collect::<Vec<_>>()
            .join(", ");
        EventHead {
            id: e.id,
            title: e.title.clone().unwrap_or_else(|| format!("#{}", e.id)),
            when: dates::date_time(e.starts_at, &e.timezone, page.locale),
            place,
            host: e.organisation_name.clone(),
            funders: e
                .partners
                .iter()
                .filter(|p| p.role == "funder")
                .map(|p| p.organisation_name.clone())
                .collect(),
            default_locale: crate::i18n::Locale::parse(&e.default_locale)
                .unwrap_or(crate::i18n::Locale::En),
        }
    }
}

/// Loads the event for a page of its staff, after a service has checked they are staff.
pub async fn event_head(
    state: &AppState,
    page: &Page,
    id: i64,
) -> Result<EventHead, crate::web::WebError> {
    let asker = Asker {
        person_id: page.person.as_ref().map(|p| p.id),
        locale: Some(page.locale),
    };
    let e = events::get(state, asker, id, false).await?;
    Ok(EventHead::of(page, &e))
}

/// One registration as a row of the roster.
pub struct Row {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub status: String,
    pub status_class: &'static str,
    pub confirmed: bool,
    pub waitlisted: bool,
    pub live: bool,
    pub checked_in: bool,
    pub answers: Vec<(String, String)>,
}

fn label(q: &QuestionView, page: &Page) -> String {
    let labels = q.label.as_object();
    labels
        .and_then(|l| {
            l.get(page.lang())
                .or_else(|| l.get("en"))
                .or_else(|| l.values().next())
        })
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

#[derive(askama::Template)]
#[template(path = "manage_roster.html")]
struct RosterPage<'a> {
    p: &'a Page,
    e: &'a EventHead,
    s: &'a RosterSummary,
    rows: Vec<Row>,
    f: &'a Filters,
    total: i64,
    prev: Option<String>,
    next: Option<String>,
    here: String,
    add: &'a AddInput,
    errors: &'a FormErrors,
    refusal: Option<String>,
}

impl RosterPage<'_> {
    fn capacity(&self) -> String {
        match self.s.capacity {
            Some(c) => c.to_string(),
            None => "∞".to_owned(),
        }
    }
}

/// Renders the roster; the add form's handler calls it again with its errors and input.
pub async fn render(
    page: &Page,
    state: &AppState,
    id: i64,
    f: &Filters,
    add: &AddInput,
    errors: &FormErrors,
    refusal: Option<String>,
) -> WebResult {
    let person = page.person()?.id;
    let r: Roster = roster::roster(state, person, id, f.query(Some(PER_PAGE))).await?;
    let qs = questions::list(state, person, id).await?;
    let e = event_head(state, page, id).await?;
    let rows = r
        .items
        .iter()
        .map(|v| {
            let (status, status_class) = status_badge(page, v);
            Row {
                id: v.id,
                name: v.name.clone(),
                email: v.email.clone(),
                organisation: v.organisation_name.clone().unwrap_or_default(),
                status,
                status_class,
                confirmed: v.status == CONFIRMED,
                waitlisted: v.status == "waitlisted",
                live: v.status != "cancelled",
                checked_in: v.checked_in_at.is_some(),
                answers: qs
                    .iter()
                    .filter_map(|q| {
                        let a = answer_text(v.answers.get(q.id.to_string()));
                        (!a.is_empty()).then(|| (label(q, page), a))
                    })
                    .collect(),
            }
        })
        .collect();
    let last = (r.total + r.per_page - 1) / r.per_page;
    let status = if errors.is_empty() && refusal.is_none() {
        actix_web::http::StatusCode::OK
    } else if refusal.is_some() {
        actix_web::http::StatusCode::CONFLICT
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        status,
        &RosterPage {
            p: page,
            e: &e,
            s: &r.summary,
            rows,
            f,
            total: r.total,
            prev: (r.page > 1).then(|| f.url(id, r.page - 1)),
            next: (r.page < last).then(|| f.url(id, r.page + 1)),
            here: f.url(id, r.page),
            add,
            errors,
            refusal,
        },
    )
}

async fn show(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    f: web::Query<Filters>,
) -> WebResult {
    render(
        &page,
        &state,
        path.into_inner(),
        &f,
        &AddInput::default(),
        &FormErrors::new(),
        None,
    )
    .await
}

/// The API's spreadsheet, byte for byte: the same service builds it (and logs the export).
async fn csv(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    f: web::Query<Filters>,
) -> WebResult {
    let id = path.into_inner();
    let mut query = f.query(None);
    query.page = None;
    let body = roster::roster_csv(&state, page.person()?.id, id, query).await?;
    Ok(api::csv_response(id, body))
}
