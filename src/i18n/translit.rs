//! Serbian is written in two scripts with a one-to-one mapping (Vuk's alphabet and Gaj's Latin
//! alphabet), so a text given in one script can be served in the other. Latin → Cyrillic has
//! to read the digraphs lj, nj and dž as single letters, and must leave alone what is not
//! Serbian: URLs, email addresses and foreign words (recognised by the letters q, w, x, y,
//! which the Serbian Latin alphabet does not have).

/// Cyrillic → Latin. Always safe: every Serbian Cyrillic letter has one Latin spelling.
pub fn cyrillic_to_latin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let latin = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'ђ' => "đ",
            'е' => "e",
            'ж' => "ž",
            'з' => "z",
            'и' => "i",
            'ј' => "j",
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
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "c",
            'ч' => "č",
            'џ' => "dž",
            'ш' => "š",
            'А' => "A",
            'Б' => "B",
            'В' => "V",
            'Г' => "G",
            'Д' => "D",
            'Ђ' => "Đ",
            'Е' => "E",
            'Ж' => "Ž",
            'З' => "Z",
            'И' => "I",
            'Ј' => "J",
            'К' => "K",
            'Л' => "L",
            'М' => "M",
            'Н' => "N",
            'О' => "O",
            'П' => "P",
            'Р' => "R",
            'С' => "S",
            'Т' => "T",
            'Ћ' => "Ć",
            'У' => "U",
            'Ф' => "F",
            'Х' => "H",
            'Ц' => "C",
            'Ч' => "Č",
            'Ш' => "Š",
            'Љ' | 'Њ' | 'Џ' => {
                // "Љубица" → "Ljubica", but "ЉУБИЦА" → "LJUBICA": the second letter follows
                // the case of the neighbours.
                let shouting = chars
                    .get(i + 1)
                    .or_else(|| i.checked_sub(1).and_then(|p| chars.get(p)))
                    .is_some_and(|n| n.is_uppercase());
                match (c, shouting) {
                    ('Љ', true) => "LJ",
                    ('Љ', false) => "Lj",
                    ('Њ', true) => "NJ",
                    ('Њ', false) => "Nj",
                    (_, true) => "DŽ",
                    _ => "Dž",
                }
            }
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(latin);
    }
    out
}

/// Words where the Latin pair is two letters, not one digraph (a prefix meets a root).
const NOT_DIGRAPHS: [&str; 8] = [
    "nadž", "podž", "odžali", "konjug", "injek", "vanjezi", "tanjug", "konjunk",
];

/// Latin → Cyrillic, word by word, leaving URLs, addresses and foreign words as they are.
pub fn latin_to_cyrillic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            out.push_str(&word_to_cyrillic(&word));
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    out.push_str(&word_to_cyrillic(&word));
    out
}

/// Whether a whitespace-separated token should stay in Latin script.
fn keep_as_is(token: &str) -> bool {
    let lower = token.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    // a domain name such as kolo.org: a dot with letters on both sides
    let domain_like = core
        .char_indices()
        .filter(|&(_, c)| c == '.')
        .any(|(i, _)| {
            core[..i].chars().last().is_some_and(char::is_alphanumeric)
                && core[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        });
    lower.contains("://")
        || lower.contains('@')
        || domain_like
        || lower.chars().any(|c| matches!(c, 'q' | 'w' | 'x' | 'y'))
}

fn word_to_cyrillic(token: &str) -> String {
    if token.is_empty() || keep_as_is(token) {
        return token.to_owned();
    }
    let lower = token.to_lowercase();
    let split_at: Option<usize> = NOT_DIGRAPHS
        .iter()
        .find(|prefix| {
            lower
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .starts_with(*prefix)
        })
        .and_then(|prefix| {
            // Index (in chars, counting leading punctuation) of the pair's second letter.
            let leading = lower.chars().take_while(|c| !c.is_alphabetic()).count();
            let p: Vec<char> = prefix.chars().collect();
            p.windows(2)
                .position(|w| matches!(w, ['l', 'j'] | ['n', 'j'] | ['d', 'ž']))
                .map(|at| leading + at + 1)
        });
    let chars: Vec<char> = token.chars().collect();
    let mut out = String::with_capacity(token.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let digraph = match (c, next) {
            _ if split_at == Some(i + 1) => None,
            ('l', Some('j')) => Some('љ'),
            ('n', Some('j')) => Some('њ'),
            ('d', Some('ž')) => Some('џ'),
            ('L', Some('j' | 'J')) => Some('Љ'),
            ('N', Some('j' | 'J')) => Some('Њ'),
            ('D', Some('ž' | 'Ž')) => Some('Џ'),
            _ => None,
        };
        if let Some(d) = digraph {
            out.push(d);
            i += 2;
            continue;
        }
        let cyr = match c {
            'a' => 'а',
            'b' => 'б',
            'v' => 'в',
            'g' => 'г',
            'd' => 'д',
            'đ' => 'ђ',
            'e' => 'е',
            'ž' => 'ж',
            'z' => 'з',
            'i' => 'и',
            'j' => 'ј',
            'k' => 'к',
            'l' => 'л',
            'm' => 'м',
            'n' => 'н',
            'o' => 'о',
            'p' => 'п',
            'r' => 'р',
            's' => 'с',
            't' => 'т',
            'ć' => 'ћ',
            'u' => 'у',
            'f' => 'ф',
            'h' => 'х',
            'c' => 'ц',
            'č' => 'ч',
            'š' => 'ш',
            'A' => 'А',
            'B' => 'Б',
            'V' => 'В',
            'G' => 'Г',
            'D' => 'Д',
            'Đ' => 'Ђ',
            'E' => 'Е',
            'Ž' => 'Ж',
            'Z' => 'З',
            'I' => 'И',
            'J' => 'Ј',
            'K' => 'К',
            'L' => 'Л',
            'M' => 'М',
            'N' => 'Н',
            'O' => 'О',
            'P' => 'П',
            'R' => 'Р',
            'S' => 'С',
            'T' => 'Т',
            'Ć' => 'Ћ',
            'U' => 'У',
            'F' => 'Ф',
            'H' => 'Х',
            'C' => 'Ц',
            'Č' => 'Ч',
            'Š' => 'Ш',
            other => other,
        };
        out.push(cyr);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cyrillic_to_latin, latin_to_cyrillic};

    #[test]
    fn cyrillic_sentences_become_latin() {
        assert_eq!(
            cyrillic_to_latin(
                "Радионица о савременом плесу у Културном центру Љубљана, џез и ђачке песме."
            ),
            "Radionica o savremenom plesu u Kulturnom centru Ljubljana, džez i đačke pesme."
        );
        assert_eq!(cyrillic_to_latin("ЉУБИЦА И ЊЕГОШ"), "LJUBICA I NJEGOŠ");
        assert_eq!(cyrillic_to_latin("Џемпер"), "Džemper");
    }

    #[test]
    fn latin_sentences_become_cyrillic_with_digraphs() {
        assert_eq!(
            latin_to_cyrillic("Ljubav, njegovo džepno izdanje i Đorđe čitaju šest pesama."),
            "Љубав, његово џепно издање и Ђорђе читају шест песама."
        );
        assert_eq!(latin_to_cyrillic("LJUBLJANA"), "ЉУБЉАНА");
    }

    #[test]
    fn urls_addresses_and_foreign_words_stay_latin() {
        assert_eq!(
            latin_to_cyrillic(
                "Prijave na https://kolo.example.org/prijava ili info@kolo.rs do petka."
            ),
            "Пријаве на https://kolo.example.org/prijava или info@kolo.rs до петка."
        );
        assert_eq!(
            latin_to_cyrillic("Gost je Wayne sa festivala Exit, sajt www.exitfest.org"),
            "Гост је Wayne са фестивала Exit, сајт www.exitfest.org"
        );
    }

    #[test]
    fn prefix_and_root_are_not_digraphs() {
        assert_eq!(latin_to_cyrillic("nadživeti"), "надживети");
        assert_eq!(latin_to_cyrillic("Podžanr"), "Поджанр");
        assert_eq!(latin_to_cyrillic("konjugacija"), "конјугација");
    }

    #[test]
    fn round_trip_keeps_serbian_text() {
        let text = "Međunarodna konferencija o nezavisnoj kulturi: njuz, ljudi i džungla grada.";
        assert_eq!(cyrillic_to_latin(&latin_to_cyrillic(text)), text);
    }
}
