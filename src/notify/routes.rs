//! Admin routes for the outbox.

use actix_web::{web, HttpResponse};
use utoipa::OpenApi;

use crate::auth::extract::CurrentUser;
use crate::error::{AppResult, Problem};
use crate::http::pagination::Paginated;
use crate::http::AppState;
use crate::notify::admin::{self, OutboxFilter, OutboxQuery, OutboxView};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/admin/outbox").get(list))
        .service(web::resource("/admin/outbox/{id}/retry").post(retry));
}

#[derive(OpenApi)]
#[openapi(paths(list, retry), components(schemas(OutboxView, OutboxFilter, Paginated<OutboxView>)))]
pub struct NotifyApi;

/// Outbox messages by status (default: dead). Platform admins only.
#[utoipa::path(get, path = "/api/v1/admin/outbox", tag = "admin", params(OutboxQuery), security(("bearer" = [])),
    responses((status = 200, body = Paginated<OutboxView>),
              (status = 403, body = Problem, content_type = "application/problem+json", description = "Not a platform admin")))]
pub async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<OutboxQuery>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(admin::list(&state, user.person_id, query.into_inner()).await?))
}

/// Queue a dead or failing message again, now. Platform admins only.
#[utoipa::path(post, path = "/api/v1/admin/outbox/{id}/retry", tag = "admin", params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = OutboxView),
              (status = 403, body = Problem, content_type = "application/problem+json", description = "Not a platform admin"),
              (status = 409, body = Problem, content_type = "application/problem+json", description = "Already sent")))]
pub async fn retry(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(admin::retry(&state, user.person_id, path.into_inner()).await?))
}
