//! What the organisation pages show, prepared for their templates: event cards, membership
//! types and texts stored in several languages, each marked with its language when it is
//! not the page's.

use crate::events::model::EventView;
use crate::i18n::{fallback, Locale};
use crate::members::api::MembershipTypeView;
use crate::members::model::LocalizedText;
use crate::notify::dates;
use crate::web::Page;

/// A text in the reader's language, or the nearest stored one; `lang` is set when it is in
/// another language than the page, so screen readers pronounce it right.
pub struct Localized {
    pub text: String,
    pub lang: Option<&'static str>,
}

pub fn localized(page: &Page, text: &LocalizedText) -> Localized {
    let available: Vec<Locale> = text.keys().filter_map(|k| Locale::parse(k)).collect();
    let Some(choice) = fallback::choose(Some(page.locale), Locale::En, &available) else {
        return Localized {
            text: String::new(),
            lang: None,
        };
    };
    let stored = text.get(choice.stored.tag()).cloned().unwrap_or_default();
    Localized {
        text: choice.convert(&stored),
        lang: (choice.served != page.locale).then_some(choice.served.tag()),
    }
}

/// One upcoming event in a list.
pub struct EventCard {
    pub href: String,
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub when: String,
    pub place: Option<String>,
    pub online: bool,
    pub members_only: bool,
}

pub fn event_cards(page: &Page, events: &[EventView]) -> Vec<EventCard> {
    events
        .iter()
        .map(|e| {
            let title = e.title.clone().unwrap_or_else(|| format!("#{}", e.id));
            let slug = title_slug(&title);
            let href = if slug.is_empty() {
                format!("/events/{}", e.id)
            } else {
                format!("/events/{}/{slug}", e.id)
            };
            let place: Vec<&str> = [e.venue_name.as_deref(), e.city.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            EventCard {
                href,
                title,
                title_lang: e
                    .content_locale
                    .filter(|l| *l != page.locale)
                    .map(|l| l.tag()),
                when: dates::date_time(e.starts_at, &e.timezone, page.locale),
                place: (!place.is_empty()).then(|| place.join(", ")),
                online: e.online_url.is_some(),
                members_only: e.visibility == "members_only",
            }
        })
        .collect()
}

/// A readable URL segment from a title ("Radionica: arhivi" → "radionica-arhivi"); event
/// pages ignore it on reading, so it only needs to be stable and safe in a path.
pub fn title_slug(title: &str) -> String {
    let latin = crate::i18n::translit::cyrillic_to_latin(&title.to_lowercase());
    let mut slug = String::new();
    for c in latin.chars() {
        let folded = match c {
            'a'..='z' | '0'..='9' => Some(c.to_string()),
            'č' | 'ć' | 'ç' => Some("c".into()),
            'š' | 'ș' | 'ş' => Some("s".into()),
            'ž' => Some("z".into()),
            'đ' => Some("dj".into()),
            'ă' | 'â' | 'á' | 'à' => Some("a".into()),
            'î' | 'í' => Some("i".into()),
            'ț' | 'ţ' => Some("t".into()),
            'ë' | 'é' | 'è' => Some("e".into()),
            _ => None,
        };
        match folded {
            Some(text) => slug.push_str(&text),
            None if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            None => {}
        }
        if slug.len() >= 60 {
            break;
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// One membership type as applicants read it.
pub struct TypeRow {
    pub id: i64,
    pub name: Localized,
    pub for_organisations: bool,
    pub duration: String,
    pub fee: Option<String>,
    pub requires_approval: bool,
}

pub fn type_rows(page: &Page, types: &[MembershipTypeView]) -> Vec<TypeRow> {
    types
        .iter()
        .filter(|t| t.active)
        .map(|t| TypeRow {
            id: t.id,
            name: localized(page, &t.name),
            for_organisations: t.member_kind == "organisation",
            duration: match t.duration_months {
                Some(months) => page.tn("orgs-type-months", "months", months),
                None => page.t("orgs-type-lifetime"),
            },
            fee: t
                .annual_fee
                .as_ref()
                .map(|fee| format!("{fee} {}", t.currency.as_deref().unwrap_or_default())),
            requires_approval: t.requires_approval,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::title_slug;

    #[test]
    fn titles_become_plain_path_segments() {
        assert_eq!(
            title_slug("Radionica: arhivi zajednice"),
            "radionica-arhivi-zajednice"
        );
        assert_eq!(title_slug("Фестивал Ђурђевдан"), "festival-djurdjevdan");
        assert_eq!(
            title_slug("Atelier în Cluj-Napoca!"),
            "atelier-in-cluj-napoca"
        );
        assert_eq!(title_slug("???"), "");
    }
}
