//! Calendar invitations attached to registration and event emails (iTIP, RFC 5546): REQUEST
//! when a seat is confirmed or the event moves, CANCEL when it is gone. The UID is the one the
//! calendar feeds use, so a calendar program updates the entry it already has.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::events::calendar::{escape, fold, stamp, time_lines, timezone_lines, uid_domain};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// Which messages carry an invitation, and of which kind.
pub fn method_for(message: &str) -> Option<Method> {
    match message {
        "registration_confirmed" | "registration_promoted" | "event_changed" => {
            Some(Method::Request)
        }
        "registration_cancelled" | "event_cancelled" => Some(Method::Cancel),
        _ => None,
    }
}

fn time(data: &Value, key: &str) -> Option<DateTime<Utc>> {
    data.get(key)
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// The `.ics` text for an email, from the data queued with it. `None` when the data lacks the
/// event (an invitation without times would be worse than none) or its revision: the code that
/// queues a message adds `sequence` only for someone who holds a seat, so a person on the
/// waitlist or a guest who has not confirmed never gets an event into their calendar.
pub fn ics(
    method: Method,
    data: &Value,
    public_url: &str,
    organiser: &str,
    attendee: &str,
    now: DateTime<Utc>,
) -> Option<String> {
    let event_id = data.get("event_id").and_then(Value::as_i64)?;
    let starts = time(data, "starts_at")?;
    let ends = time(data, "ends_at")?;
    let sequence = data.get("sequence").and_then(Value::as_i64)?;
    let timezone = data
        .get("timezone")
        .and_then(Value::as_str)
        .unwrap_or("UTC");
    let text = |key: &str| {
        data.get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let mut out = String::new();
    let mut line = |l: String| out.push_str(&fold(&l));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Kolo//Events//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line(format!("METHOD:{}", method.as_str()));
    for l in timezone_lines([(timezone, starts, ends)]) {
        line(l);
    }
    line("BEGIN:VEVENT".into());
    line(format!("UID:event-{event_id}@{}", uid_domain(public_url)));
    // Clients apply a later message only if its SEQUENCE is higher: the event's revision,
    // raised for every invitation queued about it (see `events.revision`).
    line(format!("SEQUENCE:{sequence}"));
    line(format!("DTSTAMP:{}", stamp(now.naive_utc())));
    for l in time_lines(timezone, starts, ends) {
        line(l);
    }
    if let Some(title) = text("event") {
        line(format!("SUMMARY:{}", escape(title)));
    }
    if let Some(place) = text("place").or_else(|| text("online_url")) {
        line(format!("LOCATION:{}", escape(place)));
    }
    line(format!(
        "URL:{}/events/{event_id}",
        public_url.trim_end_matches('/')
    ));
    line(format!("ORGANIZER:mailto:{organiser}"));
    line(format!(
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:{attendee}"
    ));
    line(format!(
        "STATUS:{}",
        if method == Method::Cancel {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }
    ));
    line("END:VEVENT".into());
    line("END:VCALENDAR".into());
    Some(out)
}
