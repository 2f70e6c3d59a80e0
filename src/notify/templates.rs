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
        t if t.starts_with("membership_") => membership(t, name, data),
        other => Err(format!("unknown email template `{other}`")),
    }
}

/// The membership emails. Data: `host`, `membership_type`, `member`, `status`, `ends_on`
/// (null for lifetime), and per message `reason`, `days` or `applicant`.
fn membership(template: &str, name: &str, data: &Value) -> Result<Rendered, String> {
    let host = field(data, "host")?;
    let type_name = field(data, "membership_type")?;
    let member = field(data, "member")?;
    let ends_on = data.get("ends_on").and_then(Value::as_str);
    let until = match ends_on {
        Some(day) => format!("until {day}"),
        None => "with no end date".to_owned(),
    };
    let (subject, paragraphs) = match template {
        "membership_received" => (
            format!("We received your application to {host}"),
            vec![format!(
                "Thank you for applying for the {type_name} membership of {host} for {member}. \
                 The staff will review it; we will write again when they decide."
            )],
        ),
        "membership_new_application" => {
            let applicant = field(data, "applicant")?;
            if data.get("status").and_then(Value::as_str) == Some("pending") {
                (
                    format!("New membership application: {member}"),
                    vec![format!(
                        "{applicant} applied for the {type_name} membership of {host} for {member}. \
                         The application waits for your decision in the membership list."
                    )],
                )
            } else {
                (
                    format!("New member: {member}"),
                    vec![format!(
                        "{member} joined {host} as {type_name} (signed up by {applicant})."
                    )],
                )
            }
        }
        "membership_approved" => (
            format!("Your membership of {host} is active"),
            vec![format!(
                "The {type_name} membership of {host} for {member} is active {until}."
            )],
        ),
        "membership_rejected" => {
            let mut paragraphs = vec![format!(
                "The application for the {type_name} membership of {host} for {member} was not accepted."
            )];
            if let Some(reason) = data.get("reason").and_then(Value::as_str) {
                paragraphs.push(format!("Reason: {reason}"));
            }
            (format!("Your application to {host}"), paragraphs)
        }
        "membership_renewed" => (
            format!("Your membership of {host} was renewed"),
            vec![format!(
                "The {type_name} membership of {host} for {member} now runs {until}."
            )],
        ),
        "membership_expiring" => {
            let days = data.get("days").and_then(Value::as_i64).unwrap_or(0);
            let day = ends_on.unwrap_or("soon");
            (
                format!("Your membership of {host} ends in {days} days"),
                vec![format!(
                    "The {type_name} membership of {host} for {member} ends on {day}. \
                     Renew it to stay a member."
                )],
            )
        }
        "membership_expired" => (
            format!("Your membership of {host} has expired"),
            vec![format!(
                "The {type_name} membership of {host} for {member} ended on {}. \
                 You can renew it at any time.",
                ends_on.unwrap_or("its last day")
            )],
        ),
        other => return Err(format!("unknown email template `{other}`")),
    };
    Ok(compose(subject, name, &paragraphs, None))
}
