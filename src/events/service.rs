//! Event rules. Each public function is one use case; writes run in one transaction together
//! with the emails they cause.

use std::collections::BTreeMap;

use crate::audit::{self, snapshot, Entry};
use crate::caps;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::model::*;
use crate::events::store::{self};
use crate::events::validate::{self as v, push, Contents};
use crate::events::views::{self, Reader};
use crate::http::AppState;
use crate::i18n::fold::fold_parts;
use crate::i18n::Locale;

/// Who asks, and in which locale they want to read.
#[derive(Debug, Clone, Copy)]
pub struct Asker {
    pub person_id: Option<i64>,
    /// From `?lang=` or `Accept-Language`; the account's locale is the next choice.
    pub locale: Option<Locale>,
}

/// Raises the event's iCalendar revision (the SEQUENCE of the invitation about to be queued)
/// and returns it.
pub fn next_revision(conn: &mut AnyConnection, event_id: i64) -> AppResult<i32> {
    Ok(store::next_revision(conn, event_id)?)
}

pub(super) fn load_visible(conn: &mut AnyConnection, reader: &Reader, id: i64) -> AppResult<Event> {
    store::find_event(conn, id)?
        .filter(|e| reader.can_see(e))
        .ok_or(AppError::NotFound("event"))
}

/// Loads an event the reader may manage: 404 if they cannot even see it, 403 if they can.
pub(super) fn load_managed(conn: &mut AnyConnection, reader: &Reader, id: i64) -> AppResult<Event> {
    let event = load_visible(conn, reader, id)?;
    if !reader.can_manage(&event) {
        return Err(AppError::Forbidden(
            "only owners and organisers of the host may manage its events".into(),
        ));
    }
    Ok(event)
}

pub(super) fn one_view(
    conn: &mut AnyConnection,
    event: Event,
    locale: Option<Locale>,
) -> AppResult<EventView> {
    views::build(conn, vec![event], locale, false)?
        .pop()
        .ok_or(AppError::NotFound("event"))
}

pub(super) fn cancelled_conflict() -> AppError {
    AppError::conflict("event_cancelled", "a cancelled event cannot be changed")
}

/// The session rules: same host, within the parent's span, one level deep.
pub(super) fn check_parent(
    parent: &Event,
    fields: &EventChanges,
    host_id: i64,
    errors: &mut FieldErrors,
) {
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
pub(super) fn partner_rows(
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
                format!("partners[{index}].organisation_slug"),
                format!("no organisation `{slug}`"),
            ),
        }
    }
    Ok(rows)
}

pub(super) fn content_rows(event_id: i64, contents: &Contents) -> Vec<NewContent> {
    contents
        .iter()
        .map(|(locale, t)| {
            // What `q` searches in one locale's content.
            let search = fold_parts(&[t.title.as_deref(), t.summary.as_deref()]);
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

pub(super) fn to_optional_map(map: BTreeMap<String, String>) -> BTreeMap<String, Option<String>> {
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
        v::optional_text(req.venue_name.as_deref(), caps::VENUE),
    );
    let address = opt(
        "address",
        v::optional_text(req.address.as_deref(), caps::ADDRESS),
    );
    let city = opt("city", v::optional_text(req.city.as_deref(), caps::CITY));
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
                let after = snapshot::event(conn, &event)?;
                audit::record(
                    conn,
                    Entry::for_event("created", person_id, &event).after(after),
                )?;
                one_view(conn, event, locale)
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
        .read(move |conn| get_on(conn, asker, id, all_translations))
        .await
}

/// [`get`] on a connection the caller holds, so a page can read more in the same snapshot.
pub fn get_on(
    conn: &mut AnyConnection,
    asker: Asker,
    id: i64,
    all_translations: bool,
) -> AppResult<EventView> {
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
}
