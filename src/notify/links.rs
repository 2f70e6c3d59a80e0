//! The links an email carries, one for every action it asks of the reader, built at send time
//! from the ids stored with the message and `server.public_url`, so they are the web pages'
//! addresses of the day. A guest's registration link carries its signed key (no account
//! needed); a member's opens after signing in.

use serde_json::Value;

use crate::config::Settings;
use crate::notify::host::Host;
use crate::registrations::guest_link;

/// A link and the `_common` string that labels it (`action` is the message's own label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub label: &'static str,
    pub url: String,
}

fn id(data: &Value, key: &str) -> Option<i64> {
    data.get(key).and_then(Value::as_i64)
}

fn text<'a>(data: &'a Value, key: &str) -> Option<&'a str> {
    data.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The registration's page: signed for a guest, plain for a member.
fn registration(settings: &Settings, data: &Value) -> Option<String> {
    let reg = id(data, "registration_id")?;
    if data.get("guest").and_then(Value::as_bool) == Some(true) {
        Some(guest_link::url(settings, reg))
    } else {
        Some(format!("{}/registrations/{reg}", settings.public_url()))
    }
}

fn event(settings: &Settings, data: &Value) -> Option<String> {
    id(data, "event_id").map(|e| format!("{}/events/{e}", settings.public_url()))
}

fn membership(settings: &Settings, data: &Value) -> Option<String> {
    id(data, "membership_id").map(|m| format!("{}/memberships/{m}", settings.public_url()))
}

/// An OpenStreetMap search for the venue's address.
pub fn map(place: &str) -> Option<String> {
    serde_urlencoded::to_string([("query", place)])
        .ok()
        .map(|q| format!("https://www.openstreetmap.org/search?{q}"))
}

fn web(url: Option<&str>) -> Option<String> {
    url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(str::to_owned)
}

/// The links of `message`, in the order they are shown. `action` (the message's call to
/// action, e.g. "Confirm my registration") comes first when the message has one.
pub fn for_message(
    settings: &Settings,
    message: &str,
    data: &Value,
    host: Option<&Host>,
) -> Vec<Link> {
    let link = |label: &'static str, url: Option<String>| url.map(|url| Link { label, url });
    let host_page = host.map(|h| format!("{}/o/{}", settings.public_url(), h.slug));
    let links = match message {
        "verify_email" | "password_reset" => {
            vec![link("action", text(data, "link").map(str::to_owned))]
        }
        "guest_confirm" => vec![
            link("action", text(data, "link").map(str::to_owned)),
            link("link-event", event(settings, data)),
        ],
        "registration_confirmed" | "registration_promoted" => vec![
            link("link-registration", registration(settings, data)),
            link("link-event", event(settings, data)),
        ],
        "registration_waitlisted" => vec![
            link("link-leave-waitlist", registration(settings, data)),
            link("link-event", event(settings, data)),
        ],
        "registration_cancelled" => vec![link("link-event", event(settings, data))],
        "event_changed" | "organiser_message" => vec![
            link("link-event", event(settings, data)),
            link("link-registration", registration(settings, data)),
        ],
        "event_cancelled" => vec![
            link("link-event", event(settings, data)),
            link("link-host-events", host_page),
        ],
        "event_reminder" => vec![
            link("link-event", event(settings, data)),
            link("link-online", web(text(data, "online_url"))),
            link("link-map", text(data, "place").and_then(map)),
            link("link-registration", registration(settings, data)),
        ],
        "membership_new_application" => vec![link("action", membership(settings, data))],
        "membership_expiring" | "membership_expired" => {
            vec![link("link-renew", membership(settings, data))]
        }
        m if m.starts_with("membership_") => {
            vec![link("link-membership", membership(settings, data))]
        }
        _ => Vec::new(),
    };
    links.into_iter().flatten().collect()
}
