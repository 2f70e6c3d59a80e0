//! iCalendar (RFC 5545) output. An event's times are written in its own zone (`TZID`, §3.2.19)
//! with a VTIMEZONE for each zone used (`vtimezone`), so a calendar shows "18:00 Belgrade time"
//! as the organisers mean it, and keeps it there if the reader travels. Stamps (DTSTAMP,
//! CREATED) stay in UTC, as the standard requires.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use crate::events::model::{EventView, STATUS_CANCELLED};
use crate::events::vtimezone;

const MAX_LINE_OCTETS: usize = 75;

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (§3.1), never inside a UTF-8 character; continuation
/// lines start with a space, which counts towards their 75.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

pub fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn utc(t: DateTime<Utc>) -> String {
    stamp(t.naive_utc())
}

/// `DTSTART`/`DTEND` lines in the event's zone; in UTC for a zone the rules do not know (the
/// zone is validated on input, so only old rows could lack one).
pub fn time_lines(timezone: &str, starts: DateTime<Utc>, ends: DateTime<Utc>) -> [String; 2] {
    match timezone.parse::<Tz>() {
        Ok(tz) => [
            format!(
                "DTSTART;TZID={}:{}",
                tz.name(),
                vtimezone::local(starts, tz)
            ),
            format!("DTEND;TZID={}:{}", tz.name(), vtimezone::local(ends, tz)),
        ],
        Err(_) => [
            format!("DTSTART:{}", utc(starts)),
            format!("DTEND:{}", utc(ends)),
        ],
    }
}

/// One VTIMEZONE per zone among `times` (zone, start, end), covering its events' times.
pub fn timezone_lines<'a>(
    times: impl IntoIterator<Item = (&'a str, DateTime<Utc>, DateTime<Utc>)>,
) -> Vec<String> {
    let mut spans: BTreeMap<&str, (Tz, DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    for (name, starts, ends) in times {
        let Ok(tz) = name.parse::<Tz>() else {
            continue;
        };
        let span = spans.entry(tz.name()).or_insert((tz, starts, ends));
        span.1 = span.1.min(starts);
        span.2 = span.2.max(ends);
    }
    spans
        .into_values()
        .flat_map(|(tz, first, last)| vtimezone::component(tz, first, last))
        .collect()
}

/// The host part of the public URL, for globally unique, stable UIDs.
pub fn uid_domain(public_url: &str) -> &str {
    let rest = public_url.split("://").nth(1).unwrap_or(public_url);
    rest.split(['/', ':'])
        .next()
        .filter(|h| !h.is_empty())
        .unwrap_or("kolo")
}

/// One VCALENDAR with a VEVENT per event.
pub fn render(events: &[EventView], public_url: &str, now: NaiveDateTime) -> String {
    let base = public_url.trim_end_matches('/');
    let domain = uid_domain(public_url);
    let mut out = String::new();
    let mut line = |l: String| out.push_str(&fold(&l));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Kolo//Events//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    for l in timezone_lines(
        events
            .iter()
            .map(|e| (e.timezone.as_str(), e.starts_at, e.ends_at)),
    ) {
        line(l);
    }
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:event-{}@{}", e.id, domain));
        line(format!("DTSTAMP:{}", stamp(now)));
        for l in time_lines(&e.timezone, e.starts_at, e.ends_at) {
            line(l);
        }
        if let Some(title) = &e.title {
            line(format!("SUMMARY:{}", escape(title)));
        }
        let mut description = e.summary.clone().unwrap_or_default();
        if let Some(reason) = e
            .cancel_reason
            .as_ref()
            .filter(|_| e.status == STATUS_CANCELLED)
        {
            description = format!("{reason}\n\n{description}").trim().to_owned();
        }
        if !description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&description)));
        }
        let place: Vec<&str> = [&e.venue_name, &e.address, &e.city]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !place.is_empty() {
            line(format!("LOCATION:{}", escape(&place.join(", "))));
        } else if let Some(url) = &e.online_url {
            line(format!("LOCATION:{}", escape(url)));
        }
        line(format!("URL:{base}/events/{}", e.id));
        let status = if e.status == STATUS_CANCELLED {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        line(format!("STATUS:{status}"));
        if let Some(published) = e.published_at {
            line(format!("CREATED:{}", utc(published)));
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, fold};

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let long = format!("SUMMARY:{}", "Љубљана ".repeat(20));
        let folded = fold(&long);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.strip_suffix("\r\n"), Some(long.as_str()));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
