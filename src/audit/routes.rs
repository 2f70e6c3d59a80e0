//! `GET /api/v1/organisations/{slug}/audit`.

use actix_web::{web, HttpResponse};
use utoipa::OpenApi;

use crate::audit::listing::{self, AuditActor, AuditEntry, AuditQuery, AuditSubject};
use crate::auth::extract::CurrentUser;
use crate::error::{AppResult, Problem};
use crate::http::pagination::Paginated;
use crate::http::AppState;

/// Registered before the members routes: their `/organisations/{slug}` scope would otherwise
/// claim the path and answer 404.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/organisations/{slug}/audit").get(list));
}

#[derive(OpenApi)]
#[openapi(
    paths(list),
    components(schemas(AuditEntry, AuditActor, AuditSubject, Paginated<AuditEntry>))
)]
pub struct AuditApi;

/// The organisation's audit log: staff and admin actions, newest first. Owners of the
/// organisation and platform admins only.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}/audit", tag = "organisations",
    params(("slug" = String, Path), AuditQuery), security(("bearer" = [])),
    responses((status = 200, body = Paginated<AuditEntry>),
              (status = 401, description = "Missing, invalid or expired access token", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an owner of the organisation nor a platform admin", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Invalid page, action prefix or time, or an unknown query parameter", body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    query: web::Query<AuditQuery>,
) -> AppResult<HttpResponse> {
    let page = listing::list(
        &state,
        user.person_id,
        slug.into_inner(),
        query.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(page))
}
