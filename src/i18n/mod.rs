//! Locales Kolo speaks, and how a request picks one.

pub mod fallback;
pub mod fold;
pub mod translit;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

/// A supported BCP 47 locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    En,
    SrLatn,
    SrCyrl,
    Hr,
    Bs,
    Sl,
    Mk,
    Bg,
    Ro,
    Sq,
}

impl Locale {
    pub const ALL: [Locale; 10] = [
        Locale::En,
        Locale::SrLatn,
        Locale::SrCyrl,
        Locale::Hr,
        Locale::Bs,
        Locale::Sl,
        Locale::Mk,
        Locale::Bg,
        Locale::Ro,
        Locale::Sq,
    ];

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::SrLatn => "sr-Latn",
            Locale::SrCyrl => "sr-Cyrl",
            Locale::Hr => "hr",
            Locale::Bs => "bs",
            Locale::Sl => "sl",
            Locale::Mk => "mk",
            Locale::Bg => "bg",
            Locale::Ro => "ro",
            Locale::Sq => "sq",
        }
    }

    /// Parses a tag case-insensitively; plain `sr` means Serbian in Latin script, the script
    /// most Serbian-speaking users type in.
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let locale = match tag.as_str() {
            "en" | "en-gb" | "en-us" => Locale::En,
            "sr-latn" | "sr" | "sr-latn-rs" | "sr-rs" | "sr-me" | "sr-latn-me" | "sr-latn-ba" => {
                Locale::SrLatn
            }
            "sr-cyrl" | "sr-cyrl-rs" | "sr-cyrl-ba" | "sr-cyrl-me" => Locale::SrCyrl,
            "hr" | "hr-hr" | "hr-ba" => Locale::Hr,
            "bs" | "bs-ba" | "bs-latn" | "bs-latn-ba" => Locale::Bs,
            "sl" | "sl-si" => Locale::Sl,
            "mk" | "mk-mk" => Locale::Mk,
            "bg" | "bg-bg" => Locale::Bg,
            "ro" | "ro-ro" | "ro-md" => Locale::Ro,
            "sq" | "sq-al" | "sq-xk" | "sq-mk" => Locale::Sq,
            _ => return None,
        };
        Some(locale)
    }

    /// The best supported locale in an `Accept-Language` header, by quality then order.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut candidates: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(index, part)| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                if quality <= 0.0 {
                    return None;
                }
                let locale = Locale::parse(tag).or_else(|| {
                    // "sr-Cyrl-XK" or "de-AT": try the language (and script) alone.
                    let mut parts = tag.split('-');
                    let language = parts.next()?;
                    let with_script = parts.next().map(|script| format!("{language}-{script}"));
                    with_script
                        .and_then(|t| Locale::parse(&t))
                        .or_else(|| Locale::parse(language))
                })?;
                Some((quality, index, locale))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map(|c| c.2)
    }
}

impl utoipa::PartialSchema for Locale {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Locale::ALL.iter().map(|l| l.tag())))
            .examples([serde_json::json!("sr-Latn")])
            .into()
    }
}

impl ToSchema for Locale {}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Locale {
    type Err = String;
    fn from_str(s: &str) -> Result<Locale, String> {
        Locale::parse(s).ok_or_else(|| {
            let supported: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
            format!(
                "unsupported locale `{s}`; supported: {}",
                supported.join(", ")
            )
        })
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Locale, D::Error> {
        let tag = String::deserialize(d)?;
        tag.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn parses_tags_case_insensitively() {
        assert_eq!(Locale::parse("sr-cyrl"), Some(Locale::SrCyrl));
        assert_eq!(Locale::parse("SR-Latn"), Some(Locale::SrLatn));
        assert_eq!(Locale::parse("sr"), Some(Locale::SrLatn));
        assert_eq!(Locale::parse("de"), None);
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn negotiates_accept_language() {
        assert_eq!(
            Locale::from_accept_language("de-DE, mk;q=0.8, en;q=0.5"),
            Some(Locale::Mk)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.4, sr-Cyrl-RS;q=0.9"),
            Some(Locale::SrCyrl)
        );
        assert_eq!(Locale::from_accept_language("ro-RO"), Some(Locale::Ro));
        assert_eq!(Locale::from_accept_language("fr, de"), None);
        assert_eq!(Locale::from_accept_language("hr;q=0, bs"), Some(Locale::Bs));
    }
}
