//! Every page text exists in every locale with the same variables, and every key the pages
//! use exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::SOURCES;
use crate::i18n::Locale;

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, out);
        }
    }
}

/// Key → variables, for one locale across all areas.
fn keys(locale_index: usize) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (area, files) in SOURCES {
        let resource =
            fluent_syntax::parser::parse(files[locale_index]).unwrap_or_else(|(_, e)| {
                panic!("{area}/{}.ftl: {e:?}", Locale::ALL[locale_index].tag())
            });
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let name = m.id.name.to_owned();
                assert!(
                    name.starts_with(&format!("{area}-")),
                    "{area}: key `{name}` must start with `{area}-`"
                );
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                assert!(
                    out.insert(name.clone(), vars).is_none(),
                    "`{name}` is defined twice"
                );
            }
        }
    }
    out
}

#[test]
fn every_locale_has_every_key_with_the_same_variables() {
    let english = keys(0);
    assert!(!english.is_empty());
    for (i, locale) in Locale::ALL.iter().enumerate().skip(1) {
        let other = keys(i);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale}: missing {missing:?}");
        assert!(extra.is_empty(), "{locale}: keys English lacks {extra:?}");
        for (key, vars) in &english {
            assert_eq!(&other[key], vars, "{locale} `{key}`: variables differ");
        }
    }
}

/// Keys named in templates (`t("…")`, `tn("…"`, `ts("…"`, `ta("…"`) and in handlers
/// (`"area-…"` literals passed to the same functions) must exist.
#[test]
fn every_key_used_by_a_page_exists() {
    let english = keys(0);
    let mut used = BTreeSet::new();
    let dirs = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/templates"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/src/web"),
    ];
    for dir in dirs {
        for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
            let path = entry.path();
            let is_source = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("html" | "rs")
            );
            if !is_source || path.ends_with("i18n_tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read file");
            for opener in ["t(\"", "tn(\"", "ts(\"", "ta(\"", "key: \""] {
                for piece in text.split(opener).skip(1) {
                    if let Some(end) = piece.find('"') {
                        let mut key = &piece[..end];
                        // `redirect("/path?notice=key")`: the notice names a key; the path does not.
                        if key.starts_with('/') {
                            key = key
                                .split_once("notice=")
                                .map_or("", |(_, k)| k.split('&').next().unwrap_or(""));
                        }
                        if key.contains('-') && !key.contains('{') {
                            used.insert(key.to_owned());
                        }
                    }
                }
            }
        }
    }
    assert!(!used.is_empty());
    let missing: Vec<_> = used.iter().filter(|k| !english.contains_key(*k)).collect();
    assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
}

#[test]
fn formats_plurals_and_falls_back_to_the_key() {
    let en = super::with_args(Locale::En, "common-results", &[("count", 1.into())]);
    let many = super::with_args(Locale::En, "common-results", &[("count", 5.into())]);
    assert_ne!(en, many);
    assert!(many.contains('5'));
    assert_eq!(super::text(Locale::En, "no-such-key", None), "no-such-key");
}
