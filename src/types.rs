//! Validated values shared by every feature, built once at the edge ("parse, don't validate").

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

/// A trimmed, lower-cased email address that lettre accepts as a recipient.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[schema(value_type = String, format = "email", example = "ana@example.org")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, String> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err("is required".into());
        }
        // Limits count what was sent, white space included, as the API document says.
        if email.len() > 254 || raw.chars().count() > 254 {
            return Err("must be at most 254 characters".into());
        }
        if email.parse::<lettre::Address>().is_err() || !email.contains('.') {
            return Err("is not a valid email address".into());
        }
        // RFC 6761 reserves `.invalid`: mail there can never arrive, and erased accounts get
        // placeholder addresses under it, which no one may claim by registering.
        if email.ends_with(".invalid") {
            return Err("is not a deliverable email address".into());
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[schema(value_type = String, example = "RS")]
pub struct CountryCode(String);

/// Every code `CountryCode::parse` accepts, separated by spaces.
pub const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ \
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK \
DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW \
GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB \
LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC \
NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC \
SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ \
UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK";

impl CountryCode {
    /// Accepts any case; `XK` (Kosovo, user-assigned but in common use) is accepted too.
    pub fn parse(raw: &str) -> Result<CountryCode, String> {
        let code = raw.trim().to_ascii_uppercase();
        if code.len() == 2 && ISO_3166_ALPHA2.split_ascii_whitespace().any(|c| c == code) {
            Ok(CountryCode(code))
        } else {
            Err(format!("`{raw}` is not an ISO 3166-1 alpha-2 country code"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CountryCode, D::Error> {
        let raw = String::deserialize(d)?;
        CountryCode::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// An organisation's URL name: 2 to 64 lower-case ASCII letters, digits and single hyphens,
/// starting and ending with a letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[schema(value_type = String, example = "kulturni-centar-novi-sad")]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Slug, String> {
        let slug = raw.trim();
        let valid_chars = slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !(2..=64).contains(&slug.len())
            || raw.chars().count() > 64
            || !valid_chars
            || slug.starts_with('-')
            || slug.ends_with('-')
            || slug.contains("--")
        {
            return Err(format!(
                "`{raw}` is not a valid slug: use 2 to 64 lower-case letters, digits and single \
                 hyphens, starting and ending with a letter or digit"
            ));
        }
        Ok(Slug(slug.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// For PATCH bodies: distinguishes an absent field (`None`) from an explicit `null`
/// (`Some(None)`, meaning "clear it"). Use with `#[serde(default, deserialize_with = ...)]`.
pub fn double_option<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// Trims `raw` and checks its length in characters, for names and other free text.
///
/// The upper bound applies to what was sent, white space included, as the API document says.
pub fn text(raw: &str, min: usize, max: usize) -> Result<String, String> {
    let value = raw.trim();
    if value.chars().count() < min {
        return Err(if min <= 1 {
            "is required".into()
        } else {
            format!("must be at least {min} characters")
        });
    }
    if raw.chars().count() > max {
        return Err(format!("must be at most {max} characters"));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err("must not contain control characters".into());
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{text, CountryCode, Email, Slug};

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Ana.Petrovic@Example.ORG ").map(Email::into_inner),
            Ok("ana.petrovic@example.org".into())
        );
        assert!(Email::parse("not-an-email").is_err());
        assert!(Email::parse("a@b").is_err());
        assert!(Email::parse("").is_err());
    }

    #[test]
    fn country_codes_are_iso() {
        assert_eq!(
            CountryCode::parse("rs").map(CountryCode::into_inner),
            Ok("RS".into())
        );
        assert!(CountryCode::parse("XK").is_ok());
        assert!(CountryCode::parse("YU").is_err());
        assert!(CountryCode::parse("SRB").is_err());
    }

    #[test]
    fn slugs_are_lower_case_words_and_hyphens() {
        assert!(Slug::parse("kc-novi-sad-2").is_ok());
        for bad in [
            "",
            "a",
            "Upper",
            "-lead",
            "trail-",
            "double--hyphen",
            "spa ce",
            "ćao",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
        assert!(Slug::parse(&"a".repeat(65)).is_err());
    }

    #[test]
    fn text_counts_characters_not_bytes() {
        assert_eq!(text(" Љубица ", 1, 8), Ok("Љубица".into()));
        // The limit counts what was sent, white space included (the API document's maxLength).
        assert!(text(" Љубица ", 1, 7).is_err());
        assert!(text("", 1, 10).is_err());
        assert!(text("a\u{0}b", 1, 10).is_err());
    }
}
