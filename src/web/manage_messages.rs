//! Messages to an event's registrants (`/manage/events/{id}/messages`): write (a subject and
//! body per language, the event's default required), preview (per language the text and how
//! many read it, the opted-out, what is left of the daily limit), then send from the preview.
//! The API's broadcast service does all three, with its rules and its limit.

use std::collections::{BTreeMap, HashMap};

use actix_web::http::StatusCode;
use actix_web::web;

use crate::error::AppError;
use crate::http::client_ip::ClientIp;
use crate::http::ratelimit::Action;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::notify::broadcast::{self, Audience, MessagePreview, MessageRequest, MessageText};
use crate::web::forms::FormErrors;
use crate::web::i18n::Arg;
use crate::web::manage_roster::{event_head, EventHead};
use crate::web::page::language_name;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/manage/events/{id:\\d+}/messages")
            .get(show)
            .post(edit),
    )
    .service(web::resource("/manage/events/{id:\\d+}/messages/preview").post(preview))
    .service(web::resource("/manage/events/{id:\\d+}/messages/send").post(send));
}

const AUDIENCES: [(Audience, &str); 4] = [
    (Audience::All, "messages-audience-all"),
    (Audience::Confirmed, "messages-audience-confirmed"),
    (Audience::Waitlisted, "messages-audience-waitlisted"),
    (Audience::CheckedIn, "messages-audience-checked-in"),
];

/// The form as submitted: `audience`, and `subject-<tag>` / `body-<tag>` per language.
struct Draft {
    audience: Audience,
    fields: HashMap<String, String>,
}

impl Draft {
    fn from(fields: HashMap<String, String>) -> Draft {
        let audience = AUDIENCES
            .iter()
            .map(|(a, _)| *a)
            .find(|a| fields.get("audience").map(String::as_str) == Some(a.as_str()))
            .unwrap_or(Audience::All);
        Draft { audience, fields }
    }

    fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", |v| v.as_str())
    }

    /// The service's request: the default language in `subject`/`body`, others (where either
    /// field was filled) as translations.
    fn request(&self, default: Locale) -> MessageRequest {
        let text = |l: Locale| MessageText {
            subject: self.get(&format!("subject-{}", l.tag())).to_owned(),
            body: self.get(&format!("body-{}", l.tag())).to_owned(),
        };
        let main = text(default);
        let translations: BTreeMap<String, MessageText> = Locale::ALL
            .iter()
            .filter(|l| **l != default)
            .map(|l| (l.tag().to_owned(), text(*l)))
            .filter(|(_, t)| !t.subject.trim().is_empty() || !t.body.trim().is_empty())
            .collect();
        MessageRequest {
            subject: main.subject,
            body: main.body,
            audience: self.audience,
            translations,
        }
    }
}

/// One language's fieldset on the form.
struct LangFields {
    tag: &'static str,
    name: &'static str,
    required: bool,
    subject: String,
    body: String,
}

#[derive(askama::Template)]
#[template(path = "manage_messages.html")]
struct FormPage<'a> {
    p: &'a Page,
    e: &'a EventHead,
    audiences: Vec<(&'static str, String, bool)>,
    langs: Vec<LangFields>,
    errors: &'a FormErrors,
    remaining: i64,
    limit_text: String,
    refusal: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "manage_messages_preview.html")]
struct PreviewPage<'a> {
    p: &'a Page,
    e: &'a EventHead,
    v: &'a MessagePreview,
    audience: String,
    /// Each language's name beside the preview's entries.
    names: Vec<&'static str>,
    /// The draft again, as hidden fields of the send and edit forms.
    hidden: Vec<(String, String)>,
}

async fn render_form(
    page: &Page,
    state: &AppState,
    id: i64,
    draft: &Draft,
    errors: &FormErrors,
    refusal: Option<String>,
) -> WebResult {
    let person = page.person()?.id;
    let (limit, remaining) = broadcast::allowance(state, person, id).await?;
    let e = event_head(state, page, id).await?;
    let default = e.default_locale;
    let mut order: Vec<Locale> = vec![default];
    order.extend(Locale::ALL.iter().copied().filter(|l| *l != default));
    let langs = order
        .into_iter()
        .map(|l| LangFields {
            tag: l.tag(),
            name: language_name(l),
            required: l == default,
            subject: draft.get(&format!("subject-{}", l.tag())).to_owned(),
            body: draft.get(&format!("body-{}", l.tag())).to_owned(),
        })
        .collect();
    let audiences = AUDIENCES
        .iter()
        .map(|(a, key)| (a.as_str(), page.t(key), *a == draft.audience))
        .collect();
    let status = match (&refusal, errors.is_empty()) {
        (Some(_), _) => StatusCode::TOO_MANY_REQUESTS,
        (None, false) => StatusCode::UNPROCESSABLE_ENTITY,
        (None, true) => StatusCode::OK,
    };
    page.render_status(
        status,
        &FormPage {
            p: page,
            e: &e,
            audiences,
            langs,
            errors,
            remaining,
            limit_text: page.ta(
                "messages-limit",
                &[
                    ("remaining", Arg::Num(remaining)),
                    ("limit", Arg::Num(limit)),
                ],
            ),
            refusal,
        },
    )
}

async fn show(page: Page, state: web::Data<AppState>, path: web::Path<i64>) -> WebResult {
    let draft = Draft::from(HashMap::new());
    render_form(
        &page,
        &state,
        path.into_inner(),
        &draft,
        &FormErrors::new(),
        None,
    )
    .await
}

/// Back from the preview to the form, with the draft (nothing is sent or stored).
async fn edit(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<HashMap<String, String>>,
) -> WebResult {
    let fields = form.into_inner();
    page.verify(fields.get("csrf").map_or("", |v| v.as_str()))?;
    let draft = Draft::from(fields);
    render_form(
        &page,
        &state,
        path.into_inner(),
        &draft,
        &FormErrors::new(),
        None,
    )
    .await
}

/// The service's field errors onto the form's fields.
fn field_errors(page: &Page, error: AppError, default: Locale) -> Result<FormErrors, AppError> {
    let AppError::Validation(fields) = error else {
        return Err(error);
    };
    let mut errors = FormErrors::new();
    for field in fields.keys() {
        let name = match field.split('.').collect::<Vec<_>>().as_slice() {
            ["translations", tag, part] => format!("{part}-{tag}"),
            [part] => format!("{part}-{}", default.tag()),
            _ => format!("subject-{}", default.tag()),
        };
        errors.add(&name, page.t("messages-field-required"));
    }
    Ok(errors)
}

async fn preview(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<HashMap<String, String>>,
) -> WebResult {
    let fields = form.into_inner();
    page.verify(fields.get("csrf").map_or("", |v| v.as_str()))?;
    let person = page.person()?.id;
    let id = path.into_inner();
    let draft = Draft::from(fields);
    let e = event_head(&state, &page, id).await?;
    let default = e.default_locale;
    let v = match broadcast::preview(&state, person, id, draft.request(default)).await {
        Ok(v) => v,
        Err(error) => {
            let errors = field_errors(&page, error, default)?;
            return render_form(&page, &state, id, &draft, &errors, None).await;
        }
    };
    let mut hidden: Vec<(String, String)> = draft
        .fields
        .iter()
        .filter(|(k, v)| k.as_str() != "csrf" && !v.is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    hidden.sort();
    let names = v
        .languages
        .iter()
        .map(|l| Locale::parse(&l.locale).map_or("", language_name))
        .collect();
    let audience = AUDIENCES
        .iter()
        .find(|(a, _)| *a == draft.audience)
        .map(|(_, key)| page.t(key))
        .unwrap_or_default();
    page.render(&PreviewPage {
        p: &page,
        e: &e,
        v: &v,
        audience,
        names,
        hidden,
    })
}

async fn send(
    page: Page,
    ip: ClientIp,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<HashMap<String, String>>,
) -> WebResult {
    let fields = form.into_inner();
    page.verify(fields.get("csrf").map_or("", |v| v.as_str()))?;
    let person = page.person()?.id;
    let id = path.into_inner();
    let draft = Draft::from(fields);
    let e = event_head(&state, &page, id).await?;
    let default = e.default_locale;
    // The sender's own limit, as on the API's route.
    let account = format!("person:{person}");
    let limited = state
        .limits
        .check(Action::OrganiserMessage, ip.0, Some(&account))
        .await;
    let done = match limited {
        Ok(()) => broadcast::send(&state, person, id, draft.request(default)).await,
        Err(e) => Err(e),
    };
    match done {
        Ok(_) => Ok(page.redirect(&format!(
            "/manage/events/{id}/messages?notice=messages-notice-sent"
        ))),
        Err(AppError::TooManyRequests { .. }) => {
            let refusal = Some(page.t("messages-limit-reached"));
            render_form(&page, &state, id, &draft, &FormErrors::new(), refusal).await
        }
        Err(error) => {
            let errors = field_errors(&page, error, default)?;
            render_form(&page, &state, id, &draft, &errors, None).await
        }
    }
}
