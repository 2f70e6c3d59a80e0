//! The registration form as posted: what was typed (kept when the page comes back), the
//! answers as the service takes them, and the request it describes.

use serde_json::{Map, Value};

use crate::registrations::form::Field;
use crate::registrations::model::{GuestInput, RegisterRequest};
use crate::types::Email;
use crate::web::forms::FormErrors;
use crate::web::Page;

/// What was typed into the registration form, kept when the page comes back with a message.
#[derive(Debug, Default)]
pub struct Input {
    /// `self`, or the slug of an organisation the member registers a colleague for.
    pub for_whom: String,
    pub guest_name: String,
    pub guest_email: String,
    pub colleague_name: String,
    pub colleague_email: String,
    /// Question id → the values given (several for a multiple choice).
    pub answers: std::collections::HashMap<i64, Vec<String>>,
}

impl Input {
    pub fn answer(&self, question: &i64) -> &str {
        self.answers
            .get(question)
            .and_then(|v| v.first())
            .map_or("", String::as_str)
    }

    pub fn chose(&self, question: &i64, key: &str) -> bool {
        self.answers
            .get(question)
            .is_some_and(|v| v.iter().any(|k| k == key))
    }

    pub fn is_for(&self, whom: &str) -> bool {
        self.for_whom == whom || (whom == "self" && self.for_whom.is_empty())
    }
}

/// The posted form: fixed fields, and answers named `a-<question id>` (repeated for a
/// multiple choice).
pub fn read_form(pairs: Vec<(String, String)>) -> (String, Input) {
    let mut csrf = String::new();
    let mut input = Input::default();
    for (name, value) in pairs {
        match name.as_str() {
            "csrf" => csrf = value,
            "for" => input.for_whom = value,
            "guest_name" => input.guest_name = value,
            "guest_email" => input.guest_email = value,
            "colleague_name" => input.colleague_name = value,
            "colleague_email" => input.colleague_email = value,
            other => {
                if let Some(id) = other.strip_prefix("a-").and_then(|i| i.parse().ok()) {
                    input.answers.entry(id).or_default().push(value);
                }
            }
        }
    }
    (csrf, input)
}

/// The answers as the service takes them; a required question left empty is marked here,
/// so the message says "fill this in" rather than "not valid".
pub fn answers(
    page: &Page,
    fields: &[Field],
    input: &Input,
    errors: &mut FormErrors,
) -> Map<String, Value> {
    let mut out = Map::new();
    for f in fields {
        let name = format!("a-{}", f.id);
        let given: Vec<&str> = input
            .answers
            .get(&f.id)
            .map(|v| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let value = match f.kind.as_str() {
            "boolean" if given.contains(&"true") => Some(Value::Bool(true)),
            "boolean" if !f.required => Some(Value::Bool(false)),
            "multiple_choice" if !given.is_empty() => Some(Value::Array(
                given
                    .iter()
                    .map(|s| Value::String((*s).to_owned()))
                    .collect(),
            )),
            "boolean" | "multiple_choice" => None,
            _ => given.first().map(|s| Value::String((*s).to_owned())),
        };
        match value {
            Some(v) => {
                out.insert(f.id.to_string(), v);
            }
            None if f.required => errors.add(&name, page.t("common-field-required")),
            None => {}
        }
    }
    out
}

/// Checks the name and email fields of a guest or colleague.
pub fn person_fields(
    page: &Page,
    errors: &mut FormErrors,
    name: (&str, &str),
    email: (&str, &str),
    name_required: bool,
) {
    if name_required {
        errors.required(page, name.0, name.1, crate::caps::NAME);
    } else {
        errors.optional(page, name.0, name.1, crate::caps::NAME);
    }
    if errors
        .required(page, email.0, email.1, crate::caps::EMAIL)
        .is_empty()
    {
        return;
    }
    if Email::parse(email.1).is_err() {
        errors.add(email.0, page.t("common-field-email"));
    }
}

/// The request the form describes, or the form's errors.
pub fn request(
    page: &Page,
    input: &Input,
    errors: &mut FormErrors,
    answers: Map<String, Value>,
) -> RegisterRequest {
    let mut req = RegisterRequest {
        answers,
        ..RegisterRequest::default()
    };
    let guest = |name: &str, email: &str| GuestInput {
        name: name.trim().to_owned(),
        email: email.trim().to_owned(),
        locale: Some(page.locale.tag().to_owned()),
    };
    if !page.signed_in() {
        person_fields(
            page,
            errors,
            ("guest_name", &input.guest_name),
            ("guest_email", &input.guest_email),
            true,
        );
        req.guest = Some(guest(&input.guest_name, &input.guest_email));
    } else if !input.is_for("self") {
        person_fields(
            page,
            errors,
            ("colleague_name", &input.colleague_name),
            ("colleague_email", &input.colleague_email),
            false,
        );
        req.organisation = Some(input.for_whom.clone());
        // A colleague with an account is named by email; one without comes as a guest.
        if input.colleague_name.trim().is_empty() {
            req.person_email = Some(input.colleague_email.trim().to_owned());
        } else {
            req.guest = Some(guest(&input.colleague_name, &input.colleague_email));
        }
    }
    req
}
