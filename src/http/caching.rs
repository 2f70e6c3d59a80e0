//! Who may keep a copy of an answer, decided in one place for every route.
//!
//! - Answers that hold tokens or personal data (sign-in, `/me`, rosters, registrations,
//!   memberships, staff lists, audit, the outbox) say `no-store` (RFC 6749 §5.1, OWASP API8):
//!   no cache, browser or proxy, keeps them.
//! - Public event reads (the list, one event, its sessions and the calendar feeds) carry a
//!   strong `ETag` and answer `304 Not Modified` to a matching `If-None-Match`, so a calendar
//!   client polling a feed costs a hash instead of a download. Their body depends on the
//!   language asked for and on who reads (members-only events), hence `Vary`; a signed-in
//!   reader's copy is `private`.
//! - Every other answer to a request with credentials is `private, no-cache`.

use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::HttpResponse;
use sha2::{Digest, Sha256};

const NO_STORE: HeaderValue = HeaderValue::from_static("no-store");
const PRIVATE: HeaderValue = HeaderValue::from_static("private, no-cache");
const SHARED: HeaderValue = HeaderValue::from_static("no-cache");
const VARY: HeaderValue = HeaderValue::from_static("Accept-Language, Authorization");

/// Path segments that mark an answer holding tokens or personal data.
const PERSONAL: [&str; 12] = [
    "auth",
    "me",
    "export",
    "admin",
    "audit",
    "memberships",
    "registrations",
    "check-in",
    "staff",
    "representatives",
    "messages",
    "unsubscribe",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Personal,
    PublicEventRead,
    Other,
}

fn classify(method: &Method, path: &str) -> Class {
    let Some(rest) = path.strip_prefix("/api/v1/") else {
        return Class::Other;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    if segments.iter().any(|s| PERSONAL.contains(s)) {
        return Class::Personal;
    }
    let read = method == Method::GET || method == Method::HEAD;
    let event_read = match segments.as_slice() {
        ["events" | "events.ics"] => true,
        ["events", id, tail @ ..] => {
            id.parse::<i64>().is_ok() && matches!(tail, [] | ["sessions" | "event.ics"])
        }
        _ => false,
    };
    if read && event_read {
        Class::PublicEventRead
    } else {
        Class::Other
    }
}

/// The middleware: sets `Cache-Control` (unless the handler did), and the `ETag` and
/// conditional answer of public event reads.
pub async fn cache_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let class = classify(req.method(), req.path());
    let signed_in = req.headers().contains_key(header::AUTHORIZATION);
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.call(req).await?.map_into_boxed_body();
    let control = match class {
        Class::Personal => NO_STORE,
        _ if signed_in => PRIVATE,
        Class::PublicEventRead => SHARED,
        Class::Other => return Ok(res),
    };
    if class != Class::PublicEventRead || res.status() != StatusCode::OK {
        let mut res = res;
        set_control(res.headers_mut(), control);
        return Ok(res);
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let body = to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.to_string()))?;
    let tag = etag(&body);
    let matched = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| matches(v, &tag));
    let mut res = if matched {
        // RFC 9110 §15.4.5: the validators and caching headers a 200 would carry, no body.
        let mut not_modified = HttpResponse::NotModified().finish();
        for name in [header::CONTENT_LOCATION, header::DATE, header::EXPIRES] {
            if let Some(v) = head.headers().get(&name) {
                not_modified.headers_mut().insert(name, v.clone());
            }
        }
        for v in head.headers().get_all(header::VARY) {
            not_modified.headers_mut().append(header::VARY, v.clone());
        }
        not_modified
    } else {
        head.set_body(BoxBody::new(body))
    };
    let headers = res.headers_mut();
    if !headers.contains_key(header::ETAG) {
        if let Ok(value) = HeaderValue::from_str(&tag) {
            headers.insert(header::ETAG, value);
        }
    }
    headers.append(header::VARY, VARY);
    set_control(headers, control);
    Ok(ServiceResponse::new(req, res))
}

fn set_control(headers: &mut HeaderMap, value: HeaderValue) {
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, value);
    }
}

/// A strong entity tag: the first 128 bits of the body's SHA-256, quoted.
fn etag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    format!("\"{}\"", crate::auth::tokens::hex(&digest[..16]))
}

/// `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored,
/// and `*` matches any current representation.
fn matches(if_none_match: &str, tag: &str) -> bool {
    if_none_match
        .split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == tag)
}

#[cfg(test)]
mod tests {
    use super::{classify, matches, Class};
    use actix_web::http::Method;

    #[test]
    fn routes_fall_into_their_class() {
        let get = |p: &str| classify(&Method::GET, p);
        for p in [
            "/api/v1/auth/login",
            "/api/v1/auth/refresh",
            "/api/v1/me",
            "/api/v1/me/export",
            "/api/v1/me/registrations",
            "/api/v1/events/7/registrations",
            "/api/v1/registrations/3/check-in",
            "/api/v1/organisations/kc/memberships",
            "/api/v1/memberships/4",
            "/api/v1/organisations/kc/audit",
            "/api/v1/organisations/kc/staff",
            "/api/v1/admin/outbox",
        ] {
            assert_eq!(get(p), Class::Personal, "{p}");
        }
        for p in [
            "/api/v1/events",
            "/api/v1/events.ics",
            "/api/v1/events/12",
            "/api/v1/events/12/sessions",
            "/api/v1/events/12/event.ics",
        ] {
            assert_eq!(get(p), Class::PublicEventRead, "{p}");
        }
        assert_eq!(classify(&Method::PATCH, "/api/v1/events/12"), Class::Other);
        assert_eq!(get("/api/v1/events/12/questions"), Class::Other);
        assert_eq!(get("/api/v1/organisations"), Class::Other);
        assert_eq!(get("/healthz"), Class::Other);
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let tag = "\"abc\"";
        assert!(matches("\"abc\"", tag));
        assert!(matches("W/\"abc\"", tag));
        assert!(matches("\"x\", \"abc\"", tag));
        assert!(matches("*", tag));
        assert!(!matches("\"abd\"", tag));
        assert!(!matches("abc", tag));
    }
}
