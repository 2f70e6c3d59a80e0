//! iCalendar (RFC 5545) output. Times are written in UTC (`...Z`, §3.3.5 form 2), which every
//! client reads without a VTIMEZONE and shows in the reader's own zone, so the feed need not
//! embed time zone rules that would go stale.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::events::model::{EventView, STATUS_CANCELLED};

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
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:event-{}@{}", e.id, domain));
        line(format!("DTSTAMP:{}", stamp(now)));
        line(format!("DTSTART:{}", utc(e.starts_at)));
        line(format!("DTEND:{}", utc(e.ends_at)));
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
