//! Renders a queued email: the data stored with it becomes Fluent arguments (dates formatted
//! for the recipient here, at send time), the message's strings are laid out as plain text and
//! HTML with the links for what the reader may do and the host's signature, and reminders and
//! organiser messages get an unsubscribe link.

use chrono::{DateTime, NaiveDate, Utc};
use fluent_bundle::{FluentArgs, FluentValue};
use serde_json::Value;

use crate::config::Settings;
use crate::i18n::Locale;
use crate::notify::host::{self, is_account_message, Host};
use crate::notify::{catalogue, dates, links};

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// RFC 8058 one-click unsubscribe URL, for the List-Unsubscribe headers.
    pub unsubscribe: Option<String>,
    /// The check-in code the HTML part shows as a QR image (`cid:` `qr::CONTENT_ID`).
    pub qr: Option<String>,
}

/// The messages that give a seat carry the check-in code, also as a QR code to scan at the door.
fn qr_code(message: &str, data: &Value) -> Option<String> {
    matches!(message, "registration_confirmed" | "registration_promoted")
        .then(|| str_field(data, "code"))
        .flatten()
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
}

fn str_field<'a>(data: &'a Value, key: &str) -> Option<&'a str> {
    data.get(key).and_then(Value::as_str)
}

fn parse_time(value: Option<&str>) -> Option<DateTime<Utc>> {
    value
        .and_then(|v| DateTime::parse_from_rfc3339(v).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// The Fluent arguments for a message: every string and number stored with it, plus what must
/// be formatted in the recipient's language (`when`, `until`, `changes`, `place`).
fn arguments(message: &str, locale: Locale, data: &Value) -> Result<FluentArgs<'static>, String> {
    let mut args = FluentArgs::new();
    if let Some(object) = data.as_object() {
        for (key, value) in object {
            match value {
                Value::String(s) => args.set(key.clone(), FluentValue::from(s.clone())),
                Value::Number(n) => args.set(
                    key.clone(),
                    FluentValue::from(n.as_f64().unwrap_or_default()),
                ),
                _ => {}
            }
        }
    }
    let timezone = str_field(data, "timezone").unwrap_or("UTC");
    if let Some(at) = parse_time(str_field(data, "starts_at")) {
        args.set(
            "when",
            FluentValue::from(dates::date_time(at, timezone, locale)),
        );
    }
    if data.get("until").is_some() {
        let until = match str_field(data, "until")
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            Some(day) => dates::date(day, locale),
            None => common(message, locale, "no-end-date", &FluentArgs::new())?,
        };
        args.set("until", FluentValue::from(until));
    }
    if str_field(data, "place").is_none_or(str::is_empty) && str_field(data, "online_url").is_some()
    {
        args.set(
            "place",
            FluentValue::from(common(message, locale, "label-online", &FluentArgs::new())?),
        );
    }
    let reason = str_field(data, "reason").map(str::trim).unwrap_or_default();
    args.set("reason", FluentValue::from(reason.to_owned()));
    args.set(
        "has_reason",
        FluentValue::from(if reason.is_empty() { "no" } else { "yes" }),
    );
    // A change email keeps the values from before the first edit (`old_*`) beside the current
    // ones, however many edits were folded into it.
    if data.get("old_starts_at").is_some() || data.get("old_place").is_some() {
        let mut lines = Vec::new();
        let when =
            |key| parse_time(str_field(data, key)).map(|t| dates::date_time(t, timezone, locale));
        if let (Some(old), Some(new)) = (when("old_starts_at"), when("starts_at")) {
            if old != new {
                lines.push(("label-time", old, new));
            }
        }
        let (old_place, new_place) = (
            str_field(data, "old_place").unwrap_or_default(),
            str_field(data, "place").unwrap_or_default(),
        );
        if old_place != new_place {
            lines.push(("label-place", old_place.to_owned(), new_place.to_owned()));
        }
        let mut formatted = Vec::new();
        for (label, old, new) in lines {
            let mut line_args = FluentArgs::new();
            line_args.set(
                "label",
                FluentValue::from(common(message, locale, label, &FluentArgs::new())?),
            );
            line_args.set("old", FluentValue::from(old));
            line_args.set("new", FluentValue::from(new));
            formatted.push(common(message, locale, "change-line", &line_args)?);
        }
        args.set("changes", FluentValue::from(formatted.join("\n")));
    }
    Ok(args)
}

fn common(message: &str, locale: Locale, id: &str, args: &FluentArgs) -> Result<String, String> {
    catalogue::text(message, locale, id, args)?
        .ok_or_else(|| format!("`{id}` missing for {}", locale.tag()))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

fn html_paragraph(p: &str) -> String {
    format!(
        "<p style=\"margin:0 0 16px\">{}</p>\n",
        escape(p).replace('\n', "<br>\n")
    )
}

fn html_link(url: &str, label: &str, button: bool) -> String {
    let style = if button {
        "display:inline-block;padding:10px 18px;background:#2f6f4f;color:#ffffff;text-decoration:none;border-radius:4px"
    } else {
        "color:#2f6f4f"
    };
    format!(
        "<p style=\"margin:0 0 16px\"><a href=\"{0}\" style=\"{style}\">{1}</a><br>\n<span style=\"font-size:13px;color:#52606d;word-break:break-all\">{0}</span></p>\n",
        escape(url),
        escape(label)
    )
}

/// The signature (the host's name, contact address and website, or the platform's name) and
/// the footer that says who sent the email and whether a reply reaches anyone.
fn signature_and_footer(
    message: &str,
    locale: Locale,
    args: &FluentArgs,
    host: Option<&Host>,
    replies_reach_organisers: bool,
) -> Result<(Vec<String>, String), String> {
    let mut signature = vec![common(message, locale, "signature", args)?];
    if let Some(host) = host {
        signature.extend(host.email.iter().chain(&host.website).cloned());
    }
    let footer = match (is_account_message(message), host, replies_reach_organisers) {
        (true, _, _) => "footer-account",
        (false, Some(h), true) if h.email.is_some() => "footer-host-reply",
        (false, Some(_), _) => "footer-host",
        (false, None, true) => "footer-reply",
        (false, None, false) => "footer-automatic",
    };
    Ok((signature, common(message, locale, footer, args)?))
}

/// Renders `message` for `locale` from the data queued with it. An unknown message, a missing
/// string or missing data is an error, which the worker records on the message (it is
/// retried, then shown to admins as dead) rather than sending a broken email.
pub fn render(
    settings: &Settings,
    message: &str,
    locale: Locale,
    data: &Value,
    replies_reach_organisers: bool,
) -> Result<Rendered, String> {
    let host = host::of(message, data);
    let mut args = arguments(message, locale, data)?;
    let platform = settings.platform.name.clone();
    args.set("platform", FluentValue::from(platform.clone()));
    args.set(
        "host",
        FluentValue::from(host.as_ref().map_or(platform, |h| h.name.clone())),
    );
    let get = |id: &str| catalogue::text(message, locale, id, &args);
    let mut subject = get("subject")?.ok_or("no subject")?;
    let body = get("body")?.ok_or("no body")?;
    let greeting = get("greeting")?.unwrap_or_default();
    let (signature, automatic) = signature_and_footer(
        message,
        locale,
        &args,
        host.as_ref(),
        replies_reach_organisers,
    )?;
    let mut shown = Vec::new();
    for link in links::for_message(settings, message, data, host.as_ref()) {
        // The message's own call to action, else the shared label.
        let label = match link.label {
            "action" => get("action")?,
            shared => Some(common(message, locale, shared, &args)?),
        };
        if let Some(label) = label {
            shown.push((label, link.url));
        }
    }
    if message == "organiser_message" {
        if let Some(own) = str_field(data, "message_subject") {
            subject = format!("{subject}: {own}");
        }
    }

    let mut blocks = paragraphs(&body);
    // The organiser's own words, untranslated and unformatted.
    let quoted = str_field(data, "message_body")
        .map(paragraphs)
        .unwrap_or_default();
    let unsubscribe_page = str_field(data, "unsubscribe_link").map(str::to_owned);
    let unsubscribe = str_field(data, "unsubscribe_post").map(str::to_owned);

    let mut text = format!("{greeting}\n\n");
    let mut html = String::from(
        "<!doctype html>\n<html><body style=\"font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;max-width:600px\">\n",
    );
    html.push_str(&html_paragraph(&greeting));
    for p in blocks.drain(..) {
        text.push_str(&p);
        text.push_str("\n\n");
        html.push_str(&html_paragraph(&p));
    }
    let qr = qr_code(message, data);
    if let Some(code) = &qr {
        html.push_str(&format!(
            "<p style=\"margin:0 0 16px\"><img src=\"cid:{}\" width=\"200\" height=\"200\" alt=\"QR: {}\"></p>\n",
            crate::notify::qr::CONTENT_ID,
            escape(code)
        ));
    }
    if !quoted.is_empty() {
        html.push_str("<blockquote style=\"margin:0 0 16px;padding-left:12px;border-left:3px solid #cbd2d9\">\n");
        for p in &quoted {
            text.push_str(&format!("> {}\n\n", p.replace('\n', "\n> ")));
            html.push_str(&html_paragraph(p));
        }
        html.push_str("</blockquote>\n");
    }
    for (i, (label, url)) in shown.iter().enumerate() {
        text.push_str(&format!("{label}:\n{url}\n\n"));
        html.push_str(&html_link(url, label, i == 0));
    }
    text.push_str(&format!("{}\n\n-- \n{automatic}\n", signature.join("\n")));
    html.push_str("<p style=\"margin:0 0 16px\">");
    for (i, line) in signature.iter().enumerate() {
        if i > 0 {
            html.push_str("<br>\n");
        }
        let escaped = escape(line);
        html.push_str(&match host.as_ref() {
            Some(h) if h.email.as_deref() == Some(line.as_str()) && i > 0 => {
                format!("<a href=\"mailto:{escaped}\" style=\"color:#2f6f4f\">{escaped}</a>")
            }
            Some(h)
                if h.website.as_deref() == Some(line.as_str())
                    && i > 0
                    && line.starts_with("http") =>
            {
                format!("<a href=\"{escaped}\" style=\"color:#2f6f4f\">{escaped}</a>")
            }
            _ => escaped,
        });
    }
    html.push_str("</p>\n");
    html.push_str(&format!("<hr style=\"border:none;border-top:1px solid #e4e7eb\">\n<p style=\"font-size:12px;color:#7b8794\">{}", escape(&automatic)));
    if let Some(url) = &unsubscribe_page {
        let invite = get("footer-unsubscribe")?.unwrap_or_default();
        text.push_str(&format!("{invite} {url}\n"));
        html.push_str(&format!(
            "<br>\n{} <a href=\"{1}\" style=\"color:#7b8794\">{1}</a>",
            escape(&invite),
            escape(url)
        ));
    }
    html.push_str("</p>\n</body></html>\n");
    Ok(Rendered {
        subject,
        text,
        html,
        unsubscribe,
        qr,
    })
}
