//! `GET /api/v1/me/export` and `DELETE /api/v1/me`.

use crate::http::json::Json;
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

use crate::auth::extract::CurrentUser;
use crate::error::{AppResult, Problem};
use crate::http::AppState;
use crate::privacy::{erase, export};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/me/export").get(export_me));
}

#[derive(OpenApi)]
#[openapi(paths(export_me, delete_me), components(schemas(DeleteMe)))]
pub struct PrivacyApi;

/// The password again, so a stolen access token alone cannot erase an account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteMe {
    pub password: String,
}

/// Everything Kolo holds about the signed-in person, as one JSON document to download:
/// account, sessions, organisations, memberships, registrations (with answers, guests and
/// sessions), email preferences and the emails sent to them. No password or token hashes.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "me", security(("bearer" = [])),
    responses((status = 200, description = "The personal data export (served as an attachment)",
               body = Object, content_type = "application/json",
               headers(("content-disposition" = String, description = "attachment; filename=\"kolo-export-<id>.json\"")))))]
pub async fn export_me(state: web::Data<AppState>, user: CurrentUser) -> AppResult<HttpResponse> {
    let person_id = user.person_id;
    let document = state.db(move |conn| export::build(conn, person_id)).await?;
    Ok(HttpResponse::Ok()
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!(
                "kolo-export-{person_id}.json"
            ))],
        })
        .json(document))
}

/// Delete one's account. Future registrations are cancelled (their seats go to the waitlist),
/// staff and representative roles end, sessions and links stop working, queued email is
/// dropped, and the account is anonymised; past registrations and memberships stay as
/// anonymous counts. The email address can register again. Refused while the person is the
/// last owner of an organisation, or the last representative of one without an owner.
#[utoipa::path(delete, path = "/api/v1/me", tag = "me", security(("bearer" = [])), request_body = DeleteMe,
    responses((status = 204, description = "The account is erased"),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 401, description = "Wrong password, or a missing or invalid access token", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "The person is the last owner of an organisation (`last_owner`), or the last representative of one that has no owner (`last_representative`); `detail` names it and `existing.organisation` gives its slug", body = Problem, content_type = "application/problem+json"),
              (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "No password given, or unknown fields", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_me(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<DeleteMe>,
) -> AppResult<HttpResponse> {
    erase::erase(&state, user.person_id, body.into_inner().password).await?;
    Ok(HttpResponse::NoContent().finish())
}
