//! The one fold behind every search and text filter: a text and a query match when the query's
//! fold is part of the text's fold. Folding lower-cases in every alphabet, writes Cyrillic in
//! Latin letters (Serbian spelling, so "Независна" and "Nezavisna" meet) and drops diacritics,
//! so "sabac" finds "Šabac", "cacak" "Čačak" and "tirane" "Tiranë". It runs in Rust on both
//! sides, never as SQL `lower()` (ASCII-only on SQLite): stored texts keep their fold in a
//! search column written with the row, and queries compare against that column with `LIKE`.

use unicode_normalization::char::decompose_canonical;

/// Bumped whenever `fold` changes meaning: the stored folds are then rewritten at start-up
/// (see `crate::db::refold`).
pub const FOLD_VERSION: i32 = 1;

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(latin) = cyrillic(c) {
            // The Latin spelling may carry diacritics itself (ж → ž): fold it too.
            latin.chars().for_each(|l| push_plain(&mut out, l));
        } else {
            push_plain(&mut out, c);
        }
    }
    out
}

/// The fold of several texts of one row (a title and a summary) as one search text, a line
/// apart, so that a query of words rarely runs from one text into the next.
pub fn fold_parts(parts: &[Option<&str>]) -> String {
    let joined: Vec<&str> = parts.iter().flatten().copied().collect();
    fold(&joined.join("\n"))
}

/// A `LIKE` pattern that finds the fold of `query` anywhere in a folded column (with
/// `ESCAPE '\'`): the wildcards in the user's text match only themselves.
pub fn contains_pattern(query: &str) -> String {
    let escaped = fold(query)
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Pushes `c` without its diacritics: the base letter of its canonical decomposition, or a
/// spelling for the letters Unicode does not decompose (đ, ł, ø, ß, …).
fn push_plain(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    let special = match c {
        // Serbian and Croatian "Đorđe" is written "Djordje" without diacritics.
        'đ' | 'ð' => "dj",
        'ł' => "l",
        'ø' => "o",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        // The single-letter digraphs of Serbo-Croatian Latin (rare, but in Unicode).
        'ǆ' => "dz",
        'ǉ' => "lj",
        'ǌ' => "nj",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.push(d);
        }
    });
}

/// The combining diacritical marks left after canonical decomposition of Latin, Greek and
/// Cyrillic letters.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The Latin spelling of a lower-case Cyrillic letter: Serbian Latin where Serbian has the
/// letter (the same as `translit::cyrillic_to_latin`), Macedonian, Bulgarian and Russian
/// letters as they are commonly romanised.
fn cyrillic(c: char) -> Option<&'static str> {
    let latin = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "đ",
        'е' | 'ѐ' | 'э' | 'ё' => "e",
        'ж' => "ž",
        'з' => "z",
        'и' | 'ѝ' | 'і' => "i",
        'ј' | 'й' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "ć",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "č",
        'џ' => "dž",
        'ш' => "š",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        'щ' => "št",
        'ъ' => "a",
        'ь' => "",
        'ю' => "ju",
        'я' => "ja",
        'ы' => "y",
        'є' => "je",
        'ї' => "ji",
        'ґ' => "g",
        _ => return None,
    };
    Some(latin)
}

#[cfg(test)]
mod tests {
    use super::{contains_pattern, fold};

    #[test]
    fn case_scripts_and_diacritics_fold_away() {
        assert_eq!(fold("ŠABAC"), "sabac");
        assert_eq!(fold("Čačak"), "cacak");
        assert_eq!(fold("Tiranë"), "tirane");
        assert_eq!(fold("Timișoara / Timişoara"), "timisoara / timisoara");
        assert_eq!(fold("Асоцијација Независна"), "asocijacija nezavisna");
        assert_eq!(fold("АСОЦИЈАЦИЈА НЕЗАВИСНА"), fold("Asocijacija Nezavisna"));
        assert_eq!(fold("Ђорђе Đorđe"), "djordje djordje");
        assert_eq!(fold("Љубљана ЏЕЗ"), "ljubljana dzez");
        assert_eq!(fold("Охрид Скопје"), "ohrid skopje");
        assert_eq!(fold("Пловдив"), "plovdiv");
        assert_eq!(fold("Straße Łódź"), "strasse lodz");
        assert_eq!(fold("ǅep ǈubav Ǌegoš"), "dzep ljubav njegos");
    }

    #[test]
    fn folding_is_idempotent() {
        for text in ["Šabac", "Независна", "Tiranë", "Ђорђе", "ß", "Ѓорче Петров"]
        {
            assert_eq!(fold(&fold(text)), fold(text), "{text}");
        }
    }

    #[test]
    fn patterns_escape_like_wildcards() {
        assert_eq!(contains_pattern("100%_Š\\"), "%100\\%\\_s\\\\%");
    }
}
