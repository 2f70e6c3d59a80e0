use actix_web::web;
use utoipa::OpenApi;

pub fn configure(_cfg: &mut web::ServiceConfig) {}

#[derive(OpenApi)]
#[openapi()]
pub struct MembersApi;
