//! Response headers that make browsers treat Kolo's answers as data (never as a page to frame
//! or a script to sniff), a strict Content-Security-Policy on the API docs, and CORS only for
//! the origins in `server.cors_allowed_origins`.

use actix_cors::Cors;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::Method;

/// Swagger UI is served from the binary as files: its scripts and styles come from
/// `swagger-ui-bundle.js`, `swagger-initializer.js`, `swagger-ui.css` and `index.css`, with no
/// inline script or style, and the CSS draws its icons as `data:` images.
pub const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; \
form-action 'none'; frame-ancestors 'none'";

/// The API never serves a page, so nothing may be loaded from or framed around its answers.
const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

/// Adds the headers to a response (every one: successes, problems and 404s alike) unless a
/// handler chose its own.
pub fn add_headers(path: &str, headers: &mut header::HeaderMap) {
    let csp = if path == "/docs" || path.starts_with("/docs/") {
        DOCS_CSP
    } else {
        API_CSP
    };
    // A page that may be framed by listed sites (the embeddable event list) says so in its
    // own `frame-ancestors`; X-Frame-Options cannot name sites, so it is left off there.
    let frameable = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| !v.contains("frame-ancestors 'none'"));
    if !frameable && !headers.contains_key(header::X_FRAME_OPTIONS) {
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    let set = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CONTENT_SECURITY_POLICY, csp),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in set {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
}

/// CORS for the configured origins only. With none configured the middleware answers no
/// browser's cross-origin request with an `Access-Control-Allow-Origin`, so browsers keep
/// other sites' scripts from reading Kolo's answers.
pub fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PATCH,
            Method::PUT,
            Method::DELETE,
        ])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([
            header::RETRY_AFTER,
            header::LOCATION,
            HeaderName::from_static("x-request-id"),
        ])
        .max_age(3600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}
