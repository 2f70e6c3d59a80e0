//! Turns every way a request can fail before or outside a handler (bad JSON, wrong content
//! type, oversized body, bad path or query, unknown route, wrong method) into problem+json.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header;
use actix_web::middleware::{ErrorHandlerResponse, Next};
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};

use crate::error::{AppError, Problem};

pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(move |err, _req| json_error(err, limit).into())
}

pub fn path_config() -> web::PathConfig {
    // A path segment of the wrong shape (e.g. a word where an id goes) names nothing that exists.
    web::PathConfig::default()
        .error_handler(|_err: PathError, _req| AppError::NotFound("resource").into())
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err: QueryPayloadError, _req| {
        let message = err.to_string();
        AppError::invalid(
            field_in_message(&message).unwrap_or("query"),
            clean(&message),
        )
        .into()
    })
}

fn json_error(err: JsonPayloadError, limit: usize) -> AppError {
    match err {
        JsonPayloadError::ContentType => AppError::UnsupportedMediaType,
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            AppError::PayloadTooLarge { limit_bytes: limit }
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => shape_error(&e.to_string()),
        JsonPayloadError::Deserialize(e) => AppError::BadRequest(format!("malformed JSON: {e}")),
        other => AppError::BadRequest(format!("unreadable request body: {other}")),
    }
}

/// A body or value of the wrong shape (unknown field, wrong type, missing field): 422 naming
/// the field when serde's message does.
pub fn shape_error(message: &str) -> AppError {
    AppError::invalid(field_in_message(message).unwrap_or("body"), clean(message))
}

/// serde names the offending field in backticks: "unknown field `role`, expected ...".
fn field_in_message(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

/// Drops serde's " at line 1 column 42" suffix, which means nothing to an API client.
fn clean(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Default error handler: a response that is an error but not yet problem+json (404 for an
/// unknown route, 405 for a wrong method, ...) is rewritten as one, keeping its status.
pub fn ensure_problem<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    // Pages explain their errors as pages (`web::errors`); only API answers become problems.
    let already_explained = res
        .response()
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| {
            v.as_bytes().starts_with(b"application/problem+json")
                || v.as_bytes().starts_with(b"text/html")
        });
    if already_explained {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    // What the route and CORS said about the request still holds for the rewritten answer.
    let kept: Vec<_> = res
        .response()
        .headers()
        .iter()
        .filter(|(name, _)| {
            *name == header::ALLOW
                || *name == header::VARY
                || name.as_str().starts_with("access-control-")
        })
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    let (req, _) = res.into_parts();
    let detail = match status.as_u16() {
        404 => format!("no resource at {}", req.path()),
        405 => format!("{} is not allowed on {}", req.method(), req.path()),
        _ => status.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let code = status
        .canonical_reason()
        .unwrap_or("error")
        .to_lowercase()
        .replace(' ', "_");
    let mut response = Problem::new(status, &code, detail).response();
    for (name, value) in kept {
        response.headers_mut().append(name, value);
    }
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(
        req,
        response.map_into_right_body(),
    )))
}

/// PostgreSQL cannot store or compare text holding U+0000, and no Kolo value has one, so a
/// NUL (`%00`) anywhere in the path names nothing (404) and in the query is refused (422),
/// before any handler reads it. Bodies are checked by `http::json`.
pub async fn refuse_nul(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let refusal = if req.path().contains("%00") {
        Some(AppError::NotFound("resource"))
    } else if req.query_string().contains("%00") {
        Some(AppError::invalid("query", NUL_MESSAGE))
    } else {
        None
    };
    match refusal {
        Some(error) => Ok(req
            .into_response(error.error_response())
            .map_into_right_body()),
        None => next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body),
    }
}

pub const NUL_MESSAGE: &str = "must not contain NUL characters (U+0000)";

/// For paths that match no route.
pub async fn no_route(req: HttpRequest) -> HttpResponse {
    Problem::new(
        actix_web::http::StatusCode::NOT_FOUND,
        "not_found",
        format!("no resource at {}", req.path()),
    )
    .response()
}

#[cfg(test)]
mod tests {
    use super::{clean, field_in_message};

    #[test]
    fn finds_the_field_serde_complains_about() {
        let m = "unknown field `role`, expected one of `full_name`, `locale` at line 1 column 7";
        assert_eq!(field_in_message(m), Some("role"));
        assert_eq!(
            clean(m),
            "unknown field `role`, expected one of `full_name`, `locale`"
        );
        assert_eq!(field_in_message("invalid type: integer"), None);
    }
}
