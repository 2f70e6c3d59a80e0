//! Editing an event: the PATCH merge, its rules, and the emails a move of time or place sends.

use chrono::{Duration, NaiveDateTime};

use crate::audit::{self, snapshot, Entry};
use crate::caps;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::emails::*;
use crate::events::model::*;
use crate::events::service::*;
use crate::events::store::{self};
use crate::events::validate::{self as v, push, Contents};
use crate::events::views::Reader;
use crate::http::AppState;
use crate::i18n::Locale;

/// Applies a PATCH: every rule is checked on the merged result, and a change of time or place
/// of a published event tells everyone registered (coalesced, see `outbox::enqueue_coalesced`).
pub async fn update(
    state: &AppState,
    asker: Asker,
    id: i64,
    req: UpdateEvent,
) -> AppResult<EventView> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    let delay = Duration::seconds(state.settings.events.change_coalesce_secs);
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                // Lock the row first: registrations move seats_taken under the same lock, so the
                // capacity check below and the waitlist promotion see the real count.
                crate::registrations::store::lock_event(conn, id)?;
                let reader = Reader::load(conn, Some(person_id))?;
                let old = load_managed(conn, &reader, id)?;
                if old.status == STATUS_CANCELLED {
                    return Err(cancelled_conflict());
                }
                let before = snapshot::event(conn, &old)?;
                let mut errors = FieldErrors::new();
                let fields = merge(&old, &req, &mut errors);
                // Fewer seats than people already seated is a conflict with the event's state,
                // not a malformed value.
                if let Some(capacity) = fields.capacity.filter(|c| (0..old.seats_taken).contains(c)) {
                    return Err(AppError::Conflict {
                        code: "capacity_below_seats_taken",
                        detail: format!(
                            "capacity {capacity} is below the {} seats already taken",
                            old.seats_taken
                        ),
                        extra: Some(serde_json::json!({"field": "capacity", "seats_taken": old.seats_taken})),
                    });
                }
                v::check_rules(&fields, old.seats_taken, &mut errors);
                if let Some(parent) = old
                    .parent_id
                    .map(|p| store::find_event(conn, p))
                    .transpose()?
                    .flatten()
                {
                    check_parent(&parent, &fields, old.organisation_id, &mut errors);
                }
                let sessions = store::sessions_of(conn, id)?;
                if sessions
                    .iter()
                    .any(|s| s.starts_at < fields.starts_at || s.ends_at > fields.ends_at)
                {
                    push(
                        &mut errors,
                        "starts_at",
                        "a session would fall outside the new time span",
                    );
                }
                let mut contents = current_contents(conn, id)?;
                for (name, values) in [
                    ("title", &req.title),
                    ("summary", &req.summary),
                    ("description", &req.description),
                ] {
                    if let Some(values) = values {
                        v::apply_content(&mut contents, name, values.clone(), &mut errors);
                    }
                }
                if contents.values().all(|t| t.title.is_none()) {
                    push(
                        &mut errors,
                        "title",
                        "the event needs a title in at least one locale",
                    );
                }
                let partners = match &req.partners {
                    Some(input) => {
                        let valid = v::partners(input, &mut errors);
                        Some(partner_rows(conn, id, &valid, &mut errors)?)
                    }
                    None => None,
                };
                v::finish(errors)?;
                let event = store::update_event(conn, id, &fields)?;
                store::replace_contents(conn, id, &content_rows(id, &contents))?;
                if let Some(partners) = partners {
                    store::replace_partners(conn, id, &partners)?;
                }
                let grew = match (old.capacity, event.capacity) {
                    (Some(before), Some(after)) => after > before,
                    (Some(_), None) => true,
                    (None, _) => false,
                };
                if grew {
                    if let Some(slot) = crate::registrations::store::find_event(conn, id)? {
                        crate::registrations::waitlist::promote_waitlist(conn, &slot)?;
                    }
                }
                // After the promotions, so that whoever just got a seat hears about the move as
                // a seat holder (with an invitation), not as someone still waiting.
                if event.status == STATUS_PUBLISHED && time_or_place_changed(&old, &event) {
                    tell_changed(conn, &old, &event, &contents, &public_url, delay)?;
                }
                let event = store::find_event(conn, id)?.ok_or(AppError::NotFound("event"))?;
                let after = snapshot::event(conn, &event)?;
                audit::record(
                    conn,
                    Entry::for_event("updated", person_id, &event).changes(before, after),
                )?;
                one_view(conn, event, asker.locale)
            })
        })
        .await
}

pub(super) fn current_contents(conn: &mut AnyConnection, id: i64) -> AppResult<Contents> {
    Ok(store::contents_for(conn, &[id])?
        .into_iter()
        .filter_map(|c| {
            Locale::parse(&c.locale).map(|l| {
                (
                    l,
                    Translation {
                        title: c.title,
                        summary: c.summary,
                        description: c.description,
                    },
                )
            })
        })
        .collect())
}

/// The event's columns with the PATCH applied; field errors are collected.
pub(super) fn merge(old: &Event, req: &UpdateEvent, errors: &mut FieldErrors) -> EventChanges {
    fn take<T: Clone>(errors: &mut FieldErrors, name: &str, r: Result<T, String>, old: T) -> T {
        r.unwrap_or_else(|m| {
            push(errors, name, m);
            old
        })
    }
    let text = |raw: &Option<Option<String>>, max: usize, old: &Option<String>| match raw {
        None => Ok(old.clone()),
        Some(value) => v::optional_text(value.as_deref(), max),
    };
    let opt_time = |raw: &Option<Option<String>>, old: Option<NaiveDateTime>| match raw {
        None => Ok(old),
        Some(None) => Ok(None),
        Some(Some(t)) => v::time(t).map(Some),
    };
    EventChanges {
        kind: take(
            errors,
            "kind",
            req.kind
                .as_deref()
                .map_or(Ok(old.kind.clone()), |k| v::one_of(k, &KINDS)),
            old.kind.clone(),
        ),
        starts_at: take(
            errors,
            "starts_at",
            req.starts_at.as_deref().map_or(Ok(old.starts_at), v::time),
            old.starts_at,
        ),
        ends_at: take(
            errors,
            "ends_at",
            req.ends_at.as_deref().map_or(Ok(old.ends_at), v::time),
            old.ends_at,
        ),
        timezone: take(
            errors,
            "timezone",
            req.timezone
                .as_deref()
                .map_or(Ok(old.timezone.clone()), v::timezone),
            old.timezone.clone(),
        ),
        venue_name: take(
            errors,
            "venue_name",
            text(&req.venue_name, caps::VENUE, &old.venue_name),
            old.venue_name.clone(),
        ),
        address: take(
            errors,
            "address",
            text(&req.address, caps::ADDRESS, &old.address),
            old.address.clone(),
        ),
        city: take(
            errors,
            "city",
            text(&req.city, caps::CITY, &old.city),
            old.city.clone(),
        ),
        country: take(
            errors,
            "country",
            req.country
                .as_ref()
                .map_or(Ok(old.country.clone()), |c| v::country(c.as_deref())),
            old.country.clone(),
        ),
        online_url: take(
            errors,
            "online_url",
            req.online_url
                .as_ref()
                .map_or(Ok(old.online_url.clone()), |u| v::online_url(u.as_deref())),
            old.online_url.clone(),
        ),
        capacity: req.capacity.unwrap_or(old.capacity),
        guests_allowed: req.guests_allowed.unwrap_or(old.guests_allowed),
        seats_per_organisation: req
            .seats_per_organisation
            .unwrap_or(old.seats_per_organisation),
        reminder_offsets_hours: match &req.reminder_offsets_hours {
            Some(Some(hours)) => {
                v::reminder_offsets(hours, errors);
                Some(serde_json::json!(hours).to_string())
            }
            Some(None) => None,
            None => old.reminder_offsets_hours.clone(),
        },
        waitlist_enabled: req.waitlist_enabled.unwrap_or(old.waitlist_enabled),
        registration_opens_at: take(
            errors,
            "registration_opens_at",
            opt_time(&req.registration_opens_at, old.registration_opens_at),
            old.registration_opens_at,
        ),
        registration_closes_at: take(
            errors,
            "registration_closes_at",
            opt_time(&req.registration_closes_at, old.registration_closes_at),
            old.registration_closes_at,
        ),
        visibility: take(
            errors,
            "visibility",
            req.visibility
                .as_deref()
                .map_or(Ok(old.visibility.clone()), |x| v::one_of(x, &VISIBILITIES)),
            old.visibility.clone(),
        ),
        default_locale: take(
            errors,
            "default_locale",
            req.default_locale
                .as_deref()
                .map_or(Ok(old.default_locale.clone()), |l| {
                    v::locale(l).map(|l| l.tag().to_owned())
                }),
            old.default_locale.clone(),
        ),
        updated_at: now(),
    }
}
