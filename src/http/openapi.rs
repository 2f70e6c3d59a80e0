//! The OpenAPI 3.1 document, generated from the handlers' annotations, and the vendored
//! Swagger UI that shows it.

use std::sync::OnceLock;

use actix_web::{web, HttpResponse};
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

use crate::error::Problem;
use crate::http::health;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kolo API",
        description = "Membership and events for cultural civil-society organisations and their networks.",
    ),
    paths(health::healthz, health::readyz),
    components(schemas(Problem, health::Health)),
    modifiers(&BearerAuth),
)]
struct BaseApi;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

fn problem_response(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}

/// Adds the error responses every operation can give (bad body, validation, rate limit,
/// database down, ...) where the handler's annotation does not already describe them, so the
/// document covers every status the server really returns.
fn add_standard_errors(operation: &mut Operation, has_body: bool, has_path_params: bool) {
    let responses = &mut operation.responses.responses;
    let mut add = |status: &str, description: &str| {
        responses
            .entry(status.to_owned())
            .or_insert_with(|| problem_response(description));
    };
    add("422", "Invalid input; `errors` names each field");
    add("429", "Too many requests");
    add("500", "Unexpected error (logged)");
    add("503", "Database unavailable");
    if has_body {
        add("400", "Malformed JSON");
        add("413", "Body too large");
        add("415", "Body is not JSON");
    }
    if has_path_params {
        add("404", "Not found");
    }
    if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
        add("401", "Missing, invalid or expired access token");
    }
}

/// The whole API description, with the input rules of `input_rules` written in.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = unconstrained();
        // A row that names nothing fails `input_schema`'s test; at run time it is simply unused.
        crate::http::input_schema::write_into(&mut doc);
        doc
    })
}

/// The description as the handlers' annotations give it.
pub(crate) fn unconstrained() -> utoipa::openapi::OpenApi {
    {
        let mut doc = BaseApi::openapi();
        doc.merge(crate::auth::routes::AuthApi::openapi());
        doc.merge(crate::members::routes::MembersApi::openapi());
        doc.merge(crate::events::routes::EventsApi::openapi());
        doc.merge(crate::registrations::routes::RegistrationsApi::openapi());
        doc.merge(crate::notify::routes::NotifyApi::openapi());
        doc.merge(crate::privacy::routes::PrivacyApi::openapi());
        doc.merge(crate::audit::routes::AuditApi::openapi());
        for (path, item) in doc.paths.paths.iter_mut() {
            let has_path_params = path.contains('{');
            for (operation, has_body) in [
                (&mut item.get, false),
                (&mut item.delete, false),
                (&mut item.post, true),
                (&mut item.put, true),
                (&mut item.patch, true),
            ] {
                if let Some(operation) = operation {
                    let has_body = has_body && operation.request_body.is_some();
                    add_standard_errors(operation, has_body, has_path_params);
                }
            }
        }
        doc
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/docs",
        web::get().to(|| async {
            HttpResponse::PermanentRedirect()
                .insert_header(("Location", "/docs/"))
                .finish()
        }),
    )
    .service(SwaggerUi::new("/docs/{_:.*}").url("/api/openapi.json", document().clone()));
}
