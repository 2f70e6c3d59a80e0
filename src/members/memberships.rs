//! Memberships: applying, and the status rules staff and members move them through
//! (approve, reject, renew, cancel).

use chrono::NaiveDate;
use serde_json::json;

use crate::audit::{self, snapshot, Entry};
use crate::auth::model::Person;
use crate::auth::service::load_person;
use crate::db::{is_unique_violation, now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::access;
use crate::members::api::*;
use crate::members::emails::{self, About};
use crate::members::lists::view;
use crate::members::model::*;
use crate::members::organisations::{
    is_staff_or_admin, load_organisation, require, require_host, require_verified,
};
use crate::members::store;
use crate::members::types::host_type;
use crate::members::validate::Check;
use crate::types::Slug;

/// Today's date in UTC, the calendar memberships run on.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

// ---- applying ----

fn live_conflict(existing: &Membership) -> AppError {
    AppError::Conflict {
        code: "membership_exists",
        detail: format!(
            "there is already a {} membership for this member and host",
            existing.status
        ),
        extra: Some(json!({"id": existing.id, "status": existing.status})),
    }
}

/// The organisation an application is for (`None`: the applicant themself), checked against
/// the type's member kind and the applicant's right to act for it.
fn member_organisation(
    conn: &mut AnyConnection,
    person: &Person,
    host: &Organisation,
    type_: &MembershipType,
    org_slug: Option<Slug>,
) -> AppResult<Option<Organisation>> {
    let kind = MemberKind::parse(&type_.member_kind)
        .map_err(|m| AppError::internal(anyhow::anyhow!(m)))?;
    let field = "organisation_slug";
    match (org_slug, kind) {
        (None, MemberKind::Person) => Ok(None),
        (Some(_), MemberKind::Person) => Err(AppError::invalid(
            field,
            "this membership type is for people; leave out organisation_slug",
        )),
        (None, MemberKind::Organisation) => Err(AppError::invalid(
            field,
            "this membership type is for organisations: name the organisation you represent",
        )),
        (Some(slug), MemberKind::Organisation) => {
            let org = store::find_organisation(conn, slug.as_str())?
                .ok_or_else(|| AppError::invalid(field, "no organisation has this slug"))?;
            require(
                access::represents(conn, person.id, org.id)?,
                "only a representative of the organisation may apply for it",
            )?;
            if org.id == host.id {
                return Err(AppError::invalid(
                    field,
                    "an organisation cannot be a member of itself",
                ));
            }
            Ok(Some(org))
        }
    }
}

pub async fn apply(
    state: &AppState,
    person_id: i64,
    slug: String,
    req: ApplyForMembership,
) -> AppResult<MembershipView> {
    let mut check = Check::default();
    let note = check.optional("note", req.note.as_deref(), |n| {
        crate::types::text(n, 1, crate::caps::NOTE)
    });
    let org_slug = check.optional(
        "organisation_slug",
        req.organisation_slug.as_deref(),
        Slug::parse,
    );
    check.finish()?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                require_verified(&person)?;
                let host = load_organisation(conn, &slug)?;
                require_host(&host)?;
                let type_ = host_type(conn, host.id, req.type_id)?
                    .filter(|t| t.active)
                    .ok_or_else(|| {
                        AppError::invalid(
                            "type_id",
                            "this host has no such membership type open for applications",
                        )
                    })?;
                let member_org = member_organisation(conn, &person, &host, &type_, org_slug)?;
                let member_person = member_org.is_none().then_some(person.id);
                let member_org_id = member_org.as_ref().map(|o| o.id);
                if let Some(existing) =
                    store::live_membership(conn, host.id, member_person, member_org_id)?
                {
                    return Err(live_conflict(&existing));
                }
                let now = now();
                let today = today();
                let (status, starts_on, ends_on, decided_at) = if type_.requires_approval {
                    (MembershipStatus::Pending, None, None, None)
                } else {
                    (
                        MembershipStatus::Active,
                        Some(today),
                        type_.end_from(today),
                        Some(now),
                    )
                };
                let membership = store::insert_membership(
                    conn,
                    &NewMembership {
                        host_id: host.id,
                        type_id: type_.id,
                        person_id: member_person,
                        member_organisation_id: member_org_id,
                        status: status.as_str().to_owned(),
                        starts_on,
                        ends_on,
                        note,
                        directory_visible: req.directory_visible.unwrap_or(member_org.is_some()),
                        applied_by: Some(person.id),
                        decided_at,
                        created_at: now,
                        updated_at: now,
                    },
                )
                .map_err(|e| {
                    // Lost a race with a concurrent application for the same member.
                    if is_unique_violation(&e) {
                        AppError::conflict(
                            "membership_exists",
                            "there is already a live membership",
                        )
                    } else {
                        e.into()
                    }
                })?;
                let member_name = member_org
                    .as_ref()
                    .map_or(person.full_name.as_str(), |o| o.name.as_str());
                let about = About {
                    membership: &membership,
                    host: &host,
                    type_: &type_,
                    member_name,
                };
                if status == MembershipStatus::Pending {
                    emails::to_person(conn, &person, emails::RECEIVED, &about)?;
                } else {
                    emails::to_member(conn, emails::APPROVED, &about, json!({}), None)?;
                }
                let applicant = json!({"applicant": person.full_name});
                emails::to_owners(conn, emails::NEW_APPLICATION, &about, applicant)?;
                view(conn, membership)
            })
        })
        .await
}

// ---- deciding ----

/// Whether the person is the member: the person themself, or a representative of the member
/// organisation.
fn is_own(conn: &mut AnyConnection, person: &Person, m: &Membership) -> AppResult<bool> {
    Ok(match (m.person_id, m.member_organisation_id) {
        (Some(id), _) => id == person.id,
        (None, Some(org)) => access::represents(conn, person.id, org)?,
        (None, None) => false,
    })
}

/// Loads a membership the person may see (staff of its host, or the member); anyone else is
/// told it does not exist, so ids cannot be probed.
fn visible_membership(
    conn: &mut AnyConnection,
    person: &Person,
    id: i64,
) -> AppResult<(Membership, bool)> {
    let m = store::find_membership(conn, id)?.ok_or(AppError::NotFound("membership"))?;
    let staff = is_staff_or_admin(conn, person, m.host_id)?;
    if !staff && !is_own(conn, person, &m)? {
        return Err(AppError::NotFound("membership"));
    }
    Ok((m, staff))
}

pub async fn get(state: &AppState, person_id: i64, id: i64) -> AppResult<MembershipView> {
    state
        .db(move |conn| {
            let person = load_person(conn, person_id)?;
            let (m, _) = visible_membership(conn, &person, id)?;
            view(conn, m)
        })
        .await
}

fn invalid_transition(action: MembershipAction, m: &Membership) -> AppError {
    AppError::Conflict {
        code: "invalid_transition",
        detail: format!(
            "cannot {} a membership that is {}",
            action.as_str(),
            m.status
        ),
        extra: Some(json!({"id": m.id, "status": m.status})),
    }
}

pub async fn update(
    state: &AppState,
    person_id: i64,
    id: i64,
    req: UpdateMembership,
) -> AppResult<MembershipView> {
    let mut check = Check::default();
    let action = check.optional("action", req.action.as_deref(), MembershipAction::parse);
    let reason = check.optional("reason", req.reason.as_deref(), |r| {
        crate::types::text(r, 1, crate::caps::REASON)
    });
    if req.action.is_none() && req.directory_visible.is_none() {
        check.fail(
            "action",
            "give an action (approve, reject, renew, cancel) or directory_visible",
        );
    }
    check.finish()?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let (mut m, staff) = visible_membership(conn, &person, id)?;
                if let Some(visible) = req.directory_visible {
                    require(
                        is_own(conn, &person, &m)?,
                        "only the member may choose to be listed in the directory",
                    )?;
                    let changes = MembershipChanges {
                        directory_visible: Some(visible),
                        updated_at: Some(now()),
                        ..MembershipChanges::default()
                    };
                    m = store::change_membership(conn, m.id, &m.status, &changes)?.ok_or_else(
                        || {
                            AppError::conflict(
                                "changed",
                                "the membership changed meanwhile; try again",
                            )
                        },
                    )?;
                }
                if let Some(action) = action {
                    m = decide(conn, &person, staff, m, action, reason)?;
                }
                view(conn, m)
            })
        })
        .await
}

/// Applies one action under the status rules, and queues the email it causes.
fn decide(
    conn: &mut AnyConnection,
    person: &Person,
    staff: bool,
    m: Membership,
    action: MembershipAction,
    reason: Option<String>,
) -> AppResult<Membership> {
    use MembershipAction as A;
    use MembershipStatus as S;
    if matches!(action, A::Approve | A::Reject) {
        require(
            staff,
            "only the host's staff may approve or reject applications",
        )?;
    }
    let type_ = store::membership_types_by_id(conn, &[m.type_id])?
        .pop()
        .ok_or(AppError::NotFound("membership type"))?;
    let today = today();
    let now = now();
    let mut changes = MembershipChanges {
        updated_at: Some(now),
        ..MembershipChanges::default()
    };
    let decided = |changes: &mut MembershipChanges| {
        changes.decided_by = Some(Some(person.id));
        changes.decided_at = Some(Some(now));
        changes.decision_reason = Some(reason.clone());
    };
    let (to, template) = match (action, m.status()) {
        (A::Approve, Some(S::Pending)) => {
            changes.starts_on = Some(Some(today));
            changes.ends_on = Some(type_.end_from(today));
            decided(&mut changes);
            (S::Active, Some(emails::APPROVED))
        }
        (A::Reject, Some(S::Pending)) => {
            decided(&mut changes);
            (S::Rejected, Some(emails::REJECTED))
        }
        (A::Cancel, Some(S::Active)) => {
            decided(&mut changes);
            (S::Cancelled, None)
        }
        (A::Renew, Some(S::Active)) => {
            let Some(current_end) = m.ends_on else {
                return Err(AppError::Conflict {
                    code: "lifetime_membership",
                    detail: "a lifetime membership has no end to extend".into(),
                    extra: Some(json!({"id": m.id, "status": m.status})),
                });
            };
            if current_end < today {
                // Ran out but not yet swept: it restarts, like an expired one.
                changes.starts_on = Some(Some(today));
                changes.ends_on = Some(type_.end_from(today));
            } else {
                changes.ends_on = Some(type_.end_from(current_end));
            }
            (S::Active, Some(emails::RENEWED))
        }
        (A::Renew, Some(S::Expired)) => {
            changes.starts_on = Some(Some(today));
            changes.ends_on = Some(type_.end_from(today));
            (S::Active, Some(emails::RENEWED))
        }
        _ => return Err(invalid_transition(action, &m)),
    };
    changes.status = Some(to.as_str().to_owned());
    let updated =
        match store::change_membership(conn, m.id, &m.status, &changes) {
            Ok(Some(updated)) => updated,
            Ok(None) => {
                let current =
                    store::find_membership(conn, m.id)?.ok_or(AppError::NotFound("membership"))?;
                return Err(invalid_transition(action, &current));
            }
            Err(e) if is_unique_violation(&e) => return Err(AppError::conflict(
                "membership_exists",
                "the member has applied again since this membership expired; decide on that one",
            )),
            Err(e) => return Err(e.into()),
        };
    let code = match action {
        A::Approve => "membership.approved",
        A::Reject => "membership.rejected",
        A::Renew => "membership.renewed",
        A::Cancel => "membership.cancelled",
    };
    audit::record(
        conn,
        Entry::new(code, person.id, "membership", m.id)
            .at(m.host_id)
            .changes(snapshot::membership(&m), snapshot::membership(&updated)),
    )?;
    if let Some(template) = template {
        let host = store::organisations_by_id(conn, &[updated.host_id])?
            .pop()
            .ok_or(AppError::NotFound("organisation"))?;
        let member_name = member_name(conn, &updated)?;
        let about = About {
            membership: &updated,
            host: &host,
            type_: &type_,
            member_name: &member_name,
        };
        emails::to_member(
            conn,
            template,
            &about,
            json!({"reason": updated.decision_reason}),
            None,
        )?;
    }
    Ok(updated)
}

pub fn member_name(conn: &mut AnyConnection, m: &Membership) -> AppResult<String> {
    Ok(match (m.person_id, m.member_organisation_id) {
        (Some(id), _) => store::people_by_id(conn, &[id])?.pop().map(|p| p.full_name),
        (None, Some(id)) => store::organisations_by_id(conn, &[id])?
            .pop()
            .map(|o| o.name),
        (None, None) => None,
    }
    .unwrap_or_default())
}
