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
