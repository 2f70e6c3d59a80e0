//! Registration routes: thin handlers over the registration services.

use crate::http::json::Json;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use utoipa::OpenApi;

use crate::auth::extract::{CurrentUser, MaybeUser};
use crate::error::{AppResult, Problem};
use crate::http::client_ip::ClientIp;
use crate::http::pagination::Paginated;
use crate::http::ratelimit::{email_key, Action};
use crate::http::AppState;
use crate::registrations::model::*;
use crate::registrations::roster::{self, MineQuery, RosterQuery};
use crate::registrations::{questions, service, waitlist};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/events/{id}/registrations")
            .post(register)
            .get(list),
    )
    .service(web::resource("/events/{id}/registrations/me").delete(cancel_mine))
    .service(web::resource("/events/{id}/check-in").post(check_in_by_code))
    .service(
        web::resource("/events/{id}/questions")
            .get(list_questions)
            .post(create_question),
    )
    .service(
        web::resource("/events/{id}/questions/{question_id}")
            .patch(update_question)
            .delete(delete_question),
    )
    .service(web::resource("/registrations/confirm").post(confirm_guest))
    .service(web::resource("/registrations/{id}").get(get_registration))
    .service(web::resource("/registrations/{id}/cancel").post(cancel))
    .service(web::resource("/registrations/{id}/promote").post(promote))
    .service(
        web::resource("/registrations/{id}/check-in")
            .post(check_in)
            .delete(undo_check_in),
    )
    .service(web::resource("/me/registrations").get(mine));
}

#[derive(OpenApi)]
#[openapi(
    paths(register, list, cancel_mine, check_in_by_code, list_questions, create_question, update_question,
          delete_question, confirm_guest, get_registration, cancel, promote, check_in, undo_check_in, mine),
    components(schemas(RegisterRequest, GuestInput, RegistrationView, Roster, RosterSummary, ConfirmGuestRequest,
                       CheckInByCode, PromoteRequest, QuestionInput, QuestionPatch, QuestionView, ChoiceInput,
                       MyRegistration, Paginated<MyRegistration>, roster::When))
)]
pub struct RegistrationsApi;

const PROBLEM: &str = "application/problem+json";

/// Register for an event: oneself, a guest, a colleague for a represented organisation, or
/// (staff) anyone. With an `Idempotency-Key` header a retry returns the first answer (200).
#[utoipa::path(post, path = "/api/v1/events/{id}/registrations", tag = "registrations",
    params(("id" = i64, Path), ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe for 24 hours")),
    request_body = RegisterRequest, security((), ("bearer" = [])),
    responses(
        (status = 201, body = RegistrationView, description = "Registered: confirmed, waitlisted, or pending guest confirmation"),
        (status = 200, body = RegistrationView, description = "A replay of an earlier request with the same Idempotency-Key"),
        (status = 403, body = Problem, content_type = PROBLEM, description = "Unverified email, guests not allowed, not a representative"),
        (status = 409, body = Problem, content_type = PROBLEM, description = "Already registered, full, closed, cancelled, overlapping session"),
    ))]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    ip: ClientIp,
    user: MaybeUser,
    path: web::Path<i64>,
    body: Json<RegisterRequest>,
) -> AppResult<HttpResponse> {
    // Strangers may register guests (each costs a confirmation email); members are known.
    if let (None, Some(guest)) = (user.0, &body.guest) {
        state
            .limits
            .check(
                Action::GuestRegistration,
                ip.0,
                Some(&email_key(&guest.email)),
            )
            .await?;
    }
    let key = req
        .headers()
        .get("idempotency-key")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let outcome =
        service::register(&state, path.into_inner(), user.0, body.into_inner(), key).await?;
    Ok(if outcome.created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    }
    .json(outcome.view))
}

/// The roster (staff of the host): filters, summary counts, pages; `?format=csv` for a spreadsheet.
#[utoipa::path(get, path = "/api/v1/events/{id}/registrations", tag = "registrations",
    params(("id" = i64, Path), RosterQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "JSON roster, or text/csv with ?format=csv",
         content((Roster = "application/json"), (String = "text/csv"))),
        (status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host"),
    ))]
pub async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
    query: web::Query<RosterQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let event_id = path.into_inner();
    match query.format.as_deref() {
        Some("csv") => {
            let csv = roster::roster_csv(&state, user.person_id, event_id, query).await?;
            Ok(csv_response(event_id, csv))
        }
        None | Some("json") => {
            Ok(HttpResponse::Ok()
                .json(roster::roster(&state, user.person_id, event_id, query).await?))
        }
        Some(_) => Err(crate::error::AppError::invalid(
            "format",
            "must be json or csv",
        )),
    }
}

/// The roster spreadsheet as a download; the organisers' roster page hands out the same answer.
pub fn csv_response(event_id: i64, csv: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"event-{event_id}-roster.csv\""),
        ))
        .body(csv)
}

/// Cancel one's own registration for an event; a confirmed seat passes to the waitlist.
#[utoipa::path(delete, path = "/api/v1/events/{id}/registrations/me", tag = "registrations",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationView),
              (status = 409, body = Problem, content_type = PROBLEM, description = "The event has started")))]
pub async fn cancel_mine(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .json(waitlist::cancel_mine(&state, user.person_id, path.into_inner()).await?))
}

/// Check someone in at the door by their code (staff).
#[utoipa::path(post, path = "/api/v1/events/{id}/check-in", tag = "registrations",
    params(("id" = i64, Path)), request_body = CheckInByCode, security(("bearer" = [])),
    responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 200, body = RegistrationView),
              (status = 409, body = Problem, content_type = PROBLEM, description = "Not a confirmed registration")))]
pub async fn check_in_by_code(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
    body: Json<CheckInByCode>,
) -> AppResult<HttpResponse> {
    let view = roster::check_in_by_code(
        &state,
        user.person_id,
        path.into_inner(),
        body.into_inner().code,
    )
    .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// The event's registration questions (staff).
#[utoipa::path(get, path = "/api/v1/events/{id}/questions", tag = "registrations",
    params(("id" = i64, Path)), security(("bearer" = [])), responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 200, body = Vec<QuestionView>)))]
pub async fn list_questions(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(questions::list(&state, user.person_id, path.into_inner()).await?))
}

/// Add a question (staff).
#[utoipa::path(post, path = "/api/v1/events/{id}/questions", tag = "registrations",
    params(("id" = i64, Path)), request_body = QuestionInput, security(("bearer" = [])),
    responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 201, body = QuestionView),
              (status = 422, body = Problem, content_type = PROBLEM, description = "Invalid fields, or the event already asks 50 questions")))]
pub async fn create_question(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
    body: Json<QuestionInput>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(
        questions::create(&state, user.person_id, path.into_inner(), body.into_inner()).await?,
    ))
}

/// Change a question (staff).
#[utoipa::path(patch, path = "/api/v1/events/{id}/questions/{question_id}", tag = "registrations",
    params(("id" = i64, Path), ("question_id" = i64, Path)), request_body = QuestionPatch, security(("bearer" = [])),
    responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 200, body = QuestionView)))]
pub async fn update_question(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(i64, i64)>,
    body: Json<QuestionPatch>,
) -> AppResult<HttpResponse> {
    let (event_id, question_id) = path.into_inner();
    Ok(HttpResponse::Ok().json(
        questions::update(
            &state,
            user.person_id,
            event_id,
            question_id,
            body.into_inner(),
        )
        .await?,
    ))
}

/// Remove a question (staff). Answers already given stay on their registrations.
#[utoipa::path(delete, path = "/api/v1/events/{id}/questions/{question_id}", tag = "registrations",
    params(("id" = i64, Path), ("question_id" = i64, Path)), security(("bearer" = [])),
    responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 204, description = "Removed")))]
pub async fn delete_question(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(i64, i64)>,
) -> AppResult<HttpResponse> {
    let (event_id, question_id) = path.into_inner();
    questions::delete(&state, user.person_id, event_id, question_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A guest confirms their registration with the emailed token; it then takes a seat or a waitlist place.
#[utoipa::path(post, path = "/api/v1/registrations/confirm", tag = "registrations", request_body = ConfirmGuestRequest,
    responses((status = 200, body = RegistrationView),
              (status = 409, body = Problem, content_type = PROBLEM, description = "Event full without waitlist, or cancelled")))]
pub async fn confirm_guest(
    state: web::Data<AppState>,
    body: Json<ConfirmGuestRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(waitlist::confirm_guest(&state, body.into_inner().token).await?))
}

/// One registration: for its holder, the representative who made it, or staff.
#[utoipa::path(get, path = "/api/v1/registrations/{id}", tag = "registrations",
    params(("id" = i64, Path)), security(("bearer" = [])), responses((status = 200, body = RegistrationView)))]
pub async fn get_registration(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(roster::get(&state, user.person_id, path.into_inner()).await?))
}

/// Cancel a registration (its holder, the representative who made it, or staff).
#[utoipa::path(post, path = "/api/v1/registrations/{id}/cancel", tag = "registrations",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 200, body = RegistrationView),
              (status = 409, body = Problem, content_type = PROBLEM, description = "The event has started")))]
pub async fn cancel(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(waitlist::cancel(&state, user.person_id, path.into_inner()).await?))
}

/// Move a waitlisted registration to a seat (staff).
#[utoipa::path(post, path = "/api/v1/registrations/{id}/promote", tag = "registrations",
    params(("id" = i64, Path)), request_body = PromoteRequest, security(("bearer" = [])),
    responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 200, body = RegistrationView),
              (status = 409, body = Problem, content_type = PROBLEM, description = "Not waitlisted, or no seat free")))]
pub async fn promote(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
    body: Json<PromoteRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(
        waitlist::promote(&state, user.person_id, path.into_inner(), body.into_inner()).await?,
    ))
}

/// Check a confirmed registration in (staff); repeating it changes nothing.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/check-in", tag = "registrations",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 200, body = RegistrationView),
              (status = 409, body = Problem, content_type = PROBLEM, description = "Not a confirmed registration")))]
pub async fn check_in(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .json(roster::check_in(&state, user.person_id, path.into_inner(), true).await?))
}

/// Undo a check-in (staff).
#[utoipa::path(delete, path = "/api/v1/registrations/{id}/check-in", tag = "registrations",
    params(("id" = i64, Path)), security(("bearer" = [])),
    responses((status = 403, body = Problem, content_type = PROBLEM, description = "Not staff of the host (for a reader who can see the event or holds the registration)"),
              (status = 200, body = RegistrationView),
              (status = 409, body = Problem, content_type = PROBLEM, description = "Not a confirmed registration")))]
pub async fn undo_check_in(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .json(roster::check_in(&state, user.person_id, path.into_inner(), false).await?))
}

/// The signed-in person's registrations, upcoming or past, with event titles in their language.
#[utoipa::path(get, path = "/api/v1/me/registrations", tag = "me", params(MineQuery), security(("bearer" = [])),
    responses((status = 200, body = Paginated<MyRegistration>)))]
pub async fn mine(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<MineQuery>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(roster::mine(&state, user.person_id, query.into_inner()).await?))
}
