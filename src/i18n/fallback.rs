//! Which of the stored translations a reader gets: requested → the same language in the other
//! Serbian script (transliterated) → the text's default locale → English → any.

use crate::i18n::translit;
use crate::i18n::Locale;

/// The chosen translation: `served` is the locale the reader gets, `stored` the one it comes
/// from. They differ only when Serbian text is transliterated into the other script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub served: Locale,
    pub stored: Locale,
}

impl Choice {
    pub fn is_transliterated(&self) -> bool {
        self.served != self.stored
    }

    /// Converts a text from the stored script to the served one (a no-op for other locales).
    pub fn convert(&self, text: &str) -> String {
        match (self.stored, self.served) {
            (Locale::SrCyrl, Locale::SrLatn) => translit::cyrillic_to_latin(text),
            (Locale::SrLatn, Locale::SrCyrl) => translit::latin_to_cyrillic(text),
            _ => text.to_owned(),
        }
    }
}

/// The same language in the other script, for the languages written in two.
pub fn other_script(locale: Locale) -> Option<Locale> {
    match locale {
        Locale::SrLatn => Some(Locale::SrCyrl),
        Locale::SrCyrl => Some(Locale::SrLatn),
        _ => None,
    }
}

/// Picks a translation from `available` (the locales that have text). `None` only when nothing
/// is available. An explicit translation always beats a transliterated one.
pub fn choose(requested: Option<Locale>, default: Locale, available: &[Locale]) -> Option<Choice> {
    let has = |l: Locale| available.contains(&l);
    let stored_as_is = |l: Locale| {
        has(l).then_some(Choice {
            served: l,
            stored: l,
        })
    };
    if let Some(requested) = requested {
        if let Some(choice) = stored_as_is(requested) {
            return Some(choice);
        }
        if let Some(other) = other_script(requested).filter(|o| has(*o)) {
            return Some(Choice {
                served: requested,
                stored: other,
            });
        }
    }
    stored_as_is(default)
        .or_else(|| stored_as_is(Locale::En))
        .or_else(|| {
            Locale::ALL
                .iter()
                .copied()
                .find(|l| has(*l))
                .map(|l| Choice {
                    served: l,
                    stored: l,
                })
        })
}

#[cfg(test)]
mod tests {
    use super::{choose, Choice};
    use crate::i18n::Locale::*;

    #[test]
    fn requested_wins_then_other_script_then_default_then_english_then_any() {
        let same = |l| {
            Some(Choice {
                served: l,
                stored: l,
            })
        };
        assert_eq!(choose(Some(Ro), Sq, &[En, Ro, Sq]), same(Ro));
        assert_eq!(
            choose(Some(SrLatn), En, &[En, SrCyrl]),
            Some(Choice {
                served: SrLatn,
                stored: SrCyrl
            })
        );
        assert_eq!(
            choose(Some(SrLatn), SrCyrl, &[SrLatn, SrCyrl]),
            same(SrLatn)
        );
        assert_eq!(choose(Some(Mk), Sq, &[En, Sq]), same(Sq));
        assert_eq!(choose(Some(Mk), Sq, &[En, Ro]), same(En));
        assert_eq!(choose(None, Sq, &[Ro, Hr]), same(Hr));
        assert_eq!(choose(Some(En), En, &[]), None);
    }

    #[test]
    fn transliterated_text_is_converted() {
        let choice = Choice {
            served: SrLatn,
            stored: SrCyrl,
        };
        assert!(choice.is_transliterated());
        assert_eq!(choice.convert("Летња школа"), "Letnja škola");
    }
}
