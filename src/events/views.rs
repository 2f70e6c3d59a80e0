//! Who is reading, what they may see, and the events as they see them (texts resolved into
//! their locale, partners and host attached, loaded for a whole page at once).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{people, staff_roles};
use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::events::model::*;
use crate::events::store;
use crate::i18n::fallback;
use crate::i18n::Locale;

/// The reader of an event: anonymous, or a person with their roles.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub person_id: Option<i64>,
    pub is_admin: bool,
    pub staff_hosts: Vec<i64>,
    pub member_hosts: Vec<i64>,
    /// Their preferred locale, after `?lang=` and `Accept-Language`.
    pub account_locale: Option<Locale>,
}

impl Reader {
    pub fn load(conn: &mut AnyConnection, person_id: Option<i64>) -> AppResult<Reader> {
        let Some(person_id) = person_id else {
            return Ok(Reader::default());
        };
        let person = people::table
            .find(person_id)
            .select((people::is_admin, people::locale))
            .first::<(bool, String)>(conn)
            .optional()?;
        let Some((is_admin, locale)) = person else {
            // An erased account reads like an anonymous visitor.
            return Ok(Reader::default());
        };
        let staff_hosts = staff_roles::table
            .filter(staff_roles::person_id.eq(person_id))
            .select(staff_roles::organisation_id)
            .load(conn)?;
        let member_hosts = store::member_host_ids(conn, person_id, crate::db::now().date())?;
        Ok(Reader {
            person_id: Some(person_id),
            is_admin,
            staff_hosts,
            member_hosts,
            account_locale: Locale::parse(&locale),
        })
    }

    /// Owners and organisers of the host, and platform admins.
    pub fn can_manage(&self, event: &Event) -> bool {
        self.is_admin || self.staff_hosts.contains(&event.organisation_id)
    }

    pub fn can_see(&self, event: &Event) -> bool {
        if self.can_manage(event) {
            return true;
        }
        event.status != STATUS_DRAFT
            && (event.visibility == "public" || self.member_hosts.contains(&event.organisation_id))
    }

    /// The hosts whose members-only events this reader sees; `None` = all of them.
    pub fn visible_member_hosts(&self) -> Option<Vec<i64>> {
        if self.is_admin {
            return None;
        }
        let mut hosts = self.member_hosts.clone();
        hosts.extend(&self.staff_hosts);
        Some(hosts)
    }
}

/// The texts of one event in one locale, following the fallback chain.
pub struct Resolved {
    pub choice: Option<fallback::Choice>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub available: Vec<String>,
}

pub fn resolve(event: &Event, contents: &[&Content], requested: Option<Locale>) -> Resolved {
    let by_locale: BTreeMap<Locale, &Content> = contents
        .iter()
        .filter_map(|c| Locale::parse(&c.locale).map(|l| (l, *c)))
        .collect();
    let available: Vec<Locale> = by_locale.keys().copied().collect();
    let choice = fallback::choose(requested, event.default_locale(), &available);
    let stored = choice.and_then(|c| by_locale.get(&c.stored).map(|content| (c, content)));
    let text = |pick: fn(&Content) -> &Option<String>| {
        stored.and_then(|(c, content)| pick(content).as_deref().map(|t| c.convert(t)))
    };
    Resolved {
        choice,
        title: text(|c| &c.title),
        summary: text(|c| &c.summary),
        description: text(|c| &c.description),
        available: available.iter().map(|l| l.tag().to_owned()).collect(),
    }
}

fn utc(t: NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    t.and_utc()
}

/// Builds the views of `events` with three queries in all (hosts, contents, partners).
pub fn build(
    conn: &mut AnyConnection,
    events: Vec<Event>,
    requested: Option<Locale>,
    with_translations: bool,
) -> AppResult<Vec<EventView>> {
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let mut host_ids: Vec<i64> = events.iter().map(|e| e.organisation_id).collect();
    host_ids.sort_unstable();
    host_ids.dedup();
    // One event (the detail, the answer to a write) takes the static per-event queries.
    let (hosts, contents, partners) = match (&ids[..], &host_ids[..]) {
        (&[id], &[host]) => (
            store::org_by_id(conn, host)?.into_iter().collect(),
            store::contents_of(conn, id)?,
            store::partners_of(conn, id)?,
        ),
        _ => (
            store::orgs_by_ids(conn, &host_ids)?,
            store::contents_for(conn, &ids)?,
            store::partners_for(conn, &ids)?,
        ),
    };
    let hosts: HashMap<i64, store::OrgRef> = hosts.into_iter().map(|o| (o.id, o)).collect();
    let mut by_event: HashMap<i64, Vec<PartnerView>> = HashMap::new();
    for p in partners {
        by_event.entry(p.event_id).or_default().push(p);
    }
    let mut partners = by_event;
    let now = crate::db::now();
    Ok(events
        .into_iter()
        .map(|e| {
            let own: Vec<&Content> = contents.iter().filter(|c| c.event_id == e.id).collect();
            let resolved = resolve(&e, &own, requested);
            let translations = with_translations.then(|| {
                own.iter()
                    .map(|c| {
                        (
                            c.locale.clone(),
                            Translation {
                                title: c.title.clone(),
                                summary: c.summary.clone(),
                                description: c.description.clone(),
                            },
                        )
                    })
                    .collect()
            });
            let host = hosts.get(&e.organisation_id);
            EventView {
                id: e.id,
                organisation: host.map(|h| h.slug.clone()).unwrap_or_default(),
                organisation_name: host.map(|h| h.name.clone()).unwrap_or_default(),
                parent: e.parent_id,
                kind: e.kind.clone(),
                status: e.status.clone(),
                phase: e.phase(now),
                starts_at: utc(e.starts_at),
                ends_at: utc(e.ends_at),
                timezone: e.timezone.clone(),
                seats_left: e.seats_left(),
                registration_open: e.registration_open(now),
                registration_opens_at: e.registration_opens_at.map(utc),
                registration_closes_at: e.registration_closes_at.map(utc),
                content_locale: resolved.choice.map(|c| c.served),
                transliterated: resolved.choice.is_some_and(|c| c.is_transliterated()),
                available_locales: resolved.available,
                title: resolved.title,
                summary: resolved.summary,
                description: resolved.description,
                partners: partners.remove(&e.id).unwrap_or_default(),
                published_at: e.published_at.map(utc),
                cancelled_at: e.cancelled_at.map(utc),
                translations,
                venue_name: e.venue_name,
                address: e.address,
                city: e.city,
                country: e.country,
                online_url: e.online_url,
                capacity: e.capacity,
                seats_taken: e.seats_taken,
                waitlist_enabled: e.waitlist_enabled,
                guests_allowed: e.guests_allowed,
                seats_per_organisation: e.seats_per_organisation,
                reminder_offsets_hours: e
                    .reminder_offsets_hours
                    .as_deref()
                    .and_then(|h| serde_json::from_str(h).ok()),
                visibility: e.visibility,
                default_locale: e.default_locale,
                cancel_reason: e.cancel_reason,
            }
        })
        .collect())
}
