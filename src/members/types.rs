//! Membership types: what a host offers (for people or organisations, a duration, whether it
//! needs approval, a recorded fee).

use crate::audit::{self, snapshot, Entry};
use crate::auth::service::load_person;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::api::*;
use crate::members::model::*;
use crate::members::organisations::{
    caller_at, is_staff_or_admin, load_organisation, require_host, Needs,
};
use crate::members::store;
use crate::members::validate::{self, Check};

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

pub async fn create_type(
    state: &AppState,
    person_id: i64,
    slug: String,
    req: CreateMembershipType,
) -> AppResult<MembershipType> {
    let mut check = Check::default();
    let name = check.field(
        "name",
        validate::localized(req.name, crate::caps::NAME, true),
    );
    let member_kind = check.field("member_kind", MemberKind::parse(&req.member_kind));
    let duration = check.field("duration_months", validate::duration(req.duration_months));
    let cents = check.optional("annual_fee", req.annual_fee.as_ref(), validate::fee_cents);
    let currency = check.optional("currency", req.currency.as_deref(), validate::currency);
    if cents.is_some() != currency.is_some() {
        check.fail("currency", "annual_fee and currency go together");
    }
    let (name, member_kind, duration) =
        check.finish_with(|| Some((name?, member_kind?, duration?)))?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let (_, org) = caller_at(
                    conn,
                    person_id,
                    &slug,
                    Needs::Owner,
                    "only the owners of this organisation may manage membership types",
                )?;
                require_host(&org)?;
                let now = now();
                let created = store::insert_membership_type(
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
                )?;
                audit::record(
                    conn,
                    Entry::new(
                        "membership_type.created",
                        person_id,
                        "membership_type",
                        created.id,
                    )
                    .at(org.id)
                    .after(snapshot::membership_type(&created)),
                )?;
                Ok(created)
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
            .optional("name", req.name, |n| {
                validate::localized(n, crate::caps::NAME, true)
            })
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
    changes.currency =
        validate::clearable(&mut check, "currency", req.currency, validate::currency);
    check.finish()?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let (_, org) = caller_at(
                    conn,
                    person_id,
                    &slug,
                    Needs::Owner,
                    "only the owners of this organisation may manage membership types",
                )?;
                let current = host_type(conn, org.id, type_id)?
                    .ok_or(AppError::NotFound("membership type"))?;
                let fee = changes.annual_fee_cents.unwrap_or(current.annual_fee_cents);
                let currency = changes.currency.clone().unwrap_or(current.currency.clone());
                if fee.is_some() != currency.is_some() {
                    return Err(AppError::invalid(
                        "currency",
                        "annual_fee and currency go together",
                    ));
                }
                changes.updated_at = Some(now());
                let updated = store::update_membership_type(conn, type_id, &changes)?;
                audit::record(
                    conn,
                    Entry::new(
                        "membership_type.updated",
                        person_id,
                        "membership_type",
                        type_id,
                    )
                    .at(org.id)
                    .changes(
                        snapshot::membership_type(&current),
                        snapshot::membership_type(&updated),
                    ),
                )?;
                Ok(updated)
            })
        })
        .await
}

/// The membership type if it belongs to the host.
pub fn host_type(
    conn: &mut AnyConnection,
    host_id: i64,
    type_id: i64,
) -> AppResult<Option<MembershipType>> {
    Ok(store::membership_types_by_id(conn, &[type_id])?
        .into_iter()
        .find(|t| t.organisation_id == host_id))
}
