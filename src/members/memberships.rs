//! Membership types and memberships: applying, deciding, renewing, cancelling, the staff's
//! lists (and CSV export), the member's own list and the members' directory.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;

use crate::auth::model::Person;
use crate::auth::service::load_person;
use crate::db::{is_unique_violation, now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::pagination::Paginated;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::members::access;
use crate::members::api::*;
use crate::members::emails::{self, About};
use crate::members::model::*;
use crate::members::organisations::{
    is_owner_or_admin, is_staff_or_admin, load_organisation, page_of, require, require_host,
    require_verified,
};
use crate::members::store::{self, MembershipQuery};
use crate::members::validate::{self, Check};
use crate::types::Slug;

/// Today's date in UTC, the calendar memberships run on.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

// ---- membership types ----

pub async fn list_types(
    state: &AppState,
    person_id: Option<i64>,
    slug: String,
) -> AppResult<Vec<MembershipTypeView>> {
    state
        .db(move |conn| {
            let org = load_organisation(conn, &slug)?;
            // Applicants see the types open to them; staff see retired ones too.
            let staff = match person_id {
                Some(id) => {
                    let person = load_person(conn, id)?;
                    is_staff_or_admin(conn, &person, org.id)?
                }
                None => false,
            };
            let types = store::membership_types_of(conn, org.id, staff)?;
            Ok(types.iter().map(MembershipTypeView::from).collect())
        })
        .await
}

fn fee(
    check: &mut Check,
    fee: Option<&serde_json::Value>,
    currency: Option<&str>,
) -> (Option<i64>, Option<String>) {
    let cents = check.optional("annual_fee", fee, validate::fee_cents);
    let currency = check.optional("currency", currency, validate::currency);
    (cents, currency)
}

pub async fn create_type(
    state: &AppState,
    person_id: i64,
    slug: String,
    req: CreateMembershipType,
) -> AppResult<MembershipType> {
    let mut check = Check::default();
    let name = check.field("name", validate::localized(req.name, 200, true));
    let member_kind = check.field("member_kind", MemberKind::parse(&req.member_kind));
    let duration = check.field("duration_months", validate::duration(req.duration_months));
    let (cents, currency) = fee(&mut check, req.annual_fee.as_ref(), req.currency.as_deref());
    if cents.is_some() != currency.is_some() {
        check.fail("currency", "annual_fee and currency go together");
    }
    check.finish()?;
    let (Some(name), Some(member_kind), Some(duration)) = (name, member_kind, duration) else {
        return Err(AppError::internal(anyhow::anyhow!(
            "validated fields missing"
        )));
    };
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let org = load_organisation(conn, &slug)?;
                require(
                    is_owner_or_admin(conn, &person, org.id)?,
                    "only the owners of this organisation may manage membership types",
                )?;
                require_host(&org)?;
                let now = now();
                Ok(store::insert_membership_type(
                    conn,
                    &NewMembershipType {
                        organisation_id: org.id,
                        name: localized_to_db(&name),
                        member_kind: member_kind.as_str().to_owned(),
                        duration_months: duration,
                        requires_approval: req.requires_approval.unwrap_or(true),
                        annual_fee_cents: cents,
                        currency,
                        active: req.active.unwrap_or(true),
                        created_at: now,
                        updated_at: now,
                    },
                )?)
            })
        })
        .await
}

pub async fn update_type(
    state: &AppState,
    person_id: i64,
    slug: String,
    type_id: i64,
    req: UpdateMembershipType,
) -> AppResult<MembershipType> {
    let mut check = Check::default();
    let mut changes = MembershipTypeChanges {
        name: check
            .optional("name", req.name, |n| validate::localized(n, 200, true))
            .map(|n| localized_to_db(&n)),
        duration_months: check.optional("duration_months", req.duration_months, validate::duration),
        requires_approval: req.requires_approval,
        active: req.active,
        ..MembershipTypeChanges::default()
    };
    changes.annual_fee_cents = match req.annual_fee {
        None => None,
        Some(None) => Some(None),
        Some(Some(fee)) => check
            .field("annual_fee", validate::fee_cents(&fee))
            .map(Some),
    };
    changes.currency = crate::members::organisations::optional_clearable(
        &mut check,
        "currency",
        req.currency,
        validate::currency,
    );
    check.finish()?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                let org = load_organisation(conn, &slug)?;
                require(
                    is_owner_or_admin(conn, &person, org.id)?,
                    "only the owners of this organisation may manage membership types",
                )?;
                let current = host_type(conn, org.id, type_id)?
                    .ok_or(AppError::NotFound("membership type"))?;
                let fee = changes.annual_fee_cents.unwrap_or(current.annual_fee_cents);
                let currency = changes.currency.clone().unwrap_or(current.currency);
                if fee.is_some() != currency.is_some() {
                    return Err(AppError::invalid(
                        "currency",
                        "annual_fee and currency go together",
                    ));
                }
                changes.updated_at = Some(now());
                Ok(store::update_membership_type(conn, type_id, &changes)?)
            })
        })
        .await
}

/// The membership type if it belongs to the host.
fn host_type(
    conn: &mut AnyConnection,
    host_id: i64,
    type_id: i64,
) -> AppResult<Option<MembershipType>> {
    Ok(store::membership_types_by_id(conn, &[type_id])?
        .into_iter()
        .find(|t| t.organisation_id == host_id))
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

pub async fn apply(
    state: &AppState,
    person_id: i64,
    slug: String,
    req: ApplyForMembership,
) -> AppResult<MembershipView> {
    let mut check = Check::default();
    let note = check.optional("note", req.note.as_deref(), |n| {
        crate::types::text(n, 1, 2000)
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
                    .ok_or_else(|| AppError::invalid("type_id", "this host has no such membership type"))?;
                if !type_.active {
                    return Err(AppError::invalid("type_id", "this membership type takes no new applications"));
                }
                let kind = MemberKind::parse(&type_.member_kind).map_err(|m| AppError::internal(anyhow::anyhow!(m)))?;
                let member_org = match (org_slug, kind) {
                    (Some(org_slug), MemberKind::Organisation) => {
                        let org = store::find_organisation(conn, org_slug.as_str())?.ok_or_else(|| {
                            AppError::invalid("organisation_slug", "no organisation has this slug")
                        })?;
                        require(
                            access::represents(conn, person.id, org.id)?,
                            "only a representative of the organisation may apply for it",
                        )?;
                        if org.id == host.id {
                            return Err(AppError::invalid("organisation_slug", "an organisation cannot be a member of itself"));
                        }
                        Some(org)
                    }
                    (Some(_), MemberKind::Person) => {
                        return Err(AppError::invalid(
                            "organisation_slug",
                            "this membership type is for people; leave out organisation_slug",
                        ))
                    }
                    (None, MemberKind::Organisation) => {
                        return Err(AppError::invalid(
                            "organisation_slug",
                            "this membership type is for organisations: name the organisation you represent",
                        ))
                    }
                    (None, MemberKind::Person) => None,
                };
                let member_person = member_org.is_none().then_some(person.id);
                let member_org_id = member_org.as_ref().map(|o| o.id);
                if let Some(existing) = store::live_membership(conn, host.id, member_person, member_org_id)? {
                    return Err(live_conflict(&existing));
                }
                let now = now();
                let today = today();
                let (status, starts_on, ends_on, decided_at) = if type_.requires_approval {
                    (MembershipStatus::Pending, None, None, None)
                } else {
                    (MembershipStatus::Active, Some(today), type_.end_from(today), Some(now))
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
                    if is_unique_violation(&e) {
                        AppError::conflict("membership_exists", "there is already a live membership for this member and host")
                    } else {
                        e.into()
                    }
                })?;
                let member_name = member_org.as_ref().map_or(person.full_name.as_str(), |o| o.name.as_str());
                let about = About { membership: &membership, host: &host, type_: &type_, member_name };
                if status == MembershipStatus::Pending {
                    emails::to_person(conn, &person, emails::RECEIVED, &about)?;
                } else {
                    emails::to_member(conn, emails::APPROVED, &about, json!({}), None)?;
                }
                emails::to_owners(conn, emails::NEW_APPLICATION, &about, json!({"applicant": person.full_name}))?;
                Ok(views(conn, vec![membership])?.remove(0))
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
            Ok(views(conn, vec![m])?.remove(0))
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
        crate::types::text(r, 1, 1000)
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
                Ok(views(conn, vec![m])?.remove(0))
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

// ---- lists ----

/// A page of memberships as JSON, or all of them as CSV.
pub enum MembershipList {
    Page(Paginated<MembershipView>),
    Csv { filename: String, body: String },
}

pub async fn list(
    state: &AppState,
    person_id: i64,
    slug: String,
    f: MembershipFilter,
) -> AppResult<MembershipList> {
    let page = page_of(f.page, f.per_page)?;
    let mut check = Check::default();
    let status = check.optional("status", f.status.as_deref(), |s| {
        MembershipStatus::parse(s).map(|s| s.as_str().to_owned())
    });
    let member_kind = check.optional("member_kind", f.member_kind.as_deref(), MemberKind::parse);
    let country = check.optional("country", f.country.as_deref(), validate::country);
    let expires_before = check.optional(
        "expires_before",
        f.expires_before.as_deref(),
        validate::date,
    );
    let csv = check
        .optional("format", f.format.as_deref(), |f| match f {
            "json" => Ok(false),
            "csv" => Ok(true),
            other => Err(format!("`{other}` is not one of: json, csv")),
        })
        .unwrap_or(false);
    check.finish()?;
    state
        .db(move |conn| {
            let person = load_person(conn, person_id)?;
            let host = load_organisation(conn, &slug)?;
            require(
                is_staff_or_admin(conn, &person, host.id)?,
                "only the staff of this organisation may list its memberships",
            )?;
            let query = MembershipQuery {
                host_id: host.id,
                status,
                type_id: f.type_id,
                member_kind,
                country,
                q: f.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()),
                expires_before,
            };
            let (items, total) = store::list_memberships(conn, &query, (!csv).then_some(page))?;
            let items = views(conn, items)?;
            Ok(if csv {
                MembershipList::Csv {
                    filename: format!("{}-memberships.csv", host.slug),
                    body: to_csv(&items, person.locale()),
                }
            } else {
                MembershipList::Page(Paginated::new(items, page, total))
            })
        })
        .await
}

pub async fn mine(
    state: &AppState,
    person_id: i64,
    q: PageOnly,
) -> AppResult<Paginated<MembershipView>> {
    let page = page_of(q.page, q.per_page)?;
    state
        .db(move |conn| {
            load_person(conn, person_id)?;
            let orgs = access::represented_organisations(conn, person_id)?;
            let (items, total) = store::memberships_of_member(conn, person_id, &orgs, page)?;
            Ok(Paginated::new(views(conn, items)?, page, total))
        })
        .await
}

/// Builds views for memberships with a fixed number of queries, whatever their count.
fn views(conn: &mut AnyConnection, items: Vec<Membership>) -> AppResult<Vec<MembershipView>> {
    let ids =
        |f: fn(&Membership) -> Option<i64>| -> Vec<i64> { items.iter().filter_map(f).collect() };
    let mut org_ids = ids(|m| Some(m.host_id));
    org_ids.extend(ids(|m| m.member_organisation_id));
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs: HashMap<i64, Organisation> = store::organisations_by_id(conn, &org_ids)?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let people: HashMap<i64, Person> = store::people_by_id(conn, &ids(|m| m.person_id))?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let types: HashMap<i64, MembershipType> =
        store::membership_types_by_id(conn, &ids(|m| Some(m.type_id)))?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
    let missing = || AppError::internal(anyhow::anyhow!("membership refers to a missing row"));
    items
        .iter()
        .map(|m| {
            let host = orgs.get(&m.host_id).ok_or_else(missing)?;
            let type_ = types.get(&m.type_id).ok_or_else(missing)?;
            let member = match (m.person_id, m.member_organisation_id) {
                (Some(id), _) => {
                    let p = people.get(&id).ok_or_else(missing)?;
                    MemberView {
                        kind: MemberKind::Person.as_str(),
                        id: p.id,
                        name: p.full_name.clone(),
                        email: Some(p.email.clone()),
                        slug: None,
                        country: p.country.clone(),
                    }
                }
                (None, Some(id)) => {
                    let o = orgs.get(&id).ok_or_else(missing)?;
                    MemberView {
                        kind: MemberKind::Organisation.as_str(),
                        id: o.id,
                        name: o.name.clone(),
                        email: o.email.clone(),
                        slug: Some(o.slug.clone()),
                        country: Some(o.country.clone()),
                    }
                }
                (None, None) => return Err(missing()),
            };
            Ok(MembershipView::new(
                m,
                HostRef {
                    id: host.id,
                    slug: host.slug.clone(),
                    name: host.name.clone(),
                },
                TypeRef {
                    id: type_.id,
                    name: localized_from_db(&type_.name),
                    duration_months: type_.duration_months,
                },
                member,
            ))
        })
        .collect()
}

/// One CSV cell: quoted when needed, and kept from being read as a formula by spreadsheets.
fn cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// RFC 4180 CSV with a UTF-8 byte-order mark, which spreadsheet programs need to read
/// non-ASCII names correctly; type names in the reader's locale.
fn to_csv(items: &[MembershipView], locale: Locale) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("id,status,member_kind,member,slug,email,country,membership_type,starts_on,ends_on,applied_at,note\r\n");
    for m in items {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let row = [
            m.id.to_string(),
            m.status.clone(),
            m.member.kind.to_owned(),
            m.member.name.clone(),
            m.member.slug.clone().unwrap_or_default(),
            m.member.email.clone().unwrap_or_default(),
            m.member.country.clone().unwrap_or_default(),
            pick(&m.type_.name, locale),
            date(m.starts_on),
            date(m.ends_on),
            m.created_at.to_rfc3339(),
            m.note.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

// ---- directory ----

pub async fn directory(
    state: &AppState,
    person_id: i64,
    slug: String,
    q: PageOnly,
) -> AppResult<Paginated<DirectoryEntry>> {
    let page = page_of(q.page, q.per_page)?;
    state
        .db(move |conn| {
            let person = load_person(conn, person_id)?;
            let host = load_organisation(conn, &slug)?;
            let today = today();
            require(
                person.is_admin || access::is_member(conn, person.id, host.id, today)?,
                "the directory is open to the host's members",
            )?;
            let listed = store::directory_memberships(conn, host.id, today)?;
            let people: HashMap<i64, Person> = store::people_by_id(
                conn,
                &listed
                    .iter()
                    .filter_map(|m| m.person_id)
                    .collect::<Vec<_>>(),
            )?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
            let orgs: HashMap<i64, Organisation> = store::organisations_by_id(
                conn,
                &listed
                    .iter()
                    .filter_map(|m| m.member_organisation_id)
                    .collect::<Vec<_>>(),
            )?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
            let types: HashMap<i64, LocalizedText> =
                store::membership_types_of(conn, host.id, true)?
                    .into_iter()
                    .map(|t| (t.id, localized_from_db(&t.name)))
                    .collect();
            let mut entries: Vec<DirectoryEntry> = listed
                .iter()
                .filter_map(|m| {
                    let membership_type = types.get(&m.type_id).cloned().unwrap_or_default();
                    match (m.person_id, m.member_organisation_id) {
                        (Some(id), _) => people.get(&id).map(|p| DirectoryEntry {
                            kind: MemberKind::Person.as_str(),
                            name: p.full_name.clone(),
                            country: p.country.clone(),
                            slug: None,
                            organisation_kind: None,
                            city: None,
                            website: None,
                            membership_type,
                            member_since: m.starts_on,
                        }),
                        (None, Some(id)) => orgs.get(&id).map(|o| DirectoryEntry {
                            kind: MemberKind::Organisation.as_str(),
                            name: o.name.clone(),
                            country: Some(o.country.clone()),
                            slug: Some(o.slug.clone()),
                            organisation_kind: Some(o.kind.clone()),
                            city: o.city.clone(),
                            website: o.website.clone(),
                            membership_type,
                            member_since: m.starts_on,
                        }),
                        (None, None) => None,
                    }
                })
                .collect();
            entries.sort_by_cached_key(|e| (e.name.to_lowercase(), e.slug.clone()));
            let total = i64::try_from(entries.len()).unwrap_or(i64::MAX);
            let start = usize::try_from(page.offset()).unwrap_or(usize::MAX);
            let items = entries
                .into_iter()
                .skip(start)
                .take(usize::try_from(page.per_page).unwrap_or(0))
                .collect();
            Ok(Paginated::new(items, page, total))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn csv_cells_are_quoted_and_formula_safe() {
        assert_eq!(cell("Ana"), "Ana");
        assert_eq!(cell("Petrović, Ana"), "\"Petrović, Ana\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-5"), "'-5");
    }
}
