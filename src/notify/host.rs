//! Who an email is from. Emails about an organisation's events and memberships carry the
//! organisation (the host) in their data, stored when they are queued, so rendering needs no
//! query and shows the host as it was then. Account emails, and rows queued before hosts
//! were stored, come from the platform.

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::Mailbox;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::Settings;

/// The organisation an email speaks for, as stored in the outbox row's data (`host`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    /// Not stored in the data: the outbox row keeps it in its own column.
    #[serde(skip)]
    pub id: Option<i64>,
    pub name: String,
    pub slug: String,
    /// The organisation's contact address: the Reply-To and the signature.
    pub email: Option<String>,
    pub website: Option<String>,
}

/// The messages about a person's own account: always from the platform.
pub fn is_account_message(message: &str) -> bool {
    matches!(
        message,
        "verify_email" | "password_reset" | "account_exists"
    )
}

/// Mailing-list-like messages, which get a `List-Id` per host so people can filter them.
pub fn is_list_message(message: &str) -> bool {
    matches!(message, "organiser_message" | "event_reminder")
}

/// The host stored with a message, if any (never for account messages).
pub fn of(message: &str, data: &Value) -> Option<Host> {
    if is_account_message(message) {
        return None;
    }
    data.get("host")
        .and_then(|h| serde_json::from_value::<Host>(h.clone()).ok())
        .map(|h| Host {
            name: clean(&h.name),
            ..h
        })
        .filter(|h| !h.name.is_empty())
}

/// Names must not smuggle line breaks into headers or look empty.
pub fn clean(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `From`: the deployment's address (so SPF and DKIM hold) under the host's name, or the
/// platform's name when there is no host.
pub fn from(settings: &Settings, host: Option<&Host>) -> Result<Mailbox, String> {
    let configured: Mailbox = settings
        .mail
        .from
        .parse()
        .map_err(|e| format!("mail.from: {e}"))?;
    let platform = clean(&settings.platform.name);
    let name = match host {
        Some(host) => settings
            .mail
            .host_from_name
            .replace("{platform}", &platform)
            .replace("{host}", &clean(&host.name)),
        None => platform,
    };
    Ok(Mailbox::new(Some(clean(&name)), configured.email))
}

/// `List-Id` (RFC 2919): `<{host slug}.{domain of server.public_url}>`, with the host's name
/// as the description.
#[derive(Clone)]
pub struct ListId(pub String);

impl ListId {
    pub fn new(settings: &Settings, host: &Host) -> Option<ListId> {
        let authority = settings
            .public_url()
            .split_once("://")
            .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())?;
        // The port is not part of a domain; an IPv6 literal has none to offer.
        let domain = authority.rsplit_once(':').map_or(authority, |(d, _)| d);
        let label_ok = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        };
        if !label_ok(&host.slug) || !label_ok(domain) {
            return None;
        }
        let name = clean(&host.name);
        // An ASCII description is a quoted string; other names are left to the header
        // encoder, which writes their non-ASCII words as RFC 2047 encoded words.
        let phrase = if name.is_ascii() {
            format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            name.replace(['"', '<', '>'], "")
        };
        Some(ListId(format!("{phrase} <{}.{domain}>", host.slug)))
    }
}

impl lettre::message::header::Header for ListId {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Id")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListId(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}
