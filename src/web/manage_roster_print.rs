//! The attendance sheet to print (A4, `@page` in kolo.css) and have signed: the funders of
//! these organisations ask for signed participant lists.

use actix_web::web;

use crate::http::AppState;
use crate::registrations::model::CONFIRMED;
use crate::registrations::roster::{self, RosterQuery};
use crate::web::manage_roster::{event_head, EventHead};
use crate::web::{Page, WebResult};

#[derive(askama::Template)]
#[template(path = "manage_roster_print.html")]
struct PrintPage<'a> {
    p: &'a Page,
    e: &'a EventHead,
    rows: Vec<(usize, String, String)>,
}

/// The attendance sheet to print and have signed: confirmed people, by name.
pub async fn print(page: Page, state: web::Data<AppState>, path: web::Path<i64>) -> WebResult {
    let id = path.into_inner();
    let query = RosterQuery {
        status: Some(CONFIRMED.to_owned()),
        per_page: Some(crate::http::pagination::MAX_PER_PAGE),
        ..RosterQuery::default()
    };
    let person = page.person()?.id;
    let mut items = Vec::new();
    for n in 1.. {
        let r = roster::roster(
            &state,
            person,
            id,
            RosterQuery {
                page: Some(n),
                ..query.clone()
            },
        )
        .await?;
        let done = r.page * r.per_page >= r.total;
        items.extend(r.items);
        if done {
            break;
        }
    }
    let e = event_head(&state, &page, id).await?;
    let mut names: Vec<(String, String)> = items
        .into_iter()
        .map(|v| (v.name, v.organisation_name.unwrap_or_default()))
        .collect();
    names.sort_by_key(|(n, _)| crate::i18n::fold::fold(n));
    let rows = names
        .into_iter()
        .enumerate()
        .map(|(i, (n, o))| (i + 1, n, o))
        .collect();
    page.render(&PrintPage {
        p: &page,
        e: &e,
        rows,
    })
}
