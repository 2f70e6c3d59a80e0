//! One registration's page (`/registrations/{id}`) and its cancel button. It opens for the
//! person who may act on it, as the API's GET does, or with the signed `?key=` of the link in
//! the emails, for guests and for members reading their mail signed out.

use actix_web::http::StatusCode;
use actix_web::web;
use serde::Deserialize;

use crate::error::AppError;
use crate::http::AppState;
use crate::notify::dates;
use crate::registrations::link::{self, Answer, Opener, RegistrationPage};
use crate::registrations::model::{RegistrationView, CANCELLED, CONFIRMED, WAITLISTED};
use crate::registrations::waitlist;
use crate::web::errors::percent_encode;
use crate::web::forms::FormErrors;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/registrations/{id:\\d+}").get(show))
        .service(web::resource("/registrations/{id:\\d+}/cancel").post(cancel));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct KeyQuery {
    key: String,
}

#[derive(askama::Template)]
#[template(path = "mine_registration.html")]
struct ShowPage<'a> {
    p: &'a Page,
    r: &'a RegistrationPage,
    key: &'a str,
    when: String,
    status: String,
    status_class: &'static str,
    qr: Option<String>,
    errors: &'a FormErrors,
    /// A rule that refused the cancel (the event has started), translated.
    refusal: Option<String>,
}

/// The check-in code as a QR code, inline SVG with a text alternative (no script, no image
/// request). The code is a UUID, so it always fits; `None` only if the encoder refuses.
fn qr_svg(code: &str, alt: &str) -> Option<String> {
    let qr = qrcode::QrCode::new(code.as_bytes()).ok()?;
    let svg = qr
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    let body = &svg[svg.find("<svg")?..];
    let alt = askama::filters::escape(alt, askama::filters::Html)
        .ok()?
        .to_string();
    Some(body.replacen(
        "<svg ",
        &format!(r#"<svg role="img" aria-label="{alt}" focusable="false" "#),
        1,
    ))
}

/// The status in words (never colour alone), and the badge's class.
pub fn status_badge(page: &Page, reg: &RegistrationView) -> (String, &'static str) {
    match reg.status.as_str() {
        CONFIRMED if reg.checked_in_at.is_some() => (page.t("mine-status-checked-in"), "ok"),
        CONFIRMED => (page.t("mine-status-confirmed"), "ok"),
        CANCELLED => (page.t("mine-status-cancelled"), "bad"),
        WAITLISTED => (
            page.tn(
                "mine-status-waitlisted",
                "position",
                reg.waitlist_position.unwrap_or(0),
            ),
            "warn",
        ),
        _ => (page.t("mine-status-pending"), "warn"),
    }
}

fn opener(page: &Page, key: &str) -> Result<Opener, crate::web::WebError> {
    if key.is_empty() {
        Ok(Opener::Person(page.person()?.id))
    } else {
        Ok(Opener::Key(key.to_owned()))
    }
}

fn render(
    page: &Page,
    r: &RegistrationPage,
    key: &str,
    errors: &FormErrors,
    refusal: Option<String>,
) -> WebResult {
    let (status, status_class) = status_badge(page, &r.registration);
    let reg = &r.registration;
    let qr = (reg.status == CONFIRMED)
        .then(|| qr_svg(&reg.code, &page.ts("mine-qr-alt", "code", &reg.code)))
        .flatten();
    let code = if errors.is_empty() && refusal.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.render_status(
        code,
        &ShowPage {
            p: page,
            r,
            key,
            when: dates::date_time(r.event.starts_at.and_utc(), &r.event.timezone, page.locale),
            status,
            status_class,
            qr,
            errors,
            refusal,
        },
    )
}

async fn show(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    query: web::Query<KeyQuery>,
) -> WebResult {
    let id = path.into_inner();
    let key = query.key.trim();
    let r = link::page(&state, id, opener(&page, key)?, page.locale).await?;
    render(&page, &r, key, &FormErrors::new(), None)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CancelForm {
    csrf: String,
    key: String,
    confirm: Option<String>,
}

async fn cancel(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<CancelForm>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let id = path.into_inner();
    let key = form.key.trim();
    let opener = opener(&page, key)?;
    let mut errors = FormErrors::new();
    let mut refusal = None;
    if form.confirm.is_none() {
        errors.add("confirm", page.t("mine-cancel-confirm-needed"));
    } else {
        let done = match &opener {
            Opener::Key(key) => link::cancel_by_link(&state, id, key).await,
            Opener::Person(person_id) => waitlist::cancel(&state, *person_id, id).await,
        };
        match done {
            Ok(_) if key.is_empty() => {
                return Ok(
                    page.redirect(&format!("/registrations/{id}?notice=mine-notice-cancelled"))
                )
            }
            Ok(_) => {
                return Ok(page.redirect(&format!(
                    "/registrations/{id}?key={}&notice=mine-notice-cancelled",
                    percent_encode(key)
                )))
            }
            Err(AppError::Conflict {
                code: "event_started",
                ..
            }) => refusal = Some(page.t("mine-cancel-started")),
            Err(e) => return Err(e.into()),
        }
    }
    let r = link::page(&state, id, opener, page.locale).await?;
    render(&page, &r, key, &errors, refusal)
}

/// For the template: an answer in words.
impl Answer {
    pub fn text(&self, page: &Page) -> String {
        match self {
            Answer::Text(text) => text.clone(),
            Answer::Yes => page.t("mine-answer-yes"),
            Answer::No => page.t("mine-answer-no"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::qr_svg;

    #[test]
    fn the_qr_code_is_inline_svg_with_an_escaped_text_alternative() {
        let svg = qr_svg("K7Q2M9XW4P", "code <K7Q2M9XW4P> & more").expect("encodes");
        assert!(svg.starts_with(r#"<svg role="img" aria-label="code &#60;K7Q2M9XW4P&#62; &#38; more" focusable="false" xmlns="#), "{svg}");
        assert!(!svg.contains("<?xml"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("<path"));
    }
}
