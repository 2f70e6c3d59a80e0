//! Who is asking: the bearer token, checked on every request that needs it.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use diesel::prelude::*;
use futures_util::future::LocalBoxFuture;

use crate::db::schema::people;
use crate::error::AppError;
use crate::http::AppState;

/// The authenticated person (from a valid access token whose person still exists). Only the
/// person's existence is checked here, so an access token outliving its account opens no door
/// (not even as a reader of public routes); services load what else they need.
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

fn authenticate(
    req: &HttpRequest,
) -> LocalBoxFuture<'static, Result<Option<CurrentUser>, AppError>> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let token = bearer(req).map(|t| t.map(str::to_owned));
    Box::pin(async move {
        let Some(token) = token else {
            return Ok(None);
        };
        let token = token?;
        let state = state
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("application state missing")))?;
        let person_id = state.jwt.verify(&token)?;
        let exists = state
            .db(move |conn| {
                Ok(people::table
                    .find(person_id)
                    .select(people::id)
                    .first::<i64>(conn)
                    .optional()?
                    .is_some())
            })
            .await?;
        if !exists {
            return Err(AppError::Unauthorized(
                "the account of this access token no longer exists".into(),
            ));
        }
        Ok(Some(CurrentUser { person_id }))
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
