//! Event rules. Each public function is one use case; writes run in one transaction together
//! with the emails they cause.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::model::*;
use crate::events::store::{self, Recipient};
use crate::events::validate::{self as v, push, Contents};
use crate::events::views::{self, Reader};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::notify::outbox::{self, OutgoingEmail};

/// Who asks, and in which locale they want to read.
#[derive(Debug, Clone, Copy)]
pub struct Asker {
    pub person_id: Option<i64>,
    /// From `?lang=` or `Accept-Language`; the account's locale is the next choice.
    pub locale: Option<Locale>,
}

fn load_visible(conn: &mut AnyConnection, reader: &Reader, id: i64) -> AppResult<Event> {
    store::find_event(conn, id)?
        .filter(|e| reader.can_see(e))
        .ok_or(AppError::NotFound("event"))
}

/// Loads an event the reader may manage: 404 if they cannot even see it, 403 if they can.
fn load_managed(conn: &mut AnyConnection, reader: &Reader, id: i64) -> AppResult<Event> {
    let event = load_visible(conn, reader, id)?;
    if !reader.can_manage(&event) {
        return Err(AppError::Forbidden(
            "only owners and organisers of the host may manage its events".into(),
        ));
    }
    Ok(event)
}

fn one_view(
    conn: &mut AnyConnection,
    event: Event,
    locale: Option<Locale>,
) -> AppResult<EventView> {
    views::build(conn, vec![event], locale, false)?
        .pop()
        .ok_or(AppError::NotFound("event"))
}

fn cancelled_conflict() -> AppError {
    AppError::conflict("event_cancelled", "a cancelled event cannot be changed")
}

/// The session rules: same host, within the parent's span, one level deep.
fn check_parent(parent: &Event, fields: &EventChanges, host_id: i64, errors: &mut FieldErrors) {
    if parent.parent_id.is_some() {
        push(
            errors,
            "parent",
            "is itself a session; sessions cannot have sessions",
        );
    } else if parent.organisation_id != host_id {
        push(errors, "parent", "belongs to another host organisation");
    } else if parent.status == STATUS_CANCELLED {
        push(errors, "parent", "is cancelled");
    } else if fields.starts_at < parent.starts_at || fields.ends_at > parent.ends_at {
        push(
            errors,
            "starts_at",
            "a session must lie within its parent's time span",
        );
    }
}

/// Resolves partner slugs to organisations, naming each unknown one.
fn partner_rows(
    conn: &mut AnyConnection,
    event_id: i64,
    partners: &[(usize, String, String)],
    errors: &mut FieldErrors,
) -> AppResult<Vec<NewPartner>> {
    let slugs: Vec<String> = partners.iter().map(|(_, s, _)| s.clone()).collect();
    let known = store::orgs_by_slugs(conn, &slugs)?;
    let mut rows = Vec::new();
    for (position, (index, slug, role)) in partners.iter().enumerate() {
        match known.iter().find(|o| o.slug == *slug) {
            Some(org) => rows.push(NewPartner {
                event_id,
                organisation_id: org.id,
                role: role.clone(),
                position: position as i32,
            }),
            None => push(
                errors,
                &format!("partners[{index}].organisation_slug"),
                format!("no organisation `{slug}`"),
            ),
        }
    }
    Ok(rows)
}

fn content_rows(event_id: i64, contents: &Contents) -> Vec<NewContent> {
    contents
        .iter()
        .map(|(locale, t)| {
            let search = [t.title.as_deref(), t.summary.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase();
            NewContent {
                event_id,
                locale: locale.tag().to_owned(),
                title: t.title.clone(),
                summary: t.summary.clone(),
                description: t.description.clone(),
                search_text: search,
            }
        })
        .collect()
}

fn to_optional_map(map: BTreeMap<String, String>) -> BTreeMap<String, Option<String>> {
    map.into_iter().map(|(k, v)| (k, Some(v))).collect()
}

/// Creates a draft event (or session) for a host the person manages.
pub async fn create(state: &AppState, asker: Asker, req: CreateEvent) -> AppResult<EventView> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    let mut errors = FieldErrors::new();
    let mut field = |name: &str, r: Result<String, String>| {
        r.map_err(|m| push(&mut errors, name, m))
            .unwrap_or_default()
    };
    let kind = field("kind", v::one_of(&req.kind, &KINDS));
    let timezone = field("timezone", v::timezone(&req.timezone));
    let visibility = field(
        "visibility",
        v::one_of(req.visibility.as_deref().unwrap_or("public"), &VISIBILITIES),
    );
    let default_locale = field(
        "default_locale",
        v::locale(req.default_locale.as_deref().unwrap_or("en")).map(|l| l.tag().to_owned()),
    );
    let mut time = |name: &str, raw: Option<&str>| match raw.map(v::time) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(m)) => {
            push(&mut errors, name, m);
            None
        }
    };
    let starts_at = time("starts_at", Some(&req.starts_at));
    let ends_at = time("ends_at", Some(&req.ends_at));
    let opens = time(
        "registration_opens_at",
        req.registration_opens_at.as_deref(),
    );
    let closes = time(
        "registration_closes_at",
        req.registration_closes_at.as_deref(),
    );
    let mut opt = |name: &str, r: Result<Option<String>, String>| {
        r.map_err(|m| push(&mut errors, name, m)).ok().flatten()
    };
    let venue_name = opt(
        "venue_name",
        v::optional_text(req.venue_name.as_deref(), 200),
    );
    let address = opt("address", v::optional_text(req.address.as_deref(), 300));
    let city = opt("city", v::optional_text(req.city.as_deref(), 100));
    let country = opt("country", v::country(req.country.as_deref()));
    let online_url = opt("online_url", v::online_url(req.online_url.as_deref()));
    let mut contents = Contents::new();
    if req.title.is_empty() {
        push(&mut errors, "title", "give a title in at least one locale");
    }
    v::apply_content(
        &mut contents,
        "title",
        to_optional_map(req.title),
        &mut errors,
    );
    v::apply_content(
        &mut contents,
        "summary",
        to_optional_map(req.summary),
        &mut errors,
    );
    v::apply_content(
        &mut contents,
        "description",
        to_optional_map(req.description),
        &mut errors,
    );
    let partners = v::partners(&req.partners, &mut errors);
    let now = now();
    let fields = EventChanges {
        kind,
        starts_at: starts_at.unwrap_or(now),
        ends_at: ends_at.unwrap_or(now),
        timezone,
        venue_name,
        address,
        city,
        country,
        online_url,
        capacity: req.capacity,
        waitlist_enabled: req.waitlist_enabled.unwrap_or(true),
        registration_opens_at: opens,
        registration_closes_at: closes,
        visibility,
        default_locale,
        guests_allowed: req.guests_allowed.unwrap_or(false),
        seats_per_organisation: req.seats_per_organisation,
        reminder_offsets_hours: req
            .reminder_offsets_hours
            .as_ref()
            .map(|h| serde_json::json!(h).to_string()),
        updated_at: now,
    };
    if let Some(hours) = &req.reminder_offsets_hours {
        v::reminder_offsets(hours, &mut errors);
    }
    if starts_at.is_some() && ends_at.is_some() {
        v::check_rules(&fields, 0, &mut errors);
    }
    let slug = req.organisation.trim().to_lowercase();
    let parent_id = req.parent;
    let locale = asker.locale;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reader = Reader::load(conn, Some(person_id))?;
                let host = store::orgs_by_slugs(conn, std::slice::from_ref(&slug))?
                    .pop()
                    .filter(|o| o.hosts_events);
                let Some(host) = host else {
                    push(
                        &mut errors,
                        "organisation",
                        format!("no host organisation `{slug}`"),
                    );
                    return Err(AppError::Validation(errors));
                };
                if !reader.is_admin && !reader.staff_hosts.contains(&host.id) {
                    return Err(AppError::Forbidden(
                        "only owners and organisers of the host may create its events".into(),
                    ));
                }
                if let Some(parent_id) = parent_id {
                    match store::find_event(conn, parent_id)?.filter(|p| reader.can_see(p)) {
                        Some(parent) => check_parent(&parent, &fields, host.id, &mut errors),
                        None => push(&mut errors, "parent", "no such event"),
                    }
                }
                v::finish(std::mem::take(&mut errors))?;
                let event = store::insert_event(
                    conn,
                    &NewEvent {
                        organisation_id: host.id,
                        parent_id,
                        kind: fields.kind,
                        status: STATUS_DRAFT.into(),
                        starts_at: fields.starts_at,
                        ends_at: fields.ends_at,
                        timezone: fields.timezone,
                        venue_name: fields.venue_name,
                        address: fields.address,
                        city: fields.city,
                        country: fields.country,
                        online_url: fields.online_url,
                        capacity: fields.capacity,
                        waitlist_enabled: fields.waitlist_enabled,
                        registration_opens_at: fields.registration_opens_at,
                        registration_closes_at: fields.registration_closes_at,
                        visibility: fields.visibility,
                        default_locale: fields.default_locale,
                        guests_allowed: fields.guests_allowed,
                        seats_per_organisation: fields.seats_per_organisation,
                        reminder_offsets_hours: fields.reminder_offsets_hours,
                        created_by: Some(person_id),
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                let partners = partner_rows(conn, event.id, &partners, &mut errors)?;
                v::finish(std::mem::take(&mut errors))?;
                store::replace_contents(conn, event.id, &content_rows(event.id, &contents))?;
                store::replace_partners(conn, event.id, &partners)?;
                one_view(conn, event, locale)
            })
        })
        .await
}

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
                if event.status == STATUS_PUBLISHED && time_or_place_changed(&old, &event) {
                    tell_changed(conn, &old, &event, &contents, &public_url, delay)?;
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
                let event = store::find_event(conn, id)?.ok_or(AppError::NotFound("event"))?;
                one_view(conn, event, asker.locale)
            })
        })
        .await
}

fn current_contents(conn: &mut AnyConnection, id: i64) -> AppResult<Contents> {
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
fn merge(old: &Event, req: &UpdateEvent, errors: &mut FieldErrors) -> EventChanges {
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
            text(&req.venue_name, 200, &old.venue_name),
            old.venue_name.clone(),
        ),
        address: take(
            errors,
            "address",
            text(&req.address, 300, &old.address),
            old.address.clone(),
        ),
        city: take(
            errors,
            "city",
            text(&req.city, 100, &old.city),
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

fn time_or_place_changed(old: &Event, new: &Event) -> bool {
    old.starts_at != new.starts_at || old.ends_at != new.ends_at || old.place() != new.place()
}

/// "2026-05-14 18:00–20:00 (Europe/Belgrade)", in the event's own time zone.
pub fn format_when(event: &Event) -> String {
    let tz = event.tz();
    let start = event.starts_at.and_utc().with_timezone(&tz);
    let end = event.ends_at.and_utc().with_timezone(&tz);
    let end_fmt = if start.date_naive() == end.date_naive() {
        "%H:%M"
    } else {
        "%Y-%m-%d %H:%M"
    };
    format!(
        "{}–{} ({})",
        start.format("%Y-%m-%d %H:%M"),
        end.format(end_fmt),
        tz.name()
    )
}

fn title_for(event: &Event, contents: &Contents, locale: Locale) -> String {
    let available: Vec<Locale> = contents.keys().copied().collect();
    crate::i18n::fallback::choose(Some(locale), event.default_locale(), &available)
        .and_then(|c| {
            contents
                .get(&c.stored)
                .and_then(|t| t.title.as_deref())
                .map(|t| c.convert(t))
        })
        .unwrap_or_default()
}

fn recipient_locale(r: &Recipient) -> Locale {
    Locale::parse(&r.locale).unwrap_or(Locale::En)
}

fn tell_changed(
    conn: &mut AnyConnection,
    old: &Event,
    new: &Event,
    contents: &Contents,
    public_url: &str,
    delay: Duration,
) -> AppResult<()> {
    for r in store::live_recipients(conn, &[new.id])? {
        let locale = recipient_locale(&r);
        let email = OutgoingEmail::new(
            &r.email,
            locale,
            "event_changed",
            json!({
                "name": r.name,
                "event": title_for(new, contents, locale),
                "event_id": new.id,
                "starts_at": new.starts_at.and_utc().to_rfc3339(),
                "ends_at": new.ends_at.and_utc().to_rfc3339(),
                "timezone": new.timezone,
                "place": new.place(),
                "old_starts_at": old.starts_at.and_utc().to_rfc3339(),
                "old_place": old.place(),
                "link": format!("{public_url}/events/{}", new.id),
            }),
        )
        .dedupe(format!("event_changed:{}:{}", new.id, r.registration_id))
        .reply_to(crate::members::access::organisation_email(
            conn,
            new.organisation_id,
        )?);
        outbox::enqueue_coalesced(conn, email, delay, &["old_starts_at", "old_place"])?;
    }
    Ok(())
}

/// Deletes a draft; anything else is history and can only be cancelled.
pub async fn delete(state: &AppState, asker: Asker, id: i64) -> AppResult<()> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reader = Reader::load(conn, Some(person_id))?;
                load_managed(conn, &reader, id)?;
                if !store::delete_draft(conn, id)? {
                    return Err(AppError::conflict(
                        "not_draft",
                        "only drafts can be deleted; cancel a published event instead",
                    ));
                }
                Ok(())
            })
        })
        .await
}

/// Publishes a complete draft, or says what is missing.
pub async fn publish(state: &AppState, asker: Asker, id: i64) -> AppResult<EventView> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reader = Reader::load(conn, Some(person_id))?;
                let event = load_managed(conn, &reader, id)?;
                match event.status.as_str() {
                    STATUS_PUBLISHED => {
                        return Err(AppError::conflict("already_published", "the event is already published"))
                    }
                    STATUS_CANCELLED => return Err(cancelled_conflict()),
                    _ => {}
                }
                if let Some(parent) = event.parent_id.map(|p| store::find_event(conn, p)).transpose()?.flatten() {
                    if parent.status != STATUS_PUBLISHED {
                        return Err(AppError::conflict(
                            "parent_not_published",
                            "publish the parent event before its sessions",
                        ));
                    }
                }
                let contents = current_contents(conn, id)?;
                let mut errors = FieldErrors::new();
                let default = event.default_locale();
                if contents.get(&default).and_then(|t| t.title.as_ref()).is_none() {
                    push(
                        &mut errors,
                        &format!("title.{}", default.tag()),
                        "a title in the default locale is required to publish",
                    );
                }
                if event.place().is_empty() {
                    for f in ["venue_name", "online_url"] {
                        push(&mut errors, f, "a place (venue, address or city) or an online link is required to publish");
                    }
                }
                v::finish(errors)?;
                let event = store::publish(conn, id, now())?;
                one_view(conn, event, asker.locale)
            })
        })
        .await
}

/// Cancels a published event and its sessions, and tells everyone registered.
pub async fn cancel(
    state: &AppState,
    asker: Asker,
    id: i64,
    req: CancelEvent,
) -> AppResult<EventView> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    let reason =
        crate::types::text(&req.reason, 1, 1000).map_err(|m| AppError::invalid("reason", m))?;
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reader = Reader::load(conn, Some(person_id))?;
                let event = load_managed(conn, &reader, id)?;
                match event.status.as_str() {
                    STATUS_CANCELLED => {
                        return Err(AppError::conflict(
                            "already_cancelled",
                            "the event is already cancelled",
                        ))
                    }
                    STATUS_DRAFT => {
                        return Err(AppError::conflict(
                            "not_published",
                            "a draft is deleted, not cancelled",
                        ))
                    }
                    _ => {}
                }
                let now = now();
                let mut affected = store::sessions_of(conn, id)?;
                affected.retain(|s| s.status != STATUS_CANCELLED);
                affected.push(event.clone());
                store::cancel_with_sessions(conn, id, &reason, now)?;
                let ids: Vec<i64> = affected.iter().map(|e| e.id).collect();
                for r in store::live_recipients(conn, &ids)? {
                    let Some(target) = affected.iter().find(|e| e.id == r.event_id) else {
                        continue;
                    };
                    let contents = current_contents(conn, target.id)?;
                    let locale = recipient_locale(&r);
                    let reply_to =
                        crate::members::access::organisation_email(conn, target.organisation_id)?;
                    outbox::enqueue(
                        conn,
                        OutgoingEmail::new(
                            &r.email,
                            locale,
                            "event_cancelled",
                            json!({
                                "name": r.name,
                                "event": title_for(target, &contents, locale),
                                "event_id": target.id,
                                "starts_at": target.starts_at.and_utc().to_rfc3339(),
                                "ends_at": target.ends_at.and_utc().to_rfc3339(),
                                "timezone": target.timezone,
                                "place": target.place(),
                                "reason": reason,
                                "link": format!("{public_url}/events/{}", target.id),
                            }),
                        )
                        .dedupe(format!(
                            "event_cancelled:{}:{}",
                            target.id, r.registration_id
                        ))
                        .reply_to(reply_to),
                    )?;
                }
                let event = store::find_event(conn, id)?.ok_or(AppError::NotFound("event"))?;
                one_view(conn, event, asker.locale)
            })
        })
        .await
}

/// One event as the reader may see it; `all_translations` is for staff only.
pub async fn get(
    state: &AppState,
    asker: Asker,
    id: i64,
    all_translations: bool,
) -> AppResult<EventView> {
    state
        .db(move |conn| {
            let reader = Reader::load(conn, asker.person_id)?;
            let event = load_visible(conn, &reader, id)?;
            if all_translations && !reader.can_manage(&event) {
                return Err(AppError::Forbidden(
                    "only the host's staff see every translation".into(),
                ));
            }
            let locale = asker.locale.or(reader.account_locale);
            views::build(conn, vec![event], locale, all_translations)?
                .pop()
                .ok_or(AppError::NotFound("event"))
        })
        .await
}
