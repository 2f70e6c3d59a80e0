//! `/api/v1/auth/*` and `/api/v1/me`: thin handlers over the account service.

use crate::http::json::Json;
use actix_web::{web, HttpResponse};
use utoipa::OpenApi;

use crate::auth::extract::CurrentUser;
use crate::auth::model::*;
use crate::auth::service;
use crate::error::{AppResult, Problem};
use crate::http::client_ip::ClientIp;
use crate::http::ratelimit::{email_key, Action};
use crate::http::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/auth")
            .service(web::resource("/register").post(register))
            .service(web::resource("/verify-email").post(verify_email))
            .service(web::resource("/verify-email/resend").post(resend_verification))
            .service(web::resource("/login").post(login))
            .service(web::resource("/refresh").post(refresh))
            .service(web::resource("/logout").post(logout))
            .service(web::resource("/password-reset").post(password_reset))
            .service(web::resource("/password-reset/confirm").post(password_reset_confirm)),
    )
    .service(
        web::resource("/me")
            .route(web::get().to(get_me))
            .route(web::patch().to(patch_me))
            .route(web::delete().to(crate::privacy::routes::delete_me)),
    );
}

#[derive(OpenApi)]
#[openapi(
    paths(
        register,
        verify_email,
        resend_verification,
        login,
        refresh,
        logout,
        password_reset,
        password_reset_confirm,
        get_me,
        patch_me
    ),
    components(schemas(
        RegisterRequest,
        TokenRequest,
        LoginRequest,
        RefreshRequest,
        PasswordResetRequest,
        PasswordResetConfirm,
        RegistrationAccepted,
        UpdateMe,
        TokenPair,
        PersonView
    ))
)]
pub struct AuthApi;

/// Create an account. The answer is the same whether or not the email is already registered,
/// so it cannot be used to find out who has an account: a new address gets a verification
/// link, an address that already has an account gets a note to its owner instead.
#[utoipa::path(post, path = "/api/v1/auth/register", tag = "auth", request_body = RegisterRequest,
    responses((status = 202, body = RegistrationAccepted,
               description = "A verification link (or, for an existing account, a note to its owner) is on its way")))]
pub async fn register(
    state: web::Data<AppState>,
    ip: ClientIp,
    body: Json<RegisterRequest>,
) -> AppResult<HttpResponse> {
    state
        .limits
        .check(Action::Register, ip.0, Some(&email_key(&body.email)))
        .await?;
    service::register(&state, body.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(RegistrationAccepted::new()))
}

/// Confirm an email address with the token from the emailed link.
#[utoipa::path(post, path = "/api/v1/auth/verify-email", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = PersonView)))]
pub async fn verify_email(
    state: web::Data<AppState>,
    body: Json<TokenRequest>,
) -> AppResult<HttpResponse> {
    let person = service::verify_email(&state, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(PersonView::from(&person)))
}

/// Email a new verification link to the signed-in person.
#[utoipa::path(post, path = "/api/v1/auth/verify-email/resend", tag = "auth", security(("bearer" = [])),
    responses((status = 202, description = "A new link is on its way"),
              (status = 409, description = "Already verified", body = Problem, content_type = "application/problem+json")))]
pub async fn resend_verification(
    state: web::Data<AppState>,
    ip: ClientIp,
    user: CurrentUser,
) -> AppResult<HttpResponse> {
    let account = format!("person:{}", user.person_id);
    state
        .limits
        .check(Action::VerificationResend, ip.0, Some(&account))
        .await?;
    service::resend_verification(&state, user.person_id).await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Sign in with email and password.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = TokenPair),
              (status = 401, description = "Wrong email or password", body = Problem, content_type = "application/problem+json")))]
pub async fn login(
    state: web::Data<AppState>,
    ip: ClientIp,
    body: Json<LoginRequest>,
) -> AppResult<HttpResponse> {
    state
        .limits
        .check(Action::Login, ip.0, Some(&email_key(&body.email)))
        .await?;
    let pair = service::login(&state, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(pair))
}

/// Exchange a refresh token for a new pair; the old refresh token stops working.
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth", request_body = RefreshRequest,
    responses((status = 200, body = TokenPair),
              (status = 401, description = "Unknown, expired or already used refresh token", body = Problem, content_type = "application/problem+json")))]
pub async fn refresh(
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> AppResult<HttpResponse> {
    let pair = service::refresh(&state, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(pair))
}

/// Sign out the session a refresh token belongs to.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", request_body = RefreshRequest,
    responses((status = 204, description = "Signed out")))]
pub async fn logout(
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> AppResult<HttpResponse> {
    service::logout(&state, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Ask for a password reset link. Answers 202 whether or not the account exists.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth", request_body = PasswordResetRequest,
    responses((status = 202, description = "If the account exists, a link is on its way")))]
pub async fn password_reset(
    state: web::Data<AppState>,
    ip: ClientIp,
    body: Json<PasswordResetRequest>,
) -> AppResult<HttpResponse> {
    state
        .limits
        .check(Action::PasswordReset, ip.0, Some(&email_key(&body.email)))
        .await?;
    service::request_password_reset(&state, body.into_inner()).await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Set a new password with the token from the emailed link; every session is signed out.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/confirm", tag = "auth", request_body = PasswordResetConfirm,
    responses((status = 204, description = "Password changed")))]
pub async fn password_reset_confirm(
    state: web::Data<AppState>,
    ip: ClientIp,
    body: Json<PasswordResetConfirm>,
) -> AppResult<HttpResponse> {
    state
        .limits
        .check(Action::PasswordResetConfirm, ip.0, None)
        .await?;
    service::confirm_password_reset(&state, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The signed-in person.
#[utoipa::path(get, path = "/api/v1/me", tag = "me", security(("bearer" = [])),
    responses((status = 200, body = PersonView)))]
pub async fn get_me(state: web::Data<AppState>, user: CurrentUser) -> AppResult<HttpResponse> {
    let person = service::me(&state, user.person_id).await?;
    Ok(HttpResponse::Ok().json(PersonView::from(&person)))
}

/// Change one's name, locale or country.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me", security(("bearer" = [])), request_body = UpdateMe,
    responses((status = 200, body = PersonView)))]
pub async fn patch_me(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<UpdateMe>,
) -> AppResult<HttpResponse> {
    let person = service::update_me(&state, user.person_id, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(PersonView::from(&person)))
}
