//! What organisers read: the roster (JSON or a spreadsheet-ready CSV), check-in at the door,
//! and what a person reads: their own registrations.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use serde_json::json;

use crate::audit::{self, Entry};
use crate::db::schema::{events, registrations};
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::pagination::{Page, PageQuery};
use crate::http::AppState;
use crate::i18n::fold::fold;
use crate::i18n::Locale;
use crate::registrations::model::*;
use crate::registrations::service::{may_act_on, staff_event, staff_registration};
use crate::registrations::store::{self, EventSlot};
use crate::registrations::views;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RosterQuery {
    /// `pending`, `confirmed`, `waitlisted` or `cancelled`.
    pub status: Option<String>,
    pub checked_in: Option<bool>,
    /// Slug of the organisation registrations were made for.
    pub organisation: Option<String>,
    /// Part of a name, email or organisation slug, regardless of case, script and diacritics.
    pub q: Option<String>,
    /// `json` (default) or `csv`.
    pub format: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// The whole filtered roster, unpaginated (for CSV), with its summary.
fn filtered(
    conn: &mut AnyConnection,
    event: &EventSlot,
    query: &RosterQuery,
) -> AppResult<(RosterSummary, Vec<RegistrationView>)> {
    if let Some(status) = &query.status {
        if !LIVE.contains(&status.as_str()) && status != CANCELLED {
            return Err(AppError::invalid(
                "status",
                "must be pending, confirmed, waitlisted or cancelled",
            ));
        }
    }
    let regs: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event.id))
        .order(registrations::id.asc())
        .select(Registration::as_select())
        .load(conn)?;
    let all = views::views(conn, &regs)?;
    let mut summary = RosterSummary {
        capacity: event.capacity,
        seats_taken: event.seats_taken,
        ..RosterSummary::default()
    };
    for v in &all {
        match v.status.as_str() {
            CONFIRMED => summary.confirmed += 1,
            WAITLISTED => summary.waitlisted += 1,
            PENDING => summary.pending += 1,
            _ => summary.cancelled += 1,
        }
        if v.checked_in_at.is_some() && v.status == CONFIRMED {
            summary.checked_in += 1;
        }
    }
    let needle = query
        .q
        .as_deref()
        .map(|q| fold(q.trim()))
        .filter(|q| !q.is_empty());
    let items = all
        .into_iter()
        .filter(|v| query.status.as_ref().is_none_or(|s| &v.status == s))
        .filter(|v| {
            query
                .checked_in
                .is_none_or(|c| v.checked_in_at.is_some() == c)
        })
        .filter(|v| {
            query
                .organisation
                .as_ref()
                .is_none_or(|o| v.organisation.as_ref() == Some(o))
        })
        .filter(|v| {
            needle.as_ref().is_none_or(|n| {
                fold(&v.name).contains(n.as_str())
                    || fold(&v.email).contains(n.as_str())
                    || v.organisation
                        .as_deref()
                        .is_some_and(|o| fold(o).contains(n.as_str()))
            })
        })
        .collect();
    Ok((summary, items))
}

pub async fn roster(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    query: RosterQuery,
) -> AppResult<Roster> {
    let page: Page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .validate()?;
    state
        .db(move |conn| {
            let event = staff_event(conn, person_id, event_id)?;
            let (summary, items) = filtered(conn, &event, &query)?;
            let total = items.len() as i64;
            let items = items
                .into_iter()
                .skip(page.offset() as usize)
                .take(page.per_page as usize)
                .collect();
            Ok(Roster {
                summary,
                items,
                page: page.page,
                per_page: page.per_page,
                total,
            })
        })
        .await
}

/// The roster as a spreadsheet (see `http::spreadsheet`): times in the event's zone, one
/// column per question.
pub async fn roster_csv(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    query: RosterQuery,
) -> AppResult<Vec<u8>> {
    // The spreadsheet has every row, but a page outside the bounds is refused as everywhere.
    PageQuery::of(query.page, query.per_page)?;
    state
        .db(move |conn| {
            let event = staff_event(conn, person_id, event_id)?;
            let (_, items) = filtered(conn, &event, &query)?;
            let questions = store::questions(conn, event_id)?;
            let tz: chrono_tz::Tz = event.timezone.parse().unwrap_or(chrono_tz::UTC);
            let local = |t: chrono::DateTime<chrono::Utc>| {
                t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
            };
            let mut header: Vec<String> = [
                "id",
                "status",
                "waitlist_position",
                "name",
                "email",
                "organisation",
                "code",
                "checked_in_at",
                "registered_at",
            ]
            .map(str::to_owned)
            .to_vec();
            header.extend(
                questions
                    .iter()
                    .map(|q| question_label(q, &event.default_locale)),
            );
            let rows = items.iter().map(|v| {
                let mut row = vec![
                    v.id.to_string(),
                    v.status.clone(),
                    v.waitlist_position
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    v.name.clone(),
                    v.email.clone(),
                    v.organisation.clone().unwrap_or_default(),
                    v.code.clone(),
                    v.checked_in_at.map(local).unwrap_or_default(),
                    local(v.created_at),
                ];
                row.extend(
                    questions
                        .iter()
                        .map(|q| answer_text(v.answers.get(q.id.to_string()))),
                );
                row
            });
            let csv = crate::http::spreadsheet::csv(&header, rows)?;
            // Written after the file is built and before it is handed out: no export leaves
            // without its entry. A read needs no transaction; the entry commits on its own.
            audit::record(
                conn,
                Entry::new("roster.exported", person_id, "event", event.id)
                    .at(event.organisation_id)
                    .after(json!({"format": "csv", "rows": items.len()})),
            )?;
            Ok(csv)
        })
        .await
}

fn question_label(q: &Question, default_locale: &str) -> String {
    let labels: HashMap<String, String> = serde_json::from_str(&q.label).unwrap_or_default();
    labels
        .get(default_locale)
        .or_else(|| labels.get("en"))
        .or_else(|| labels.values().next())
        .cloned()
        .unwrap_or_else(|| format!("question {}", q.id))
}

/// An answer as one line of text (a spreadsheet cell, a roster row).
pub fn answer_text(answer: Option<&serde_json::Value>) -> String {
    match answer {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Bool(b)) => if *b { "yes" } else { "no" }.to_owned(),
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// Marks a confirmed registration as arrived (or not). Repeating it changes nothing (and
/// logs nothing); `via` says how staff found it (`id` or `code`). Also says whether anything
/// changed (the door's page tells "already checked in" apart).
fn set_check_in(
    conn: &mut AnyConnection,
    staff: (i64, &EventSlot),
    reg: Registration,
    arrived: bool,
    via: &str,
) -> AppResult<(RegistrationView, bool)> {
    if reg.status != CONFIRMED {
        return Err(AppError::conflict(
            "not_confirmed",
            format!(
                "only confirmed registrations can be checked in; this one is {}",
                reg.status
            ),
        ));
    }
    let (actor, event) = staff;
    let reg = match (arrived, reg.checked_in_at) {
        (true, None) => store::set_checked_in(conn, reg.id, Some(now()), now())?,
        (false, Some(_)) => store::set_checked_in(conn, reg.id, None, now())?,
        _ => return Ok((views::view(conn, &reg)?, false)),
    };
    let action = if arrived {
        "registration.checked_in"
    } else {
        "registration.check_in_undone"
    };
    audit::record(
        conn,
        Entry::new(action, actor, "registration", reg.id)
            .at(event.organisation_id)
            .after(json!({"checked_in_at": reg.checked_in_at.map(|t| t.and_utc()), "via": via})),
    )?;
    Ok((views::view(conn, &reg)?, true))
}

pub async fn check_in(
    state: &AppState,
    person_id: i64,
    registration_id: i64,
    arrived: bool,
) -> AppResult<RegistrationView> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let (reg, event) = staff_registration(conn, person_id, registration_id)?;
                set_check_in(conn, (person_id, &event), reg, arrived, "id").map(|(v, _)| v)
            })
        })
        .await
}

pub async fn check_in_by_code(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    code: String,
) -> AppResult<RegistrationView> {
    Ok(check_in_code(state, person_id, event_id, code).await?.0)
}

/// `check_in_by_code`, also saying whether this call checked them in (`false`: they already
/// were).
pub async fn check_in_code(
    state: &AppState,
    person_id: i64,
    event_id: i64,
    code: String,
) -> AppResult<(RegistrationView, bool)> {
    crate::caps::within("code", &code, crate::caps::TOKEN)?;
    let code = code.trim().to_ascii_uppercase();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let event = staff_event(conn, person_id, event_id)?;
                let reg = store::find_by_code(conn, event_id, &code)?
                    .ok_or(AppError::NotFound("registration"))?;
                set_check_in(conn, (person_id, &event), reg, true, "code")
            })
        })
        .await
}

/// One registration, for the registrant, the representative who made it, or staff.
pub async fn get(
    state: &AppState,
    person_id: i64,
    registration_id: i64,
) -> AppResult<RegistrationView> {
    state
        .db(move |conn| {
            let reg =
                store::find(conn, registration_id)?.ok_or(AppError::NotFound("registration"))?;
            let event =
                store::find_event(conn, reg.event_id)?.ok_or(AppError::NotFound("registration"))?;
            let allowed = may_act_on(conn, person_id, &reg, &event, false)?;
            if !allowed {
                return Err(AppError::NotFound("registration"));
            }
            views::view(conn, &reg)
        })
        .await
}

#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum When {
    #[default]
    Upcoming,
    Past,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MineQuery {
    /// `upcoming` (default: not yet ended) or `past`.
    pub when: Option<When>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

pub async fn mine(
    state: &AppState,
    person_id: i64,
    query: MineQuery,
) -> AppResult<crate::http::pagination::Paginated<MyRegistration>> {
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .validate()?;
    let when = query.when.unwrap_or_default();
    state
        .db(move |conn| {
            let person = crate::auth::service::load_person(conn, person_id)?;
            let at: NaiveDateTime = now();
            let base = registrations::table
                .inner_join(events::table)
                .filter(registrations::person_id.eq(person_id))
                .into_boxed();
            let base = match when {
                When::Upcoming => base.filter(events::ends_at.gt(at)),
                When::Past => base.filter(events::ends_at.le(at)),
            };
            let rows: Vec<(Registration, (NaiveDateTime, NaiveDateTime, String, String))> =
                match when {
                    When::Upcoming => {
                        base.order((events::starts_at.asc(), registrations::id.asc()))
                    }
                    When::Past => base.order((events::starts_at.desc(), registrations::id.desc())),
                }
                .select((
                    Registration::as_select(),
                    (
                        events::starts_at,
                        events::ends_at,
                        events::timezone,
                        events::default_locale,
                    ),
                ))
                .load(conn)?;
            let total = rows.len() as i64;
            let rows: Vec<_> = rows
                .into_iter()
                .skip(page.offset() as usize)
                .take(page.per_page as usize)
                .collect();
            let regs: Vec<Registration> = rows.iter().map(|(r, _)| r.clone()).collect();
            let views = views::views(conn, &regs)?;
            let locale: Locale = person.locale();
            let mut items = Vec::with_capacity(views.len());
            for (view, (_, (starts, ends, tz, default_locale))) in views.into_iter().zip(rows) {
                let title = store::event_title(
                    conn,
                    view.event_id,
                    &[locale.tag(), default_locale.as_str(), "en"],
                )?;
                items.push(MyRegistration {
                    registration: view,
                    event_title: title,
                    event_starts_at: starts.and_utc(),
                    event_ends_at: ends.and_utc(),
                    event_timezone: tz,
                });
            }
            Ok(crate::http::pagination::Paginated::new(items, page, total))
        })
        .await
}
