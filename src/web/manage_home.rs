//! The organisers' dashboard (`/manage`): the hosts the person staffs (platform admins: every
//! host, paged), each with its next events and their roster counts, the memberships waiting for
//! approval or running out, and the email sent in its name that could not be delivered (with a
//! retry button); platform admins also see every undelivered message.
//! Also the organisation sub-navigation (`manage_org_nav.html`) the `/manage/o/{slug}/…` pages
//! include.

use actix_web::web;
use serde::Deserialize;

use crate::http::pagination::PageQuery;
use crate::http::AppState;
use crate::members::access::StaffRole;
use crate::members::dashboard::EXPIRING_DAYS;
use crate::notify::admin::{self, OutboxFilter, OutboxQuery, OutboxView};
use crate::notify::{dates, host_outbox};
use crate::registrations::dashboard::{self, HostBlock, UpcomingEvent};
use crate::web::{Page, WebResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/manage").get(home))
        .service(web::resource("/manage/outbox/{id:\\d+}/retry").post(retry))
        .service(web::resource("/manage/o/{slug}/outbox/{id:\\d+}/retry").post(host_retry));
}

/// Hosts per page of the dashboard.
const HOSTS_PER_PAGE: i64 = 10;
/// Undelivered messages the dashboard lists.
const DEAD_SHOWN: i64 = 10;

/// The sub-navigation of one organisation's pages: include `manage_org_nav.html` in a template
/// with a field `nav: OrgNav` (and `p`).
pub struct OrgNav {
    pub slug: String,
    pub name: String,
    /// `events`, `members`, `staff` or `audit`: the link marked as the current page.
    pub current: &'static str,
    /// Owners and platform admins also see the audit log link.
    pub owner: bool,
}

impl OrgNav {
    pub fn new(slug: &str, name: &str, current: &'static str, owner: bool) -> OrgNav {
        OrgNav {
            slug: slug.to_owned(),
            name: name.to_owned(),
            current,
            owner,
        }
    }
}

struct EventRow {
    id: i64,
    title: String,
    draft: bool,
    when: String,
    /// "12 / 30" or "12" when unlimited.
    confirmed: String,
    waitlisted: i64,
    pending: i64,
    checked_in: i64,
}

struct HostRow {
    slug: String,
    name: String,
    role: String,
    owner: bool,
    events: Vec<EventRow>,
    pending_memberships: i64,
    expiring_memberships: i64,
    /// The host's undelivered email: how many, and the newest few.
    dead_total: i64,
    dead: Vec<DeadRow>,
    /// Where its retry buttons post.
    retry_base: String,
}

struct DeadRow {
    id: i64,
    recipient: String,
    template: String,
    attempts: i32,
    last_error: String,
    created: String,
}

#[derive(askama::Template)]
#[template(path = "manage_home.html")]
struct HomePage<'a> {
    p: &'a Page,
    hosts: Vec<HostRow>,
    /// The members page's `?expiring=` of the "expiring" count.
    expiring_days: i64,
    previous: Option<String>,
    next: Option<String>,
    /// Platform admins only, as the outbox API: (total, the newest few).
    dead: Option<(i64, Vec<DeadRow>)>,
}

fn event_row(page: &Page, e: &UpcomingEvent) -> EventRow {
    let s = &e.summary;
    EventRow {
        id: e.id,
        title: e
            .title
            .clone()
            .unwrap_or_else(|| page.t("manage-home-untitled")),
        draft: e.status == crate::events::model::STATUS_DRAFT,
        when: dates::date_time(e.starts_at, &e.timezone, page.locale),
        confirmed: match s.capacity {
            Some(cap) => format!("{} / {cap}", s.confirmed),
            None => s.confirmed.to_string(),
        },
        waitlisted: s.waitlisted,
        pending: s.pending,
        checked_in: s.checked_in,
    }
}

fn dead_row(page: &Page, m: OutboxView) -> DeadRow {
    DeadRow {
        id: m.id,
        recipient: m.recipient,
        template: m.template,
        attempts: m.attempts,
        last_error: m.last_error.unwrap_or_default(),
        created: dates::date_time(m.created_at, "UTC", page.locale),
    }
}

fn host_row(page: &Page, h: &HostBlock, dead: (i64, Vec<OutboxView>)) -> HostRow {
    let owner = page.is_admin() || h.role == Some(StaffRole::Owner);
    HostRow {
        slug: h.organisation.slug.clone(),
        name: h.organisation.name.clone(),
        role: match h.role {
            Some(StaffRole::Owner) => page.t("manage-home-role-owner"),
            Some(StaffRole::Organiser) => page.t("manage-home-role-organiser"),
            None => page.t("manage-home-role-admin"),
        },
        owner,
        events: h.events.iter().map(|e| event_row(page, e)).collect(),
        pending_memberships: h.memberships.pending,
        expiring_memberships: h.memberships.expiring,
        retry_base: format!("/manage/o/{}/outbox", h.organisation.slug),
        dead_total: dead.0,
        dead: dead.1.into_iter().map(|m| dead_row(page, m)).collect(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct HomeQuery {
    page: Option<i64>,
}

async fn home(page: Page, state: web::Data<AppState>, query: web::Query<HomeQuery>) -> WebResult {
    let person_id = page.person()?.id;
    let n = query.page.unwrap_or(1);
    let list = dashboard::dashboard(
        &state,
        person_id,
        page.locale,
        PageQuery {
            page: Some(n),
            per_page: Some(HOSTS_PER_PAGE),
        },
    )
    .await?;
    let dead = if page.is_admin() {
        let q = OutboxQuery {
            status: Some(OutboxFilter::Dead),
            page: Some(1),
            per_page: Some(DEAD_SHOWN),
        };
        let dead = admin::list(&state, person_id, q).await?;
        let rows = dead.items.into_iter().map(|m| dead_row(&page, m)).collect();
        Some((dead.total, rows))
    } else {
        None
    };
    let mut hosts = Vec::with_capacity(list.items.len());
    for h in &list.items {
        let dead = host_outbox::dead(&state, person_id, h.organisation.id, DEAD_SHOWN).await?;
        hosts.push(host_row(&page, h, dead));
    }
    let more = list.page * list.per_page < list.total;
    page.render(&HomePage {
        p: &page,
        hosts,
        expiring_days: EXPIRING_DAYS,
        previous: (n > 1).then(|| format!("/manage?page={}", n - 1)),
        next: more.then(|| format!("/manage?page={}", n + 1)),
        dead,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CsrfOnly {
    csrf: String,
}

/// Queues an undelivered message again (platform admins, as `POST /api/v1/admin/outbox/{id}/retry`).
async fn retry(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<CsrfOnly>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    admin::retry(&state, person_id, path.into_inner()).await?;
    Ok(page.redirect("/manage?notice=manage-home-notice-retried"))
}

/// Queues one of the host's undelivered messages again (its staff and platform admins).
async fn host_retry(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfOnly>,
) -> WebResult {
    page.verify(&form.csrf)?;
    let person_id = page.person()?.id;
    let (slug, id) = path.into_inner();
    host_outbox::retry(&state, person_id, slug, id).await?;
    Ok(page.redirect("/manage?notice=manage-home-notice-retried"))
}
