//! The pages people use, rendered by the same binary: one file per feature, each calling the
//! same service functions as the API. Forms work without JavaScript; every state-changing form
//! carries a CSRF token; pages get a strict Content-Security-Policy.

pub mod account;
pub mod account_links;
pub mod assets;
pub mod errors;
pub mod event_facts;
pub mod event_form;
pub mod event_page;
pub mod event_register;
pub mod event_view;
pub mod events_list;
pub mod forms;
pub mod i18n;
pub mod landing;
pub mod manage_audit;
pub mod manage_checkin;
pub mod manage_event_actions;
pub mod manage_event_body;
pub mod manage_event_form;
pub mod manage_event_page;
pub mod manage_event_question_form;
pub mod manage_event_questions;
pub mod manage_events;
pub mod manage_home;
pub mod manage_members;
pub mod manage_members_bulk;
pub mod manage_members_decide;
pub mod manage_members_detail;
pub mod manage_members_type_form;
pub mod manage_members_types;
pub mod manage_messages;
pub mod manage_roster;
pub mod manage_roster_actions;
pub mod manage_roster_print;
pub mod manage_staff;
pub mod mine;
pub mod my_memberships;
pub mod orgs;
pub mod orgs_embed;
pub mod orgs_view;
pub mod page;
pub mod profile;
pub mod registration_page;

use actix_web::{web, HttpResponse};

pub use errors::{WebError, WebResult};
pub use page::Page;

/// Registers every page. Called last by the app factory, so `/api`, `/docs` and the probes
/// keep their own routes and error bodies.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("")
            .wrap(actix_web::middleware::from_fn(errors::pages_middleware))
            .service(web::resource("/static/{file}").get(assets::serve))
            .service(web::resource("/lang").get(choose_language))
            .configure(landing::configure)
            .configure(orgs::configure)
            .configure(account::configure)
            .configure(account_links::configure)
            .configure(profile::configure)
            .configure(mine::configure)
            .configure(my_memberships::configure)
            .configure(registration_page::configure)
            .configure(events_list::configure)
            .configure(manage_home::configure)
            .configure(manage_staff::configure)
            .configure(manage_audit::configure)
            .configure(manage_members::configure)
            .configure(manage_events::configure)
            .configure(manage_event_actions::configure)
            .configure(manage_event_questions::configure)
            .configure(manage_roster::configure)
            .configure(manage_checkin::configure)
            .configure(manage_messages::configure)
            // Before the event page, whose `/events/{id}/{slug}` would take these paths.
            .configure(event_register::configure)
            .configure(event_page::configure),
    );
}

#[derive(serde::Deserialize)]
struct LanguageChoice {
    lang: String,
    next: Option<String>,
}

/// The language picker on every page: a plain GET form, so it works without JavaScript.
async fn choose_language(mut page: Page, query: web::Query<LanguageChoice>) -> HttpResponse {
    if let Some(locale) = crate::i18n::Locale::parse(&query.lang) {
        page.remember_language(locale);
    }
    page.redirect(query.next.as_deref().unwrap_or("/"))
}
