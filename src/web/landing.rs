//! Pages behind emailed links that act without an account: a guest confirming a seat, and
//! anyone opting out of optional email. Opening the link only shows what will happen (mail
//! scanners open links too); the button's POST does it, through the same services as the API.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;

use crate::error::AppError;
use crate::events::model::EventView;
use crate::events::service::{self as events, Asker};
use crate::http::AppState;
use crate::notify::unsubscribe::{self, Kind, Unsubscribed};
use crate::registrations::{guest_link, waitlist};
use crate::web::i18n::Arg;
use crate::web::orgs_view::{self, EventCard};
use crate::web::{Page, WebResult};

/// Registered before the pages of other features, so `/registrations/confirm` is never read
/// as the registration with id "confirm".
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/registrations/confirm")
            .get(confirm_page)
            .post(confirm),
    )
    .service(
        web::resource("/unsubscribe")
            .get(unsubscribe_page)
            .post(unsubscribe_now),
    );
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TokenForm {
    csrf: String,
    token: String,
}

/// A link that no longer works, or an action that cannot be done any more.
#[derive(Template)]
#[template(path = "landing_invalid.html")]
struct Invalid<'a> {
    p: &'a Page,
    title: String,
    text: String,
}

fn invalid(page: &Page, status: StatusCode, title: &str, text: &str) -> WebResult {
    page.render_status(
        status,
        &Invalid {
            p: page,
            title: page.t(title),
            text: page.t(text),
        },
    )
}

// ---- guest confirmation ----

#[derive(Template)]
#[template(path = "landing_confirm.html")]
struct ConfirmPage<'a> {
    p: &'a Page,
    token: &'a str,
    text: String,
    event: Option<EventCard>,
}

#[derive(Template)]
#[template(path = "landing_confirmed.html")]
struct ConfirmedPage<'a> {
    p: &'a Page,
    title: String,
    text: String,
    event: Option<EventCard>,
    link: String,
}

/// The event as an anonymous reader sees it; a guest's event is public, but should it have
/// become invisible the page still works without it.
async fn event_card(state: &AppState, page: &Page, id: i64) -> Result<Option<EventCard>, AppError> {
    let asker = Asker {
        person_id: None,
        locale: Some(page.locale),
    };
    match events::get(state, asker, id, false).await {
        Ok(event) => {
            Ok(orgs_view::event_cards(page, std::slice::from_ref::<EventView>(&event)).pop())
        }
        Err(AppError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

fn link_gone(page: &Page) -> WebResult {
    invalid(
        page,
        StatusCode::UNPROCESSABLE_ENTITY,
        "landing-confirm-invalid-title",
        "landing-confirm-invalid-text",
    )
}

async fn confirm_page(
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> WebResult {
    let token = query.into_inner().token;
    let registration = match waitlist::pending_guest(&state, token.clone()).await {
        Ok(registration) => registration,
        Err(AppError::Validation(_)) => return link_gone(&page),
        Err(e) => return Err(e.into()),
    };
    let event = event_card(&state, &page, registration.event_id).await?;
    let text = page.ta(
        "landing-confirm-text",
        &[
            ("name", Arg::Str(&registration.name)),
            ("email", Arg::Str(&registration.email)),
        ],
    );
    page.render(&ConfirmPage {
        p: &page,
        token: &token,
        text,
        event,
    })
}

async fn confirm(page: Page, state: web::Data<AppState>, form: web::Form<TokenForm>) -> WebResult {
    page.verify(&form.csrf)?;
    let registration = match waitlist::confirm_guest(&state, form.into_inner().token).await {
        Ok(registration) => registration,
        Err(AppError::Validation(_)) => return link_gone(&page),
        Err(AppError::Conflict { .. }) => {
            return invalid(
                &page,
                StatusCode::CONFLICT,
                "landing-confirm-closed-title",
                "landing-confirm-closed-text",
            )
        }
        Err(e) => return Err(e.into()),
    };
    let event = event_card(&state, &page, registration.event_id).await?;
    // A path rather than `guest_link::url`: the same key, on whichever address the guest
    // reached Kolo by.
    let link = format!(
        "/registrations/{}?key={}",
        registration.id,
        guest_link::key(&state.settings, registration.id)
    );
    let (title, text) = match (registration.status.as_str(), registration.waitlist_position) {
        ("waitlisted", Some(position)) => (
            page.t("landing-waitlisted-title"),
            page.tn("landing-waitlisted-position", "position", position),
        ),
        ("waitlisted", None) => (
            page.t("landing-waitlisted-title"),
            page.t("landing-waitlisted-text"),
        ),
        _ => (
            page.t("landing-confirmed-title"),
            page.t("landing-confirmed-text"),
        ),
    };
    page.render(&ConfirmedPage {
        p: &page,
        title,
        text,
        event,
        link,
    })
}

// ---- unsubscribe ----

#[derive(Template)]
#[template(path = "landing_unsubscribe.html")]
struct UnsubscribePage<'a> {
    p: &'a Page,
    token: &'a str,
    text: String,
}

#[derive(Template)]
#[template(path = "landing_unsubscribed.html")]
struct UnsubscribedPage<'a> {
    p: &'a Page,
    text: String,
}

/// "reminders before events at ana@example.org" and the like, in a sentence of `key`.
fn about(page: &Page, key: &str, about: &Unsubscribed) -> String {
    let what = match about.kind {
        Kind::Reminders => page.t("landing-kind-reminders"),
        Kind::OrganiserMessages => page.t("landing-kind-organiser-messages"),
    };
    page.ta(
        key,
        &[("what", Arg::Str(&what)), ("email", Arg::Str(&about.email))],
    )
}

fn unsubscribe_gone(page: &Page) -> WebResult {
    invalid(
        page,
        StatusCode::UNPROCESSABLE_ENTITY,
        "landing-unsubscribe-invalid-title",
        "landing-unsubscribe-invalid-text",
    )
}

async fn unsubscribe_page(
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> WebResult {
    let token = query.into_inner().token;
    let Ok(found) = unsubscribe::read(&state.settings, &token) else {
        return unsubscribe_gone(&page);
    };
    page.render(&UnsubscribePage {
        p: &page,
        token: &token,
        text: about(&page, "landing-unsubscribe-text", &found),
    })
}

async fn unsubscribe_now(
    page: Page,
    state: web::Data<AppState>,
    form: web::Form<TokenForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let done = match unsubscribe::unsubscribe(&state, &form.token).await {
        Ok(done) => done,
        Err(AppError::Validation(_)) => return unsubscribe_gone(&page),
        Err(e) => return Err(e.into()),
    };
    page.render(&UnsubscribedPage {
        p: &page,
        text: about(&page, "landing-unsubscribed-text", &done),
    })
}
