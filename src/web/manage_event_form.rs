//! The event editor's form: every field of the API's event create and update, read from the
//! posted pairs (content fields are named `title.<locale>` etc., partners
//! `partners[i].organisation_slug`, as the API names them in its field errors), and filled
//! back from an event as staff read it. `manage_event_body` turns it into the API's bodies.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

use crate::caps;
use crate::events::model::EventView;
use crate::i18n::{translit, Locale};

/// The three texts of one locale.
#[derive(Debug, Clone, Default)]
pub struct LocaleText {
    pub title: String,
    pub summary: String,
    pub description: String,
}

#[derive(Debug, Clone, Default)]
pub struct EventForm {
    pub csrf: String,
    pub kind: String,
    pub starts_at: String,
    pub ends_at: String,
    pub timezone: String,
    pub venue_name: String,
    pub address: String,
    pub city: String,
    pub country: String,
    pub online_url: String,
    pub capacity: String,
    pub waitlist_enabled: bool,
    pub guests_allowed: bool,
    pub visibility: String,
    pub seats_per_organisation: String,
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    pub default_locale: String,
    pub reminder_offsets_hours: String,
    pub content: BTreeMap<Locale, LocaleText>,
    /// (organisation slug, role), in the order of the form's rows.
    pub partners: Vec<(String, String)>,
    /// The transliteration button: `sr-Latn→sr-Cyrl` or `sr-Cyrl→sr-Latn`.
    pub copy: Option<String>,
}

/// Extra blank partner rows the form offers.
const BLANK_PARTNERS: usize = 2;

impl EventForm {
    /// The defaults of a new event.
    pub fn new_event(default_locale: Locale) -> EventForm {
        EventForm {
            kind: "workshop".into(),
            timezone: "Europe/Belgrade".into(),
            waitlist_enabled: true,
            visibility: "public".into(),
            default_locale: default_locale.tag().into(),
            ..EventForm::default()
        }
    }

    /// Reads the posted pairs; unknown names are ignored.
    pub fn parse(pairs: &[(String, String)]) -> EventForm {
        let mut form = EventForm::default();
        let mut partners: BTreeMap<usize, (String, String)> = BTreeMap::new();
        for (name, value) in pairs {
            let v = value.clone();
            match name.as_str() {
                "csrf" => form.csrf = v,
                "kind" => form.kind = v,
                "starts_at" => form.starts_at = v,
                "ends_at" => form.ends_at = v,
                "timezone" => form.timezone = v,
                "venue_name" => form.venue_name = v,
                "address" => form.address = v,
                "city" => form.city = v,
                "country" => form.country = v,
                "online_url" => form.online_url = v,
                "capacity" => form.capacity = v,
                "waitlist_enabled" => form.waitlist_enabled = true,
                "guests_allowed" => form.guests_allowed = true,
                "visibility" => form.visibility = v,
                "seats_per_organisation" => form.seats_per_organisation = v,
                "registration_opens_at" => form.registration_opens_at = v,
                "registration_closes_at" => form.registration_closes_at = v,
                "default_locale" => form.default_locale = v,
                "reminder_offsets_hours" => form.reminder_offsets_hours = v,
                "copy" => form.copy = Some(v),
                other => {
                    if let Some((field, tag)) = other.split_once('.') {
                        if let Some(rest) = field.strip_prefix("partners[") {
                            if let Some(i) = rest.strip_suffix(']').and_then(|i| i.parse().ok()) {
                                let row = partners.entry(i).or_default();
                                match tag {
                                    "organisation_slug" => row.0 = v,
                                    "role" => row.1 = v,
                                    _ => {}
                                }
                            }
                        } else if let Some(locale) = Locale::parse(tag) {
                            let text = form.content.entry(locale).or_default();
                            match field {
                                "title" => text.title = v,
                                "summary" => text.summary = v,
                                "description" => text.description = v,
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
        form.partners = partners
            .into_values()
            .take(caps::PARTNERS_PER_EVENT)
            .collect();
        form
    }

    /// The form of an event as staff read it (`translations=all`), times in its zone.
    pub fn from_view(view: &EventView) -> EventForm {
        let local =
            |t: Option<DateTime<Utc>>| t.map(|t| to_local(t, &view.timezone)).unwrap_or_default();
        let content = view
            .translations
            .iter()
            .flatten()
            .filter_map(|(tag, t)| {
                Locale::parse(tag).map(|l| {
                    (
                        l,
                        LocaleText {
                            title: t.title.clone().unwrap_or_default(),
                            summary: t.summary.clone().unwrap_or_default(),
                            description: t.description.clone().unwrap_or_default(),
                        },
                    )
                })
            })
            .collect();
        let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
        EventForm {
            csrf: String::new(),
            kind: view.kind.clone(),
            starts_at: local(Some(view.starts_at)),
            ends_at: local(Some(view.ends_at)),
            timezone: view.timezone.clone(),
            venue_name: view.venue_name.clone().unwrap_or_default(),
            address: view.address.clone().unwrap_or_default(),
            city: view.city.clone().unwrap_or_default(),
            country: view.country.clone().unwrap_or_default(),
            online_url: view.online_url.clone().unwrap_or_default(),
            capacity: number(view.capacity),
            waitlist_enabled: view.waitlist_enabled,
            guests_allowed: view.guests_allowed,
            visibility: view.visibility.clone(),
            seats_per_organisation: number(view.seats_per_organisation),
            registration_opens_at: local(view.registration_opens_at),
            registration_closes_at: local(view.registration_closes_at),
            default_locale: view.default_locale.clone(),
            reminder_offsets_hours: view
                .reminder_offsets_hours
                .as_ref()
                .map(|h| h.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))
                .unwrap_or_default(),
            content,
            partners: view
                .partners
                .iter()
                .map(|p| (p.organisation_slug.clone(), p.role.clone()))
                .collect(),
            copy: None,
        }
    }

    pub fn text(&self, locale: Locale) -> LocaleText {
        self.content.get(&locale).cloned().unwrap_or_default()
    }

    /// The partner rows to show: the given ones and a few blank ones.
    pub fn partner_rows(&self) -> Vec<(usize, String, String)> {
        let blank = (self.partners.len() + BLANK_PARTNERS).min(caps::PARTNERS_PER_EVENT);
        (0..blank)
            .map(|i| {
                let (slug, role) = self.partners.get(i).cloned().unwrap_or_default();
                (i, slug, role)
            })
            .collect()
    }

    /// Applies the transliteration button: fills the other Serbian script from one. Returns
    /// whether the form asked for it.
    pub fn apply_copy(&mut self) -> bool {
        let (from, to, convert): (Locale, Locale, fn(&str) -> String) = match self.copy.as_deref() {
            Some("sr-Latn→sr-Cyrl") => {
                (Locale::SrLatn, Locale::SrCyrl, translit::latin_to_cyrillic)
            }
            Some("sr-Cyrl→sr-Latn") => {
                (Locale::SrCyrl, Locale::SrLatn, translit::cyrillic_to_latin)
            }
            _ => return false,
        };
        let source = self.text(from);
        let target = self.content.entry(to).or_default();
        for (src, dst) in [
            (&source.title, &mut target.title),
            (&source.summary, &mut target.summary),
            (&source.description, &mut target.description),
        ] {
            if !src.trim().is_empty() {
                *dst = convert(src);
            }
        }
        true
    }
}

/// How a `datetime-local` input writes a time.
const LOCAL_TIME: &str = "%Y-%m-%dT%H:%M";

/// A `datetime-local` value (`2026-05-14T18:00`, seconds optional) read in `tz`, as RFC 3339.
/// A wall time that the zone skips (spring forward) is refused; one it repeats takes the
/// earlier instant.
pub fn to_rfc3339(raw: &str, tz: chrono_tz::Tz) -> Option<String> {
    let raw = raw.trim();
    let naive = NaiveDateTime::parse_from_str(raw, LOCAL_TIME)
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    let local = tz.from_local_datetime(&naive).earliest()?;
    Some(local.to_rfc3339())
}

/// A UTC time as a `datetime-local` value in the zone `timezone`.
pub fn to_local(at: DateTime<Utc>, timezone: &str) -> String {
    let tz: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::UTC);
    at.with_timezone(&tz).format(LOCAL_TIME).to_string()
}

/// The zones the select offers: Europe's, UTC, and the current one if it is elsewhere.
pub fn zone_options(current: &str) -> Vec<String> {
    let mut zones: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name().to_owned())
        .filter(|name| name.starts_with("Europe/") || name == "UTC")
        .collect();
    if !current.is_empty() && !zones.iter().any(|z| z == current) {
        zones.push(current.to_owned());
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_read_in_the_events_zone() {
        let tz: chrono_tz::Tz = "Europe/Belgrade".parse().unwrap();
        assert_eq!(
            to_rfc3339("2026-05-14T18:00", tz).as_deref(),
            Some("2026-05-14T18:00:00+02:00")
        );
        assert_eq!(
            to_rfc3339("2026-01-14T18:00", tz).as_deref(),
            Some("2026-01-14T18:00:00+01:00")
        );
        // 02:30 does not exist on the night clocks go forward.
        assert_eq!(to_rfc3339("2026-03-29T02:30", tz), None);
        assert_eq!(to_rfc3339("14.5.2026", tz), None);
        let utc = DateTime::parse_from_rfc3339("2026-05-14T16:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(to_local(utc, "Europe/Belgrade"), "2026-05-14T18:00");
    }

    #[test]
    fn the_copy_button_fills_the_other_script() {
        let mut form = EventForm::parse(&[
            ("title.sr-Latn".into(), "Letnja škola".into()),
            ("copy".into(), "sr-Latn→sr-Cyrl".into()),
        ]);
        assert!(form.apply_copy());
        assert_eq!(form.text(Locale::SrCyrl).title, "Летња школа");
    }
}
