//! VTIMEZONE components (RFC 5545 §3.6.5) for times written in an event's own zone
//! (`DTSTART;TZID=Europe/Belgrade:20300514T180000`). The observances come from the IANA rules
//! compiled into chrono-tz: the one in force at the first time written, and every change of
//! offset up to the last, so a reader needs no rules of its own and none can go stale for the
//! dates in question.

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// How far before the first time to look for the change that began its observance. Zones with
/// daylight saving change twice a year; the others get an observance from 1970.
const LOOK_BACK_DAYS: i64 = 400;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Observed {
    seconds: i32,
    daylight: bool,
    name: String,
}

fn observed(tz: Tz, at: DateTime<Utc>) -> Observed {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    let seconds = offset.fix().local_minus_utc();
    Observed {
        seconds,
        daylight: !offset.dst_offset().is_zero(),
        name: offset
            .abbreviation()
            .map_or_else(|| utc_offset(seconds), str::to_owned),
    }
}

/// `+HHMM` (`+HHMMSS` for the odd historical offset), RFC 5545 §3.3.14.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// Local wall time in `tz`, as a DATE-TIME value without `Z` (§3.3.5 form 3).
pub fn local(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz)
        .naive_local()
        .format("%Y%m%dT%H%M%S")
        .to_string()
}

/// The changes of offset in (from, to], each as (instant, before, after): found day by day,
/// then to the second.
fn transitions(
    tz: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, Observed, Observed)> {
    let mut found = Vec::new();
    let mut at = from;
    let mut current = observed(tz, at);
    while at < to {
        let next = (at + Duration::days(1)).min(to);
        let then = observed(tz, next);
        if then != current {
            // The change lies in (at, next]: narrow it down to the second.
            let (mut low, mut high) = (at, next);
            while high - low > Duration::seconds(1) {
                let middle = low + (high - low) / 2;
                if observed(tz, middle) == current {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            found.push((high, current, then.clone()));
            current = then;
        }
        at = next;
    }
    found
}

/// One VTIMEZONE for `tz` covering every time in [first, last], as unfolded content lines.
pub fn component(tz: Tz, first: DateTime<Utc>, last: DateTime<Utc>) -> Vec<String> {
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    let mut observance = |onset: String, before: &Observed, after: &Observed| {
        let kind = if after.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{onset}"));
        lines.push(format!("TZOFFSETFROM:{}", utc_offset(before.seconds)));
        lines.push(format!("TZOFFSETTO:{}", utc_offset(after.seconds)));
        lines.push(format!("TZNAME:{}", after.name));
        lines.push(format!("END:{kind}"));
    };
    // The onset of an observance is written in the local time it ends (TZOFFSETFROM).
    let onset = |at: DateTime<Utc>, before: &Observed| {
        (at + Duration::seconds(i64::from(before.seconds)))
            .format("%Y%m%dT%H%M%S")
            .to_string()
    };
    let earlier = transitions(tz, first - Duration::days(LOOK_BACK_DAYS), first);
    match earlier.last() {
        Some((at, before, after)) => observance(onset(*at, before), before, after),
        None => {
            let now = observed(tz, first);
            observance("19700101T000000".to_owned(), &now, &now);
        }
    }
    for (at, before, after) in transitions(tz, first, last) {
        observance(onset(at, &before), &before, &after);
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn belgrade_across_the_autumn_change() {
        let lines = component(
            chrono_tz::Europe::Belgrade,
            utc("2030-05-14T16:00:00Z"),
            utc("2030-11-02T10:00:00Z"),
        );
        let text = lines.join("\n");
        // In force in May: summer time since 31 March 2030, 02:00 local.
        assert!(
            text.contains("BEGIN:DAYLIGHT\nDTSTART:20300331T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST"),
            "{text}"
        );
        // Back to standard time on 27 October 2030, 03:00 local.
        assert!(
            text.contains("BEGIN:STANDARD\nDTSTART:20301027T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET"),
            "{text}"
        );
        assert_eq!(
            local(utc("2030-05-14T16:00:00Z"), chrono_tz::Europe::Belgrade),
            "20300514T180000"
        );
    }

    #[test]
    fn a_zone_without_changes_has_one_observance() {
        let text = component(
            chrono_tz::Asia::Tokyo,
            utc("2030-05-14T16:00:00Z"),
            utc("2030-05-15T16:00:00Z"),
        )
        .join("\n");
        assert!(
            text.contains(
                "BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0900\nTZOFFSETTO:+0900"
            ),
            "{text}"
        );
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1);
    }
}
