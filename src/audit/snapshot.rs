//! What the log keeps of each kind of object: the fields staff manage, picked by name, so a
//! new column (or a secret) never slips into the log unnoticed. Contact details of members
//! and guests stay out; the subject's id is enough to find them while they exist.

use serde_json::{json, Value};

use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::events::model::Event;
use crate::members::model::{localized_from_db, Membership, MembershipType, Organisation};
use crate::registrations::model::{Question, Registration};

fn parsed(raw: &str) -> Value {
    serde_json::from_str(raw).unwrap_or(Value::Null)
}

pub fn organisation(o: &Organisation) -> Value {
    json!({
        "slug": o.slug,
        "name": o.name,
        "kind": o.kind,
        "country": o.country,
        "city": o.city,
        "website": o.website,
        "email": o.email,
        "description": localized_from_db(&o.description),
        "hosts_events": o.hosts_events,
    })
}

pub fn membership_type(t: &MembershipType) -> Value {
    json!({
        "name": localized_from_db(&t.name),
        "member_kind": t.member_kind,
        "duration_months": t.duration_months,
        "requires_approval": t.requires_approval,
        "annual_fee_cents": t.annual_fee_cents,
        "currency": t.currency,
        "active": t.active,
    })
}

pub fn membership(m: &Membership) -> Value {
    json!({
        "status": m.status,
        "starts_on": m.starts_on,
        "ends_on": m.ends_on,
        "decision_reason": m.decision_reason,
    })
}

/// The event as staff edit it: its columns, every translation and the partners. Figures that
/// move on their own (seats, phase, whether registration is open) are left out, so an edit's
/// diff shows only what the editor changed.
pub fn event(conn: &mut AnyConnection, e: &Event) -> AppResult<Value> {
    let view = crate::events::views::build(conn, vec![e.clone()], None, true)?
        .pop()
        .ok_or(AppError::NotFound("event"))?;
    let mut value = serde_json::to_value(view).map_err(AppError::internal)?;
    if let Value::Object(map) = &mut value {
        for derived in [
            "id",
            "organisation_name",
            "phase",
            "seats_taken",
            "seats_left",
            "registration_open",
            "content_locale",
            "transliterated",
            "available_locales",
            "title",
            "summary",
            "description",
        ] {
            map.remove(derived);
        }
    }
    Ok(value)
}

pub fn question(q: &Question) -> Value {
    json!({
        "event_id": q.event_id,
        "position": q.position,
        "kind": q.kind,
        "required": q.required,
        "label": parsed(&q.label),
        "choices": parsed(&q.choices),
    })
}

/// A registration's standing on the roster (who it is stays behind its id).
pub fn registration(r: &Registration) -> Value {
    json!({
        "event_id": r.event_id,
        "person_id": r.person_id,
        "organisation_id": r.organisation_id,
        "status": r.status,
        "checked_in_at": r.checked_in_at.map(|t| t.and_utc()),
    })
}
