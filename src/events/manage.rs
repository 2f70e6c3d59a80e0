//! What the organiser pages ask before an action that has no read of its own in the API: may
//! this person create events for a host, and how many people a cancellation would email.

use crate::error::{AppError, AppResult};
use crate::events::model::STATUS_CANCELLED;
use crate::events::recipients;
use crate::events::service::load_managed;
use crate::events::store::{self, OrgRef};
use crate::events::views::Reader;
use crate::http::AppState;

/// The host a person may create events for, by slug: 404 when no host has that slug, 403 when
/// the person is neither its staff nor a platform admin (the rule of `service::create`).
pub async fn host_for_new_event(state: &AppState, person_id: i64, slug: &str) -> AppResult<OrgRef> {
    let slug = slug.trim().to_lowercase();
    state
        .read(move |conn| {
            let reader = Reader::load(conn, Some(person_id))?;
            let host = store::orgs_by_slugs(conn, std::slice::from_ref(&slug))?
                .pop()
                .filter(|o| o.hosts_events)
                .ok_or(AppError::NotFound("organisation"))?;
            if !reader.is_admin && !reader.staff_hosts.contains(&host.id) {
                return Err(AppError::Forbidden(
                    "only owners and organisers of the host may create its events".into(),
                ));
            }
            Ok(host)
        })
        .await
}

/// How many emails `lifecycle::cancel` would send now: the live registrations of the event
/// and of its sessions not yet cancelled, as that service picks them.
pub async fn cancel_recipient_count(state: &AppState, person_id: i64, id: i64) -> AppResult<usize> {
    state
        .read(move |conn| {
            let reader = Reader::load(conn, Some(person_id))?;
            load_managed(conn, &reader, id)?;
            let mut ids: Vec<i64> = store::sessions_of(conn, id)?
                .into_iter()
                .filter(|s| s.status != STATUS_CANCELLED)
                .map(|s| s.id)
                .collect();
            ids.push(id);
            Ok(recipients::live(conn, &ids)?.len())
        })
        .await
}
