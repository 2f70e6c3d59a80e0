//! `/api/v1/events*`: thin handlers over the event services.

use crate::http::json::Json;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use utoipa::OpenApi;

use crate::auth::extract::{CurrentUser, MaybeUser};
use crate::error::{AppError, AppResult, Problem};
use crate::events::model::*;
use crate::events::service::{self, Asker};
use crate::events::{edit, lifecycle, listing};
use crate::http::pagination::PageQuery;
use crate::http::AppState;
use crate::i18n::Locale;

pub fn configure(cfg: &mut web::ServiceConfig) {
    // The literal feed path first, so it is never read as an event id.
    cfg.service(web::resource("/events.ics").get(feed))
        .service(web::resource("/events").get(list).post(create))
        .service(
            web::resource("/events/{id}")
                .get(get)
                .patch(update)
                .delete(delete),
        )
        .service(web::resource("/events/{id}/publish").post(publish))
        .service(web::resource("/events/{id}/cancel").post(cancel))
        .service(web::resource("/events/{id}/sessions").get(sessions))
        .service(web::resource("/events/{id}/event.ics").get(event_feed));
}

#[derive(OpenApi)]
#[openapi(
    paths(list, create, get, update, delete, publish, cancel, sessions, feed, event_feed),
    components(schemas(
        CreateEvent,
        UpdateEvent,
        CancelEvent,
        PartnerInput,
        PartnerView,
        Translation,
        EventView,
        crate::http::pagination::Paginated<EventView>
    ))
)]
pub struct EventsApi;

/// The reader's locale from `?lang=` or else `Accept-Language` (the account's comes later).
fn asker(req: &HttpRequest, user: Option<CurrentUser>, lang: Option<&str>) -> AppResult<Asker> {
    let locale = match lang {
        Some(tag) => Some(
            tag.parse::<Locale>()
                .map_err(|m| AppError::invalid("lang", m))?,
        ),
        None => req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Locale::from_accept_language),
    };
    Ok(Asker {
        person_id: user.map(|u| u.person_id),
        locale,
    })
}

fn calendar(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .body(body)
}

/// Published events, filtered, in start order. Members-only events appear for members and
/// staff of their host.
#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(EventFilters),
    responses((status = 200, body = crate::http::pagination::Paginated<EventView>, headers(("etag" = String, description = "Strong entity tag of this answer; send it back in `If-None-Match`"))),
              (status = 304, description = "Not modified: `If-None-Match` names the current `ETag`", headers(("etag" = String)))))]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    query: web::Query<EventFilters>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, user.0, None)?;
    let page = listing::list(&state, asker, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Create a draft event (or a session of one) for a host one is owner or organiser of.
#[utoipa::path(post, path = "/api/v1/events", tag = "events", security(("bearer" = [])),
    request_body = CreateEvent,
    responses((status = 201, body = EventView),
              (status = 403, description = "Not staff of the host", body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    body: Json<CreateEvent>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, Some(user), None)?;
    let event = service::create(&state, asker, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/events/{}", event.id)))
        .json(event))
}

/// One event, its texts in the reader's language (`?lang=`, `Accept-Language`, account).
#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "events", params(("id" = i64, Path), EventQuery),
    responses((status = 200, body = EventView, headers(("etag" = String, description = "Strong entity tag of this answer; send it back in `If-None-Match`"))),
              (status = 304, description = "Not modified: `If-None-Match` names the current `ETag`", headers(("etag" = String))),
              (status = 403, description = "Translations are for staff", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such event, or not visible to the reader", body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    id: web::Path<i64>,
    query: web::Query<EventQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let all = match query.translations.as_deref() {
        None => false,
        Some("all") => true,
        Some(_) => return Err(AppError::invalid("translations", "the only value is `all`")),
    };
    let asker = asker(&req, user.0, query.lang.as_deref())?;
    let event = service::get(&state, asker, id.into_inner(), all).await?;
    Ok(HttpResponse::Ok().json(event))
}

/// Edit an event. Changing the time or place of a published event emails everyone registered.
#[utoipa::path(patch, path = "/api/v1/events/{id}", tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = UpdateEvent,
    responses((status = 200, body = EventView),
              (status = 403, description = "Not staff of the host", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "The event is cancelled", body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    id: web::Path<i64>,
    body: Json<UpdateEvent>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, Some(user), None)?;
    let event = edit::update(&state, asker, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(event))
}

/// Delete a draft.
#[utoipa::path(delete, path = "/api/v1/events/{id}", tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"),
              (status = 403, description = "Not staff of the host", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Not a draft", body = Problem, content_type = "application/problem+json")))]
pub async fn delete(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, Some(user), None)?;
    lifecycle::delete(&state, asker, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Publish a draft; a 422 names what is missing (title in the default locale, place or link).
#[utoipa::path(post, path = "/api/v1/events/{id}/publish", tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = EventView),
              (status = 403, description = "Not staff of the host", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Already published, cancelled, or the parent is not published", body = Problem, content_type = "application/problem+json")))]
pub async fn publish(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, Some(user), None)?;
    let event = lifecycle::publish(&state, asker, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(event))
}

/// Cancel a published event and its sessions; everyone registered is emailed.
#[utoipa::path(post, path = "/api/v1/events/{id}/cancel", tag = "events", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = CancelEvent,
    responses((status = 200, body = EventView),
              (status = 403, description = "Not staff of the host", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Already cancelled, or a draft", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    id: web::Path<i64>,
    body: Json<CancelEvent>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, Some(user), None)?;
    let event = lifecycle::cancel(&state, asker, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(event))
}

/// The sessions of a conference or festival, in time order.
#[utoipa::path(get, path = "/api/v1/events/{id}/sessions", tag = "events", params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = crate::http::pagination::Paginated<EventView>, headers(("etag" = String, description = "Strong entity tag of this answer; send it back in `If-None-Match`"))),
              (status = 304, description = "Not modified: `If-None-Match` names the current `ETag`", headers(("etag" = String))),
              (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json")))]
pub async fn sessions(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    id: web::Path<i64>,
    page: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, user.0, None)?;
    let page = listing::sessions(&state, asker, id.into_inner(), page.into_inner()).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// An iCalendar feed of the events the list would show (same filters), cancelled ones marked.
#[utoipa::path(get, path = "/api/v1/events.ics", tag = "events", params(EventFilters),
    responses((status = 200, description = "RFC 5545 calendar", content_type = "text/calendar", body = String, headers(("etag" = String, description = "Strong entity tag of this answer; send it back in `If-None-Match`"))),
              (status = 304, description = "Not modified: `If-None-Match` names the current `ETag`", headers(("etag" = String)))))]
pub async fn feed(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    query: web::Query<EventFilters>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, user.0, None)?;
    Ok(calendar(
        listing::feed(&state, asker, query.into_inner()).await?,
    ))
}

/// One event as an iCalendar file.
#[utoipa::path(get, path = "/api/v1/events/{id}/event.ics", tag = "events", params(("id" = i64, Path)),
    responses((status = 200, description = "RFC 5545 calendar", content_type = "text/calendar", body = String, headers(("etag" = String, description = "Strong entity tag of this answer; send it back in `If-None-Match`"))),
              (status = 304, description = "Not modified: `If-None-Match` names the current `ETag`", headers(("etag" = String))),
              (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json")))]
pub async fn event_feed(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let asker = asker(&req, user.0, None)?;
    Ok(calendar(
        listing::event_feed(&state, asker, id.into_inner()).await?,
    ))
}
