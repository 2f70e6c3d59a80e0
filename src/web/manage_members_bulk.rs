//! Approving many membership applications at once (an association admitting its 117
//! institutions): one call of the same service as a single approval per application, each in
//! its own transaction; the result names what was approved and what failed, and why.

use actix_web::web;

use crate::error::AppError;
use crate::http::AppState;
use crate::members::for_staff;
use crate::members::organisations::Needs;
use crate::web::forms::FormErrors;
use crate::web::manage_members_decide::{act, render_applications, ApplicationsQuery};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage/o/{slug}/members/applications/approve").post(bulk_approve));
}

/// One application the bulk approval could not approve, and why.
struct Failure {
    id: i64,
    name: Option<String>,
    why: String,
}

#[derive(askama::Template)]
#[template(path = "manage_members_bulk.html")]
struct BulkPage<'a> {
    p: &'a Page,
    slug: &'a str,
    approved: i64,
    failed: i64,
    failures: Vec<Failure>,
}

/// Approves the ticked applications, or every one listed on the page. Each goes through the
/// same service as a single approval; one that fails (decided meanwhile, another host's) is
/// reported and the rest go on.
async fn bulk_approve(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    page.verify(field("csrf"))?;
    let person_id = page.person()?.id;
    let slug = path.into_inner();
    // Not staff: the 403 page, not a list of refusals.
    for_staff::standing(&state, person_id, slug.clone(), Needs::Staff).await?;
    let note = field("note");
    let ids_of = |name: &str| -> Vec<i64> {
        form.iter()
            .filter(|(k, _)| k == name)
            .filter_map(|(_, v)| v.parse().ok())
            .collect()
    };
    let mut ids = if field("scope") == "page" {
        ids_of("page_id")
    } else {
        ids_of("id")
    };
    ids.sort_unstable();
    ids.dedup();
    let mut errors = FormErrors::new();
    errors.optional(&page, "note", note, crate::caps::REASON);
    if ids.is_empty() {
        errors.add("id", page.t("manage-members-bulk-none"));
    }
    if !errors.is_empty() {
        let q = ApplicationsQuery::default();
        return render_applications(&page, &state, slug, &q, &errors, note).await;
    }
    let mut approved = 0;
    let mut failures = Vec::new();
    for id in ids {
        match act(&state, person_id, &slug, id, "approve", note).await {
            Ok(()) => approved += 1,
            Err(e) => {
                let why = match &e {
                    AppError::NotFound(_) => page.t("manage-members-bulk-failed-gone"),
                    AppError::Conflict {
                        code: "invalid_transition",
                        ..
                    } => page.t("manage-members-bulk-failed-decided"),
                    AppError::Conflict { .. } => page.t("manage-members-bulk-failed-conflict"),
                    AppError::Forbidden(_) => page.t("manage-members-bulk-failed-forbidden"),
                    _ => {
                        tracing::warn!(membership = id, error = %e, "bulk approval of one membership failed");
                        page.t("manage-members-bulk-failed-other")
                    }
                };
                let name = for_staff::membership(&state, person_id, slug.clone(), id)
                    .await
                    .ok()
                    .map(|m| m.membership.member.name);
                failures.push(Failure { id, name, why });
            }
        }
    }
    let failed = i64::try_from(failures.len()).unwrap_or(0);
    page.render(&BulkPage {
        p: &page,
        slug: &slug,
        approved,
        failed,
        failures,
    })
}
