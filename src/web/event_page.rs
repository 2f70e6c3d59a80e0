//! The event page (`/events/{id}` and `/events/{id}/{slug}`), its calendar file, and the
//! "check your email" page a guest sees after registering.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::events::listing;
use crate::events::model::{EventView, STATUS_CANCELLED};
use crate::events::service::{self, Asker};
use crate::http::pagination::{PageQuery, MAX_PER_PAGE};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::registrations::form::{registration_form, RegistrationForm};
use crate::web::event_view::{self, Card};
use crate::web::forms::FormErrors;
use crate::web::page::LocaleSource;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    // The literal paths first, so that they are never read as a slug.
    cfg.service(web::resource("/events/{id}/calendar.ics").get(calendar))
        .service(web::resource("/events/{id}/check-email").get(check_email))
        .service(web::resource("/events/{id}").get(show))
        .service(web::resource("/events/{id}/{slug}").get(show_slug));
}

/// What was typed into the registration form, kept when the page comes back with a message.
#[derive(Debug, Default)]
pub struct Input {
    /// `self`, or the slug of an organisation the member registers a colleague for.
    pub for_whom: String,
    pub guest_name: String,
    pub guest_email: String,
    pub colleague_name: String,
    pub colleague_email: String,
    /// Question id → the values given (several for a multiple choice).
    pub answers: std::collections::HashMap<i64, Vec<String>>,
}

impl Input {
    pub fn answer(&self, question: &i64) -> &str {
        self.answers
            .get(question)
            .and_then(|v| v.first())
            .map_or("", String::as_str)
    }

    pub fn chose(&self, question: &i64, key: &str) -> bool {
        self.answers
            .get(question)
            .is_some_and(|v| v.iter().any(|k| k == key))
    }

    pub fn is_for(&self, whom: &str) -> bool {
        self.for_whom == whom || (whom == "self" && self.for_whom.is_empty())
    }
}

/// A rule of registering, explained (closed, full, already registered, …).
pub struct Rule {
    pub text: String,
    pub link: Option<(String, String)>,
    /// Unverified email: offer to send the link again.
    pub resend: bool,
}

pub struct Partner {
    pub name: String,
    pub slug: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "events_page.html")]
struct EventPage<'a> {
    p: &'a Page,
    e: &'a EventView,
    title: String,
    title_lang: Option<&'static str>,
    paragraphs: Vec<String>,
    kind: String,
    starts: String,
    ends: String,
    place: String,
    map_link: Option<String>,
    google_link: String,
    seats: String,
    badge: Option<event_view::Badge>,
    window: String,
    parent: Option<Card>,
    sessions: Vec<Card>,
    partners: Vec<Partner>,
    form: RegistrationForm,
    input: &'a Input,
    errors: &'a FormErrors,
    rule: Option<Rule>,
    next: String,
}

/// The reader's locale when they chose one (query, cookie, account); else the event's own.
pub fn explicit_locale(page: &Page) -> Option<Locale> {
    match page.locale_source {
        LocaleSource::Header | LocaleSource::Default => None,
        _ => Some(page.locale),
    }
}

fn asker(page: &Page) -> Asker {
    Asker {
        person_id: page.person.as_ref().map(|p| p.id),
        locale: explicit_locale(page),
    }
}

fn role(page: &Page, role: &str) -> String {
    match role {
        "co_organiser" => page.t("events-role-co-organiser"),
        "funder" => page.t("events-role-funder"),
        "venue" => page.t("events-role-venue"),
        "media" => page.t("events-role-media"),
        _ => page.t("events-role-partner"),
    }
}

fn window(page: &Page, e: &EventView) -> String {
    let now = chrono::Utc::now();
    let at = |t| event_view::when(page, t, &e.timezone);
    if e.status == STATUS_CANCELLED {
        page.t("events-window-cancelled")
    } else if e.phase != "upcoming" {
        page.t("events-window-over")
    } else if let Some(opens) = e.registration_opens_at.filter(|t| *t > now) {
        page.ts("events-window-not-open", "date", &at(opens))
    } else if e.registration_open {
        let closes = e.registration_closes_at.unwrap_or(e.starts_at);
        page.ts("events-window-open", "date", &at(closes))
    } else if e.seats_left == Some(0) && !e.waitlist_enabled {
        page.t("events-window-full")
    } else {
        page.t("events-window-closed")
    }
}

fn seats(page: &Page, e: &EventView) -> String {
    match (e.capacity, e.seats_left) {
        (Some(capacity), Some(0)) if e.waitlist_enabled => {
            page.tn("events-seats-full-waitlist", "capacity", capacity)
        }
        (Some(capacity), Some(0)) => page.tn("events-seats-full", "capacity", capacity),
        (Some(capacity), Some(left)) => page.ta(
            "events-seats-left",
            &[("left", left.into()), ("capacity", capacity.into())],
        ),
        _ => page.t("events-seats-unlimited"),
    }
}

fn map_link(e: &EventView) -> Option<String> {
    let parts: Vec<&str> = [&e.address, &e.city, &e.country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (e.address.is_some() || e.city.is_some()).then(|| {
        format!(
            "https://www.openstreetmap.org/search?{}",
            serde_urlencoded::to_string([("query", parts.join(", "))]).unwrap_or_default()
        )
    })
}

/// Venue, address and city, or the online link (as the calendar file has it).
fn full_place(e: &EventView) -> String {
    let parts: Vec<&str> = [&e.venue_name, &e.address, &e.city]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    match (parts.is_empty(), &e.online_url) {
        (true, Some(url)) => url.clone(),
        _ => parts.join(", "),
    }
}

fn google_link(e: &EventView, title: &str, place: &str, public_url: &str) -> String {
    let stamp = |t: chrono::DateTime<chrono::Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let details = format!("{}/events/{}", public_url.trim_end_matches('/'), e.id);
    let query = serde_urlencoded::to_string([
        ("action", "TEMPLATE".to_owned()),
        ("text", title.to_owned()),
        (
            "dates",
            format!("{}/{}", stamp(e.starts_at), stamp(e.ends_at)),
        ),
        ("location", place.to_owned()),
        ("details", details),
    ])
    .unwrap_or_default();
    format!("https://calendar.google.com/calendar/render?{query}")
}

/// Renders the event page; the registration handler calls it again with what was typed and
/// a message.
pub async fn render(
    mut page: Page,
    state: &AppState,
    id: i64,
    input: &Input,
    errors: &FormErrors,
    rule: Option<Rule>,
    status: StatusCode,
) -> WebResult {
    let asker = asker(&page);
    let e = service::get(state, asker, id, false).await?;
    page.locale = page.locale_or(Locale::parse(&e.default_locale));
    let asker = Asker {
        locale: Some(page.locale),
        ..asker
    };
    let parent = match e.parent {
        Some(parent) => Some(service::get(state, asker, parent, false).await?),
        None => None,
    };
    let sessions = if e.parent.is_none() {
        let all = PageQuery {
            page: Some(1),
            per_page: Some(MAX_PER_PAGE),
        };
        listing::sessions(state, asker, id, all).await?.items
    } else {
        Vec::new()
    };
    let form = registration_form(state, asker.person_id, id, page.locale).await?;
    let title = e.title.clone().unwrap_or_else(|| page.t("events-untitled"));
    let place = event_view::place(&page, &e);
    let template = EventPage {
        p: &page,
        title_lang: event_view::other_lang(&page, e.content_locale),
        paragraphs: e
            .description
            .as_deref()
            .unwrap_or_default()
            .split("\n\n")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        kind: event_view::kind(&page, &e.kind),
        starts: event_view::when(&page, e.starts_at, &e.timezone),
        ends: event_view::when(&page, e.ends_at, &e.timezone),
        map_link: map_link(&e),
        google_link: google_link(&e, &title, &full_place(&e), state.settings.public_url()),
        seats: seats(&page, &e),
        badge: event_view::badge(&page, &e),
        window: window(&page, &e),
        parent: parent.as_ref().map(|p| event_view::card(&page, p)),
        sessions: sessions
            .iter()
            .map(|s| event_view::card(&page, s))
            .collect(),
        partners: e
            .partners
            .iter()
            .map(|p| Partner {
                name: p.organisation_name.clone(),
                slug: p.organisation_slug.clone(),
                role: role(&page, &p.role),
            })
            .collect(),
        next: crate::web::errors::percent_encode(&format!("/events/{id}")),
        form,
        input,
        errors,
        rule,
        title,
        place,
        e: &e,
    };
    page.render_status(status, &template)
}

async fn show(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    let input = Input::default();
    let errors = FormErrors::new();
    render(page, &state, *id, &input, &errors, None, StatusCode::OK).await
}

async fn show_slug(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
) -> WebResult {
    let input = Input::default();
    let errors = FormErrors::new();
    render(page, &state, path.0, &input, &errors, None, StatusCode::OK).await
}

/// The event as an iCalendar file: the same content as the API's `event.ics`.
async fn calendar(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    let id = id.into_inner();
    let body = listing::event_feed(&state, asker(&page), id).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"event-{id}.ics\""),
        ))
        .body(body))
}

#[derive(Template)]
#[template(path = "events_check_email.html")]
struct CheckEmail<'a> {
    p: &'a Page,
    title: String,
    title_lang: Option<&'static str>,
    href: String,
}

/// After a guest registers: the seat is held once they follow the emailed link.
async fn check_email(mut page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    let e = service::get(&state, asker(&page), *id, false).await?;
    page.locale = page.locale_or(Locale::parse(&e.default_locale));
    let template = CheckEmail {
        p: &page,
        title: e.title.clone().unwrap_or_else(|| page.t("events-untitled")),
        title_lang: event_view::other_lang(&page, e.content_locale),
        href: event_view::href(&e),
    };
    page.render(&template)
}
