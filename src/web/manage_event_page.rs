//! The event editor page itself: its template, the choices of its selects, and the programme
//! of sessions under a main event.

use actix_web::http::StatusCode;

use crate::events::listing;
use crate::events::model::{EventView, KINDS, PARTNER_ROLES, VISIBILITIES};
use crate::events::service::Asker;
use crate::http::pagination::PageQuery;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::web::forms::FormErrors;
use crate::web::manage_event_form::{to_local, zone_options, EventForm};
use crate::web::page::language_name;
use crate::web::{Page, WebResult};

/// One option of a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A locale's fieldset: open when it has text, an error, or is the default.
pub struct LocaleBox {
    pub tag: &'static str,
    pub name: &'static str,
    pub open: bool,
    pub default: bool,
    pub title: String,
    pub summary: String,
    pub description: String,
}

/// A session in the programme list.
pub struct SessionRow {
    pub id: i64,
    pub title: String,
    pub starts: String,
    pub status: String,
    pub capacity: String,
}

#[derive(askama::Template)]
#[template(path = "manage_events_form.html")]
struct EditorPage<'a> {
    p: &'a Page,
    errors: &'a FormErrors,
    form: &'a EventForm,
    heading: String,
    action: String,
    /// The conflict (409) the last save ran into, translated.
    conflict: Option<String>,
    event: Option<&'a EventView>,
    sessions: Vec<SessionRow>,
    kinds: Vec<Choice>,
    visibilities: Vec<Choice>,
    zones: Vec<Choice>,
    languages: Vec<Choice>,
    roles: Vec<(&'static str, String)>,
    locales: Vec<LocaleBox>,
    /// (index, slug, role, slug label, role label) of the partner rows.
    partners: Vec<(usize, String, String, String, String)>,
}

fn choices(values: impl IntoIterator<Item = (String, String)>, current: &str) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

/// What an AppError::Conflict says, in the reader's language.
pub fn conflict_text(page: &Page, code: &str) -> String {
    let key = format!("manage-events-conflict-{}", code.replace('_', "-"));
    if crate::web::i18n::exists(page.locale, &key) {
        page.t(&key)
    } else {
        page.t("common-error-409-text")
    }
}

/// What differs between the editor's uses: new event, new session, edit.
pub struct Editor<'a> {
    pub heading: String,
    pub action: String,
    pub event: Option<&'a EventView>,
    pub sessions: Vec<SessionRow>,
}

/// The editor with `form`; 422 with field errors, 409 with a conflict.
pub fn render(
    page: &Page,
    form: &EventForm,
    errors: &FormErrors,
    conflict: Option<String>,
    editor: Editor<'_>,
) -> WebResult {
    let status = match (&conflict, errors.is_empty()) {
        (Some(_), _) => StatusCode::CONFLICT,
        (None, false) => StatusCode::UNPROCESSABLE_ENTITY,
        (None, true) => StatusCode::OK,
    };
    let default = Locale::parse(&form.default_locale).unwrap_or(Locale::En);
    let locales = Locale::ALL
        .iter()
        .map(|l| {
            let text = form.text(*l);
            let tag = l.tag();
            let has_error = ["title", "summary", "description"]
                .iter()
                .any(|f| errors.has(&format!("{f}.{tag}")));
            LocaleBox {
                tag,
                name: language_name(*l),
                open: *l == default
                    || has_error
                    || !(text.title.is_empty()
                        && text.summary.is_empty()
                        && text.description.is_empty()),
                default: *l == default,
                title: text.title,
                summary: text.summary,
                description: text.description,
            }
        })
        .collect();
    let template = EditorPage {
        p: page,
        errors,
        form,
        heading: editor.heading,
        action: editor.action,
        conflict,
        event: editor.event,
        sessions: editor.sessions,
        kinds: choices(
            KINDS
                .iter()
                .map(|k| (k.to_string(), page.t(&format!("events-kind-{k}")))),
            &form.kind,
        ),
        visibilities: choices(
            VISIBILITIES.iter().map(|v| {
                let key = format!("manage-events-visibility-{}", v.replace('_', "-"));
                (v.to_string(), page.t(&key))
            }),
            &form.visibility,
        ),
        zones: choices(
            zone_options(&form.timezone)
                .into_iter()
                .map(|z| (z.clone(), z)),
            &form.timezone,
        ),
        languages: choices(
            Locale::ALL
                .iter()
                .map(|l| (l.tag().to_owned(), language_name(*l).to_owned())),
            &form.default_locale,
        ),
        roles: PARTNER_ROLES
            .iter()
            .map(|r| (*r, page.t(&format!("events-role-{}", r.replace('_', "-")))))
            .collect(),
        locales,
        partners: form
            .partner_rows()
            .into_iter()
            .map(|(i, slug, role)| {
                let n = i as i64 + 1;
                let slug_label = page.tn("manage-events-partner-slug", "n", n);
                (
                    i,
                    slug,
                    role,
                    slug_label,
                    page.tn("manage-events-partner-role", "n", n),
                )
            })
            .collect(),
    };
    page.render_status(status, &template)
}

/// The sessions of a main event, as staff see them (drafts too).
pub async fn sessions_of(
    state: &AppState,
    asker: Asker,
    event: &EventView,
) -> Result<Vec<SessionRow>, crate::web::WebError> {
    if event.parent.is_some() {
        return Ok(Vec::new());
    }
    let all = PageQuery {
        page: Some(1),
        per_page: Some(crate::http::pagination::MAX_PER_PAGE),
    };
    let sessions = listing::sessions(state, asker, event.id, all).await?;
    Ok(sessions
        .items
        .into_iter()
        .map(|s| SessionRow {
            id: s.id,
            title: s.title.unwrap_or_default(),
            starts: to_local(s.starts_at, &s.timezone).replace('T', " "),
            status: s.status,
            capacity: s
                .capacity
                .map_or_else(|| "∞".into(), |c| format!("{}/{c}", s.seats_taken)),
        })
        .collect())
}
