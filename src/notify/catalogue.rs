//! The message texts: `src/notify/messages/<message>/<locale>.ftl`, compiled into the binary
//! (a missing file is a build error), each loaded once into a Fluent bundle together with the
//! shared strings in `_common/`.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::i18n::Locale;

macro_rules! catalogue {
    ($($message:literal),* $(,)?) => {
        /// Every message Kolo sends.
        pub const MESSAGES: &[&str] = &[$($message),*];

        /// (message, [source per locale, in `Locale::ALL` order]).
        const SOURCES: &[(&str, [&str; 10])] = &[
            ("_common", catalogue!(@files "_common")),
            $(($message, catalogue!(@files $message)),)*
        ];
    };
    (@files $message:literal) => {
        [
            include_str!(concat!("messages/", $message, "/en.ftl")),
            include_str!(concat!("messages/", $message, "/sr-Latn.ftl")),
            include_str!(concat!("messages/", $message, "/sr-Cyrl.ftl")),
            include_str!(concat!("messages/", $message, "/hr.ftl")),
            include_str!(concat!("messages/", $message, "/bs.ftl")),
            include_str!(concat!("messages/", $message, "/sl.ftl")),
            include_str!(concat!("messages/", $message, "/mk.ftl")),
            include_str!(concat!("messages/", $message, "/bg.ftl")),
            include_str!(concat!("messages/", $message, "/ro.ftl")),
            include_str!(concat!("messages/", $message, "/sq.ftl")),
        ]
    };
}

catalogue!(
    "verify_email",
    "password_reset",
    "account_exists",
    "registration_confirmed",
    "registration_waitlisted",
    "registration_promoted",
    "registration_cancelled",
    "guest_confirm",
    "event_changed",
    "event_changed_no_seat",
    "event_cancelled",
    "event_cancelled_no_seat",
    "event_reminder",
    "membership_application_received",
    "membership_new_application",
    "membership_approved",
    "membership_rejected",
    "membership_renewed",
    "membership_expiring",
    "membership_expired",
    "organiser_message",
);

type Bundle = FluentBundle<FluentResource>;

/// The raw Fluent source of a message in a locale.
pub fn source(message: &str, locale: Locale) -> Option<&'static str> {
    let index = Locale::ALL.iter().position(|l| *l == locale)?;
    SOURCES
        .iter()
        .find(|(m, _)| *m == message)
        .map(|(_, files)| files[index])
}

fn build(message: &str, locale: Locale) -> Result<Bundle, String> {
    let langid = locale
        .tag()
        .parse()
        .map_err(|e| format!("locale {}: {e:?}", locale.tag()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Unicode isolation marks around placeables would end up in subjects and plain text.
    bundle.set_use_isolating(false);
    for name in ["_common", message] {
        let text = source(name, locale).ok_or_else(|| format!("no message `{name}`"))?;
        let resource = FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| {
            format!("{name}/{}.ftl does not parse: {errors:?}", locale.tag())
        })?;
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("{name}/{}.ftl: {errors:?}", locale.tag()))?;
    }
    Ok(bundle)
}

/// Bundles by message, then by locale in `Locale::ALL` order; built on first use.
fn bundles() -> &'static HashMap<&'static str, Vec<Result<Bundle, String>>> {
    static BUNDLES: OnceLock<HashMap<&'static str, Vec<Result<Bundle, String>>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        MESSAGES
            .iter()
            .map(|m| (*m, Locale::ALL.iter().map(|l| build(m, *l)).collect()))
            .collect()
    })
}

/// Formats one string (`subject`, `body`, `greeting`, ...) of a message. `Ok(None)` when the
/// message has no such string (e.g. `action` in a message without a link).
pub fn text(
    message: &str,
    locale: Locale,
    id: &str,
    args: &FluentArgs,
) -> Result<Option<String>, String> {
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    let bundle = bundles()
        .get(message)
        .and_then(|per_locale| per_locale.get(index))
        .ok_or_else(|| format!("unknown email template `{message}`"))?
        .as_ref()
        .map_err(Clone::clone)?;
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return Ok(None);
    };
    let mut errors = Vec::new();
    let formatted = bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .into_owned();
    if errors.is_empty() {
        Ok(Some(formatted))
    } else {
        Err(format!("{message}/{}.ftl `{id}`: {errors:?}", locale.tag()))
    }
}

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;
