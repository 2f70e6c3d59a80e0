//! The read side of events: the filtered list, a programme's sessions and the calendar feeds.

use crate::db::AnyConnection;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::calendar;
use crate::events::model::*;
use crate::events::service::Asker;
use crate::events::store::{self, ListFilter};
use crate::events::validate::{self as v, push};
use crate::events::views::{self, Reader};
use crate::http::pagination::{Page, PageQuery, Paginated};
use crate::http::AppState;
use crate::i18n::{fallback, Locale};
use crate::types::CountryCode;

/// The most events one calendar feed carries.
const FEED_LIMIT: i64 = 500;

/// The filters, checked; the organisation slug is resolved later, in the transaction.
struct Checked {
    filter: ListFilter,
    org_slug: Option<String>,
    display: Option<Locale>,
}

/// Which side of now a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Events not over yet (or ending after `from`), in start order: the API's list.
    Upcoming,
    /// Events already over, the latest first.
    Past,
}

fn check(
    q: &EventFilters,
    asker: Asker,
    include_cancelled: bool,
    when: When,
) -> AppResult<Checked> {
    let mut errors = FieldErrors::new();
    let mut filter = ListFilter {
        statuses: if include_cancelled {
            vec![STATUS_PUBLISHED, STATUS_CANCELLED]
        } else {
            vec![STATUS_PUBLISHED]
        },
        has_seats: q.has_seats.unwrap_or(false),
        parent_id: q.parent,
        ..ListFilter::default()
    };
    if let Some(kind) = &q.kind {
        filter.kind = v::one_of(kind, &KINDS)
            .map_err(|m| push(&mut errors, "kind", m))
            .ok();
    }
    match when {
        When::Upcoming => filter.ends_after = Some(crate::db::now()),
        When::Past => {
            filter.ends_before = Some(crate::db::now());
            filter.newest_first = true;
        }
    }
    if let Some(from) = &q.from {
        match v::time_or_date(from) {
            Ok((t, _)) => filter.ends_after = Some(t),
            Err(m) => push(&mut errors, "from", m),
        }
    }
    if let Some(to) = &q.to {
        match v::time_or_date(to) {
            // A date means the whole of that day.
            Ok((t, true)) => filter.starts_before = Some(t + chrono::Duration::days(1)),
            Ok((t, false)) => filter.starts_before = Some(t),
            Err(m) => push(&mut errors, "to", m),
        }
    }
    filter.city = q
        .city
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    if let Some(country) = &q.country {
        filter.country = CountryCode::parse(country)
            .map(CountryCode::into_inner)
            .map_err(|m| push(&mut errors, "country", m))
            .ok();
    }
    let mut display = asker.locale;
    if let Some(lang) = &q.lang {
        match v::locale(lang) {
            Ok(locale) => {
                // Serbian is one language in two scripts: either counts.
                filter.locales = std::iter::once(locale)
                    .chain(fallback::other_script(locale))
                    .map(|l| l.tag().to_owned())
                    .collect();
                display = Some(locale);
            }
            Err(m) => push(&mut errors, "lang", m),
        }
    }
    if q.q.as_deref().is_some_and(|raw| raw.chars().count() > 100) {
        push(&mut errors, "q", "must be at most 100 characters");
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        filter.text = Some(text.to_owned());
    }
    v::finish(errors)?;
    Ok(Checked {
        filter,
        org_slug: q.org.as_deref().map(|s| s.trim().to_lowercase()),
        display,
    })
}

fn page_of(q: &EventFilters) -> AppResult<Page> {
    PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .validate()
}

/// Resolves the organisation filter and the reader's visibility into the filter.
fn complete(
    conn: &mut crate::db::AnyConnection,
    checked: &mut Checked,
    reader: &Reader,
) -> AppResult<()> {
    if let Some(slug) = &checked.org_slug {
        // An unknown host simply has no events.
        checked.filter.organisation_id = Some(
            store::orgs_by_slugs(conn, std::slice::from_ref(slug))?
                .pop()
                .map_or(-1, |o| o.id),
        );
    }
    checked.filter.member_hosts = reader.visible_member_hosts();
    if checked.display.is_none() {
        checked.display = reader.account_locale;
    }
    Ok(())
}

/// `GET /api/v1/events`: published events the reader may see, in start order.
pub async fn list(
    state: &AppState,
    asker: Asker,
    q: EventFilters,
) -> AppResult<Paginated<EventView>> {
    list_when(state, asker, q, When::Upcoming).await
}

/// The list of upcoming events (as the API), or of past ones (the front page's archive).
pub async fn list_when(
    state: &AppState,
    asker: Asker,
    q: EventFilters,
    when: When,
) -> AppResult<Paginated<EventView>> {
    let page = page_of(&q)?;
    let checked = check(&q, asker, q.include_cancelled.unwrap_or(false), when)?;
    state
        .read(move |conn| list_on(conn, asker, checked, page))
        .await
}

fn list_on(
    conn: &mut AnyConnection,
    asker: Asker,
    mut checked: Checked,
    page: Page,
) -> AppResult<Paginated<EventView>> {
    let reader = Reader::load(conn, asker.person_id)?;
    complete(conn, &mut checked, &reader)?;
    let (rows, total) = store::list(conn, &checked.filter, page.per_page, page.offset())?;
    let items = views::build(conn, rows, checked.display, false)?;
    Ok(Paginated::new(items, page, total))
}

/// What the list's filters can be set to where the set is closed: the countries of published
/// events and the host organisations (slug, name).
pub struct FilterChoices {
    pub countries: Vec<String>,
    pub hosts: Vec<(String, String)>,
}

fn filter_choices_on(conn: &mut AnyConnection) -> AppResult<FilterChoices> {
    Ok(FilterChoices {
        countries: store::countries_present(conn)?,
        hosts: store::hosts(conn)?,
    })
}

/// The front page's read: the list (or why its filters were refused) and the filters'
/// choices, in one snapshot on one connection.
pub async fn list_with_choices(
    state: &AppState,
    asker: Asker,
    q: EventFilters,
    when: When,
) -> AppResult<(AppResult<Paginated<EventView>>, FilterChoices)> {
    let checked = page_of(&q).and_then(|page| {
        let checked = check(&q, asker, q.include_cancelled.unwrap_or(false), when)?;
        Ok((page, checked))
    });
    state
        .read(move |conn| {
            let choices = filter_choices_on(conn)?;
            let listed = checked.and_then(|(page, checked)| list_on(conn, asker, checked, page));
            Ok((listed, choices))
        })
        .await
}

/// `GET /api/v1/events/{id}/sessions`: the programme, in time order.
pub async fn sessions(
    state: &AppState,
    asker: Asker,
    id: i64,
    page: PageQuery,
) -> AppResult<Paginated<EventView>> {
    let page = page.validate()?;
    state
        .read(move |conn| {
            let reader = Reader::load(conn, asker.person_id)?;
            store::find_event(conn, id)?
                .filter(|e| reader.can_see(e))
                .ok_or(AppError::NotFound("event"))?;
            let visible: Vec<Event> = store::sessions_of(conn, id)?
                .into_iter()
                .filter(|s| reader.can_see(s))
                .collect();
            let total = visible.len() as i64;
            let rows = visible
                .into_iter()
                .skip(page.offset() as usize)
                .take(page.per_page as usize)
                .collect();
            let locale = asker.locale.or(reader.account_locale);
            let items = views::build(conn, rows, locale, false)?;
            Ok(Paginated::new(items, page, total))
        })
        .await
}

/// `GET /api/v1/events.ics`: the list's filters, cancelled events included so that subscribed
/// calendars learn of the cancellation.
pub async fn feed(state: &AppState, asker: Asker, q: EventFilters) -> AppResult<String> {
    let (limit, offset) = match (q.page, q.per_page) {
        (None, None) => (FEED_LIMIT, 0),
        _ => {
            let page = page_of(&q)?;
            (page.per_page, page.offset())
        }
    };
    let mut checked = check(&q, asker, true, When::Upcoming)?;
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            let reader = Reader::load(conn, asker.person_id)?;
            complete(conn, &mut checked, &reader)?;
            let (rows, _) = store::list(conn, &checked.filter, limit, offset)?;
            let items = views::build(conn, rows, checked.display, false)?;
            Ok(calendar::render(&items, &public_url, crate::db::now()))
        })
        .await
}

/// `GET /api/v1/events/{id}/event.ics`.
pub async fn event_feed(state: &AppState, asker: Asker, id: i64) -> AppResult<String> {
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            let reader = Reader::load(conn, asker.person_id)?;
            let event = store::find_event(conn, id)?
                .filter(|e| reader.can_see(e))
                .ok_or(AppError::NotFound("event"))?;
            let locale = asker.locale.or(reader.account_locale);
            let items = views::build(conn, vec![event], locale, false)?;
            Ok(calendar::render(&items, &public_url, crate::db::now()))
        })
        .await
}
