//! Check-in at the door (`/manage/events/{id}/checkin`), made for a phone: one field for the
//! code (typed, or "typed" by a USB/Bluetooth scanner that ends with Enter, or read by the
//! camera in `checkin.js`). Without JavaScript the form POSTs and comes back (303) showing the
//! result; with htmx (`HX-Request`) the answer is only the result, swapped in place.

use actix_web::{web, HttpRequest};
use serde::Deserialize;

use crate::error::AppError;
use crate::http::AppState;
use crate::registrations::model::RegistrationView;
use crate::registrations::roster::{self, RosterQuery};
use crate::web::i18n::Arg;
use crate::web::manage_roster::{event_head, EventHead};
use crate::web::{Page, WebError, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/manage/events/{id:\\d+}/checkin")
            .get(show)
            .post(check_in),
    )
    .service(web::resource("/manage/events/{id:\\d+}/checkin/undo").post(undo));
}

/// What became of the last code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    CheckedIn,
    Already,
    Undone,
    Unknown,
    NotConfirmed,
}

impl Outcome {
    fn name(self) -> &'static str {
        match self {
            Outcome::CheckedIn => "checked-in",
            Outcome::Already => "already",
            Outcome::Undone => "undone",
            Outcome::Unknown => "unknown",
            Outcome::NotConfirmed => "not-confirmed",
        }
    }

    fn parse(s: &str) -> Option<Outcome> {
        [
            Outcome::CheckedIn,
            Outcome::Already,
            Outcome::Undone,
            Outcome::Unknown,
            Outcome::NotConfirmed,
        ]
        .into_iter()
        .find(|o| o.name() == s)
    }
}

/// The result box: the message in words, the class only repeats it.
pub struct CheckinResult {
    class: &'static str,
    message: String,
    name: Option<String>,
    organisation: Option<String>,
    /// The registration that may be undone (checked in).
    undo: Option<i64>,
}

fn result(
    page: &Page,
    outcome: Outcome,
    v: Option<&RegistrationView>,
    code: &str,
) -> CheckinResult {
    let (class, message) = match outcome {
        Outcome::CheckedIn => ("ok", page.t("checkin-result-checked-in")),
        Outcome::Already => ("warn", page.t("checkin-result-already")),
        Outcome::Undone => ("warn", page.t("checkin-result-undone")),
        Outcome::Unknown => ("bad", page.ts("checkin-result-unknown", "code", code)),
        Outcome::NotConfirmed => ("bad", page.t("checkin-result-not-confirmed")),
    };
    let checked_in = v.is_some_and(|v| v.checked_in_at.is_some());
    CheckinResult {
        class,
        message,
        name: v.map(|v| v.name.clone()),
        organisation: v.and_then(|v| v.organisation_name.clone()),
        undo: v.filter(|_| checked_in).map(|v| v.id),
    }
}

#[derive(askama::Template)]
#[template(path = "manage_checkin.html")]
struct CheckinPage<'a> {
    p: &'a Page,
    e: &'a EventHead,
    event_id: i64,
    count: String,
    r: Option<CheckinResult>,
}

#[derive(askama::Template)]
#[template(path = "manage_checkin_result.html")]
struct ResultFragment<'a> {
    p: &'a Page,
    event_id: i64,
    r: &'a CheckinResult,
    /// "x of y checked in", swapped into the page beside the result.
    count: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Last {
    outcome: String,
    registration: Option<i64>,
    code: String,
}

async fn show(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    last: web::Query<Last>,
) -> WebResult {
    let id = path.into_inner();
    let person = page.person()?.id;
    let count = count_text(&page, &state, person, id).await?;
    let e = event_head(&state, &page, id).await?;
    let r = match Outcome::parse(&last.outcome) {
        Some(outcome) => {
            let v = match last.registration {
                Some(reg) => {
                    Some(roster::get(&state, person, reg).await?).filter(|v| v.event_id == id)
                }
                None => None,
            };
            Some(result(&page, outcome, v.as_ref(), last.code.trim()))
        }
        None => None,
    };
    page.render(&CheckinPage {
        p: &page,
        e: &e,
        event_id: id,
        count,
        r,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CodeForm {
    csrf: String,
    code: String,
    registration: Option<i64>,
}

/// "x of y checked in", with the same staff check as the roster's.
async fn count_text(
    page: &Page,
    state: &AppState,
    person: i64,
    event_id: i64,
) -> Result<String, WebError> {
    let counts = RosterQuery {
        per_page: Some(1),
        ..RosterQuery::default()
    };
    let summary = roster::roster(state, person, event_id, counts)
        .await?
        .summary;
    Ok(page.ta(
        "checkin-count",
        &[
            ("done", Arg::Num(summary.checked_in)),
            ("total", Arg::Num(summary.confirmed)),
        ],
    ))
}

/// The answer: the fragment for htmx (with the new count), else back to the page with the
/// result in the query.
#[allow(clippy::too_many_arguments)]
async fn answer(
    page: &Page,
    req: &HttpRequest,
    state: &AppState,
    person: i64,
    event_id: i64,
    outcome: Outcome,
    v: Option<&RegistrationView>,
    code: &str,
) -> WebResult {
    if req.headers().contains_key("hx-request") {
        let r = result(page, outcome, v, code);
        let count = count_text(page, state, person, event_id).await?;
        return page.render(&ResultFragment {
            p: page,
            event_id,
            r: &r,
            count,
        });
    }
    let mut pairs = vec![("outcome", outcome.name().to_owned())];
    match v {
        Some(v) => pairs.push(("registration", v.id.to_string())),
        None => pairs.push(("code", code.chars().take(80).collect())),
    }
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    Ok(page.redirect(&format!("/manage/events/{event_id}/checkin?{query}")))
}

async fn check_in(
    page: Page,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<CodeForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person = page.person()?.id;
    let id = path.into_inner();
    let code = form.code.trim();
    let (outcome, v) = match roster::check_in_code(&state, person, id, code.to_owned()).await {
        Ok((v, true)) => (Outcome::CheckedIn, Some(v)),
        Ok((v, false)) => (Outcome::Already, Some(v)),
        Err(AppError::NotFound("registration") | AppError::Validation(_)) => {
            (Outcome::Unknown, None)
        }
        Err(AppError::Conflict {
            code: "not_confirmed",
            ..
        }) => (Outcome::NotConfirmed, None),
        Err(e) => return Err(e.into()),
    };
    answer(&page, &req, &state, person, id, outcome, v.as_ref(), code).await
}

async fn undo(
    page: Page,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<CodeForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person = page.person()?.id;
    let id = path.into_inner();
    let reg = form
        .registration
        .ok_or(AppError::NotFound("registration"))?;
    // Only a registration of this event: the URL names the event the door is for.
    let before = roster::get(&state, person, reg).await?;
    if before.event_id != id {
        return Err(AppError::NotFound("registration").into());
    }
    let v = roster::check_in(&state, person, reg, false).await?;
    answer(
        &page,
        &req,
        &state,
        person,
        id,
        Outcome::Undone,
        Some(&v),
        "",
    )
    .await
}
