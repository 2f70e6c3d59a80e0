//! Turns event write bodies into typed values, collecting every field error into one 422.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::caps;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::model::*;
use crate::i18n::Locale;
use crate::types::{text, CountryCode};

pub use crate::error::push_error as push;

pub fn finish(errors: FieldErrors) -> AppResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

/// An RFC 3339 time with an offset, as stored: UTC, microseconds.
pub fn time(raw: &str) -> Result<NaiveDateTime, String> {
    let parsed = DateTime::parse_from_rfc3339(raw.trim()).map_err(|_| {
        format!("`{raw}` is not an RFC 3339 time such as 2026-05-14T18:00:00+02:00")
    })?;
    let utc = parsed.naive_utc();
    Ok(
        chrono::DurationRound::duration_trunc(utc, chrono::Duration::microseconds(1))
            .unwrap_or(utc),
    )
}

/// A filter bound: an RFC 3339 time, or a date meaning its start (UTC).
pub fn time_or_date(raw: &str) -> Result<(NaiveDateTime, bool), String> {
    if let Ok(date) = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
        return Ok((date.and_time(chrono::NaiveTime::MIN), true));
    }
    time(raw)
        .map(|t| (t, false))
        .map_err(|_| format!("`{raw}` is neither an RFC 3339 time nor a date (YYYY-MM-DD)"))
}

pub fn timezone(raw: &str) -> Result<String, String> {
    raw.trim()
        .parse::<chrono_tz::Tz>()
        .map(|tz| tz.name().to_owned())
        .map_err(|_| format!("`{raw}` is not an IANA time zone such as Europe/Belgrade"))
}

pub fn one_of(raw: &str, allowed: &[&str]) -> Result<String, String> {
    allowed
        .iter()
        .find(|a| **a == raw)
        .map(|a| (*a).to_owned())
        .ok_or_else(|| format!("must be one of: {}", allowed.join(", ")))
}

/// Optional free text: blank means none.
pub fn optional_text(raw: Option<&str>, max: usize) -> Result<Option<String>, String> {
    match raw.filter(|s| !s.trim().is_empty()) {
        None => Ok(None),
        Some(value) => text(value, 1, max).map(Some),
    }
}

pub fn online_url(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(url) = optional_text(raw, caps::URL)? else {
        return Ok(None);
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !url.chars().any(char::is_whitespace) => Ok(Some(url)),
        _ => Err("must be an http(s) URL".into()),
    }
}

pub fn country(raw: Option<&str>) -> Result<Option<String>, String> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(code) => CountryCode::parse(code).map(|c| Some(c.into_inner())),
    }
}

pub fn locale(raw: &str) -> Result<Locale, String> {
    raw.parse()
}

/// The most characters a content field may have.
pub fn content_limit(field: &str) -> usize {
    match field {
        "title" => caps::TITLE,
        "summary" => caps::SUMMARY,
        _ => caps::DESCRIPTION,
    }
}

/// Title, summary and description per locale.
pub type Contents = BTreeMap<Locale, Translation>;

/// Applies one content field of a write body (`locale → text`, `null` removes) to `contents`.
pub fn apply_content(
    contents: &mut Contents,
    field: &str,
    values: BTreeMap<String, Option<String>>,
    errors: &mut FieldErrors,
) {
    for (tag, value) in values {
        let key = format!("{field}.{tag}");
        let locale = match locale(&tag) {
            Ok(l) => l,
            Err(m) => {
                push(errors, &key, m);
                continue;
            }
        };
        let value = match optional_text(value.as_deref(), content_limit(field)) {
            Ok(v) => v,
            Err(m) => {
                push(errors, &key, m);
                continue;
            }
        };
        let entry = contents.entry(locale).or_insert(Translation {
            title: None,
            summary: None,
            description: None,
        });
        match field {
            "title" => entry.title = value,
            "summary" => entry.summary = value,
            _ => entry.description = value,
        }
    }
    contents.retain(|_, t| t.title.is_some() || t.summary.is_some() || t.description.is_some());
}

/// The columns of an event after a create or an edit, before the cross-field rules.
pub fn check_rules(fields: &EventChanges, seats_taken: i32, errors: &mut FieldErrors) {
    if fields.seats_per_organisation.is_some_and(|n| n < 1) {
        push(
            errors,
            "seats_per_organisation",
            "must be at least 1 (null means no limit)",
        );
    }
    if fields.ends_at <= fields.starts_at {
        push(errors, "ends_at", "must be after starts_at");
    }
    if let Some(capacity) = fields.capacity {
        if capacity < 0 {
            push(
                errors,
                "capacity",
                "must not be negative (null means unlimited)",
            );
        } else if capacity < seats_taken {
            push(
                errors,
                "capacity",
                format!("cannot be below the {seats_taken} seats already taken"),
            );
        }
    }
    if let (Some(opens), Some(closes)) =
        (fields.registration_opens_at, fields.registration_closes_at)
    {
        if closes <= opens {
            push(
                errors,
                "registration_closes_at",
                "must be after registration_opens_at",
            );
        }
    }
    if let Some(closes) = fields.registration_closes_at {
        if closes > fields.ends_at {
            push(
                errors,
                "registration_closes_at",
                "must not be after the event ends",
            );
        }
    }
}

/// Validated partners: (index, slug, role), checked for duplicates.
pub fn partners(input: &[PartnerInput], errors: &mut FieldErrors) -> Vec<(usize, String, String)> {
    let mut out: Vec<(usize, String, String)> = Vec::new();
    if input.len() > caps::PARTNERS_PER_EVENT {
        push(
            errors,
            "partners",
            format!(
                "an event lists at most {} partners",
                caps::PARTNERS_PER_EVENT
            ),
        );
        return out;
    }
    for (i, p) in input.iter().enumerate() {
        match one_of(&p.role, &PARTNER_ROLES) {
            Ok(role) => {
                let slug = p.organisation_slug.trim().to_lowercase();
                if out.iter().any(|(_, s, r)| *s == slug && *r == role) {
                    push(errors, format!("partners[{i}]"), "is listed twice");
                } else {
                    out.push((i, slug, role));
                }
            }
            Err(m) => push(errors, format!("partners[{i}].role"), m),
        }
    }
    out
}

/// Reminder offsets: 1 to 5 of them, each between 1 hour and 60 days before the start.
pub fn reminder_offsets(hours: &[u32], errors: &mut FieldErrors) {
    if hours.len() > 5 || hours.iter().any(|h| !(1..=24 * 60).contains(h)) {
        push(
            errors,
            "reminder_offsets_hours",
            "give up to 5 offsets, each from 1 to 1440 hours",
        );
    }
}
