//! How pages fail: a page in the reader's language for every error status (never JSON, never a
//! blank 500), a trip to the sign-in page when one is needed, and the headers every page gets.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::error::AppError;
use crate::web::page::{self, Page, SESSION_COOKIE};

pub type WebResult = Result<HttpResponse, WebError>;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error(transparent)]
    App(#[from] AppError),
    /// The page needs a signed-in person; carries where to come back to.
    #[error("sign-in needed")]
    SignIn(String),
    /// A form without a valid token, or from another site.
    #[error("the form's token or origin is not valid")]
    Csrf,
}

fn sign_in_redirect(next: &str) -> HttpResponse {
    let target = format!("/signin?next={}", percent_encode(page::safe_target(next)));
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target))
        .finish()
}

pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::App(e) => e.status_code(),
            WebError::SignIn(_) => StatusCode::SEE_OTHER,
            WebError::Csrf => StatusCode::FORBIDDEN,
        }
    }

    /// A bare answer: `pages_middleware` turns error statuses into a full page, which needs
    /// the request (for the language) that this method does not get.
    fn error_response(&self) -> HttpResponse<BoxBody> {
        match self {
            WebError::App(e) => e.error_response(),
            WebError::SignIn(next) => sign_in_redirect(next),
            WebError::Csrf => HttpResponse::Forbidden()
                .insert_header(("x-kolo-page-error", "csrf"))
                .finish(),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    p: &'a Page,
    title: String,
    text: String,
}

/// The error statuses pages explain; anything else reads as a generic error.
fn error_keys(status: StatusCode, csrf: bool) -> (&'static str, &'static str) {
    match status.as_u16() {
        _ if csrf => ("common-error-csrf-title", "common-error-csrf-text"),
        400 | 422 => ("common-error-400-title", "common-error-400-text"),
        403 => ("common-error-403-title", "common-error-403-text"),
        404 | 405 => ("common-error-404-title", "common-error-404-text"),
        409 => ("common-error-409-title", "common-error-409-text"),
        413 => ("common-error-400-title", "common-error-413-text"),
        429 => ("common-error-429-title", "common-error-429-text"),
        503 => ("common-error-503-title", "common-error-503-text"),
        _ => ("common-error-500-title", "common-error-500-text"),
    }
}

fn error_page(page: &Page, status: StatusCode, csrf: bool) -> HttpResponse {
    let (title, text) = error_keys(status, csrf);
    let template = ErrorPage {
        p: page,
        title: page.t(title),
        text: page.t(text),
    };
    let body = template.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "error page does not render");
        page.t(title)
    });
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

/// An error page from a handler that already has its `Page` (e.g. a 404 for a missing event).
pub fn render_error(page: &Page, status: StatusCode) -> WebResult {
    Ok(error_page(page, status, false))
}

/// Every answer of a page route: error statuses become pages in the reader's language (a 401
/// becomes the sign-in page), and each answer gets the page headers.
pub async fn pages_middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let signed_in = req.cookie(SESSION_COOKIE).is_some();
    let res = next.call(req).await?;
    let status = res.status();
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let mut res = if (status.is_client_error() || status.is_server_error()) && !is_html {
        let csrf = res.headers().contains_key("x-kolo-page-error");
        let retry_after = res.headers().get(header::RETRY_AFTER).cloned();
        let (req, _) = res.into_parts();
        let response = if status == StatusCode::UNAUTHORIZED {
            sign_in_redirect(req.path())
        } else {
            let page = Page::bare(&req);
            let mut response = error_page(&page, status, csrf);
            if let Some(value) = retry_after {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        };
        ServiceResponse::new(req, response).map_into_right_body()
    } else {
        res.map_into_left_body()
    };
    add_page_headers(res.headers_mut(), signed_in);
    Ok(res)
}

/// Scripts and styles only from Kolo itself, no inline code, forms only to Kolo, and no
/// framing (the embeddable list sets its own `frame-ancestors`).
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
frame-ancestors 'none'";

fn add_page_headers(headers: &mut header::HeaderMap, signed_in: bool) {
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PAGE_CSP),
        );
    }
    // Browsers send `Origin: null` on form posts under `no-referrer`; `same-origin` keeps the
    // origin check working without leaking paths (tokens in query strings) to other sites.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        // A signed-in page shows personal data; an anonymous one carries a form token.
        let value = if signed_in {
            "no-store"
        } else {
            "private, no-cache"
        };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
}
