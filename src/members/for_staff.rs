//! What the host's staff read on the organiser pages beyond the API's lists: their standing at
//! the host, the host's membership types, and one membership of the host with the people who
//! act for a member organisation. The same permission questions as the API (`caller_at`), so a
//! page answers as its API twin: not staff → 403, no such host → 404, another host's
//! membership → 404.

use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::api::{MembershipTypeView, MembershipView, PersonRoleView};
use crate::members::lists::view;
use crate::members::model::Organisation;
use crate::members::organisations::{caller_at, is_owner_or_admin, Needs};
use crate::members::store;

/// The caller's standing at a host they staff.
pub struct Standing {
    pub host: Organisation,
    /// Owners (and platform admins) manage membership types.
    pub owner: bool,
}

/// The host and the caller's standing there; 403 unless they may act as `needs`.
pub async fn standing(
    state: &AppState,
    person_id: i64,
    slug: String,
    needs: Needs,
) -> AppResult<Standing> {
    state
        .db(move |conn| {
            let why = match needs {
                Needs::Owner => "only the owners of this organisation may manage membership types",
                Needs::Staff => "only the staff of this organisation may manage its members",
            };
            let (person, host) = caller_at(conn, person_id, &slug, needs, why)?;
            let owner = is_owner_or_admin(conn, &person, host.id)?;
            Ok(Standing { host, owner })
        })
        .await
}

/// Every membership type of the host, retired ones included, for its staff.
pub async fn types(
    state: &AppState,
    person_id: i64,
    slug: String,
) -> AppResult<Vec<MembershipTypeView>> {
    state
        .db(move |conn| {
            let (_, host) = caller_at(
                conn,
                person_id,
                &slug,
                Needs::Staff,
                "only the staff of this organisation may see its membership types",
            )?;
            Ok(store::membership_types_of(conn, host.id, true)?
                .iter()
                .map(MembershipTypeView::from)
                .collect())
        })
        .await
}

/// One membership of the host, as its staff see it.
pub struct StaffMembership {
    pub membership: MembershipView,
    /// The representatives of a member organisation (empty for a person).
    pub representatives: Vec<PersonRoleView>,
}

/// A membership of the host named by `slug`, for its staff; a membership of another host is
/// not found here, whatever the caller's rights there.
pub async fn membership(
    state: &AppState,
    person_id: i64,
    slug: String,
    id: i64,
) -> AppResult<StaffMembership> {
    state
        .db(move |conn| {
            let (_, host) = caller_at(
                conn,
                person_id,
                &slug,
                Needs::Staff,
                "only the staff of this organisation may see its memberships",
            )?;
            let m = store::find_membership(conn, id)?
                .filter(|m| m.host_id == host.id)
                .ok_or(AppError::NotFound("membership"))?;
            let representatives = match m.member_organisation_id {
                Some(org) => store::representatives_of(conn, org)?
                    .into_iter()
                    .map(|(since, p)| PersonRoleView {
                        person_id: p.id,
                        full_name: p.full_name,
                        email: p.email,
                        role: None,
                        since: since.and_utc(),
                    })
                    .collect(),
                None => Vec::new(),
            };
            Ok(StaffMembership {
                membership: view(conn, m)?,
                representatives,
            })
        })
        .await
}
