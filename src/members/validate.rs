//! Field rules for the members API. Validators collect every problem of a body into one
//! validation error, so a client sees all its mistakes at once.

use chrono::NaiveDate;

use crate::error::{push_error, AppError, AppResult, FieldErrors};
use crate::i18n::Locale;
use crate::members::model::LocalizedText;
use crate::types::{text, CountryCode, Email};

/// Collects field errors.
#[derive(Default)]
pub struct Check {
    errors: FieldErrors,
}

impl Check {
    /// Keeps the value, or records the message against `field`.
    pub fn field<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        result
            .map_err(|m| push_error(&mut self.errors, field, m))
            .ok()
    }

    /// Like [`Check::field`] for an optional input.
    pub fn optional<T, U>(
        &mut self,
        field: &str,
        value: Option<T>,
        parse: impl FnOnce(T) -> Result<U, String>,
    ) -> Option<U> {
        value.and_then(|v| self.field(field, parse(v)))
    }

    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        push_error(&mut self.errors, field, message.into());
    }

    /// Answers the collected errors, or else the validated values, which `values` gathers with
    /// `?` from the fields' options (all present when nothing failed).
    pub fn finish_with<T>(self, values: impl FnOnce() -> Option<T>) -> AppResult<T> {
        self.finish()?;
        values().ok_or_else(|| AppError::internal(anyhow::anyhow!("a validated field is missing")))
    }

    pub fn finish(self) -> AppResult<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self.errors))
        }
    }
}

/// For a PATCH field that `null` clears: absent → no change, null → clear, value → parse.
pub fn clearable<T>(
    check: &mut Check,
    field: &str,
    value: Option<Option<String>>,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Option<Option<T>> {
    match value {
        None => None,
        Some(None) => Some(None),
        Some(Some(raw)) => check.field(field, parse(&raw)).map(Some),
    }
}

pub fn name(raw: &str) -> Result<String, String> {
    text(raw, 1, crate::caps::NAME)
}

pub fn city(raw: &str) -> Result<String, String> {
    text(raw, 1, crate::caps::CITY)
}

pub fn country(raw: &str) -> Result<String, String> {
    CountryCode::parse(raw).map(CountryCode::into_inner)
}

pub fn email(raw: &str) -> Result<String, String> {
    Email::parse(raw).map(Email::into_inner)
}

/// An absolute http(s) URL without spaces.
pub fn website(raw: &str) -> Result<String, String> {
    let url = raw.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with http:// or https://")?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err("must name a host".into());
    }
    if url.len() > 300 || raw.chars().count() > 300 {
        return Err("must be at most 300 characters".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces".into());
    }
    Ok(url.to_owned())
}

/// Checks each locale tag (normalising it, e.g. `sr-latn` → `sr-Latn`) and each text.
pub fn localized(
    raw: LocalizedText,
    max_chars: usize,
    required: bool,
) -> Result<LocalizedText, String> {
    let mut out = LocalizedText::new();
    for (tag, value) in raw {
        let locale: Locale = tag.parse()?;
        let value = text(&value, 1, max_chars).map_err(|m| format!("{}: {m}", locale.tag()))?;
        out.insert(locale.tag().to_owned(), value);
    }
    if required && out.is_empty() {
        return Err("needs a text in at least one locale".into());
    }
    Ok(out)
}

/// A date as `YYYY-MM-DD`.
pub fn date(raw: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{raw}` is not a date in the form YYYY-MM-DD"))
}

/// A fee as a JSON number or string with at most two decimal places, in minor units.
pub fn fee_cents(raw: &serde_json::Value) -> Result<i64, String> {
    let as_text = match raw {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.trim().to_owned(),
        _ => return Err("must be a decimal number such as 25 or \"25.50\"".into()),
    };
    let (whole, fraction) = as_text.split_once('.').unwrap_or((&as_text, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (!fraction.is_empty() && !digits(fraction)) || fraction.len() > 2 {
        return Err("must be a non-negative amount with at most two decimal places".into());
    }
    let whole: i64 = whole
        .parse()
        .ok()
        .filter(|w| *w <= 1_000_000_000)
        .ok_or("is too large")?;
    let fraction: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    Ok(whole * 100 + fraction)
}

/// An ISO 4217 code: three letters, upper-cased.
pub fn currency(raw: &str) -> Result<String, String> {
    let code = raw.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(format!(
            "`{raw}` is not an ISO 4217 currency code such as EUR"
        ))
    }
}

/// Lifetime (`None`) or 1 to 120 months.
pub fn duration(months: Option<i32>) -> Result<Option<i32>, String> {
    match months {
        Some(m) if !(1..=120).contains(&m) => {
            Err("must be between 1 and 120 months, or null for lifetime".into())
        }
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn fees_are_exact_minor_units() {
        assert_eq!(fee_cents(&json!(25)), Ok(2500));
        assert_eq!(fee_cents(&json!("25.5")), Ok(2550));
        assert_eq!(fee_cents(&json!(19.99)), Ok(1999));
        assert_eq!(fee_cents(&json!("0.05")), Ok(5));
        for bad in [
            json!(-1),
            json!("1.234"),
            json!("abc"),
            json!(true),
            json!("1e3"),
        ] {
            assert!(fee_cents(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn websites_and_locales() {
        assert!(website("https://kcns.example.org/o-nama").is_ok());
        assert!(website("kcns.example.org").is_err());
        assert!(website("https://").is_err());
        let names: LocalizedText = [("SR-latn".to_owned(), " Član ".to_owned())].into();
        let parsed = localized(names, 200, true).unwrap();
        assert_eq!(parsed.get("sr-Latn").map(String::as_str), Some("Član"));
        assert!(localized(LocalizedText::new(), 200, true).is_err());
        let bad: LocalizedText = [("de".to_owned(), "x".to_owned())].into();
        assert!(localized(bad, 200, false).is_err());
    }

    #[test]
    fn currencies_and_dates() {
        assert_eq!(currency("eur"), Ok("EUR".into()));
        assert!(currency("EURO").is_err());
        assert!(date("2027-02-30").is_err());
        assert!(date("2027-02-28").is_ok());
    }
}
