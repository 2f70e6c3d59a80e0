//! The event editor: create an event for a host, a session of an event, and edit either, with
//! every field of `POST /api/v1/events` and `PATCH /api/v1/events/{id}` and the same services.

use actix_web::web;

use crate::error::AppError;
use crate::events::model::EventView;
use crate::events::service::{self, Asker};
use crate::events::{edit, manage};
use crate::http::AppState;
use crate::web::forms::FormErrors;
use crate::web::manage_event_form::EventForm;
use crate::web::manage_event_page::{conflict_text, render, sessions_of, Editor, SessionRow};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/manage/o/{slug}/events/new")
            .get(new_form)
            .post(create),
    )
    .service(
        web::resource("/manage/events/{id}/sessions/new")
            .get(new_session_form)
            .post(create_session),
    )
    .service(
        web::resource("/manage/events/{id}")
            .get(edit_form)
            .post(update),
    );
}

fn asker(page: &Page) -> Result<Asker, crate::web::WebError> {
    Ok(Asker {
        person_id: Some(page.person()?.id),
        locale: Some(page.locale),
    })
}

async fn new_form(page: Page, state: web::Data<AppState>, slug: web::Path<String>) -> WebResult {
    let person_id = page.person()?.id;
    let host = manage::host_for_new_event(&state, person_id, &slug).await?;
    let form = EventForm::new_event(page.locale);
    let editor = Editor {
        heading: page.ts("manage-events-new-title", "host", &host.name),
        action: format!("/manage/o/{}/events/new", host.slug),
        event: None,
        sessions: Vec::new(),
    };
    render(&page, &form, &FormErrors::new(), None, editor)
}

/// Saves a new event or session, or re-renders the form (copy button, errors).
async fn save_new(
    page: Page,
    state: &AppState,
    pairs: Vec<(String, String)>,
    host_slug: String,
    parent: Option<&EventView>,
    editor: Editor<'_>,
) -> WebResult {
    let mut form = EventForm::parse(&pairs);
    page.verify(&form.csrf)?;
    let asker = asker(&page)?;
    if form.apply_copy() {
        return render(&page, &form, &FormErrors::new(), None, editor);
    }
    let mut errors = FormErrors::new();
    let checked = form.check(&page, &mut errors);
    if errors.is_empty() {
        let (body, names) = form.create_body(checked, &host_slug, parent.map(|p| p.id));
        match service::create(state, asker, body).await {
            Ok(event) => {
                let to = format!(
                    "/manage/events/{}?notice=manage-events-notice-created",
                    event.id
                );
                return Ok(page.redirect(&to));
            }
            Err(e) => absorb(&page, &mut errors, e, &names, "organisation")?,
        }
    }
    render(&page, &form, &errors, None, editor)
}

/// Puts a service's field errors next to the form's fields (`title` without a locale goes to
/// the default locale's title).
fn absorb(
    page: &Page,
    errors: &mut FormErrors,
    error: AppError,
    names: &[(String, String)],
    unplaced: &str,
) -> Result<(), AppError> {
    let mut map: Vec<(&str, &str)> = names
        .iter()
        .map(|(a, f)| (a.as_str(), f.as_str()))
        .collect();
    map.push(("parent", "starts_at"));
    map.push(("organisation", unplaced));
    // The commonest slip gets its own words; other fields read "not valid" beside them.
    if let AppError::Validation(fields) = &error {
        if fields.contains_key("ends_at") {
            errors.add("ends_at", page.t("manage-events-ends-before-start"));
        }
    }
    errors.absorb(page, error, &map)
}

async fn create(
    page: Page,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    pairs: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let host = manage::host_for_new_event(&state, page.person()?.id, &slug).await?;
    let editor = Editor {
        heading: page.ts("manage-events-new-title", "host", &host.name),
        action: format!("/manage/o/{}/events/new", host.slug),
        event: None,
        sessions: Vec::new(),
    };
    save_new(page, &state, pairs.into_inner(), host.slug, None, editor).await
}

fn session_editor<'a>(page: &Page, parent: &'a EventView) -> Editor<'a> {
    Editor {
        heading: page.ts(
            "manage-events-new-session-title",
            "event",
            parent.title.as_deref().unwrap_or_default(),
        ),
        action: format!("/manage/events/{}/sessions/new", parent.id),
        event: None,
        sessions: Vec::new(),
    }
}

async fn new_session_form(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    let parent = service::get(&state, asker(&page)?, *id, true).await?;
    let mut form = EventForm::from_view(&parent);
    // A session starts as its own, smaller event in the parent's place and language.
    form.content.clear();
    form.partners.clear();
    form.kind = "workshop".into();
    form.capacity.clear();
    form.registration_opens_at.clear();
    form.registration_closes_at.clear();
    form.ends_at = form.starts_at.clone();
    render(
        &page,
        &form,
        &FormErrors::new(),
        None,
        session_editor(&page, &parent),
    )
}

async fn create_session(
    page: Page,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    pairs: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let parent = service::get(&state, asker(&page)?, *id, true).await?;
    let editor = session_editor(&page, &parent);
    let slug = parent.organisation.clone();
    save_new(
        page,
        &state,
        pairs.into_inner(),
        slug,
        Some(&parent),
        editor,
    )
    .await
}

fn edit_editor<'a>(page: &Page, event: &'a EventView, sessions: Vec<SessionRow>) -> Editor<'a> {
    Editor {
        heading: page.ts(
            "manage-events-edit-title",
            "event",
            event.title.as_deref().unwrap_or_default(),
        ),
        action: format!("/manage/events/{}", event.id),
        event: Some(event),
        sessions,
    }
}

async fn edit_form(page: Page, state: web::Data<AppState>, id: web::Path<i64>) -> WebResult {
    let asker = asker(&page)?;
    let event = service::get(&state, asker, *id, true).await?;
    let sessions = sessions_of(&state, asker, &event).await?;
    let form = EventForm::from_view(&event);
    render(
        &page,
        &form,
        &FormErrors::new(),
        None,
        edit_editor(&page, &event, sessions),
    )
}

async fn update(
    page: Page,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    pairs: web::Form<Vec<(String, String)>>,
) -> WebResult {
    let mut form = EventForm::parse(&pairs);
    page.verify(&form.csrf)?;
    let asker = asker(&page)?;
    let event = service::get(&state, asker, *id, true).await?;
    let sessions = sessions_of(&state, asker, &event).await?;
    let editor = edit_editor(&page, &event, sessions);
    if form.apply_copy() {
        return render(&page, &form, &FormErrors::new(), None, editor);
    }
    let mut errors = FormErrors::new();
    let checked = form.check(&page, &mut errors);
    let mut conflict = None;
    if errors.is_empty() {
        let (body, names) = form.update_body(checked);
        match edit::update(&state, asker, event.id, body).await {
            Ok(_) => {
                let to = format!(
                    "/manage/events/{}?notice=manage-events-notice-saved",
                    event.id
                );
                return Ok(page.redirect(&to));
            }
            Err(AppError::Conflict {
                code: "capacity_below_seats_taken",
                ..
            }) => errors.add("capacity", page.t("manage-events-capacity-below-seats")),
            Err(AppError::Conflict { code, .. }) => conflict = Some(conflict_text(&page, code)),
            Err(e) => absorb(&page, &mut errors, e, &names, "starts_at")?,
        }
    }
    render(&page, &form, &errors, conflict, editor)
}
