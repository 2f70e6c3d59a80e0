//! Message texts. Each template turns the data queued with it into a subject and a plain-text
//! and HTML body. (English for now; the notifications issue brings every locale.)

use serde_json::Value;

use crate::i18n::Locale;

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn field<'a>(data: &'a Value, key: &str) -> Result<&'a str, String> {
    data.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("template data lacks `{key}`"))
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A message of paragraphs, the last of which may be a link.
fn compose(
    subject: String,
    greeting_name: &str,
    paragraphs: &[String],
    link: Option<&str>,
) -> Rendered {
    let mut text = format!("Hello {greeting_name},\n\n");
    let mut html = format!("<p>Hello {},</p>\n", html_escape(greeting_name));
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>\n", html_escape(p)));
    }
    if let Some(link) = link {
        text.push_str(link);
        text.push_str("\n\n");
        html.push_str(&format!(
            "<p><a href=\"{0}\">{0}</a></p>\n",
            html_escape(link)
        ));
    }
    text.push_str("— Kolo\n");
    html.push_str("<p>— Kolo</p>\n");
    Rendered {
        subject,
        text,
        html,
    }
}

/// The start in the event's zone (the stored value is RFC 3339 UTC).
fn when(data: &Value) -> String {
    let tz: chrono_tz::Tz = data
        .get("timezone")
        .and_then(Value::as_str)
        .and_then(|t| t.parse().ok())
        .unwrap_or(chrono_tz::UTC);
    data.get("starts_at")
        .and_then(Value::as_str)
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M %Z").to_string())
        .unwrap_or_default()
}

/// Renders `template` for `locale`. An unknown template or missing data is an error, which the
/// worker records on the message (it is retried, then shown to admins as dead).
pub fn render(template: &str, _locale: Locale, data: &Value) -> Result<Rendered, String> {
    let name = data.get("name").and_then(Value::as_str).unwrap_or("there");
    match template {
        "verify_email" => Ok(compose(
            "Confirm your email address".into(),
            name,
            &[format!(
                "Please confirm your email address by opening this link within {} hours:",
                data.get("hours").and_then(Value::as_i64).unwrap_or(48)
            )],
            Some(field(data, "link")?),
        )),
        "password_reset" => Ok(compose(
            "Reset your password".into(),
            name,
            &[
                "Someone asked to reset the password of your Kolo account. If it was you, open this link to choose a new one. If not, ignore this email: nothing changes.".into(),
            ],
            Some(field(data, "link")?),
        )),
        "registration_confirmed" => Ok(compose(
            format!("You are registered: {}", field(data, "event")?),
            name,
            &[
                format!("Your place at “{}” on {} is confirmed.", field(data, "event")?, when(data)),
                format!("Your check-in code: {}", field(data, "code")?),
            ],
            None,
        )),
        "registration_waitlisted" => Ok(compose(
            format!("On the waitlist: {}", field(data, "event")?),
            name,
            &[format!(
                "“{}” is full, so you are on the waitlist at position {}. If a place frees up it is yours automatically, and we will email you.",
                field(data, "event")?,
                data.get("position").and_then(Value::as_i64).unwrap_or(0)
            )],
            None,
        )),
        "registration_promoted" => Ok(compose(
            format!("A place is yours: {}", field(data, "event")?),
            name,
            &[
                format!("A place opened up at “{}” on {} and it is now yours: your registration is confirmed.", field(data, "event")?, when(data)),
                format!("Your check-in code: {}", field(data, "code")?),
            ],
            None,
        )),
        "registration_cancelled" => Ok(compose(
            format!("Registration cancelled: {}", field(data, "event")?),
            name,
            &[format!("Your registration for “{}” on {} is cancelled.", field(data, "event")?, when(data))],
            None,
        )),
        "guest_confirm" => Ok(compose(
            format!("Confirm your registration: {}", field(data, "event")?),
            name,
            &[format!(
                "Please confirm your registration for “{}” by opening this link within {} hours. Until then no place is held for you.",
                field(data, "event")?,
                data.get("hours").and_then(Value::as_i64).unwrap_or(24)
            )],
            Some(field(data, "link")?),
        )),
        "event_reminder" => Ok(compose(
            format!("Reminder: {}", field(data, "event")?),
            name,
            &[format!("“{}” starts on {}. Your check-in code: {}", field(data, "event")?, when(data), field(data, "code")?)],
            None,
        )),
        "organiser_message" => Ok(compose(
            format!("Message from the organisers of {}: {}", field(data, "event")?, field(data, "message_subject")?),
            name,
            &[field(data, "message_body")?.to_owned()],
            None,
        )),
        "event_cancelled" => {
            let title = field(data, "event_title")?;
            Ok(compose(
                format!("Cancelled: {title}"),
                name,
                &[
                    format!(
                        "We are sorry: \"{title}\" ({}, {}) has been cancelled.",
                        field(data, "when")?,
                        field(data, "place")?
                    ),
                    format!("Reason given by the organisers: {}", field(data, "reason")?),
                ],
                Some(field(data, "link")?),
            ))
        }
        "event_changed" => {
            let title = field(data, "event_title")?;
            let mut paragraphs = vec![format!(
                "The organisers of \"{title}\", which you registered for, have changed its time or place."
            )];
            let (old_when, new_when) = (field(data, "old_when")?, field(data, "new_when")?);
            if old_when != new_when {
                paragraphs.push(format!("When: {old_when} → {new_when}"));
            } else {
                paragraphs.push(format!("When: {new_when}"));
            }
            let (old_place, new_place) = (field(data, "old_place")?, field(data, "new_place")?);
            if old_place != new_place {
                paragraphs.push(format!("Where: {old_place} → {new_place}"));
            } else {
                paragraphs.push(format!("Where: {new_place}"));
            }
            Ok(compose(
                format!("Changed: {title}"),
                name,
                &paragraphs,
                Some(field(data, "link")?),
            ))
        }
        other => Err(format!("unknown email template `{other}`")),
    }
}
