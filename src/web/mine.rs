//! "My registrations": upcoming and past apart, each with its status and a link to its page;
//! the same service as `/api/v1/me/registrations`.

use actix_web::web;
use serde::Deserialize;

use crate::http::pagination::Paginated;
use crate::http::AppState;
use crate::notify::dates;
use crate::registrations::model::MyRegistration;
use crate::registrations::roster::{self, MineQuery, When};
use crate::web::registration_page::status_badge;
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/me/registrations").get(registrations));
}

pub const PER_PAGE: i64 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub page: Option<i64>,
    past_page: Option<i64>,
}

/// One line of "my registrations".
struct Row {
    id: i64,
    title: String,
    when: String,
    status: String,
    status_class: &'static str,
}

/// One list with its paging links (already built, keeping the other list's page).
struct Section {
    rows: Vec<Row>,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "mine_registrations.html")]
struct RegistrationsPage<'a> {
    p: &'a Page,
    upcoming: Section,
    past: Section,
}

fn row(page: &Page, item: &MyRegistration) -> Row {
    let reg = &item.registration;
    let (status, status_class) = status_badge(page, reg);
    Row {
        id: reg.id,
        title: item.event_title.clone(),
        when: dates::date_time(item.event_starts_at, &item.event_timezone, page.locale),
        status,
        status_class,
    }
}

fn section(page: &Page, list: Paginated<MyRegistration>, link: impl Fn(i64) -> String) -> Section {
    let more = list.page * list.per_page < list.total;
    Section {
        rows: list.items.iter().map(|item| row(page, item)).collect(),
        previous: (list.page > 1).then(|| link(list.page - 1)),
        next: more.then(|| link(list.page + 1)),
    }
}

async fn registrations(
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> WebResult {
    let person_id = page.person()?.id;
    let (up, past) = (query.page.unwrap_or(1), query.past_page.unwrap_or(1));
    let mine = |when, n| MineQuery {
        when: Some(when),
        page: Some(n),
        per_page: Some(PER_PAGE),
    };
    let upcoming = roster::mine(&state, person_id, mine(When::Upcoming, up)).await?;
    let previous = roster::mine(&state, person_id, mine(When::Past, past)).await?;
    let template = RegistrationsPage {
        p: &page,
        upcoming: section(&page, upcoming, |n| {
            format!("/me/registrations?page={n}&past_page={past}")
        }),
        past: section(&page, previous, |n| {
            format!("/me/registrations?page={up}&past_page={n}#past")
        }),
    };
    page.render(&template)
}
