//! A registration question as its form posts it (`label.<locale>`, `choices.<locale>` with one
//! `key = label` a line), turned into the API's question bodies, and the service's field
//! errors put back on those fields.

use std::collections::BTreeMap;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::registrations::model::{ChoiceInput, QuestionView};
use crate::web::forms::FormErrors;
use crate::web::Page;

/// A question as the form posts it.
#[derive(Debug, Default)]
pub struct QuestionForm {
    pub csrf: String,
    pub kind: String,
    pub required: bool,
    pub confirm: bool,
    pub labels: BTreeMap<Locale, String>,
    pub choices: BTreeMap<Locale, String>,
}

impl QuestionForm {
    pub fn parse(pairs: &[(String, String)]) -> QuestionForm {
        let mut form = QuestionForm::default();
        for (name, value) in pairs {
            match name.as_str() {
                "csrf" => form.csrf = value.clone(),
                "kind" => form.kind = value.clone(),
                "required" => form.required = true,
                "confirm" => form.confirm = true,
                other => match other.split_once('.') {
                    Some(("label", tag)) => {
                        if let Some(l) = Locale::parse(tag) {
                            form.labels.insert(l, value.trim().to_owned());
                        }
                    }
                    Some(("choices", tag)) => {
                        if let Some(l) = Locale::parse(tag) {
                            form.choices.insert(l, value.clone());
                        }
                    }
                    _ => {}
                },
            }
        }
        form
    }

    pub fn from_view(q: &QuestionView) -> QuestionForm {
        let mut form = QuestionForm {
            kind: q.kind.clone(),
            required: q.required,
            ..QuestionForm::default()
        };
        let choices: Vec<ChoiceInput> =
            serde_json::from_value(q.choices.clone()).unwrap_or_default();
        let labels: BTreeMap<String, String> =
            serde_json::from_value(q.label.clone()).unwrap_or_default();
        for l in Locale::ALL {
            if let Some(text) = labels.get(l.tag()) {
                form.labels.insert(l, text.clone());
            }
            let lines: Vec<String> = choices
                .iter()
                .filter_map(|c| c.label.get(l.tag()).map(|t| format!("{} = {t}", c.key)))
                .collect();
            if !lines.is_empty() {
                form.choices.insert(l, lines.join("\n"));
            }
        }
        form
    }

    pub fn label_map(&self) -> BTreeMap<String, String> {
        self.labels
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(l, t)| (l.tag().to_owned(), t.clone()))
            .collect()
    }

    /// The choices of every locale merged by key, in the order keys first appear; a line
    /// without `=` marks that locale's field.
    pub fn choice_inputs(&self, page: &Page, errors: &mut FormErrors) -> Vec<ChoiceInput> {
        let mut out: Vec<ChoiceInput> = Vec::new();
        for (locale, text) in &self.choices {
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let Some((key, label)) = line.split_once('=') else {
                    errors.add(
                        &format!("choices.{}", locale.tag()),
                        page.t("manage-events-q-choice-line"),
                    );
                    continue;
                };
                let key = key.trim().to_owned();
                let at = match out.iter().position(|c| c.key == key) {
                    Some(at) => at,
                    None => {
                        out.push(ChoiceInput {
                            key,
                            label: BTreeMap::new(),
                        });
                        out.len() - 1
                    }
                };
                out[at]
                    .label
                    .insert(locale.tag().to_owned(), label.trim().to_owned());
            }
        }
        out
    }
}

/// The service's field errors on the form: labels and choices by locale where the API names
/// one, else on the default locale's field.
pub fn absorb(
    page: &Page,
    errors: &mut FormErrors,
    error: AppError,
    default: &str,
) -> Result<(), AppError> {
    let AppError::Validation(fields) = error else {
        return Err(error);
    };
    for field in fields.keys() {
        let tag = field
            .rsplit('.')
            .next()
            .filter(|t| Locale::parse(t).is_some());
        let name = match (field.split('.').next(), tag) {
            (Some("label"), Some(tag)) => format!("label.{tag}"),
            (Some("label"), None) => format!("label.{default}"),
            (Some("choices"), Some(tag)) => format!("choices.{tag}"),
            (Some("choices"), None) => format!("choices.{default}"),
            (Some("kind"), _) => "kind".to_owned(),
            _ => format!("label.{default}"),
        };
        errors.add(&name, page.t("common-field-invalid"));
    }
    Ok(())
}
