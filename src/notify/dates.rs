//! Dates and times as a recipient reads them: in the event's time zone, with day and month
//! names in the recipient's language, and the zone named.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::i18n::Locale;

fn chrono_locale(locale: Locale) -> chrono::Locale {
    match locale {
        Locale::En => chrono::Locale::en_GB,
        Locale::SrLatn => chrono::Locale::sr_RS_latin,
        Locale::SrCyrl => chrono::Locale::sr_RS,
        Locale::Hr => chrono::Locale::hr_HR,
        Locale::Bs => chrono::Locale::bs_BA,
        Locale::Sl => chrono::Locale::sl_SI,
        Locale::Mk => chrono::Locale::mk_MK,
        Locale::Bg => chrono::Locale::bg_BG,
        Locale::Ro => chrono::Locale::ro_RO,
        Locale::Sq => chrono::Locale::sq_AL,
    }
}

/// The date pattern each language writes by hand (South Slavic languages put a dot after the
/// day; Bulgarian adds "г."), in chrono's format syntax.
fn date_pattern(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "%A %-d %B %Y",
        Locale::Bg => "%A, %-d %B %Y г.",
        Locale::Ro | Locale::Sq => "%A, %-d %B %Y",
        _ => "%A, %-d. %B %Y",
    }
}

fn fix_case(locale: Locale, text: String) -> String {
    // The C library's Bosnian data capitalises day and month names; Bosnian writes them in
    // lower case like its neighbours.
    if locale == Locale::Bs {
        text.to_lowercase()
    } else {
        text
    }
}

/// E.g. "subota, 14. mart 2026, 10:00 (CET)".
pub fn date_time(at: DateTime<Utc>, timezone: &str, locale: Locale) -> String {
    let tz: Tz = timezone.parse().unwrap_or(chrono_tz::UTC);
    let local = at.with_timezone(&tz);
    let date = fix_case(
        locale,
        local
            .format_localized(date_pattern(locale), chrono_locale(locale))
            .to_string(),
    );
    format!("{date}, {} ({})", local.format("%H:%M"), local.format("%Z"))
}

/// E.g. "14. mart 2026." style dates without a time, for membership end dates.
pub fn date(day: NaiveDate, locale: Locale) -> String {
    let pattern = match locale {
        Locale::En => "%-d %B %Y",
        Locale::Bg => "%-d %B %Y г.",
        Locale::Ro | Locale::Sq => "%-d %B %Y",
        _ => "%-d. %B %Y.",
    };
    fix_case(
        locale,
        day.format_localized(pattern, chrono_locale(locale))
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::{date, date_time};
    use crate::i18n::Locale;

    #[test]
    fn formats_in_the_event_zone_and_the_readers_language() {
        let at = chrono::Utc
            .with_ymd_and_hms(2026, 3, 14, 9, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(
            date_time(at, "Europe/Belgrade", Locale::En),
            "Saturday 14 March 2026, 10:00 (CET)"
        );
        assert_eq!(
            date_time(at, "Europe/Belgrade", Locale::SrLatn),
            "subota, 14. mart 2026, 10:00 (CET)"
        );
        assert_eq!(
            date_time(at, "Europe/Belgrade", Locale::SrCyrl),
            "субота, 14. март 2026, 10:00 (CET)"
        );
        assert_eq!(
            date_time(at, "Europe/Zagreb", Locale::Hr),
            "subota, 14. ožujka 2026, 10:00 (CET)"
        );
        assert_eq!(
            date_time(at, "Europe/Sarajevo", Locale::Bs),
            "subota, 14. mart 2026, 10:00 (CET)"
        );
        assert_eq!(
            date_time(at, "Europe/Bucharest", Locale::Ro),
            "sâmbătă, 14 martie 2026, 11:00 (EET)"
        );
        assert_eq!(
            date_time(at, "Europe/Tirane", Locale::Sq),
            "e shtunë, 14 mars 2026, 10:00 (CET)"
        );
        assert_eq!(
            date_time(at, "Europe/Sofia", Locale::Bg),
            "събота, 14 март 2026 г., 11:00 (EET)"
        );
        let summer = chrono::Utc
            .with_ymd_and_hms(2026, 7, 1, 16, 30, 0)
            .single()
            .expect("valid");
        assert_eq!(
            date_time(summer, "Europe/Skopje", Locale::Mk),
            "среда, 1. јули 2026, 18:30 (CEST)"
        );
        let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).expect("valid");
        assert_eq!(date(day, Locale::Sl), "31. januar 2027.");
        assert_eq!(date(day, Locale::En), "31 January 2027");
    }
}
