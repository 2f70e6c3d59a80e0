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

/// Renders `template` for `locale`. An unknown template or missing data is an error, which the
/// worker records on the message (it is retried, then shown to admins as dead).
pub fn render(template: &str, _locale: Locale, data: &Value) -> Result<Rendered, String> {
    let name = data
        .get("full_name")
        .and_then(Value::as_str)
        .unwrap_or("there");
    match template {
        "verify_email" => Ok(compose(
            "Confirm your email address".into(),
            name,
            &[format!(
                "Please confirm your email address by opening this link within {} hours:",
                data.get("expires_in_hours").and_then(Value::as_i64).unwrap_or(48)
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
            format!("You are registered: {}", field(data, "event_title")?),
            name,
            &[
                format!("Your place at “{}” on {} is confirmed.", field(data, "event_title")?, field(data, "starts_at")?),
                format!("Your check-in code: {}", field(data, "code")?),
            ],
            None,
        )),
        "registration_waitlisted" => Ok(compose(
            format!("On the waitlist: {}", field(data, "event_title")?),
            name,
            &[format!(
                "“{}” is full, so you are on the waitlist at position {}. If a place frees up it is yours automatically, and we will email you.",
                field(data, "event_title")?,
                data.get("waitlist_position").and_then(Value::as_i64).unwrap_or(0)
            )],
            None,
        )),
        "registration_promoted" => Ok(compose(
            format!("A place is yours: {}", field(data, "event_title")?),
            name,
            &[
                format!("A place opened up at “{}” on {} and it is now yours: your registration is confirmed.", field(data, "event_title")?, field(data, "starts_at")?),
                format!("Your check-in code: {}", field(data, "code")?),
            ],
            None,
        )),
        "registration_cancelled" => Ok(compose(
            format!("Registration cancelled: {}", field(data, "event_title")?),
            name,
            &[format!("Your registration for “{}” on {} is cancelled.", field(data, "event_title")?, field(data, "starts_at")?)],
            None,
        )),
        "guest_confirm" => Ok(compose(
            format!("Confirm your registration: {}", field(data, "event_title")?),
            name,
            &[format!(
                "Please confirm your registration for “{}” by opening this link within {} hours. Until then no place is held for you.",
                field(data, "event_title")?,
                data.get("expires_in_hours").and_then(Value::as_i64).unwrap_or(24)
            )],
            Some(field(data, "link")?),
        )),
        other => Err(format!("unknown email template `{other}`")),
    }
}
