//! The event page's facts in words: the registration window, the seats, partner roles, and
//! the links to a map and to a calendar.

use crate::events::model::{EventView, STATUS_CANCELLED};
use crate::web::event_view;
use crate::web::Page;

pub fn role(page: &Page, role: &str) -> String {
    match role {
        "co_organiser" => page.t("events-role-co-organiser"),
        "funder" => page.t("events-role-funder"),
        "venue" => page.t("events-role-venue"),
        "media" => page.t("events-role-media"),
        _ => page.t("events-role-partner"),
    }
}

pub fn window(page: &Page, e: &EventView) -> String {
    let now = chrono::Utc::now();
    let at = |t| event_view::when(page, t, &e.timezone);
    if e.status == STATUS_CANCELLED {
        page.t("events-window-cancelled")
    } else if e.phase != "upcoming" {
        page.t("events-window-over")
    } else if let Some(opens) = e.registration_opens_at.filter(|t| *t > now) {
        page.ts("events-window-not-open", "date", &at(opens))
    } else if e.registration_open {
        let closes = e.registration_closes_at.unwrap_or(e.starts_at);
        page.ts("events-window-open", "date", &at(closes))
    } else if e.seats_left == Some(0) && !e.waitlist_enabled {
        page.t("events-window-full")
    } else {
        page.t("events-window-closed")
    }
}

pub fn seats(page: &Page, e: &EventView) -> String {
    match (e.capacity, e.seats_left) {
        (Some(capacity), Some(0)) if e.waitlist_enabled => {
            page.tn("events-seats-full-waitlist", "capacity", capacity)
        }
        (Some(capacity), Some(0)) => page.tn("events-seats-full", "capacity", capacity),
        (Some(capacity), Some(left)) => page.ta(
            "events-seats-left",
            &[("left", left.into()), ("capacity", capacity.into())],
        ),
        _ => page.t("events-seats-unlimited"),
    }
}

pub fn map_link(e: &EventView) -> Option<String> {
    let parts: Vec<&str> = [&e.address, &e.city, &e.country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (e.address.is_some() || e.city.is_some()).then(|| {
        format!(
            "https://www.openstreetmap.org/search?{}",
            serde_urlencoded::to_string([("query", parts.join(", "))]).unwrap_or_default()
        )
    })
}

/// Venue, address and city, or the online link (as the calendar file has it).
pub fn full_place(e: &EventView) -> String {
    let parts: Vec<&str> = [&e.venue_name, &e.address, &e.city]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    match (parts.is_empty(), &e.online_url) {
        (true, Some(url)) => url.clone(),
        _ => parts.join(", "),
    }
}

pub fn google_link(e: &EventView, title: &str, place: &str, public_url: &str) -> String {
    let stamp = |t: chrono::DateTime<chrono::Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let details = format!("{}/events/{}", public_url.trim_end_matches('/'), e.id);
    let query = serde_urlencoded::to_string([
        ("action", "TEMPLATE".to_owned()),
        ("text", title.to_owned()),
        (
            "dates",
            format!("{}/{}", stamp(e.starts_at), stamp(e.ends_at)),
        ),
        ("location", place.to_owned()),
        ("details", details),
    ])
    .unwrap_or_default();
    format!("https://calendar.google.com/calendar/render?{query}")
}
