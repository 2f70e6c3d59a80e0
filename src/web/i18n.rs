//! Page texts: `src/web/locales/<area>/<locale>.ftl`, compiled into the binary, one Fluent
//! bundle per locale holding every area. Keys are prefixed by their area (`events-…`), so
//! areas never collide; a unit test checks that every key exists in every locale.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::i18n::Locale;

macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        /// Every area of page text.
        pub const AREAS: &[&str] = &[$($area),*];

        /// (area, [source per locale, in `Locale::ALL` order]).
        pub(crate) const SOURCES: &[(&str, [&str; 10])] = &[$(($area, areas!(@files $area)),)*];
    };
    (@files $area:literal) => {
        [
            include_str!(concat!("locales/", $area, "/en.ftl")),
            include_str!(concat!("locales/", $area, "/sr-Latn.ftl")),
            include_str!(concat!("locales/", $area, "/sr-Cyrl.ftl")),
            include_str!(concat!("locales/", $area, "/hr.ftl")),
            include_str!(concat!("locales/", $area, "/bs.ftl")),
            include_str!(concat!("locales/", $area, "/sl.ftl")),
            include_str!(concat!("locales/", $area, "/mk.ftl")),
            include_str!(concat!("locales/", $area, "/bg.ftl")),
            include_str!(concat!("locales/", $area, "/ro.ftl")),
            include_str!(concat!("locales/", $area, "/sq.ftl")),
        ]
    };
}

areas!(
    "common",
    "events",
    "landing",
    "orgs",
    "account",
    "mine",
    "manage-home",
    "manage-members",
    "manage-events",
    "roster",
    "checkin",
    "messages",
);

type Bundle = FluentBundle<FluentResource>;

fn build(index: usize, locale: Locale) -> Result<Bundle, String> {
    let langid = locale
        .tag()
        .parse()
        .map_err(|e| format!("locale {}: {e:?}", locale.tag()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks would show up in `title` attributes and form values.
    bundle.set_use_isolating(false);
    for (area, files) in SOURCES {
        let resource = FluentResource::try_new(files[index].to_owned()).map_err(|(_, e)| {
            format!(
                "web/locales/{area}/{}.ftl does not parse: {e:?}",
                locale.tag()
            )
        })?;
        bundle
            .add_resource(resource)
            .map_err(|e| format!("web/locales/{area}/{}.ftl: {e:?}", locale.tag()))?;
    }
    Ok(bundle)
}

fn bundles() -> &'static [Result<Bundle, String>] {
    static BUNDLES: OnceLock<Vec<Result<Bundle, String>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Locale::ALL
            .iter()
            .enumerate()
            .map(|(i, l)| build(i, *l))
            .collect()
    })
}

/// Whether a key exists (for keys built from input, such as `?notice=`).
pub fn exists(locale: Locale, key: &str) -> bool {
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    matches!(bundles().get(index), Some(Ok(b)) if b.has_message(key))
}

/// A page text, or the key itself when it is missing (logged: the catalogue test should have
/// caught it), so a page never fails to render over a missing string.
pub fn text(locale: Locale, key: &str, args: Option<&FluentArgs>) -> String {
    let index = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    let bundle = match bundles().get(index) {
        Some(Ok(bundle)) => bundle,
        Some(Err(e)) => {
            tracing::error!(error = %e, "page texts do not load");
            return key.to_owned();
        }
        None => return key.to_owned(),
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::warn!(key, locale = %locale, "missing page text");
        return key.to_owned();
    };
    let mut errors = Vec::new();
    let out = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    if !errors.is_empty() {
        tracing::warn!(key, locale = %locale, ?errors, "page text did not format cleanly");
    }
    out
}

/// One argument of a page text.
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

pub fn with_args(locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Str(s) => fluent.set(*name, FluentValue::from(*s)),
            Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    text(locale, key, Some(&fluent))
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
