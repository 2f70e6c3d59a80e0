//! How an event reads on a page: its card on the front page and in a programme, its slug,
//! dates in its own zone for the reader's language, its place and its seat badge.

use crate::events::model::{EventView, STATUS_CANCELLED};
use crate::i18n::{translit, Locale};
use crate::notify::dates;
use crate::web::Page;

/// An event as one item of a list.
pub struct Card {
    pub id: i64,
    pub href: String,
    pub title: String,
    /// The content's language when it is not the page's (for a `lang` attribute).
    pub title_lang: Option<&'static str>,
    pub host_name: String,
    pub host_slug: String,
    pub kind: String,
    pub when: String,
    pub place: String,
    pub badge: Option<Badge>,
    pub summary: Option<String>,
}

/// A short state (seats left, waitlist, full, cancelled), in words and a class; the words
/// carry the meaning, the colour only repeats it.
pub struct Badge {
    pub class: &'static str,
    pub text: String,
}

/// A readable URL part from a title: Latin letters without marks, digits and hyphens.
pub fn slug(title: &str) -> String {
    let latin = translit::cyrillic_to_latin(title).to_lowercase();
    let mut out = String::new();
    for c in latin.chars() {
        let mapped: &str = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            'č' | 'ć' | 'ç' => "c",
            'š' | 'ș' | 'ş' => "s",
            'ž' => "z",
            'đ' => "dj",
            'ë' | 'é' | 'è' | 'ê' => "e",
            'ă' | 'â' | 'à' | 'á' => "a",
            'î' | 'í' => "i",
            'ț' | 'ţ' => "t",
            'ö' | 'ó' => "o",
            'ü' | 'ú' => "u",
            _ => "-",
        };
        out.push_str(mapped);
    }
    let mut slug = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if slug.len() + part.len() > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(part);
    }
    slug
}

/// The event page's address, with the slug when the title gives one.
pub fn href(event: &EventView) -> String {
    let slug = event.title.as_deref().map(slug).unwrap_or_default();
    if slug.is_empty() {
        format!("/events/{}", event.id)
    } else {
        format!("/events/{}/{slug}", event.id)
    }
}

/// The event's kind in the reader's language.
pub fn kind(page: &Page, kind: &str) -> String {
    match kind {
        "workshop" => page.t("events-kind-workshop"),
        "conference" => page.t("events-kind-conference"),
        "seminar" => page.t("events-kind-seminar"),
        "symposium" => page.t("events-kind-symposium"),
        "meeting" => page.t("events-kind-meeting"),
        "presentation" => page.t("events-kind-presentation"),
        "exhibition" => page.t("events-kind-exhibition"),
        "festival" => page.t("events-kind-festival"),
        _ => page.t("events-kind-other"),
    }
}

/// A country's name in the reader's language where Kolo knows it, else its code.
pub fn country(page: &Page, code: &str) -> String {
    let key = format!("events-country-{}", code.to_ascii_lowercase());
    if crate::web::i18n::exists(page.locale, &key) {
        page.t(&key)
    } else {
        code.to_owned()
    }
}

/// City and country, or "online".
pub fn place(page: &Page, event: &EventView) -> String {
    let parts: Vec<String> = [
        event.city.clone(),
        event.country.as_deref().map(|c| country(page, c)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !parts.is_empty() {
        parts.join(", ")
    } else if event.online_url.is_some() {
        page.t("events-online")
    } else {
        String::new()
    }
}

pub fn when(page: &Page, at: chrono::DateTime<chrono::Utc>, timezone: &str) -> String {
    dates::date_time(at, timezone, page.locale)
}

pub fn badge(page: &Page, event: &EventView) -> Option<Badge> {
    if event.status == STATUS_CANCELLED {
        return Some(Badge {
            class: "bad",
            text: page.t("events-badge-cancelled"),
        });
    }
    match event.seats_left {
        Some(0) if event.waitlist_enabled => Some(Badge {
            class: "warn",
            text: page.t("events-badge-waitlist"),
        }),
        Some(0) => Some(Badge {
            class: "bad",
            text: page.t("events-badge-full"),
        }),
        Some(left) => Some(Badge {
            class: "ok",
            text: page.tn("events-badge-seats-left", "count", left),
        }),
        None => None,
    }
}

/// The tag of the content's language when it differs from the page's.
pub fn other_lang(page: &Page, content: Option<Locale>) -> Option<&'static str> {
    content.filter(|l| *l != page.locale).map(Locale::tag)
}

pub fn card(page: &Page, event: &EventView) -> Card {
    Card {
        id: event.id,
        href: href(event),
        title: event
            .title
            .clone()
            .unwrap_or_else(|| page.t("events-untitled")),
        title_lang: other_lang(page, event.content_locale),
        host_name: event.organisation_name.clone(),
        host_slug: event.organisation.clone(),
        kind: kind(page, &event.kind),
        when: when(page, event.starts_at, &event.timezone),
        place: place(page, event),
        badge: badge(page, event),
        summary: event.summary.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_latin_and_short() {
        assert_eq!(slug("Летња школа: архиви"), "letnja-skola-arhivi");
        assert_eq!(slug("Čitanje u Đakovu!"), "citanje-u-djakovu");
        assert_eq!(slug("???"), "");
        assert!(slug(&"word ".repeat(40)).len() <= 60);
    }
}
