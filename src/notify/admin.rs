//! What platform admins see of the outbox: stuck and dead messages, and a way to retry them.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::audit::{self, Entry};
use crate::db::schema::outbox;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::pagination::{PageQuery, Paginated};
use crate::http::AppState;
use crate::notify::outbox::{OutboxMessage, STATUS_DEAD, STATUS_PENDING, STATUS_SENT};

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutboxFilter {
    /// Gave up after `mail.max_attempts`.
    Dead,
    /// Waiting to be sent (including retries).
    Pending,
    /// Waiting for a retry after at least one failed attempt.
    Failed,
    Sent,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// Default `dead`.
    pub status: Option<OutboxFilter>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// An outbox message as admins see it (the data stays private: it may hold links with tokens).
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxView {
    pub id: i64,
    pub recipient: String,
    pub template: String,
    pub locale: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<OutboxMessage> for OutboxView {
    fn from(m: OutboxMessage) -> OutboxView {
        OutboxView {
            id: m.id,
            recipient: m.recipient,
            template: m.template,
            locale: m.locale,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            next_attempt_at: m.next_attempt_at.and_utc(),
            created_at: m.created_at.and_utc(),
            sent_at: m.sent_at.map(|t| t.and_utc()),
        }
    }
}

fn require_admin(conn: &mut AnyConnection, person_id: i64) -> AppResult<()> {
    if crate::members::access::is_platform_admin(conn, person_id)? {
        Ok(())
    } else {
        Err(AppError::Forbidden("platform admins only".into()))
    }
}

pub async fn list(
    state: &AppState,
    person_id: i64,
    query: OutboxQuery,
) -> AppResult<Paginated<OutboxView>> {
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .validate()?;
    let filter = query.status.unwrap_or(OutboxFilter::Dead);
    state
        .db(move |conn| {
            require_admin(conn, person_id)?;
            let filtered = || {
                let q = outbox::table.into_boxed();
                match filter {
                    OutboxFilter::Dead => q.filter(outbox::status.eq(STATUS_DEAD)),
                    OutboxFilter::Pending => q.filter(outbox::status.eq(STATUS_PENDING)),
                    OutboxFilter::Failed => q
                        .filter(outbox::status.eq(STATUS_PENDING))
                        .filter(outbox::attempts.gt(0)),
                    OutboxFilter::Sent => q.filter(outbox::status.eq(STATUS_SENT)),
                }
            };
            let total: i64 = filtered().count().get_result(conn)?;
            let items: Vec<OutboxMessage> = filtered()
                .order(outbox::id.desc())
                .offset(page.offset())
                .limit(page.per_page)
                .select(OutboxMessage::as_select())
                .load(conn)?;
            Ok(Paginated::new(
                items.into_iter().map(OutboxView::from).collect(),
                page,
                total,
            ))
        })
        .await
}

/// Puts a dead (or failing) message back in the queue to be sent now, with a fresh count of
/// attempts. A sent message is not sent twice.
pub async fn retry(state: &AppState, person_id: i64, id: i64) -> AppResult<OutboxView> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                require_admin(conn, person_id)?;
                let message: OutboxMessage = outbox::table
                    .find(id)
                    .select(OutboxMessage::as_select())
                    .first(conn)
                    .optional()?
                    .ok_or(AppError::NotFound("outbox message"))?;
                requeue(conn, person_id, message)
            })
        })
        .await
}

/// Queues a message again with fresh attempts (never one that was sent), and logs who did.
pub(crate) fn requeue(
    conn: &mut AnyConnection,
    person_id: i64,
    message: OutboxMessage,
) -> AppResult<OutboxView> {
    let id = message.id;
    if message.status == STATUS_SENT {
        return Err(AppError::conflict(
            "already_sent",
            "this message was sent; it is not sent twice",
        ));
    }
    let updated: OutboxMessage = diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq(STATUS_PENDING),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now()),
            outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .returning(crate::db::columns_of::<OutboxMessage>())
        .get_result(conn)?;
    audit::record(
        conn,
        Entry::new("outbox.retried", person_id, "outbox_message", id)
            .before(serde_json::json!({"status": message.status, "attempts": message.attempts}))
            .after(serde_json::json!({"status": updated.status, "attempts": updated.attempts})),
    )?;
    Ok(OutboxView::from(updated))
}

/// Outbox figures for `/metrics`.
#[derive(Debug, Default)]
pub struct OutboxStats {
    pub pending: i64,
    pub failed: i64,
    pub sent: i64,
    pub dead: i64,
    pub oldest_due_age_secs: f64,
}

pub fn stats(conn: &mut AnyConnection) -> QueryResult<OutboxStats> {
    let counts: Vec<(String, i64)> = outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?;
    let count = |s: &str| {
        counts
            .iter()
            .find(|(status, _)| status == s)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let failed: i64 = outbox::table
        .filter(outbox::status.eq(STATUS_PENDING))
        .filter(outbox::attempts.gt(0))
        .count()
        .get_result(conn)?;
    let at = now();
    let oldest: Option<NaiveDateTime> = outbox::table
        .filter(outbox::status.eq(STATUS_PENDING))
        .filter(outbox::next_attempt_at.le(at))
        .select(diesel::dsl::min(outbox::next_attempt_at))
        .first(conn)?;
    Ok(OutboxStats {
        pending: count(STATUS_PENDING),
        failed,
        sent: count(STATUS_SENT),
        dead: count(STATUS_DEAD),
        oldest_due_age_secs: oldest
            .map(|t| (at - t).num_milliseconds() as f64 / 1000.0)
            .unwrap_or(0.0),
    })
}
