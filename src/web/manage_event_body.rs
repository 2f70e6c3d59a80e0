//! The event editor's form turned into the API's bodies: what the API cannot take as typed is
//! checked here (local times in the event's zone, numbers, the reminder list, the title in
//! the main language); the rest is the service's to judge.

use std::collections::BTreeMap;

use crate::events::model::{CreateEvent, PartnerInput, UpdateEvent};
use crate::i18n::{fallback, Locale};
use crate::web::forms::FormErrors;
use crate::web::manage_event_form::{to_rfc3339, EventForm, LocaleText};
use crate::web::Page;

/// The typed values of a checked form.
#[derive(Debug, Default)]
pub struct Checked {
    starts_at: Option<String>,
    ends_at: Option<String>,
    opens: Option<String>,
    closes: Option<String>,
    capacity: Option<i32>,
    seats: Option<i32>,
    reminders: Option<Vec<u32>>,
}

impl EventForm {
    /// Checks what the API cannot be given as typed (local times, numbers, the reminder list)
    /// and the editor's own requirement: a title in the default locale (or its other script).
    pub fn check(&self, page: &Page, errors: &mut FormErrors) -> Checked {
        let invalid = |errors: &mut FormErrors, field: &str| {
            errors.add(field, page.t("common-field-invalid"));
        };
        let tz: Option<chrono_tz::Tz> = self.timezone.parse().ok();
        if tz.is_none() {
            invalid(errors, "timezone");
        }
        let mut time = |field: &str, raw: &str, required: bool| -> Option<String> {
            if raw.trim().is_empty() {
                if required {
                    errors.add(field, page.t("common-field-required"));
                }
                return None;
            }
            let converted = tz.and_then(|tz| to_rfc3339(raw, tz));
            if converted.is_none() && tz.is_some() {
                invalid(errors, field);
            }
            converted
        };
        let starts_at = time("starts_at", &self.starts_at, true);
        let ends_at = time("ends_at", &self.ends_at, true);
        let opens = time("registration_opens_at", &self.registration_opens_at, false);
        let closes = time(
            "registration_closes_at",
            &self.registration_closes_at,
            false,
        );
        let mut number = |field: &str, raw: &str| -> Option<i32> {
            let raw = raw.trim();
            if raw.is_empty() {
                return None;
            }
            let n = raw.parse::<i32>().ok();
            if n.is_none() {
                invalid(errors, field);
            }
            n
        };
        let capacity = number("capacity", &self.capacity);
        let seats = number("seats_per_organisation", &self.seats_per_organisation);
        let reminders = if self.reminder_offsets_hours.trim().is_empty() {
            None
        } else {
            let parsed: Result<Vec<u32>, _> = self
                .reminder_offsets_hours
                .split([',', ' ', ';'])
                .filter(|s| !s.is_empty())
                .map(str::parse::<u32>)
                .collect();
            if parsed.is_err() {
                invalid(errors, "reminder_offsets_hours");
            }
            parsed.ok()
        };
        let default = Locale::parse(&self.default_locale).unwrap_or(Locale::En);
        let has_title = |l: Locale| !self.text(l).title.trim().is_empty();
        if !has_title(default) && !fallback::other_script(default).is_some_and(has_title) {
            errors.add(
                &format!("title.{}", default.tag()),
                page.t("manage-events-title-required"),
            );
        }
        Checked {
            starts_at,
            ends_at,
            opens,
            closes,
            capacity,
            seats,
            reminders,
        }
    }

    fn texts(&self, pick: fn(&LocaleText) -> &String) -> BTreeMap<String, Option<String>> {
        Locale::ALL
            .iter()
            .map(|l| {
                let text = pick(&self.text(*l)).trim().to_owned();
                (l.tag().to_owned(), (!text.is_empty()).then_some(text))
            })
            .collect()
    }

    fn partner_inputs(&self) -> (Vec<PartnerInput>, Vec<(String, String)>) {
        // The API numbers the partners it is given; the form may have blank rows between.
        let mut inputs = Vec::new();
        let mut names = Vec::new();
        for (row, (slug, role)) in self.partners.iter().enumerate() {
            if slug.trim().is_empty() {
                continue;
            }
            let i = inputs.len();
            for part in ["organisation_slug", "role"] {
                names.push((
                    format!("partners[{i}].{part}"),
                    format!("partners[{row}].{part}"),
                ));
            }
            names.push((
                format!("partners[{i}]"),
                format!("partners[{row}].organisation_slug"),
            ));
            inputs.push(PartnerInput {
                organisation_slug: slug.trim().to_owned(),
                role: role.clone(),
            });
        }
        (inputs, names)
    }

    /// The create body, and how the API's partner field names map onto the form's.
    pub fn create_body(
        &self,
        checked: Checked,
        organisation: &str,
        parent: Option<i64>,
    ) -> (CreateEvent, Vec<(String, String)>) {
        let some = |map: BTreeMap<String, Option<String>>| -> BTreeMap<String, String> {
            map.into_iter()
                .filter_map(|(k, v)| v.map(|v| (k, v)))
                .collect()
        };
        let (partners, names) = self.partner_inputs();
        let body = CreateEvent {
            organisation: organisation.to_owned(),
            parent,
            kind: self.kind.clone(),
            starts_at: checked.starts_at.unwrap_or_default(),
            ends_at: checked.ends_at.unwrap_or_default(),
            timezone: self.timezone.clone(),
            venue_name: Some(self.venue_name.clone()),
            address: Some(self.address.clone()),
            city: Some(self.city.clone()),
            country: Some(self.country.clone()),
            online_url: Some(self.online_url.clone()),
            capacity: checked.capacity,
            waitlist_enabled: Some(self.waitlist_enabled),
            registration_opens_at: checked.opens,
            registration_closes_at: checked.closes,
            visibility: Some(self.visibility.clone()),
            default_locale: Some(self.default_locale.clone()),
            guests_allowed: Some(self.guests_allowed),
            seats_per_organisation: checked.seats,
            reminder_offsets_hours: checked.reminders,
            title: some(self.texts(|t| &t.title)),
            summary: some(self.texts(|t| &t.summary)),
            description: some(self.texts(|t| &t.description)),
            partners,
        };
        (body, names)
    }

    /// The update body: every field set, blank ones cleared.
    pub fn update_body(&self, checked: Checked) -> (UpdateEvent, Vec<(String, String)>) {
        let (partners, names) = self.partner_inputs();
        let body = UpdateEvent {
            kind: Some(self.kind.clone()),
            starts_at: checked.starts_at,
            ends_at: checked.ends_at,
            timezone: Some(self.timezone.clone()),
            venue_name: Some(Some(self.venue_name.clone())),
            address: Some(Some(self.address.clone())),
            city: Some(Some(self.city.clone())),
            country: Some(Some(self.country.clone())),
            online_url: Some(Some(self.online_url.clone())),
            capacity: Some(checked.capacity),
            waitlist_enabled: Some(self.waitlist_enabled),
            registration_opens_at: Some(checked.opens),
            registration_closes_at: Some(checked.closes),
            visibility: Some(self.visibility.clone()),
            default_locale: Some(self.default_locale.clone()),
            guests_allowed: Some(self.guests_allowed),
            seats_per_organisation: Some(checked.seats),
            reminder_offsets_hours: Some(checked.reminders),
            title: Some(self.texts(|t| &t.title)),
            summary: Some(self.texts(|t| &t.summary)),
            description: Some(self.texts(|t| &t.description)),
            partners: Some(partners),
        };
        (body, names)
    }
}
