//! Who is asking: the bearer token, checked on every request that needs it.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};

use crate::error::AppError;
use crate::http::AppState;

/// The authenticated person (from a valid access token). The person row is not loaded here:
/// services load what they need, and treat a vanished person as unauthenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentUser {
    pub person_id: i64,
}

/// Like [`CurrentUser`] for routes that anonymous callers may use too. A token that is present
/// but invalid is still an error: silently downgrading would hide an expired session.
#[derive(Debug, Clone, Copy)]
pub struct MaybeUser(pub Option<CurrentUser>);

fn bearer(req: &HttpRequest) -> Option<Result<&str, AppError>> {
    let value = req.headers().get(header::AUTHORIZATION)?;
    let parsed = value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            AppError::Unauthorized("the Authorization header must be `Bearer <token>`".into())
        });
    Some(parsed)
}

fn authenticate(req: &HttpRequest) -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = bearer(req) else {
        return Ok(None);
    };
    let token = token?;
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("application state missing")))?;
    let person_id = state.jwt.verify(token)?;
    Ok(Some(CurrentUser { person_id }))
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Ready<Result<CurrentUser, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req).and_then(|user| {
            user.ok_or_else(|| {
                AppError::Unauthorized("this route needs a bearer access token".into())
            })
        }))
    }
}

impl FromRequest for MaybeUser {
    type Error = AppError;
    type Future = Ready<Result<MaybeUser, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req).map(MaybeUser))
    }
}
