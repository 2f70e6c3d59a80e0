//! Who is asking: the bearer token, checked on every request that needs it.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use diesel::prelude::*;
use futures_util::future::LocalBoxFuture;

use crate::db::schema::people;
use crate::error::AppError;
use crate::http::AppState;

/// The authenticated person (from a valid access token of an account that still exists and
/// was not erased). Only that is checked here: services load what else they need.
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

/// The signature is checked at once; the account is looked up afterwards, because an access
/// token outlives an erasure by up to its lifetime and must not (one small indexed read).
fn authenticate(
    req: &HttpRequest,
) -> LocalBoxFuture<'static, Result<Option<CurrentUser>, AppError>> {
    let checked = (|| -> Result<Option<(web::Data<AppState>, i64)>, AppError> {
        let Some(token) = bearer(req) else {
            return Ok(None);
        };
        let token = token?;
        let state = req
            .app_data::<web::Data<AppState>>()
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("application state missing")))?;
        let person_id = state.jwt.verify(token)?;
        Ok(Some((state.clone(), person_id)))
    })();
    Box::pin(async move {
        let Some((state, person_id)) = checked? else {
            return Ok(None);
        };
        let erased: Option<Option<chrono::NaiveDateTime>> = state
            .db(move |conn| {
                Ok(people::table
                    .find(person_id)
                    .select(people::anonymised_at)
                    .first(conn)
                    .optional()?)
            })
            .await?;
        match erased {
            Some(None) => Ok(Some(CurrentUser { person_id })),
            _ => Err(AppError::Unauthorized(
                "the account no longer exists".into(),
            )),
        }
    })
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<CurrentUser, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = authenticate(req);
        Box::pin(async move {
            user.await?.ok_or_else(|| {
                AppError::Unauthorized("this route needs a bearer access token".into())
            })
        })
    }
}

impl FromRequest for MaybeUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<MaybeUser, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = authenticate(req);
        Box::pin(async move { user.await.map(MaybeUser) })
    }
}
