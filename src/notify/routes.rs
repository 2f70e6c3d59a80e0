//! Admin routes for the outbox.

use crate::http::json::Json;
use actix_web::{web, HttpResponse};
use utoipa::OpenApi;

use crate::auth::extract::CurrentUser;
use crate::error::{AppResult, Problem};
use crate::http::client_ip::ClientIp;
use crate::http::pagination::Paginated;
use crate::http::ratelimit::Action;
use crate::http::AppState;
use crate::notify::admin::{self, OutboxFilter, OutboxQuery, OutboxView};
use crate::notify::broadcast::{
    self, Audience, MessagePreview, MessageRequest, MessageSent, MessageText, PreviewLanguage,
};
use crate::notify::unsubscribe::{self, Kind, Unsubscribed};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/admin/outbox").get(list))
        .service(web::resource("/admin/outbox/{id}/retry").post(retry))
        .service(web::resource("/events/{id}/messages").post(send_message))
        .service(web::resource("/unsubscribe").post(unsubscribe_route));
}

#[derive(OpenApi)]
#[openapi(
    paths(list, retry, send_message, unsubscribe_route),
    components(schemas(OutboxView, OutboxFilter, Paginated<OutboxView>, MessageRequest, MessageSent, Audience, MessageText, MessagePreview, PreviewLanguage,
                       UnsubscribeRequest, Unsubscribed, Kind))
)]
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

/// Email an event's registrants (staff of the host), within a daily limit per event.
#[utoipa::path(post, path = "/api/v1/events/{id}/messages", tag = "events", params(("id" = i64, Path)),
    request_body = MessageRequest, security(("bearer" = [])),
    responses((status = 202, body = MessageSent, description = "Queued, one email per recipient"),
              (status = 403, body = Problem, content_type = "application/problem+json", description = "Not staff of the host (for a reader who can see the event)"),
              (status = 429, body = Problem, content_type = "application/problem+json", description = "The daily limit for this event, or the sender's own limit, is reached")))]
pub async fn send_message(
    state: web::Data<AppState>,
    ip: ClientIp,
    user: CurrentUser,
    path: web::Path<i64>,
    body: Json<MessageRequest>,
) -> AppResult<HttpResponse> {
    let account = format!("person:{}", user.person_id);
    state
        .limits
        .check(Action::OrganiserMessage, ip.0, Some(&account))
        .await?;
    Ok(HttpResponse::Accepted()
        .json(broadcast::send(&state, user.person_id, path.into_inner(), body.into_inner()).await?))
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct UnsubscribeRequest {
    /// The token from the link in the email.
    pub token: Option<String>,
}

/// Stop reminders or organiser messages for the address in the token. Takes the token in a JSON
/// body, or in the query with any body (the RFC 8058 one-click POST mail programs send).
#[utoipa::path(post, path = "/api/v1/unsubscribe", tag = "me", params(UnsubscribeRequest),
    request_body(content = UnsubscribeRequest, description = "Or `List-Unsubscribe=One-Click` as a form, with the token in the query"),
    responses((status = 200, body = Unsubscribed)))]
pub async fn unsubscribe_route(
    state: web::Data<AppState>,
    query: web::Query<UnsubscribeRequest>,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let from_body = || {
        serde_json::from_slice::<UnsubscribeRequest>(&body)
            .ok()
            .and_then(|b| b.token)
    };
    let token = query
        .into_inner()
        .token
        .or_else(from_body)
        .ok_or_else(|| crate::error::AppError::invalid("token", "is required"))?;
    Ok(HttpResponse::Ok().json(unsubscribe::unsubscribe(&state, &token).await?))
}
