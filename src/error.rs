//! One error type for the whole service. Each variant has its HTTP status; every error body is
//! RFC 9457 `application/problem+json`. Internal causes are logged with their location and never
//! sent to the client.

use std::collections::BTreeMap;
use std::panic::Location;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

pub type AppResult<T> = Result<T, AppError>;

/// `Retry-After` of a 503.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 2;

/// Field name → messages, as in the `errors` member of a validation problem.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Adds a message about `field`, for validators that collect every problem before answering.
pub fn push_error(errors: &mut FieldErrors, field: impl Into<String>, message: impl Into<String>) {
    errors.entry(field.into()).or_default().push(message.into());
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("authentication required: {0}")]
    Unauthorized(String),
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    /// `code` is a stable machine-readable reason (`email_taken`, `event_full`, ...).
    #[error("conflict: {detail}")]
    Conflict {
        code: &'static str,
        detail: String,
        extra: Option<serde_json::Value>,
    },
    #[error("validation failed")]
    Validation(FieldErrors),
    #[error("request body too large")]
    PayloadTooLarge { limit_bytes: usize },
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error("internal error at {location}: {source}")]
    Internal {
        source: anyhow::Error,
        location: &'static Location<'static>,
    },
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    #[schema(example = "urn:kolo:problem:validation")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable reason, e.g. `email_taken`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// For validation problems: field → messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<FieldErrors>,
    /// Extra context for some conflicts (for example the existing registration).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub existing: Option<serde_json::Value>,
}

impl Problem {
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Problem {
        Problem {
            type_: format!("urn:kolo:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            code: Some(code.to_owned()),
            errors: None,
            existing: None,
        }
    }

    pub fn response(&self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        HttpResponse::build(status)
            .insert_header((header::CONTENT_TYPE, "application/problem+json"))
            .json(self)
    }
}

impl AppError {
    #[track_caller]
    pub fn internal(source: impl Into<anyhow::Error>) -> AppError {
        AppError::Internal {
            source: source.into(),
            location: Location::caller(),
        }
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::Conflict {
            code,
            detail: detail.into(),
            extra: None,
        }
    }

    /// A validation error about one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> AppError {
        let mut errors = FieldErrors::new();
        errors.insert(field.into(), vec![message.into()]);
        AppError::Validation(errors)
    }

    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        match self {
            AppError::BadRequest(detail) => Problem::new(status, "bad_request", detail),
            AppError::Unauthorized(detail) => Problem::new(status, "unauthorized", detail),
            AppError::Forbidden(detail) => Problem::new(status, "forbidden", detail),
            AppError::NotFound(what) => {
                Problem::new(status, "not_found", format!("{what} not found"))
            }
            AppError::Conflict {
                code,
                detail,
                extra,
            } => Problem {
                existing: extra.clone(),
                ..Problem::new(status, code, detail)
            },
            AppError::Validation(errors) => Problem {
                errors: Some(errors.clone()),
                ..Problem::new(status, "validation", "the request has invalid fields")
            },
            AppError::PayloadTooLarge { limit_bytes } => Problem::new(
                status,
                "payload_too_large",
                format!("the request body is larger than {limit_bytes} bytes"),
            ),
            AppError::UnsupportedMediaType => Problem::new(
                status,
                "unsupported_media_type",
                "the request body must be JSON with Content-Type: application/json",
            ),
            AppError::TooManyRequests { retry_after_secs } => Problem::new(
                status,
                "rate_limited",
                format!("too many requests; try again in {retry_after_secs} s"),
            ),
            AppError::Unavailable(_) => Problem::new(
                status,
                "unavailable",
                "the service is temporarily unavailable; try again shortly",
            ),
            AppError::Internal { .. } => Problem::new(
                status,
                "internal",
                "an unexpected error occurred; it has been logged",
            ),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Internal { source, location } => {
                tracing::error!(%location, error = ?source, "internal error");
            }
            AppError::Unavailable(cause) => tracing::warn!(%cause, "service unavailable"),
            _ => {}
        }
        let mut response = self.problem().response();
        // A database that is down or locked is usually back within seconds; telling clients
        // when to retry keeps them from hammering it meanwhile.
        let retry_after = match self {
            AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            AppError::Unavailable(_) => Some(UNAVAILABLE_RETRY_AFTER_SECS),
            _ => None,
        };
        if let Some(secs) = retry_after {
            if let Ok(value) = header::HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}

impl From<diesel::result::Error> for AppError {
    #[track_caller]
    fn from(err: diesel::result::Error) -> AppError {
        use diesel::result::{DatabaseErrorKind, Error};
        match &err {
            Error::NotFound => AppError::NotFound("resource"),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => AppError::conflict(
                "already_exists",
                "a record with these values already exists",
            ),
            // The database's own checks (e.g. seats_taken <= capacity) are a last line of
            // defence behind the services' rules; if one fires, the request conflicted with
            // the current state.
            Error::DatabaseError(DatabaseErrorKind::CheckViolation, _) => AppError::conflict(
                "constraint",
                "the change conflicts with the current state; reload and try again",
            ),
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                AppError::Unavailable(info.message().to_owned())
            }
            // SQLite reports lock waits that outlived busy_timeout this way.
            Error::DatabaseError(_, info) if info.message().contains("database is locked") => {
                AppError::Unavailable(info.message().to_owned())
            }
            _ => AppError::internal(err),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(err: diesel::r2d2::PoolError) -> AppError {
        AppError::Unavailable(format!("no database connection: {err}"))
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    #[track_caller]
    fn from(err: actix_web::error::BlockingError) -> AppError {
        AppError::internal(anyhow::anyhow!("blocking task failed: {err}"))
    }
}
