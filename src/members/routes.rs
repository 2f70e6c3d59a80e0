//! `/api/v1/organisations/*`, `/api/v1/memberships/*` and `/api/v1/me/memberships`: thin
//! handlers over the organisations and memberships services.

use crate::http::json::Json;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use utoipa::OpenApi;

use crate::auth::extract::{CurrentUser, MaybeUser};
use crate::error::{AppResult, Problem};
use crate::http::pagination::Paginated;
use crate::http::AppState;
use crate::members::api::*;
use crate::members::lists::{self, MembershipList};
use crate::members::{memberships, organisations, staff, types};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/organisations")
            .route(web::get().to(list_organisations))
            .route(web::post().to(create_organisation)),
    )
    .service(
        web::scope("/organisations/{slug}")
            .service(
                web::resource("")
                    .route(web::get().to(get_organisation))
                    .route(web::patch().to(update_organisation)),
            )
            .service(
                web::resource("/staff")
                    .route(web::get().to(list_staff))
                    .route(web::post().to(add_staff)),
            )
            .service(web::resource("/staff/{person}").route(web::delete().to(remove_staff)))
            .service(
                web::resource("/representatives")
                    .route(web::get().to(list_representatives))
                    .route(web::post().to(add_representative)),
            )
            .service(
                web::resource("/representatives/{person}")
                    .route(web::delete().to(remove_representative)),
            )
            .service(
                web::resource("/membership-types")
                    .route(web::get().to(list_membership_types))
                    .route(web::post().to(create_membership_type)),
            )
            .service(
                web::resource("/membership-types/{type_id}")
                    .route(web::patch().to(update_membership_type)),
            )
            .service(
                web::resource("/memberships")
                    .route(web::get().to(list_memberships))
                    .route(web::post().to(apply)),
            )
            .service(web::resource("/directory").route(web::get().to(directory))),
    )
    .service(
        web::resource("/memberships/{id}")
            .route(web::get().to(get_membership))
            .route(web::patch().to(update_membership)),
    )
    .service(web::resource("/me/memberships").route(web::get().to(my_memberships)));
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list_organisations,
        create_organisation,
        get_organisation,
        update_organisation,
        list_staff,
        add_staff,
        remove_staff,
        list_representatives,
        add_representative,
        remove_representative,
        list_membership_types,
        create_membership_type,
        update_membership_type,
        list_memberships,
        apply,
        directory,
        get_membership,
        update_membership,
        my_memberships,
    ),
    components(schemas(
        CreateOrganisation,
        UpdateOrganisation,
        OrganisationView,
        Paginated<OrganisationView>,
        AddStaff,
        AddRepresentative,
        PersonRoleView,
        CreateMembershipType,
        UpdateMembershipType,
        MembershipTypeView,
        ApplyForMembership,
        UpdateMembership,
        MembershipView,
        Paginated<MembershipView>,
        MemberView,
        HostRef,
        TypeRef,
        DirectoryEntry,
        Paginated<DirectoryEntry>,
    ))
)]
pub struct MembersApi;

/// Organisations, filtered and paged.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", params(OrganisationFilter),
    responses((status = 200, body = Paginated<OrganisationView>)))]
pub async fn list_organisations(
    state: web::Data<AppState>,
    filter: web::Query<OrganisationFilter>,
) -> AppResult<HttpResponse> {
    let page = organisations::list(&state, filter.into_inner()).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Create an organisation; you become its first representative. Platform admins create hosts
/// (`hosts_events: true`) and become their first owner; any verified person may create others.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", security(("bearer" = [])),
    request_body = CreateOrganisation,
    responses((status = 201, body = OrganisationView),
              (status = 403, description = "Email not verified, or not an admin creating a host", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Slug taken", body = Problem, content_type = "application/problem+json")))]
pub async fn create_organisation(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<CreateOrganisation>,
) -> AppResult<HttpResponse> {
    let org = organisations::create(&state, user.person_id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(OrganisationView::from(&org)))
}

#[utoipa::path(get, path = "/api/v1/organisations/{slug}", tag = "organisations",
    responses((status = 200, body = OrganisationView)))]
pub async fn get_organisation(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let org = organisations::get(&state, slug.into_inner()).await?;
    Ok(HttpResponse::Ok().json(OrganisationView::from(&org)))
}

/// Change an organisation: owners of a host, representatives of a member organisation.
#[utoipa::path(patch, path = "/api/v1/organisations/{slug}", tag = "organisations", security(("bearer" = [])),
    request_body = UpdateOrganisation,
    responses((status = 200, body = OrganisationView),
              (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json")))]
pub async fn update_organisation(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Json<UpdateOrganisation>,
) -> AppResult<HttpResponse> {
    let org =
        organisations::update(&state, user.person_id, slug.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(OrganisationView::from(&org)))
}

/// The host's owners and organisers (for its staff).
#[utoipa::path(get, path = "/api/v1/organisations/{slug}/staff", tag = "staff", security(("bearer" = [])),
    responses((status = 200, body = Vec<PersonRoleView>),
              (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json")))]
pub async fn list_staff(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let staff = staff::staff(&state, user.person_id, slug.into_inner()).await?;
    Ok(HttpResponse::Ok().json(staff))
}

/// Give a person (by email) the `owner` or `organiser` role, or change their role. Owners only.
#[utoipa::path(post, path = "/api/v1/organisations/{slug}/staff", tag = "staff", security(("bearer" = [])),
    request_body = AddStaff,
    responses((status = 201, description = "Added; the staff list", body = Vec<PersonRoleView>),
              (status = 200, description = "Role changed; the staff list", body = Vec<PersonRoleView>),
              (status = 403, description = "Not an owner", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Would leave no owner, or not a host", body = Problem, content_type = "application/problem+json")))]
pub async fn add_staff(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Json<AddStaff>,
) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    let added = staff::add_staff(&state, user.person_id, slug.clone(), body.into_inner()).await?;
    let staff = staff::staff(&state, user.person_id, slug).await?;
    Ok(if added {
        HttpResponse::Created().json(staff)
    } else {
        HttpResponse::Ok().json(staff)
    })
}

/// Remove a person (named by id or email) from the staff. Owners only; the last owner stays (409).
#[utoipa::path(delete, path = "/api/v1/organisations/{slug}/staff/{person}", tag = "staff", security(("bearer" = [])),
    params(("slug" = String, Path), ("person" = String, Path, description = "The person's id or email")),
    responses((status = 204, description = "Removed"),
              (status = 403, description = "Not an owner", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "The last owner", body = Problem, content_type = "application/problem+json")))]
pub async fn remove_staff(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, person) = path.into_inner();
    staff::remove_staff(&state, user.person_id, slug, person).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The people who act for the organisation (for them and the owners).
#[utoipa::path(get, path = "/api/v1/organisations/{slug}/representatives", tag = "representatives", security(("bearer" = [])),
    responses((status = 200, body = Vec<PersonRoleView>),
              (status = 403, description = "Not a representative", body = Problem, content_type = "application/problem+json")))]
pub async fn list_representatives(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let reps = staff::representatives(&state, user.person_id, slug.into_inner()).await?;
    Ok(HttpResponse::Ok().json(reps))
}

/// Add a representative by email (representatives add others).
#[utoipa::path(post, path = "/api/v1/organisations/{slug}/representatives", tag = "representatives", security(("bearer" = [])),
    request_body = AddRepresentative,
    responses((status = 201, description = "Added; the representatives", body = Vec<PersonRoleView>),
              (status = 403, description = "Not a representative", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Already a representative", body = Problem, content_type = "application/problem+json")))]
pub async fn add_representative(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Json<AddRepresentative>,
) -> AppResult<HttpResponse> {
    let slug = slug.into_inner();
    staff::add_representative(&state, user.person_id, slug.clone(), body.into_inner()).await?;
    let reps = staff::representatives(&state, user.person_id, slug).await?;
    Ok(HttpResponse::Created().json(reps))
}

/// Remove a representative (named by id or email); the last one stays (409).
#[utoipa::path(delete, path = "/api/v1/organisations/{slug}/representatives/{person}", tag = "representatives", security(("bearer" = [])),
    params(("slug" = String, Path), ("person" = String, Path, description = "The person's id or email")),
    responses((status = 204, description = "Removed"),
              (status = 403, description = "Only the organisation's representatives (or a platform admin) may remove one", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "The last representative", body = Problem, content_type = "application/problem+json")))]
pub async fn remove_representative(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, person) = path.into_inner();
    staff::remove_representative(&state, user.person_id, slug, person).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The host's membership types: the active ones, or all of them for its staff.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}/membership-types", tag = "memberships",
    responses((status = 200, body = Vec<MembershipTypeView>)))]
pub async fn list_membership_types(
    state: web::Data<AppState>,
    user: MaybeUser,
    slug: web::Path<String>,
) -> AppResult<HttpResponse> {
    let person_id = user.0.map(|u| u.person_id);
    let types = types::list_types(&state, person_id, slug.into_inner()).await?;
    Ok(HttpResponse::Ok().json(types))
}

/// Add a membership type. Owners only.
#[utoipa::path(post, path = "/api/v1/organisations/{slug}/membership-types", tag = "memberships", security(("bearer" = [])),
    request_body = CreateMembershipType,
    responses((status = 201, body = MembershipTypeView),
              (status = 403, description = "Not an owner", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Not a host", body = Problem, content_type = "application/problem+json")))]
pub async fn create_membership_type(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Json<CreateMembershipType>,
) -> AppResult<HttpResponse> {
    let t =
        types::create_type(&state, user.person_id, slug.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(MembershipTypeView::from(&t)))
}

/// Change a membership type (not its member kind). Owners only.
#[utoipa::path(patch, path = "/api/v1/organisations/{slug}/membership-types/{type_id}", tag = "memberships", security(("bearer" = [])),
    request_body = UpdateMembershipType,
    responses((status = 200, body = MembershipTypeView),
              (status = 403, description = "Not an owner", body = Problem, content_type = "application/problem+json")))]
pub async fn update_membership_type(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(String, i64)>,
    body: Json<UpdateMembershipType>,
) -> AppResult<HttpResponse> {
    let (slug, type_id) = path.into_inner();
    let t = types::update_type(&state, user.person_id, slug, type_id, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(MembershipTypeView::from(&t)))
}

/// The host's memberships, for its staff; `?format=csv` exports every matching row.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}/memberships", tag = "memberships", security(("bearer" = [])),
    params(MembershipFilter),
    responses((status = 200, description = "A page of memberships, or with `format=csv` a CSV file",
               content((Paginated<MembershipView> = "application/json"), (String = "text/csv"))),
              (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json")))]
pub async fn list_memberships(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    filter: web::Query<MembershipFilter>,
) -> AppResult<HttpResponse> {
    let list = lists::list(
        &state,
        user.person_id,
        slug.into_inner(),
        filter.into_inner(),
    )
    .await?;
    Ok(match list {
        MembershipList::Page(page) => HttpResponse::Ok().json(page),
        MembershipList::Csv { filename, body } => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ))
            .body(body),
    })
}

/// Apply for a membership, for yourself or (with `organisation_slug`) for an organisation you
/// represent. Types that need approval start `pending`; others are `active` at once.
#[utoipa::path(post, path = "/api/v1/organisations/{slug}/memberships", tag = "memberships", security(("bearer" = [])),
    request_body = ApplyForMembership,
    responses((status = 201, body = MembershipView),
              (status = 403, description = "Email not verified, or not a representative", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "A pending or active membership exists", body = Problem, content_type = "application/problem+json")))]
pub async fn apply(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Json<ApplyForMembership>,
) -> AppResult<HttpResponse> {
    let m =
        memberships::apply(&state, user.person_id, slug.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(m))
}

/// The host's members who chose to be listed, with public fields only. For its members
/// (including representatives of member organisations) and staff.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}/directory", tag = "memberships", security(("bearer" = [])),
    params(PageOnly),
    responses((status = 200, body = Paginated<DirectoryEntry>),
              (status = 403, description = "Not a member", body = Problem, content_type = "application/problem+json")))]
pub async fn directory(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    q: web::Query<PageOnly>,
) -> AppResult<HttpResponse> {
    let page = lists::directory(&state, user.person_id, slug.into_inner(), q.into_inner()).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// One membership, for the member and the host's staff (404 for anyone else).
#[utoipa::path(get, path = "/api/v1/memberships/{id}", tag = "memberships", security(("bearer" = [])),
    responses((status = 200, body = MembershipView)))]
pub async fn get_membership(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let m = memberships::get(&state, user.person_id, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(m))
}

/// Decide on a membership: staff `approve`, `reject`, `renew` or `cancel`; the member may
/// `renew` or `cancel` their own and set `directory_visible`.
#[utoipa::path(patch, path = "/api/v1/memberships/{id}", tag = "memberships", security(("bearer" = [])),
    request_body = UpdateMembership,
    responses((status = 200, body = MembershipView),
              (status = 403, description = "The member tried a staff action", body = Problem, content_type = "application/problem+json"),
              (status = 409, description = "Not allowed from the current status (given in `existing`)", body = Problem, content_type = "application/problem+json")))]
pub async fn update_membership(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<i64>,
    body: Json<UpdateMembership>,
) -> AppResult<HttpResponse> {
    let m = memberships::update(&state, user.person_id, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(m))
}

/// Your memberships, including those held by organisations you represent.
#[utoipa::path(get, path = "/api/v1/me/memberships", tag = "me", security(("bearer" = [])),
    params(PageOnly),
    responses((status = 200, body = Paginated<MembershipView>)))]
pub async fn my_memberships(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<PageOnly>,
) -> AppResult<HttpResponse> {
    let page = lists::mine(&state, user.person_id, q.into_inner()).await?;
    Ok(HttpResponse::Ok().json(page))
}
