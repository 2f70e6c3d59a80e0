//! Turning registration rows into what the API shows, in batches (no query per row).

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::registrations::model::*;
use crate::registrations::store;

fn utc(t: NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    t.and_utc()
}

/// Up to this many waitlisted registrations get their place by counting; more read the line.
const FEW: usize = 4;

/// Views for registrations of one or more events. Waitlist positions come from each event's
/// whole waitlist, read once.
pub fn views(conn: &mut AnyConnection, regs: &[Registration]) -> AppResult<Vec<RegistrationView>> {
    let mut person_ids: Vec<i64> = regs.iter().filter_map(|r| r.person_id).collect();
    person_ids.sort_unstable();
    person_ids.dedup();
    let people: HashMap<i64, (String, String)> = store::people_by_id(conn, &person_ids)?
        .into_iter()
        .map(|(id, name, email, _)| (id, (name, email)))
        .collect();
    let mut org_ids: Vec<i64> = regs.iter().filter_map(|r| r.organisation_id).collect();
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs: HashMap<i64, (String, String)> = store::organisation_names(conn, &org_ids)?
        .into_iter()
        .map(|(id, slug, name)| (id, (slug, name)))
        .collect();

    let mut positions: HashMap<i64, i64> = HashMap::new();
    let waitlisted: Vec<&Registration> = regs.iter().filter(|r| r.status == WAITLISTED).collect();
    if waitlisted.len() <= FEW {
        // One registration's answer (every POST during a rush): count the places ahead in the
        // index instead of reading the whole waitlist, which made each of 2,000 registrations
        // for one event cost O(waitlist).
        for reg in waitlisted {
            if let Some(position) = store::waitlist_position(conn, reg)? {
                positions.insert(reg.id, position);
            }
        }
    } else {
        let mut waitlist_events: Vec<i64> = waitlisted.iter().map(|r| r.event_id).collect();
        waitlist_events.sort_unstable();
        waitlist_events.dedup();
        for event_id in waitlist_events {
            for (index, id) in store::waitlist_ids(conn, event_id)?.into_iter().enumerate() {
                positions.insert(id, index as i64 + 1);
            }
        }
    }

    Ok(regs
        .iter()
        .map(|r| {
            let (name, email) = match r.person_id.and_then(|id| people.get(&id)) {
                Some((name, email)) => (name.clone(), email.clone()),
                None => (
                    r.guest_name.clone().unwrap_or_default(),
                    r.guest_email.clone().unwrap_or_default(),
                ),
            };
            let org = r.organisation_id.and_then(|id| orgs.get(&id));
            RegistrationView {
                id: r.id,
                event_id: r.event_id,
                status: r.status.clone(),
                waitlist_position: positions.get(&r.id).copied(),
                code: r.code.clone(),
                person_id: r.person_id,
                name,
                email,
                organisation: org.map(|(slug, _)| slug.clone()),
                organisation_name: org.map(|(_, name)| name.clone()),
                answers: serde_json::from_str(&r.answers).unwrap_or_default(),
                checked_in_at: r.checked_in_at.map(utc),
                cancelled_at: r.cancelled_at.map(utc),
                created_at: utc(r.created_at),
            }
        })
        .collect())
}

pub fn view(conn: &mut AnyConnection, reg: &Registration) -> AppResult<RegistrationView> {
    let mut views = views(conn, std::slice::from_ref(reg))?;
    views.pop().ok_or_else(|| {
        crate::error::AppError::internal(anyhow::anyhow!("no view for registration {}", reg.id))
    })
}
