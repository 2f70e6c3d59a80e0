//! The event page (`/events/{id}` and `/events/{id}/{slug}`), its calendar file, and the
//! "check your email" page a guest sees after registering.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;

use crate::events::listing;
use crate::events::model::EventView;
use crate::events::service::{self, Asker};
use crate::http::pagination::{PageQuery, MAX_PER_PAGE};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::registrations::form::{self, RegistrationForm};
use crate::web::event_facts::{full_place, google_link, map_link, role, seats, window};
use crate::web::event_form::Input;
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
    let (explicit, reader_locale) = (explicit_locale(&page), page.locale);
    // The event and its form in one read: one snapshot, one connection.
    let (e, locale, form) = state
        .read(move |conn| {
            let e = service::get_on(conn, asker, id, false)?;
            let default = Locale::parse(&e.default_locale);
            let locale = explicit.or(default).unwrap_or(reader_locale);
            let default = default.unwrap_or(Locale::En);
            let form = form::load_visible(conn, asker.person_id, id, default, locale)?;
            Ok((e, locale, form))
        })
        .await?;
    page.locale = locale;
    let asker = Asker {
        locale: Some(page.locale),
        ..asker
    };
    let parent = match e.parent {
        Some(parent) => Some(service::get(state, asker, parent, false).await?),
        None => None,
    };
    let sessions = if form.has_sessions {
        let all = PageQuery {
            page: Some(1),
            per_page: Some(MAX_PER_PAGE),
        };
        listing::sessions(state, asker, id, all).await?.items
    } else {
        Vec::new()
    };
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
