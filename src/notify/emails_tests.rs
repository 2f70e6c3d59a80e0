//! Every message in every locale as a mail program sees it: who it is from, where a reply
//! goes, the signature, the List-Id, and exactly the links each kind must carry, the same in
//! the plain-text and the HTML part.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use super::build_message;
use crate::config::Settings;
use crate::i18n::Locale;
use crate::notify::catalogue::MESSAGES;
use crate::notify::outbox::OutboxMessage;
use crate::registrations::guest_link;

const PUBLIC: &str = "https://kolo.example.org";
const HOST_NAME: &str = "Udruženje „Kulturni krug“";
const HOST_EMAIL: &str = "ured@kulturni-krug.example.org";
const HOST_WEBSITE: &str = "https://kulturni-krug.example.org/o-nama";
const ACTION_LINK: &str = "https://kolo.example.org/verify-email?token=abc123";
const UNSUBSCRIBE_PAGE: &str = "https://kolo.example.org/unsubscribe?token=t0k3n";
const ONLINE: &str = "https://meet.example.org/kulturni-krug";
const EVENT_ID: i64 = 17;
const REGISTRATION_ID: i64 = 23;
const MEMBERSHIP_ID: i64 = 31;

fn settings() -> Settings {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
    let mut settings = Settings::load_from(&dir, "test", false).expect("shipped configuration");
    settings.server.public_url = PUBLIC.to_owned();
    settings
}

fn host(email: bool) -> Value {
    json!({
        "name": HOST_NAME,
        "slug": "kulturni-krug",
        "email": if email { Some(HOST_EMAIL) } else { None },
        "website": HOST_WEBSITE,
    })
}

/// What the queueing code stores, for every kind at once.
fn data(host: Option<Value>, guest: bool) -> Value {
    let mut data = json!({
        "name": "Ana Petrović",
        "link": ACTION_LINK,
        "hours": 24,
        "event": "Festival nezavisne kulture",
        "event_id": EVENT_ID,
        "registration_id": REGISTRATION_ID,
        "membership_id": MEMBERSHIP_ID,
        "guest": guest,
        "starts_at": "2026-03-14T09:00:00Z",
        "timezone": "Europe/Belgrade",
        "place": "Kulturni centar, Bulevar Mihajla Pupina 9, Novi Sad",
        "online_url": ONLINE,
        "code": "K7QX2M9PLA",
        "position": 3,
        "reason": "",
        "organisation": HOST_NAME,
        "membership_type": "Supporting member",
        "applicant": "Marko Marković",
        "until": "2027-03-14",
        "days": 7,
        "old_starts_at": "2026-03-13T09:00:00Z",
        "old_place": "Stara sala",
        "message_subject": "Bring your own cup",
        "message_body": "Dear all,\n\nplease bring your own cup.",
    });
    if let Some(host) = host {
        data["host"] = host;
    }
    data
}

fn with_unsubscribe(message: &str, mut data: Value) -> Value {
    if matches!(message, "organiser_message" | "event_reminder") {
        data["unsubscribe_link"] = json!(UNSUBSCRIBE_PAGE);
        data["unsubscribe_post"] = json!("https://kolo.example.org/api/v1/unsubscribe?token=t0k3n");
    }
    data
}

fn row(message: &str, locale: Locale, data: &Value, reply_to: Option<&str>) -> OutboxMessage {
    let at =
        NaiveDateTime::parse_from_str("2026-03-01 10:00:00", "%Y-%m-%d %H:%M:%S").expect("time");
    OutboxMessage {
        id: 1,
        recipient: "ana@example.org".to_owned(),
        locale: locale.tag().to_owned(),
        template: message.to_owned(),
        data: data.to_string(),
        dedupe_key: None,
        reply_to: reply_to.map(str::to_owned),
        status: "pending".to_owned(),
        attempts: 0,
        next_attempt_at: at,
        locked_until: None,
        last_error: None,
        created_at: at,
        sent_at: None,
    }
}

/// A sent email as a mail program reads it.
struct Seen {
    from_name: String,
    from_address: String,
    reply_to: Option<String>,
    list_id: Option<String>,
    text: String,
    html: String,
}

fn send(settings: &Settings, message: &str, locale: Locale, data: &Value) -> Seen {
    let reply_to = data["host"]["email"].as_str();
    let built = build_message(settings, &row(message, locale, data, reply_to))
        .unwrap_or_else(|e| panic!("{message} in {}: {e}", locale.tag()));
    let raw = built.formatted();
    let parsed = mail_parser::MessageParser::default()
        .parse(&raw)
        .expect("parses");
    let from = parsed.from().and_then(|a| a.first()).expect("From");
    Seen {
        from_name: from.name().unwrap_or_default().to_owned(),
        from_address: from.address().unwrap_or_default().to_owned(),
        reply_to: parsed
            .reply_to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(str::to_owned),
        list_id: parsed.header_raw("List-Id").map(|v| v.trim().to_owned()),
        text: parsed
            .body_text(0)
            .expect("text part")
            .replace("\r\n", "\n"),
        html: parsed
            .body_html(0)
            .expect("html part")
            .replace("\r\n", "\n"),
    }
}

fn text_links(text: &str) -> BTreeSet<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(str::to_owned)
        .collect()
}

fn html_links(html: &str) -> BTreeSet<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| !href.starts_with("mailto:"))
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

/// The links each kind must carry (besides the host's website and the unsubscribe page).
fn expected_links(message: &str, registration: &str) -> Vec<String> {
    let event = format!("{PUBLIC}/events/{EVENT_ID}");
    let membership = format!("{PUBLIC}/memberships/{MEMBERSHIP_ID}");
    let map = "https://www.openstreetmap.org/search?query=Kulturni+centar%2C+Bulevar+Mihajla+Pupina+9%2C+Novi+Sad";
    let registration = registration.to_owned();
    match message {
        "verify_email" | "password_reset" => vec![ACTION_LINK.to_owned()],
        "account_exists" => vec![],
        "guest_confirm" => vec![ACTION_LINK.to_owned(), event],
        "registration_confirmed" | "registration_promoted" | "registration_waitlisted" => {
            vec![registration, event]
        }
        "registration_cancelled" => vec![event],
        "event_changed" | "organiser_message" => vec![event, registration],
        "event_cancelled" => vec![event, format!("{PUBLIC}/o/kulturni-krug")],
        "event_reminder" => vec![event, ONLINE.to_owned(), map.to_owned(), registration],
        m if m.starts_with("membership_") => vec![membership],
        other => panic!("no expectation for {other}"),
    }
}

fn is_account(message: &str) -> bool {
    matches!(
        message,
        "verify_email" | "password_reset" | "account_exists"
    )
}

#[test]
fn every_message_shows_its_host_and_carries_its_links_in_both_parts() {
    let settings = settings();
    let member_registration = format!("{PUBLIC}/registrations/{REGISTRATION_ID}");
    for message in MESSAGES {
        for locale in Locale::ALL {
            let at = format!("{message} in {}", locale.tag());
            // Account messages are queued without a host.
            let host = (!is_account(message)).then(|| host(true));
            let data = with_unsubscribe(message, data(host, false));
            let seen = send(&settings, message, locale, &data);

            assert_eq!(seen.from_address, "no-reply@kolo.localhost", "{at}");
            if is_account(message) {
                assert_eq!(seen.from_name, "Kolo", "{at}");
                assert_eq!(seen.reply_to, None, "{at}");
                assert!(!seen.text.contains(HOST_NAME), "{at}:\n{}", seen.text);
            } else {
                assert_eq!(seen.from_name, format!("{HOST_NAME} via Kolo"), "{at}");
                assert_eq!(seen.reply_to.as_deref(), Some(HOST_EMAIL), "{at}");
                let signature = format!("— {HOST_NAME}\n{HOST_EMAIL}\n{HOST_WEBSITE}\n");
                assert!(seen.text.contains(&signature), "{at}:\n{}", seen.text);
                assert!(
                    seen.html.contains(&format!("href=\"mailto:{HOST_EMAIL}\"")),
                    "{at}:\n{}",
                    seen.html
                );
                let footer = seen.text.split("\n-- \n").nth(1).expect("footer");
                assert!(footer.contains(HOST_NAME), "{at}: footer {footer:?}");
                assert!(!seen.text.contains("— Kolo"), "{at}:\n{}", seen.text);
            }
            let list = matches!(*message, "organiser_message" | "event_reminder");
            assert_eq!(
                seen.list_id
                    .as_deref()
                    .map(|l| l.ends_with("<kulturni-krug.kolo.example.org>")),
                list.then_some(true),
                "{at}: List-Id {:?}",
                seen.list_id
            );

            let mut expected: BTreeSet<String> = expected_links(message, &member_registration)
                .into_iter()
                .collect();
            if !is_account(message) {
                expected.insert(HOST_WEBSITE.to_owned());
            }
            if list {
                expected.insert(UNSUBSCRIBE_PAGE.to_owned());
            }
            assert_eq!(
                text_links(&seen.text),
                expected,
                "{at}: text\n{}",
                seen.text
            );
            assert_eq!(
                html_links(&seen.html),
                expected,
                "{at}: html\n{}",
                seen.html
            );
        }
    }
}

#[test]
fn guests_links_carry_the_key_of_their_registration() {
    let settings = settings();
    let signed = guest_link::url(&settings, REGISTRATION_ID);
    let key = signed.split("key=").nth(1).expect("key");
    assert!(guest_link::verify(&settings, REGISTRATION_ID, key));
    for message in [
        "registration_confirmed",
        "registration_waitlisted",
        "registration_promoted",
        "event_changed",
        "event_reminder",
        "organiser_message",
    ] {
        for locale in [Locale::En, Locale::SrCyrl, Locale::Sq] {
            let data = with_unsubscribe(message, data(Some(host(true)), true));
            let seen = send(&settings, message, locale, &data);
            let links = text_links(&seen.text);
            assert!(links.contains(&signed), "{message}: {links:?}");
            assert!(
                !links.contains(&format!("{PUBLIC}/registrations/{REGISTRATION_ID}")),
                "{message}: an unsigned link too: {links:?}"
            );
            assert_eq!(links, html_links(&seen.html), "{message}");
        }
    }
}

#[test]
fn without_a_contact_address_there_is_no_reply_to_and_the_footer_says_so() {
    let settings = settings();
    for locale in Locale::ALL {
        let data = data(Some(host(false)), false);
        let seen = send(&settings, "registration_confirmed", locale, &data);
        assert_eq!(seen.reply_to, None);
        assert_eq!(seen.from_name, format!("{HOST_NAME} via Kolo"));
        assert!(
            seen.text
                .contains(&format!("— {HOST_NAME}\n{HOST_WEBSITE}\n")),
            "{}",
            seen.text
        );
        assert!(!seen.text.contains(HOST_EMAIL), "{}", seen.text);
        assert!(!seen.html.contains("mailto:"), "{}", seen.html);
        let with_reply = send(
            &settings,
            "registration_confirmed",
            locale,
            &self::data(Some(host(true)), false),
        );
        let footer = |s: &Seen| {
            s.text
                .split("\n-- \n")
                .nth(1)
                .unwrap_or_default()
                .to_owned()
        };
        assert_ne!(footer(&seen), footer(&with_reply), "{}", locale.tag());
    }
}

#[test]
fn messages_queued_before_hosts_were_stored_come_from_the_platform() {
    let settings = settings();
    let data = with_unsubscribe("event_reminder", data(None, false));
    let seen = send(&settings, "event_reminder", Locale::En, &data);
    assert_eq!(seen.from_name, "Kolo");
    assert_eq!(seen.list_id, None);
    assert!(seen.text.contains("— Kolo\n"), "{}", seen.text);
    assert!(
        text_links(&seen.text).contains(&format!("{PUBLIC}/events/{EVENT_ID}")),
        "{}",
        seen.text
    );
}

#[test]
fn the_senders_names_follow_the_deployments_settings() {
    let mut settings = settings();
    settings.platform.name = "Kulturna mreža".to_owned();
    settings.mail.host_from_name = "{host} – {platform}".to_owned();
    let about = data(Some(host(true)), false);
    let seen = send(&settings, "membership_approved", Locale::Hr, &about);
    assert_eq!(seen.from_name, format!("{HOST_NAME} – Kulturna mreža"));
    let account = send(&settings, "password_reset", Locale::Hr, &about);
    assert_eq!(account.from_name, "Kulturna mreža");
    assert!(account.text.contains("Kulturna mreža"), "{}", account.text);
    assert!(!account.text.contains("Kolo"), "{}", account.text);
}

#[test]
fn a_host_name_cannot_break_the_headers() {
    let settings = settings();
    let mut hostile = host(true);
    hostile["name"] = json!("Evil\r\nBcc: victim@example.org");
    let data = with_unsubscribe("organiser_message", data(Some(hostile), false));
    let row = row("organiser_message", Locale::En, &data, Some(HOST_EMAIL));
    let raw = String::from_utf8(build_message(&settings, &row).expect("built").formatted())
        .expect("utf-8");
    let head = raw.split("\r\n\r\n").next().unwrap_or_default();
    assert!(
        !head.lines().any(|l| l.starts_with("Bcc:")),
        "a header was injected:\n{head}"
    );
    let seen = send(&settings, "organiser_message", Locale::En, &data);
    assert!(
        seen.text.contains("— Evil Bcc: victim@example.org\n"),
        "{}",
        seen.text
    );
}
