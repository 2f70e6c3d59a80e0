//! The front page: upcoming public events of every host (or past ones), filtered by a plain
//! GET form, paged with real links that keep the filters.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;

use crate::error::AppError;
use crate::events::listing::{self, FilterChoices, When};
use crate::events::model::{EventFilters, KINDS};
use crate::events::service::Asker;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::web::event_view::{self, Card};
use crate::web::forms::FormErrors;
use crate::web::{Page, WebResult};

/// As the API's default page, so a reader sees what a client would.
const PER_PAGE: i64 = 20;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/").get(front));
}

/// The filters as typed (kept as text, so a bad value comes back to the form as it was).
#[derive(Debug, Default, serde::Deserialize)]
pub struct FrontQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    org: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    past: String,
    #[serde(default)]
    page: String,
}

impl FrontQuery {
    fn past(&self) -> bool {
        self.past == "1"
    }

    /// The filters (not the page) as query pairs; empty ones are left out.
    fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("q", &self.q),
            ("org", &self.org),
            ("country", &self.country),
            ("city", &self.city),
            ("kind", &self.kind),
            ("language", &self.language),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.trim()))
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }

    fn has_filters(&self) -> bool {
        !self.pairs().is_empty()
    }

    /// This list's address with the filters, the past switch and a page number.
    fn link(&self, past: bool, page: Option<i64>) -> String {
        let mut pairs: Vec<(&str, String)> = self
            .pairs()
            .into_iter()
            .map(|(k, v)| (k, v.to_owned()))
            .collect();
        if past {
            pairs.push(("past", "1".into()));
        }
        if let Some(page) = page.filter(|p| *p > 1) {
            pairs.push(("page", page.to_string()));
        }
        if pairs.is_empty() {
            return "/".into();
        }
        format!(
            "/?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    }

    fn filters(&self, page: i64) -> EventFilters {
        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        EventFilters {
            q: opt(&self.q),
            org: opt(&self.org),
            country: opt(&self.country),
            city: opt(&self.city),
            kind: opt(&self.kind),
            lang: opt(&self.language),
            from: opt(&self.from),
            to: opt(&self.to),
            page: Some(page),
            per_page: Some(PER_PAGE),
            ..EventFilters::default()
        }
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub lang: Option<&'static str>,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "events_list.html")]
struct FrontPage<'a> {
    p: &'a Page,
    f: &'a FrontQuery,
    errors: FormErrors,
    past: bool,
    cards: Vec<Card>,
    total: i64,
    pages: i64,
    page_of: String,
    previous: Option<String>,
    next: Option<String>,
    switch_link: String,
    clear_link: &'static str,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    countries: Vec<Choice>,
    hosts: Vec<Choice>,
}

fn choices(page: &Page, f: &FrontQuery, all: &FilterChoices) -> [Vec<Choice>; 4] {
    let choice = |value: &str, label: String, lang, current: &str| Choice {
        selected: value == current.trim(),
        value: value.to_owned(),
        label,
        lang,
    };
    [
        KINDS
            .iter()
            .map(|k| choice(k, event_view::kind(page, k), None, &f.kind))
            .collect(),
        Locale::ALL
            .iter()
            .map(|l| {
                let name = crate::web::page::language_name(*l);
                choice(l.tag(), name.to_owned(), Some(l.tag()), &f.language)
            })
            .collect(),
        all.countries
            .iter()
            .map(|c| choice(c, event_view::country(page, c), None, &f.country))
            .collect(),
        all.hosts
            .iter()
            .map(|(slug, name)| choice(slug, name.clone(), None, &f.org))
            .collect(),
    ]
}

/// Maps the list service's field names onto the form's.
fn absorb(page: &Page, errors: &mut FormErrors, e: AppError) -> Result<(), AppError> {
    errors.absorb(page, e, &[("lang", "language"), ("page", "q")])
}

async fn front(page: Page, state: web::Data<AppState>, query: web::Query<FrontQuery>) -> WebResult {
    let f = query.into_inner();
    let number = f.page.trim().parse::<i64>().unwrap_or(1).max(1);
    let when = if f.past() { When::Past } else { When::Upcoming };
    let asker = Asker {
        person_id: page.person.as_ref().map(|p| p.id),
        locale: Some(page.locale),
    };
    let mut errors = FormErrors::new();
    let (listed, all) = listing::list_with_choices(&state, asker, f.filters(number), when).await?;
    let (items, total) = match listed {
        Ok(found) => (found.items, found.total),
        Err(e) => {
            absorb(&page, &mut errors, e)?;
            (Vec::new(), 0)
        }
    };
    let [kinds, languages, countries, hosts] = choices(&page, &f, &all);
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let past = f.past();
    if number > pages && total > 0 {
        // An old link after events ended: the last page there is, not an empty one.
        return Ok(page.redirect(&f.link(past, Some(pages))));
    }
    let template = FrontPage {
        p: &page,
        cards: items.iter().map(|e| event_view::card(&page, e)).collect(),
        total,
        page_of: page.ta(
            "common-page-of",
            &[("page", number.into()), ("pages", pages.into())],
        ),
        pages,
        previous: (number > 1).then(|| f.link(past, Some(number - 1))),
        next: (number < pages).then(|| f.link(past, Some(number + 1))),
        switch_link: f.link(!past, None),
        clear_link: if past { "/?past=1" } else { "/" },
        past,
        kinds,
        languages,
        countries,
        hosts,
        f: &f,
        errors,
    };
    if template.errors.is_empty() {
        page.render(&template)
    } else {
        page.render_status(StatusCode::UNPROCESSABLE_ENTITY, &template)
    }
}
