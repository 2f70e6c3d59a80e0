//! Events: rows, forms and the shapes the API speaks.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::{event_contents, event_partners, events};
use crate::i18n::Locale;

pub const KINDS: [&str; 9] = [
    "workshop",
    "conference",
    "seminar",
    "symposium",
    "meeting",
    "presentation",
    "exhibition",
    "festival",
    "other",
];
pub const PARTNER_ROLES: [&str; 5] = ["co_organiser", "partner", "funder", "venue", "media"];
pub const VISIBILITIES: [&str; 2] = ["public", "members_only"];

pub const STATUS_DRAFT: &str = "draft";
pub const STATUS_PUBLISHED: &str = "published";
pub const STATUS_CANCELLED: &str = "cancelled";

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: i64,
    pub organisation_id: i64,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub status: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub timezone: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub seats_taken: i32,
    pub waitlist_enabled: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub visibility: String,
    pub default_locale: String,
    pub guests_allowed: bool,
    pub seats_per_organisation: Option<i32>,
    /// JSON array of hours; null = the configured default.
    pub reminder_offsets_hours: Option<String>,
    pub cancel_reason: Option<String>,
    pub published_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Event {
    pub fn default_locale(&self) -> Locale {
        Locale::parse(&self.default_locale).unwrap_or(Locale::En)
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::UTC)
    }

    pub fn seats_left(&self) -> Option<i32> {
        self.capacity.map(|c| (c - self.seats_taken).max(0))
    }

    /// Upcoming, ongoing or past: "completed" is derived from the clock, never stored.
    pub fn phase(&self, now: NaiveDateTime) -> &'static str {
        if now < self.starts_at {
            "upcoming"
        } else if now < self.ends_at {
            "ongoing"
        } else {
            "past"
        }
    }

    /// Whether someone could sign up now: published, inside the registration window (which
    /// closes at the start unless set), and a seat or a waitlist place is free.
    pub fn registration_open(&self, now: NaiveDateTime) -> bool {
        let opened = self.registration_opens_at.is_none_or(|t| now >= t);
        let closes = self.registration_closes_at.unwrap_or(self.starts_at);
        let room = self.waitlist_enabled || self.seats_left().is_none_or(|left| left > 0);
        self.status == STATUS_PUBLISHED && opened && now < closes && room
    }

    /// Where the event takes place, for emails and calendars.
    pub fn place(&self) -> String {
        let parts: Vec<&str> = [&self.venue_name, &self.address, &self.city]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        match (parts.is_empty(), &self.online_url) {
            (false, _) => parts.join(", "),
            (true, Some(url)) => url.clone(),
            (true, None) => String::new(),
        }
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = events)]
pub struct NewEvent {
    pub organisation_id: i64,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub status: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub timezone: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub waitlist_enabled: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub visibility: String,
    pub default_locale: String,
    pub guests_allowed: bool,
    pub seats_per_organisation: Option<i32>,
    pub reminder_offsets_hours: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Every editable column; the service fills it from the merged old and new values.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = events, treat_none_as_null = true)]
pub struct EventChanges {
    pub kind: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub timezone: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub waitlist_enabled: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub visibility: String,
    pub default_locale: String,
    pub guests_allowed: bool,
    pub seats_per_organisation: Option<i32>,
    pub reminder_offsets_hours: Option<String>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_contents)]
pub struct Content {
    pub event_id: i64,
    pub locale: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = event_contents)]
pub struct NewContent {
    pub event_id: i64,
    pub locale: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub search_text: String,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = event_partners)]
pub struct NewPartner {
    pub event_id: i64,
    pub organisation_id: i64,
    pub role: String,
    pub position: i32,
}

/// A partner as shown on an event (joined with its organisation).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartnerView {
    pub organisation_slug: String,
    pub organisation_name: String,
    /// `co_organiser`, `partner`, `funder`, `venue` or `media`.
    pub role: String,
    #[serde(skip)]
    pub event_id: i64,
}

/// A partner in a write body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerInput {
    pub organisation_slug: String,
    pub role: String,
}

/// Text per locale tag, e.g. `{"en": "Summer school", "sr-Cyrl": "Летња школа"}`.
pub type LocalisedText = BTreeMap<String, String>;

/// `POST /api/v1/events`. Times are RFC 3339 with an offset; they are stored in UTC.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEvent {
    /// Slug of the host organisation.
    pub organisation: String,
    /// Id of the conference or festival this is a session of.
    pub parent: Option<i64>,
    pub kind: String,
    #[schema(example = "2026-05-14T18:00:00+02:00")]
    pub starts_at: String,
    pub ends_at: String,
    /// IANA time zone, e.g. `Europe/Belgrade`.
    pub timezone: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    /// Null = unlimited.
    pub capacity: Option<i32>,
    pub waitlist_enabled: Option<bool>,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    /// `public` (default) or `members_only`.
    pub visibility: Option<String>,
    /// Defaults to `en`.
    pub default_locale: Option<String>,
    /// Whether people without an account may register (confirming by email). Default false.
    pub guests_allowed: Option<bool>,
    /// Most seats one member organisation's delegation may take; null = no limit.
    pub seats_per_organisation: Option<i32>,
    /// Hours before the start when registrants are reminded; null = the configured default.
    pub reminder_offsets_hours: Option<Vec<u32>>,
    #[schema(value_type = Object)]
    pub title: LocalisedText,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub summary: LocalisedText,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub description: LocalisedText,
    #[serde(default)]
    pub partners: Vec<PartnerInput>,
}

/// `PATCH /api/v1/events/{id}`: absent fields stay; `null` clears a nullable one. In the
/// content objects, a locale mapped to `null` removes that text.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateEvent {
    pub kind: Option<String>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub timezone: Option<String>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub venue_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub address: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub city: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub country: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub online_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<i32>)]
    pub capacity: Option<Option<i32>>,
    pub waitlist_enabled: Option<bool>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub registration_opens_at: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub registration_closes_at: Option<Option<String>>,
    pub visibility: Option<String>,
    pub default_locale: Option<String>,
    pub guests_allowed: Option<bool>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<i32>)]
    pub seats_per_organisation: Option<Option<i32>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<Vec<u32>>)]
    pub reminder_offsets_hours: Option<Option<Vec<u32>>>,
    #[schema(value_type = Option<Object>)]
    pub title: Option<BTreeMap<String, Option<String>>>,
    #[schema(value_type = Option<Object>)]
    pub summary: Option<BTreeMap<String, Option<String>>>,
    #[schema(value_type = Option<Object>)]
    pub description: Option<BTreeMap<String, Option<String>>>,
    /// Replaces the whole partner list.
    pub partners: Option<Vec<PartnerInput>>,
}

/// `POST /api/v1/events/{id}/cancel`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelEvent {
    pub reason: String,
}

/// One translation, as staff see it with `?translations=all`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Translation {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
}

/// An event as a reader sees it, with its content resolved into one locale.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventView {
    pub id: i64,
    /// Slug of the host organisation.
    pub organisation: String,
    pub organisation_name: String,
    pub parent: Option<i64>,
    pub kind: String,
    /// `draft`, `published` or `cancelled`, as stored.
    pub status: String,
    /// `upcoming`, `ongoing` or `past`, from the clock.
    pub phase: &'static str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: String,
    pub venue_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
    pub seats_taken: i32,
    /// Null when the capacity is unlimited.
    pub seats_left: Option<i32>,
    pub waitlist_enabled: bool,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub registration_open: bool,
    pub visibility: String,
    pub default_locale: String,
    pub guests_allowed: bool,
    pub seats_per_organisation: Option<i32>,
    /// Null = the configured default.
    pub reminder_offsets_hours: Option<Vec<u32>>,
    /// The locale the texts below are in (null when the event has no text at all).
    pub content_locale: Option<Locale>,
    /// Whether Serbian text was transliterated from the other script.
    pub transliterated: bool,
    /// The locales that have text stored.
    pub available_locales: Vec<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub partners: Vec<PartnerView>,
    pub cancel_reason: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// Every stored translation; only with `?translations=all`, for staff.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<BTreeMap<String, Translation>>,
}

/// Filters of `GET /api/v1/events` and `GET /api/v1/events.ics`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventFilters {
    /// Host organisation slug.
    pub org: Option<String>,
    pub kind: Option<String>,
    /// Events that end at or after this time (RFC 3339 or YYYY-MM-DD). Default: now.
    pub from: Option<String>,
    /// Events that start before this time (RFC 3339 or YYYY-MM-DD; a date includes that day).
    pub to: Option<String>,
    /// The city's whole name, regardless of case, script (Serbian Latin or Cyrillic) and
    /// diacritics: `sabac` finds Šabac.
    pub city: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Events with text in this locale (Serbian in either script); texts are then given in it.
    pub lang: Option<String>,
    /// Words in the title or summary, in any locale, regardless of case, script (a Latin query
    /// finds Cyrillic text and back) and diacritics (`cacak` finds Čačak).
    pub q: Option<String>,
    /// Only events with a free seat (or unlimited).
    pub has_seats: Option<bool>,
    /// Only sessions of this event.
    pub parent: Option<i64>,
    /// Also list cancelled events.
    pub include_cancelled: Option<bool>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// `GET /api/v1/events/{id}` options.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventQuery {
    /// The locale to read the texts in (else `Accept-Language`, else the reader's locale).
    pub lang: Option<String>,
    /// `all` (staff only) adds every stored translation.
    pub translations: Option<String>,
}
