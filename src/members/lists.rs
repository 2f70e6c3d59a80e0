//! What staff and members read: the host's membership list (and its CSV export), a member's
//! own memberships, and the members' directory.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::audit::{self, Entry};
use crate::auth::model::Person;
use crate::auth::service::load_person;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::http::pagination::{PageQuery, Paginated};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::members::access;
use crate::members::api::*;
use crate::members::memberships::today;
use crate::members::model::*;
use crate::members::organisations::{caller_at, load_organisation, require, Needs};
use crate::members::store::{self, MembershipQuery};
use crate::members::validate::{self, Check};

/// A page of memberships as JSON, or all of them as CSV.
pub enum MembershipList {
    Page(Paginated<MembershipView>),
    Csv { filename: String, body: Vec<u8> },
}

pub async fn list(
    state: &AppState,
    person_id: i64,
    slug: String,
    f: MembershipFilter,
) -> AppResult<MembershipList> {
    let page = PageQuery::of(f.page, f.per_page)?;
    let mut check = Check::default();
    let status = check.optional("status", f.status.as_deref(), |s| {
        MembershipStatus::parse(s).map(|s| s.as_str().to_owned())
    });
    let member_kind = check.optional("member_kind", f.member_kind.as_deref(), MemberKind::parse);
    let country = check.optional("country", f.country.as_deref(), validate::country);
    let expires_before = check.optional(
        "expires_before",
        f.expires_before.as_deref(),
        validate::date,
    );
    let csv = check
        .optional("format", f.format.as_deref(), |f| match f {
            "json" => Ok(false),
            "csv" => Ok(true),
            other => Err(format!("`{other}` is not one of: json, csv")),
        })
        .unwrap_or(false);
    check.finish()?;
    state
        .db(move |conn| {
            let (person, host) = caller_at(
                conn,
                person_id,
                &slug,
                Needs::Staff,
                "only the staff of this organisation may list its memberships",
            )?;
            let query = MembershipQuery {
                host_id: host.id,
                status,
                type_id: f.type_id,
                member_kind,
                country,
                q: f.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()),
                expires_before,
            };
            let (items, total) = store::list_memberships(conn, &query, (!csv).then_some(page))?;
            let items = views(conn, items)?;
            Ok(if csv {
                audit::record(
                    conn,
                    Entry::new("memberships.exported", person.id, "organisation", host.id)
                        .at(host.id)
                        .after(serde_json::json!({"format": "csv", "rows": items.len()})),
                )?;
                MembershipList::Csv {
                    filename: format!("{}-memberships.csv", host.slug),
                    body: to_csv(&items, person.locale())?,
                }
            } else {
                MembershipList::Page(Paginated::new(items, page, total))
            })
        })
        .await
}

pub async fn mine(
    state: &AppState,
    person_id: i64,
    q: PageOnly,
) -> AppResult<Paginated<MembershipView>> {
    let page = PageQuery::of(q.page, q.per_page)?;
    state
        .db(move |conn| {
            load_person(conn, person_id)?;
            let orgs = access::represented_organisations(conn, person_id)?;
            let (items, total) = store::memberships_of_member(conn, person_id, &orgs, page)?;
            Ok(Paginated::new(views(conn, items)?, page, total))
        })
        .await
}

/// The view of one membership.
pub fn view(conn: &mut AnyConnection, m: Membership) -> AppResult<MembershipView> {
    views(conn, vec![m])?
        .pop()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("no view built for a membership")))
}

/// Builds views for memberships with a fixed number of queries, whatever their count.
pub fn views(conn: &mut AnyConnection, items: Vec<Membership>) -> AppResult<Vec<MembershipView>> {
    let ids =
        |f: fn(&Membership) -> Option<i64>| -> Vec<i64> { items.iter().filter_map(f).collect() };
    let mut org_ids = ids(|m| Some(m.host_id));
    org_ids.extend(ids(|m| m.member_organisation_id));
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs: HashMap<i64, Organisation> = store::organisations_by_id(conn, &org_ids)?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let people: HashMap<i64, Person> = store::people_by_id(conn, &ids(|m| m.person_id))?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let types: HashMap<i64, MembershipType> =
        store::membership_types_by_id(conn, &ids(|m| Some(m.type_id)))?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
    let missing = || AppError::internal(anyhow::anyhow!("membership refers to a missing row"));
    items
        .iter()
        .map(|m| {
            let host = orgs.get(&m.host_id).ok_or_else(missing)?;
            let type_ = types.get(&m.type_id).ok_or_else(missing)?;
            let member = match (m.person_id, m.member_organisation_id) {
                (Some(id), _) => {
                    let p = people.get(&id).ok_or_else(missing)?;
                    MemberView {
                        kind: MemberKind::Person.as_str(),
                        id: p.id,
                        name: p.full_name.clone(),
                        email: Some(p.email.clone()),
                        slug: None,
                        country: p.country.clone(),
                    }
                }
                (None, Some(id)) => {
                    let o = orgs.get(&id).ok_or_else(missing)?;
                    MemberView {
                        kind: MemberKind::Organisation.as_str(),
                        id: o.id,
                        name: o.name.clone(),
                        email: o.email.clone(),
                        slug: Some(o.slug.clone()),
                        country: Some(o.country.clone()),
                    }
                }
                (None, None) => return Err(missing()),
            };
            Ok(MembershipView::new(
                m,
                HostRef {
                    id: host.id,
                    slug: host.slug.clone(),
                    name: host.name.clone(),
                },
                TypeRef {
                    id: type_.id,
                    name: localized_from_db(&type_.name),
                    duration_months: type_.duration_months,
                },
                member,
            ))
        })
        .collect()
}

/// The memberships as a spreadsheet; type names in the reader's locale.
fn to_csv(items: &[MembershipView], locale: Locale) -> AppResult<Vec<u8>> {
    let header: Vec<String> = [
        "id",
        "status",
        "member_kind",
        "member",
        "slug",
        "email",
        "country",
        "membership_type",
        "starts_on",
        "ends_on",
        "applied_at",
        "note",
    ]
    .map(str::to_owned)
    .to_vec();
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    crate::http::spreadsheet::csv(
        &header,
        items.iter().map(|m| {
            [
                m.id.to_string(),
                m.status.clone(),
                m.member.kind.to_owned(),
                m.member.name.clone(),
                m.member.slug.clone().unwrap_or_default(),
                m.member.email.clone().unwrap_or_default(),
                m.member.country.clone().unwrap_or_default(),
                pick(&m.type_.name, locale),
                date(m.starts_on),
                date(m.ends_on),
                m.created_at.to_rfc3339(),
                m.note.clone().unwrap_or_default(),
            ]
        }),
    )
}

// ---- directory ----

pub async fn directory(
    state: &AppState,
    person_id: i64,
    slug: String,
    q: PageOnly,
) -> AppResult<Paginated<DirectoryEntry>> {
    let page = PageQuery::of(q.page, q.per_page)?;
    state
        .db(move |conn| {
            let person = load_person(conn, person_id)?;
            let host = load_organisation(conn, &slug)?;
            let today = today();
            require(
                person.is_admin || access::is_member(conn, person.id, host.id, today)?,
                "the directory is open to the host's members",
            )?;
            let listed = store::directory_memberships(conn, host.id, today)?;
            let people: HashMap<i64, Person> = store::people_by_id(
                conn,
                &listed
                    .iter()
                    .filter_map(|m| m.person_id)
                    .collect::<Vec<_>>(),
            )?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
            let orgs: HashMap<i64, Organisation> = store::organisations_by_id(
                conn,
                &listed
                    .iter()
                    .filter_map(|m| m.member_organisation_id)
                    .collect::<Vec<_>>(),
            )?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
            let types: HashMap<i64, LocalizedText> =
                store::membership_types_of(conn, host.id, true)?
                    .into_iter()
                    .map(|t| (t.id, localized_from_db(&t.name)))
                    .collect();
            let mut entries: Vec<DirectoryEntry> = listed
                .iter()
                .filter_map(|m| {
                    let membership_type = types.get(&m.type_id).cloned().unwrap_or_default();
                    match (m.person_id, m.member_organisation_id) {
                        (Some(id), _) => people.get(&id).map(|p| DirectoryEntry {
                            kind: MemberKind::Person.as_str(),
                            name: p.full_name.clone(),
                            country: p.country.clone(),
                            slug: None,
                            organisation_kind: None,
                            city: None,
                            website: None,
                            membership_type,
                            member_since: m.starts_on,
                        }),
                        (None, Some(id)) => orgs.get(&id).map(|o| DirectoryEntry {
                            kind: MemberKind::Organisation.as_str(),
                            name: o.name.clone(),
                            country: Some(o.country.clone()),
                            slug: Some(o.slug.clone()),
                            organisation_kind: Some(o.kind.clone()),
                            city: o.city.clone(),
                            website: o.website.clone(),
                            membership_type,
                            member_since: m.starts_on,
                        }),
                        (None, None) => None,
                    }
                })
                .collect();
            entries.sort_by_cached_key(|e| (e.name.to_lowercase(), e.slug.clone()));
            let total = i64::try_from(entries.len()).unwrap_or(i64::MAX);
            let start = usize::try_from(page.offset()).unwrap_or(usize::MAX);
            let items = entries
                .into_iter()
                .skip(start)
                .take(usize::try_from(page.per_page).unwrap_or(0))
                .collect();
            Ok(Paginated::new(items, page, total))
        })
        .await
}
