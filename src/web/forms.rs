//! Form errors as pages show them: field → a message in the reader's language, shown next to
//! the field, while the form keeps what was typed.

use std::collections::BTreeMap;

use crate::error::AppError;
use crate::web::Page;

#[derive(Debug, Default)]
pub struct FormErrors(BTreeMap<String, String>);

impl FormErrors {
    pub fn new() -> FormErrors {
        FormErrors::default()
    }

    /// Adds a message (already translated) about `field`; the first one per field stays.
    pub fn add(&mut self, field: &str, message: String) {
        self.0.entry(field.to_owned()).or_insert(message);
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A required text of at most `max` characters, trimmed; records the error otherwise.
    pub fn required<'a>(
        &mut self,
        page: &Page,
        field: &str,
        value: &'a str,
        max: usize,
    ) -> &'a str {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, page.t("common-field-required"));
        } else if value.chars().count() > max {
            self.add(field, page.tn("common-field-too-long", "max", max as i64));
        }
        value
    }

    /// An optional text of at most `max` characters, trimmed; `None` when empty.
    pub fn optional<'a>(
        &mut self,
        page: &Page,
        field: &str,
        value: &'a str,
        max: usize,
    ) -> Option<&'a str> {
        let value = value.trim();
        if value.chars().count() > max {
            self.add(field, page.tn("common-field-too-long", "max", max as i64));
        }
        (!value.is_empty()).then_some(value)
    }

    /// Takes a service's validation errors onto the fields (`field_map` renames API fields to
    /// form fields); any other error is returned for the caller to handle.
    pub fn absorb(
        &mut self,
        page: &Page,
        error: AppError,
        field_map: &[(&str, &str)],
    ) -> Result<(), AppError> {
        let AppError::Validation(fields) = error else {
            return Err(error);
        };
        for field in fields.keys() {
            let name = field_map
                .iter()
                .find(|(api, _)| api == field)
                .map_or(field.as_str(), |(_, form)| form);
            self.add(name, page.t("common-field-invalid"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use askama::Template;

    use super::FormErrors;

    #[derive(Template)]
    #[template(
        source = r#"{% import "macros.html" as m %}{% call m::input(errors, "email", "Email", value, "email", "email", "") %}{% endcall %}"#,
        ext = "html"
    )]
    struct OneField<'a> {
        errors: &'a FormErrors,
        value: &'a str,
    }

    #[test]
    fn a_field_with_an_error_keeps_its_value_and_names_the_error() {
        let mut errors = FormErrors::new();
        errors.add("email", "Enter an email".into());
        let html = OneField {
            errors: &errors,
            value: "ana@<x>",
        }
        .render()
        .expect("renders");
        assert!(html.contains(r#"value="ana@&#60;x&#62;""#), "{html}");
        assert!(html.contains(r#"aria-invalid="true""#));
        assert!(html.contains(r#"aria-describedby="e-email""#));
        assert!(html.contains(r#"<p class="field-error" id="e-email">Enter an email</p>"#));

        let clean = FormErrors::new();
        let html = OneField {
            errors: &clean,
            value: "",
        }
        .render()
        .expect("renders");
        assert!(!html.contains("aria-invalid"));
    }
}
