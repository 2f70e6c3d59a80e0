//! Reading an organisation's audit log: owners and platform admins, newest first, paged,
//! filtered by action prefix and time.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::db::schema::{audit_log, people};
use crate::db::{AnyConnection, MultiBackend};
use crate::error::{push_error as push, AppError, AppResult, FieldErrors};
use crate::http::pagination::{Page, PageQuery, Paginated};
use crate::http::AppState;
use crate::members::organisations::{caller_at, Needs};

/// Filters of `GET /api/v1/organisations/{slug}/audit`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only actions starting with this (`membership.` or `event.published`).
    pub action: Option<String>,
    /// Only entries at or after this time (RFC 3339).
    pub since: Option<String>,
    /// Only entries before this time (RFC 3339).
    pub until: Option<String>,
    /// 1-based page number.
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page (at most 100).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<i64>,
}

/// Who acted; null for the system.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditActor {
    pub id: i64,
    pub name: String,
}

/// What was acted on.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditSubject {
    /// `organisation`, `person`, `membership_type`, `membership`, `event`, `question`,
    /// `registration`.
    #[serde(rename = "type")]
    pub type_: String,
    pub id: i64,
}

/// One entry of the audit log.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    /// Stable dotted code, e.g. `membership.approved`, `event.published`, `staff.role_changed`.
    pub action: String,
    pub actor: Option<AuditActor>,
    pub subject: AuditSubject,
    /// The changed fields before the action (null when there was nothing before).
    #[schema(value_type = Option<Object>)]
    pub before: Option<Value>,
    /// The changed fields after the action (null when nothing remains).
    #[schema(value_type = Option<Object>)]
    pub after: Option<Value>,
    /// The `X-Request-Id` of the request that did it.
    pub request_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable)]
struct Row {
    id: i64,
    action: String,
    actor_person_id: Option<i64>,
    actor_name: Option<String>,
    subject_type: String,
    subject_id: i64,
    before: Option<String>,
    after: Option<String>,
    request_id: Option<String>,
    created_at: NaiveDateTime,
}

impl From<Row> for AuditEntry {
    fn from(r: Row) -> AuditEntry {
        let json = |raw: Option<String>| raw.and_then(|s| serde_json::from_str(&s).ok());
        AuditEntry {
            id: r.id,
            action: r.action,
            actor: r.actor_person_id.map(|id| AuditActor {
                id,
                name: r.actor_name.unwrap_or_default(),
            }),
            subject: AuditSubject {
                type_: r.subject_type,
                id: r.subject_id,
            },
            before: json(r.before),
            after: json(r.after),
            request_id: r.request_id,
            created_at: r.created_at.and_utc(),
        }
    }
}

struct Filter {
    action: Option<String>,
    since: Option<NaiveDateTime>,
    until: Option<NaiveDateTime>,
}

fn parse(q: &AuditQuery) -> AppResult<(Filter, Page)> {
    let page = PageQuery::of(q.page, q.per_page)?;
    let mut errors = FieldErrors::new();
    let action = q.action.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if let Some(a) = action {
        let valid = a.len() <= 100
            && a.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_');
        if !valid {
            push(
                &mut errors,
                "action",
                "an action code or its prefix: lower-case letters, digits, `.` and `_`",
            );
        }
    }
    let mut time = |name: &str, raw: &Option<String>| {
        raw.as_deref()
            .and_then(|t| match DateTime::parse_from_rfc3339(t) {
                Ok(t) => Some(t.naive_utc()),
                Err(_) => {
                    push(&mut errors, name, "must be an RFC 3339 time");
                    None
                }
            })
    };
    let since = time("since", &q.since);
    let until = time("until", &q.until);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let filter = Filter {
        action: action.map(str::to_owned),
        since,
        until,
    };
    Ok((filter, page))
}

type Joined = diesel::dsl::LeftJoin<audit_log::table, people::table>;

fn query(
    organisation_id: i64,
    f: &Filter,
) -> diesel::dsl::IntoBoxed<'static, Joined, MultiBackend> {
    let mut q = audit_log::table
        .left_join(people::table)
        .filter(audit_log::organisation_id.eq(organisation_id))
        .into_boxed();
    if let Some(prefix) = &f.action {
        // `_` is a LIKE wildcard and appears in action codes, so it is escaped.
        let pattern = format!("{}%", prefix.replace('_', "\\_"));
        q = q.filter(audit_log::action.like(pattern).escape('\\'));
    }
    if let Some(since) = f.since {
        q = q.filter(audit_log::created_at.ge(since));
    }
    if let Some(until) = f.until {
        q = q.filter(audit_log::created_at.lt(until));
    }
    q
}

fn page_of(
    conn: &mut AnyConnection,
    organisation_id: i64,
    f: &Filter,
    page: Page,
) -> AppResult<Paginated<AuditEntry>> {
    let total: i64 = query(organisation_id, f).count().get_result(conn)?;
    let rows: Vec<Row> = query(organisation_id, f)
        .select((
            audit_log::id,
            audit_log::action,
            audit_log::actor_person_id,
            people::full_name.nullable(),
            audit_log::subject_type,
            audit_log::subject_id,
            audit_log::before,
            audit_log::after,
            audit_log::request_id,
            audit_log::created_at,
        ))
        .order(audit_log::id.desc())
        .limit(page.per_page)
        .offset(page.offset())
        .load(conn)?;
    Ok(Paginated::new(
        rows.into_iter().map(AuditEntry::from).collect(),
        page,
        total,
    ))
}

/// The organisation's log, for its owners and platform admins.
pub async fn list(
    state: &AppState,
    person_id: i64,
    slug: String,
    q: AuditQuery,
) -> AppResult<Paginated<AuditEntry>> {
    let (filter, page) = parse(&q)?;
    state
        .db(move |conn| {
            let (_, org) = caller_at(
                conn,
                person_id,
                &slug,
                Needs::Owner,
                "only the owners of this organisation may read its audit log",
            )?;
            page_of(conn, org.id, &filter, page)
        })
        .await
}
