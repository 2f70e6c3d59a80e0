//! Writes the rules of `input_rules` into the OpenAPI document as JSON Schema.

use serde_json::Value;
use utoipa::openapi::schema::{AnyOfBuilder, ArrayItems, Schema, SchemaType, Type};
use utoipa::openapi::{Object, OpenApi, RefOr};

use crate::caps;
use crate::http::input_rules::{body_rules, query_rules, Rule};
use crate::i18n::Locale;

// Patterns in the dialect both ECMA-262 and Python's `re` read. The server trims what it is
// sent (Rust's `str::trim`: Unicode White_Space, which includes \v, \f and \r), so every
// pattern allows that white space around the value.
macro_rules! trimmed {
    ($core:literal) => {
        concat!(
            r"^[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*",
            $core,
            r"[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$"
        )
    };
}

/// Non-blank text with no control characters inside but tab and newline (`types::text`): a
/// visible character (neither white space nor control), then optionally any allowed ones
/// ending in another visible character.
const TEXT: &str =
    trimmed!(r"[^\s\x00-\x1f\x7f-\x9f]([^\x00-\x08\x0b-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f])?");
/// Text where blank means "none" (`events::validate::optional_text`).
const OPTIONAL_TEXT: &str = trimmed!(
    r"([^\s\x00-\x1f\x7f-\x9f]([^\x00-\x08\x0b-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f])?)?"
);
const SLUG: &str = trimmed!(r"[a-z0-9]+(-[a-z0-9]+)*");
/// A subset of what lettre accepts: a local part of at most 64 characters (20 + 2 × 21),
/// domain labels of at most 63, and a dot in the domain.
const EMAIL: &str = trimmed!(
    r"[A-Za-z0-9_%+-]{1,20}(\.[A-Za-z0-9_%+-]{1,20}){0,2}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?){1,3}"
);
/// An action code or its prefix (`audit::listing`).
pub const ACTION_PREFIX: &str = trimmed!(r"[a-z0-9._]*");
/// An http(s) link of printable ASCII whose host part does not start with a slash.
const WEBSITE: &str = trimmed!(r"https?://[!-.0-~][!-~]*");
const ONLINE_URL: &str = trimmed!(r"(https?://[!-~]+)?");
const CURRENCY: &str = trimmed!(r"[A-Za-z]{3}");
const FEE: &str = trimmed!(r"[0-9]{1,9}(\.[0-9]{1,2})?");
/// Anything but U+0000, which no request may carry (`http::problems::refuse_nul`).
const NO_NUL: &str = r"^[^\x00]*$";

fn is_nullable(object: &Object) -> bool {
    matches!(&object.schema_type, SchemaType::Array(types) if types.contains(&Type::Null))
}

fn strings(values: impl IntoIterator<Item = String>, nullable: bool) -> Vec<Value> {
    let mut out: Vec<Value> = values.into_iter().map(Value::from).collect();
    if nullable {
        out.push(Value::Null);
    }
    out
}

fn text_schema(max: usize, pattern: &str, nullable: bool) -> Schema {
    let mut object = Object::with_type(if nullable {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::new(Type::String)
    });
    object.max_length = Some(max);
    object.pattern = Some(pattern.to_owned());
    Schema::Object(object)
}

fn locales() -> impl Iterator<Item = String> {
    Locale::ALL.iter().map(|l| l.tag().to_owned())
}

fn countries() -> impl Iterator<Item = String> {
    crate::types::ISO_3166_ALPHA2
        .split_ascii_whitespace()
        .flat_map(|c| [c.to_owned(), c.to_ascii_lowercase()])
}

/// Writes `rule` into `object`, which utoipa generated from the Rust type.
fn apply(object: &mut Object, rule: &Rule) {
    let nullable = is_nullable(object);
    let pattern = |object: &mut Object, p: &str| object.pattern = Some(p.to_owned());
    match rule {
        Rule::Text(max) => {
            object.min_length = Some(1);
            object.max_length = Some(*max);
            pattern(object, TEXT);
        }
        Rule::OptionalText(max) => {
            object.max_length = Some(*max);
            pattern(object, OPTIONAL_TEXT);
        }
        Rule::Chars { min, max } => {
            object.min_length = (*min > 0).then_some(*min);
            object.max_length = Some(*max);
            pattern(object, NO_NUL);
        }
        Rule::FreeText => pattern(object, NO_NUL),
        Rule::OneOf(values) => {
            object.enum_values = Some(strings(values.iter().map(|v| (*v).to_owned()), nullable));
        }
        Rule::Slug => {
            object.min_length = Some(2);
            object.max_length = Some(caps::SLUG);
            pattern(object, SLUG);
        }
        Rule::Email => {
            object.max_length = Some(caps::EMAIL);
            pattern(object, EMAIL);
        }
        Rule::Country => object.enum_values = Some(strings(countries(), nullable)),
        Rule::Locale => object.enum_values = Some(strings(locales(), nullable)),
        Rule::TimeZone => {
            let zones = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name().to_owned());
            object.enum_values = Some(strings(zones, nullable));
        }
        Rule::DateTime => object.format = Some(format("date-time")),
        Rule::Date => object.format = Some(format("date")),
        // Set on the parameter as a whole (`apply_to`).
        Rule::DateOrDateTime => {}
        Rule::Website => {
            object.max_length = Some(300);
            pattern(object, WEBSITE);
        }
        Rule::OnlineUrl => {
            object.max_length = Some(caps::URL);
            pattern(object, ONLINE_URL);
        }
        Rule::Matches(p, max) => {
            object.max_length = Some(*max);
            pattern(object, p);
        }
        Rule::Currency => pattern(object, CURRENCY),
        Rule::Fee => pattern(object, FEE),
        Rule::Int { min, max } => {
            object.minimum = Some((*min).into());
            object.maximum = Some((*max).into());
        }
        Rule::Texts {
            max,
            at_least_one,
            nullable: values_nullable,
        } => {
            let value_pattern = if *values_nullable {
                OPTIONAL_TEXT
            } else {
                TEXT
            };
            let mut keys = Object::with_type(SchemaType::new(Type::String));
            keys.enum_values = Some(strings(locales(), false));
            object.property_names = Some(Box::new(Schema::Object(keys)));
            object.additional_properties = Some(Box::new(
                text_schema(*max, value_pattern, *values_nullable).into(),
            ));
            if *at_least_one {
                object.min_properties = Some(1);
            }
            object.max_properties = Some(Locale::ALL.len());
        }
        Rule::AtMost(n) => {
            if object.schema_type == SchemaType::new(Type::Object) {
                object.max_properties = Some(*n);
            }
        }
        Rule::Ints { .. } => {}
    }
}

fn format(name: &str) -> utoipa::openapi::SchemaFormat {
    utoipa::openapi::SchemaFormat::Custom(name.to_owned())
}

/// Arrays are `Schema::Array`, not objects: their bounds are set on the array and its items.
fn apply_to(schema: &mut Schema, rule: &Rule) {
    if let Rule::DateOrDateTime = rule {
        let of = |name| {
            let mut object = Object::with_type(SchemaType::new(Type::String));
            object.format = Some(format(name));
            object
        };
        *schema = AnyOfBuilder::new()
            .item(of("date"))
            .item(of("date-time"))
            .into();
        return;
    }
    match schema {
        Schema::Object(object) => apply(object, rule),
        Schema::Array(array) => match rule {
            Rule::AtMost(n) => array.max_items = Some(*n),
            Rule::Ints { items, min, max } => {
                array.max_items = Some(*items);
                if let ArrayItems::RefOrSchema(item) = &mut array.items {
                    if let RefOr::T(Schema::Object(item)) = item.as_mut() {
                        apply(
                            item,
                            &Rule::Int {
                                min: *min,
                                max: *max,
                            },
                        );
                    }
                }
            }
            _ => {}
        },
        _ => {}
    }
}

/// Writes every rule into `doc`; answers the rows that named nothing (for the test).
pub fn write_into(doc: &mut OpenApi) -> Vec<String> {
    let mut unused = Vec::new();
    let schemas = doc.components.as_mut().map(|c| &mut c.schemas);
    if let Some(schemas) = schemas {
        for (schema, property, rule) in body_rules() {
            let target = schemas.get_mut(schema).and_then(|s| match s {
                RefOr::T(Schema::Object(o)) => o.properties.get_mut(property),
                _ => None,
            });
            match target {
                Some(RefOr::T(target)) => apply_to(target, &rule),
                _ => unused.push(format!("{schema}.{property}")),
            }
        }
    }
    for (path, name, rule) in query_rules() {
        let mut found = false;
        for (p, item) in doc.paths.paths.iter_mut() {
            if path != "*" && path != p {
                continue;
            }
            for operation in [&mut item.get, &mut item.post].into_iter().flatten() {
                let params = operation.parameters.iter_mut().flatten();
                for param in params.filter(|p| p.name == name) {
                    if let Some(RefOr::T(schema)) = &mut param.schema {
                        apply_to(schema, &rule);
                        found = true;
                    }
                }
            }
        }
        if !found {
            unused.push(format!("{path} ?{name}"));
        }
    }
    unused
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_names_a_property_or_parameter_of_the_document() {
        let mut doc = crate::http::openapi::unconstrained();
        assert_eq!(super::write_into(&mut doc), Vec::<String>::new());
    }

    #[test]
    fn the_document_states_the_text_rules() {
        let doc = serde_json::to_value(crate::http::openapi::document()).unwrap_or_default();
        let name = &doc["components"]["schemas"]["RegisterRequest"]["properties"]["full_name"];
        assert_eq!(name["maxLength"], serde_json::json!(crate::caps::NAME));
        assert_eq!(name["pattern"], serde_json::json!(super::TEXT));
    }
}
