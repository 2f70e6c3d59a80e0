//! The catalogue as a whole: every locale says everything English says, every message renders
//! in every locale, plurals and dates follow the reader's language, and Serbian Cyrillic is the
//! Latin text transliterated.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use serde_json::{json, Value};

use super::{source, MESSAGES, SOURCES};
use crate::i18n::translit::latin_to_cyrillic;
use crate::i18n::Locale;
use crate::notify::dates;
use crate::notify::templates::{render, Rendered};

/// Message id → the variables its pattern uses.
type Strings = BTreeMap<String, BTreeSet<String>>;

fn variables_in_inline(expression: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for e in &arguments.positional {
                variables_in_inline(e, out);
            }
            for named in &arguments.named {
                variables_in_inline(&named.value, out);
            }
        }
        InlineExpression::Placeable { expression } => variables_in(expression, out),
        _ => {}
    }
}

fn variables_in(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => variables_in_inline(inline, out),
        Expression::Select { selector, variants } => {
            variables_in_inline(selector, out);
            for variant in variants {
                variables_in_pattern(&variant.value, out);
            }
        }
    }
}

fn variables_in_pattern(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_in(expression, out);
        }
    }
}

fn strings(name: &str, locale: Locale) -> Strings {
    let text = source(name, locale).expect("message is in the catalogue");
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
        panic!("{name}/{}.ftl does not parse: {errors:?}", locale.tag())
    });
    let mut strings = Strings::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables_in_pattern(value, &mut variables);
                }
                let previous = strings.insert(message.id.name.to_owned(), variables);
                assert!(
                    previous.is_none(),
                    "{name}/{}.ftl defines `{}` twice",
                    locale.tag(),
                    message.id.name
                );
            }
            Entry::Term(term) => panic!(
                "{name}/{}.ftl: unexpected term -{}",
                locale.tag(),
                term.id.name
            ),
            Entry::Junk { content } => {
                panic!("{name}/{}.ftl: junk {content:?}", locale.tag())
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
    strings
}

#[test]
fn every_locale_has_the_same_strings_and_variables_as_english() {
    assert_eq!(
        SOURCES.len(),
        MESSAGES.len() + 1,
        "_common and every message"
    );
    let mut problems = Vec::new();
    for (name, _) in SOURCES {
        let english = strings(name, Locale::En);
        assert!(!english.is_empty(), "{name}/en.ftl is empty");
        if *name != "_common" {
            for required in ["subject", "body"] {
                assert!(
                    english.contains_key(required),
                    "{name}/en.ftl: no {required}"
                );
            }
        }
        for locale in Locale::ALL {
            let translated = strings(name, locale);
            let ids = |s: &Strings| s.keys().cloned().collect::<BTreeSet<_>>();
            if ids(&translated) != ids(&english) {
                problems.push(format!(
                    "{name}/{}.ftl: missing {:?}, extra {:?}",
                    locale.tag(),
                    ids(&english)
                        .difference(&ids(&translated))
                        .collect::<Vec<_>>(),
                    ids(&translated)
                        .difference(&ids(&english))
                        .collect::<Vec<_>>(),
                ));
                continue;
            }
            for (id, variables) in &english {
                if translated[id] != *variables {
                    problems.push(format!(
                        "{name}/{}.ftl `{id}` uses {:?}, English uses {variables:?}",
                        locale.tag(),
                        translated[id]
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

const LINK: &str = "https://kolo.example.org/verify-email?token=abc123";
const UNSUBSCRIBE_PAGE: &str = "http://127.0.0.1:8080/unsubscribe?token=t0k3n";
const UNSUBSCRIBE_POST: &str = "http://127.0.0.1:8080/api/v1/unsubscribe?token=t0k3n";

/// Every variable any message uses, with realistic values.
fn sample() -> Value {
    json!({
        "name": "Ana Petrović",
        "link": LINK,
        "hours": 24,
        "event": "Festival nezavisne kulture",
        "starts_at": "2026-03-14T09:00:00Z",
        "timezone": "Europe/Belgrade",
        "place": "Kulturni centar, Novi Sad",
        "code": "K7QX2M9PLA",
        "position": 3,
        "reason": "The hall is being renovated.",
        "organisation": "Udruženje Kulturni krug",
        "membership_type": "Supporting member",
        "applicant": "Marko Marković",
        "until": "2027-03-14",
        "days": 7,
        "old_starts_at": "2026-03-13T09:00:00Z",
        "old_place": "Stara sala",
        "message_subject": "Bring your own cup",
        "message_body": "Dear all,\n\nplease bring your own cup.",
        "unsubscribe_link": UNSUBSCRIBE_PAGE,
        "unsubscribe_post": UNSUBSCRIBE_POST,
    })
}

/// The shipped settings for the test environment (public URL http://127.0.0.1:8080).
pub(crate) fn settings() -> crate::config::Settings {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
    crate::config::Settings::load_from(&dir, "test", false).expect("shipped configuration loads")
}

fn rendered(message: &str, locale: Locale, data: &Value) -> Rendered {
    render(&settings(), message, locale, data, false)
        .unwrap_or_else(|e| panic!("{message} in {}: {e}", locale.tag()))
}

fn uses(message: &str, variable: &str) -> bool {
    source(message, Locale::En).is_some_and(|s| s.contains(&format!("${variable}")))
}

#[test]
fn every_message_renders_in_every_locale() {
    let data = sample();
    let field = |key: &str| data[key].as_str().expect("string").to_owned();
    for message in MESSAGES {
        for locale in Locale::ALL {
            let out = rendered(message, locale, &data);
            let at = format!("{message} in {}", locale.tag());
            for (part, text) in [
                ("subject", &out.subject),
                ("text", &out.text),
                ("html", &out.html),
            ] {
                assert!(!text.trim().is_empty(), "{at}: empty {part}");
                for leftover in ["{", "}", "$", "Unknown", "\u{2068}", "\u{2069}"] {
                    assert!(
                        !text.contains(leftover),
                        "{at}: {part} contains {leftover:?}:\n{text}"
                    );
                }
            }
            assert!(!out.subject.contains('\n'), "{at}: {:?}", out.subject);
            assert!(
                out.text.contains(&field("name")),
                "{at}: no greeting:\n{}",
                out.text
            );
            for variable in ["event", "organisation"] {
                if uses(message, variable) {
                    let value = field(variable);
                    assert!(
                        out.text.contains(&value) && out.html.contains(&value),
                        "{at}: no {variable}:\n{}",
                        out.text
                    );
                }
            }
            if uses(message, "event") || uses(message, "organisation") {
                let names = [field("event"), field("organisation")];
                assert!(
                    names.iter().any(|n| out.subject.contains(n)),
                    "{at}: subject names neither event nor organisation: {}",
                    out.subject
                );
            }
            if uses(message, "when") {
                let when = dates::date_time(
                    "2026-03-14T09:00:00Z".parse().expect("time"),
                    "Europe/Belgrade",
                    locale,
                );
                assert!(out.text.contains(&when), "{at}: no {when:?}:\n{}", out.text);
            }
            if uses(message, "code") {
                assert!(out.text.contains("K7QX2M9PLA"), "{at}:\n{}", out.text);
            }
            // Only messages whose call to action is the stored link show it.
            assert_eq!(
                out.text.contains(LINK),
                source(message, Locale::En).is_some_and(|s| s.contains("\naction ="))
                    && *message != "membership_new_application",
                "{at}:\n{}",
                out.text
            );
            assert!(out.text.contains(UNSUBSCRIBE_PAGE), "{at}:\n{}", out.text);
            assert_eq!(out.unsubscribe.as_deref(), Some(UNSUBSCRIBE_POST));
        }
    }
}

#[test]
fn organiser_messages_carry_the_organisers_own_words() {
    for locale in Locale::ALL {
        let out = rendered("organiser_message", locale, &sample());
        assert!(
            out.subject.ends_with(": Bring your own cup"),
            "{}",
            out.subject
        );
        assert!(
            out.text
                .contains("> Dear all,\n\n> please bring your own cup."),
            "{}",
            out.text
        );
        assert!(out.html.contains("<blockquote"), "{}", out.html);
    }
}

#[test]
fn html_escapes_what_people_typed() {
    let mut data = sample();
    data["event"] = json!("Rock & <b>roll</b>");
    let out = rendered("registration_confirmed", Locale::En, &data);
    assert!(
        out.html.contains("Rock &amp; &lt;b&gt;roll&lt;/b&gt;"),
        "{}",
        out.html
    );
    assert!(!out.html.contains("<b>roll"), "{}", out.html);
    assert!(out.text.contains("Rock & <b>roll</b>"), "{}", out.text);
}

fn expiring(locale: Locale, days: u32) -> String {
    let mut data = sample();
    data["days"] = json!(days);
    rendered("membership_expiring", locale, &data).text
}

fn valid_for(message: &str, locale: Locale, hours: u32) -> String {
    let mut data = sample();
    data["hours"] = json!(hours);
    rendered(message, locale, &data).text
}

#[test]
fn plural_forms_follow_each_language() {
    let cases: &[(Locale, u32, &str)] = &[
        (Locale::En, 1, "expires in 1 day."),
        (Locale::En, 2, "expires in 2 days."),
        (Locale::SrLatn, 1, "ističe za 1 dan."),
        (Locale::SrLatn, 2, "ističe za 2 dana."),
        (Locale::SrLatn, 5, "ističe za 5 dana."),
        (Locale::SrLatn, 21, "ističe za 21 dan."),
        (Locale::SrCyrl, 1, "истиче за 1 дан."),
        (Locale::SrCyrl, 3, "истиче за 3 дана."),
        (Locale::Hr, 1, "istječe za 1 dan."),
        (Locale::Hr, 2, "istječe za 2 dana."),
        (Locale::Hr, 5, "istječe za 5 dana."),
        (Locale::Hr, 31, "istječe za 31 dan."),
        (Locale::Sl, 1, "poteče čez 1 dan."),
        (Locale::Sl, 2, "poteče čez 2 dneva."),
        (Locale::Sl, 3, "poteče čez 3 dni."),
        (Locale::Sl, 5, "poteče čez 5 dni."),
        (Locale::Sl, 101, "poteče čez 101 dan."),
        (Locale::Sl, 102, "poteče čez 102 dneva."),
        (Locale::Ro, 1, "expiră peste o zi."),
        (Locale::Ro, 2, "expiră peste 2 zile."),
        (Locale::Ro, 20, "expiră peste 20 de zile."),
        (Locale::Mk, 1, "истекува за 1 ден."),
        (Locale::Mk, 7, "истекува за 7 дена."),
        (Locale::Bg, 1, "изтича след 1 ден."),
        (Locale::Bg, 7, "изтича след 7 дни."),
        (Locale::Sq, 1, "skadon pas 1 dite."),
        (Locale::Sq, 7, "skadon pas 7 ditësh."),
    ];
    for (locale, days, expected) in cases {
        let text = expiring(*locale, *days);
        assert!(
            text.contains(expected),
            "{} with {days} days: expected {expected:?} in\n{text}",
            locale.tag()
        );
    }
    let hours: &[(&str, Locale, u32, &str)] = &[
        ("guest_confirm", Locale::En, 1, "valid for 1 hour."),
        ("guest_confirm", Locale::En, 48, "valid for 48 hours."),
        ("guest_confirm", Locale::Sl, 1, "velja 1 uro."),
        ("guest_confirm", Locale::Sl, 2, "velja 2 uri."),
        ("guest_confirm", Locale::Sl, 4, "velja 4 ure."),
        ("guest_confirm", Locale::Sl, 24, "velja 24 ur."),
        ("guest_confirm", Locale::Ro, 1, "valabil o oră."),
        ("guest_confirm", Locale::Ro, 2, "valabil 2 ore."),
        ("guest_confirm", Locale::Ro, 24, "valabil 24 de ore."),
    ];
    for (message, locale, n, expected) in hours {
        let text = valid_for(message, *locale, *n);
        assert!(
            text.contains(expected),
            "{message} in {} with {n} hours: expected {expected:?} in\n{text}",
            locale.tag()
        );
    }
}

/// Values without letters, so that the data reads the same in both scripts; only the link,
/// the code and the unsubscribe URLs have letters, and those stay Latin.
fn script_neutral() -> Value {
    json!({
        "name": "7",
        "link": LINK,
        "hours": 24,
        "event": "2026",
        "starts_at": "2026-03-14T09:00:00Z",
        "timezone": "Europe/Belgrade",
        "place": "12",
        "code": "K7QX2M9PLA",
        "position": 3,
        "reason": "9",
        "organisation": "42",
        "membership_type": "3",
        "applicant": "5",
        "until": "2027-03-14",
        "days": 7,
        "old_starts_at": "2026-03-13T09:00:00Z",
        "old_place": "11",
        "message_subject": "8",
        "message_body": "13",
        "unsubscribe_link": UNSUBSCRIBE_PAGE,
        "unsubscribe_post": UNSUBSCRIBE_POST,
        "event_id": 5,
        "registration_id": 6,
        "membership_id": 7,
        "online_url": "https://meet.example.org/x",
        "host": {"name": "42", "slug": "kk", "email": "ured@kk.example.org", "website": "https://kk.example.org"},
    })
}

/// What stays in Latin script in a Serbian Cyrillic email besides links and addresses: the
/// check-in code, the platform's name and the time zone abbreviation. Longest first, so no
/// placeholder splits another.
const LATIN_IN_CYRILLIC: [&str; 4] = ["K7QX2M9PLA", "CEST", "Kolo", "CET"];

fn protect(text: &str) -> String {
    let mut out = String::new();
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        if word.starts_with("http") || word.contains('@') {
            out.push('\u{E002}');
        } else {
            out.push_str(word);
        }
        out.push_str(&piece[word.len()..]);
    }
    LATIN_IN_CYRILLIC
        .iter()
        .enumerate()
        .fold(out, |t, (i, latin)| {
            t.replace(latin, &format!("\u{E000}{i}\u{E001}"))
        })
}

/// Where two texts first differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let tail = |s: &str| {
        s.chars()
            .skip(at.saturating_sub(20))
            .take(60)
            .collect::<String>()
    };
    format!("after {at} chars:\n  {:?}\n  {:?}", tail(a), tail(b))
}

#[test]
fn serbian_cyrillic_is_the_transliteration_of_serbian_latin() {
    let data = script_neutral();
    let mut problems = Vec::new();
    // Both footers of a host's message: with and without a Reply-To.
    for (message, replies) in MESSAGES.iter().flat_map(|m| [(m, false), (m, true)]) {
        let render_in =
            |locale| render(&settings(), message, locale, &data, replies).expect("renders");
        let latin = render_in(Locale::SrLatn);
        let cyrillic = render_in(Locale::SrCyrl);
        for (part, latin, cyrillic) in [
            ("subject", &latin.subject, &cyrillic.subject),
            ("text", &latin.text, &cyrillic.text),
        ] {
            let expected = latin_to_cyrillic(&protect(latin));
            let actual = protect(cyrillic);
            if expected != actual {
                problems.push(format!(
                    "{message} {part}: {}",
                    first_difference(&expected, &actual)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn dates_are_shown_in_the_readers_language_and_the_events_zone() {
    let at = |starts_at: &str, timezone: &str, locale: Locale| {
        let mut data = sample();
        data["starts_at"] = json!(starts_at);
        data["timezone"] = json!(timezone);
        rendered("registration_confirmed", locale, &data).text
    };
    let hr = at("2026-03-14T09:00:00Z", "Europe/Zagreb", Locale::Hr);
    assert!(hr.contains("subota, 14. ožujka 2026, 10:00 (CET)"), "{hr}");
    let mk = at("2026-03-14T09:00:00Z", "Europe/Skopje", Locale::Mk);
    assert!(mk.contains("сабота, 14. март 2026, 10:00 (CET)"), "{mk}");
    let winter = at("2026-03-14T09:00:00Z", "Europe/Belgrade", Locale::En);
    assert!(
        winter.contains("When: Saturday 14 March 2026, 10:00 (CET)"),
        "{winter}"
    );
    let summer = at("2026-07-01T16:30:00Z", "Europe/Belgrade", Locale::En);
    assert!(
        summer.contains("When: Wednesday 1 July 2026, 18:30 (CEST)"),
        "{summer}"
    );
    // The zone is the event's, not the reader's or the server's.
    let bucharest = at("2026-03-14T09:00:00Z", "Europe/Bucharest", Locale::Ro);
    assert!(
        bucharest.contains("sâmbătă, 14 martie 2026, 11:00 (EET)"),
        "{bucharest}"
    );
}
