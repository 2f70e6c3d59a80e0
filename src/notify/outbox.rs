//! The outbox table: one row per email, written in the same transaction as the change that
//! causes it, so an email is queued if and only if the change committed.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::columns_of;
use rand::Rng;

use crate::db::schema::outbox;
use crate::db::{is_unique_violation, AnyConnection};
use crate::i18n::Locale;
use crate::notify::host::Host;

pub const STATUS_PENDING: &str = "pending";
pub const STATUS_SENT: &str = "sent";
pub const STATUS_DEAD: &str = "dead";

/// An email to queue.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub recipient: String,
    pub locale: Locale,
    pub template: &'static str,
    pub data: serde_json::Value,
    /// Queuing a second email with the same key does nothing (reminders, coalesced changes).
    pub dedupe_key: Option<String>,
    pub reply_to: Option<String>,
    /// The host it speaks for, whose staff see it if it cannot be delivered.
    pub organisation_id: Option<i64>,
}

impl OutgoingEmail {
    pub fn new(
        recipient: &str,
        locale: Locale,
        template: &'static str,
        data: serde_json::Value,
    ) -> OutgoingEmail {
        OutgoingEmail {
            recipient: recipient.to_owned(),
            locale,
            template,
            data,
            dedupe_key: None,
            reply_to: None,
            organisation_id: None,
        }
    }

    pub fn dedupe(mut self, key: impl Into<String>) -> OutgoingEmail {
        self.dedupe_key = Some(key.into());
        self
    }

    pub fn reply_to(mut self, address: Option<String>) -> OutgoingEmail {
        self.reply_to = address;
        self
    }

    /// Sends the email for `host`: the host goes into the data (the sender's name, the
    /// signature, the links to its pages) and its contact address becomes the Reply-To.
    pub fn from_host(mut self, host: Option<Host>) -> OutgoingEmail {
        let Some(host) = host else {
            return self;
        };
        self.reply_to = host.email.clone();
        self.organisation_id = host.id;
        if let (Some(data), Ok(value)) = (self.data.as_object_mut(), serde_json::to_value(&host)) {
            data.insert("host".to_owned(), value);
        }
        self
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: i64,
    pub recipient: String,
    pub locale: String,
    pub template: String,
    pub data: String,
    pub dedupe_key: Option<String>,
    pub reply_to: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewOutboxMessage<'a> {
    recipient: &'a str,
    locale: &'a str,
    template: &'a str,
    data: String,
    dedupe_key: Option<&'a str>,
    reply_to: Option<&'a str>,
    status: &'a str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
    organisation_id: Option<i64>,
}

/// Whether an address can never receive mail: the placeholders of erased accounts
/// (`crate::privacy`) are under the reserved `.invalid` domain. Nothing is queued for them.
pub fn undeliverable(recipient: &str) -> bool {
    recipient.ends_with(".invalid")
}

/// Queues an email. Returns false when an email with the same dedupe key was queued before,
/// or when the recipient is [`undeliverable`].
pub fn enqueue(conn: &mut AnyConnection, email: OutgoingEmail) -> QueryResult<bool> {
    if undeliverable(&email.recipient) {
        return Ok(false);
    }
    let now = crate::db::now();
    let row = NewOutboxMessage {
        recipient: &email.recipient,
        locale: email.locale.tag(),
        template: email.template,
        data: email.data.to_string(),
        dedupe_key: email.dedupe_key.as_deref(),
        reply_to: email.reply_to.as_deref(),
        status: STATUS_PENDING,
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
        organisation_id: email.organisation_id,
    };
    // A savepoint, so that on PostgreSQL a duplicate key does not abort the caller's transaction.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(outbox::table)
            .values(&row)
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if email.dedupe_key.is_some() && is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Queues an email that waits `delay` before it is sent, merging it into one still waiting
/// under the same dedupe key: several quick edits then make one email. The waiting message
/// gets the new data, except the `keep_from_first` fields, which keep the values of the first
/// change (so "old → new" spans every edit). The message stays due at its first time, so a
/// stream of edits cannot postpone it forever.
///
/// The key marks only a message that is still waiting. Once one is sent, dead, or claimed by a
/// worker (its data may already be in a mail), it gives up the key (renamed `key#id`) and a
/// later change queues a new message under the key, so a change after the first email is not
/// swallowed by the unique index.
pub fn enqueue_coalesced(
    conn: &mut AnyConnection,
    email: OutgoingEmail,
    delay: Duration,
    keep_from_first: &[&str],
) -> QueryResult<()> {
    if undeliverable(&email.recipient) {
        return Ok(());
    }
    let now = crate::db::now();
    let Some(key) = email.dedupe_key.clone() else {
        return insert_due(conn, &email, now + delay).map(drop);
    };
    let waiting = |now: NaiveDateTime| {
        outbox::table
            .filter(outbox::dedupe_key.eq(key.clone()))
            .filter(outbox::status.eq(STATUS_PENDING))
            .filter(outbox::attempts.eq(0))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            )
    };
    let existing = waiting(now)
        .select(OutboxMessage::as_select())
        .first(conn)
        .optional()?;
    if let Some(existing) = existing {
        let mut data = email.data.clone();
        let first: serde_json::Value =
            serde_json::from_str(&existing.data).unwrap_or(serde_json::Value::Null);
        if let (Some(first), Some(merged)) = (first.as_object(), data.as_object_mut()) {
            for field in keep_from_first {
                if let Some(value) = first.get(*field) {
                    merged.insert((*field).to_owned(), value.clone());
                }
            }
        }
        // Conditional on still waiting: a worker that claimed it meanwhile wins.
        let updated = diesel::update(waiting(now).filter(outbox::id.eq(existing.id)))
            .set((
                outbox::data.eq(data.to_string()),
                // The latest kind wins too: someone promoted meanwhile now holds a seat.
                outbox::template.eq(email.template),
                outbox::recipient.eq(&email.recipient),
                outbox::locale.eq(email.locale.tag()),
            ))
            .execute(conn)?;
        if updated == 1 {
            return Ok(());
        }
    }
    let holders: Vec<i64> = outbox::table
        .filter(outbox::dedupe_key.eq(&key))
        .select(outbox::id)
        .load(conn)?;
    for id in holders {
        diesel::update(outbox::table.find(id))
            .set(outbox::dedupe_key.eq(format!("{key}#{id}")))
            .execute(conn)?;
    }
    insert_due(conn, &email, now + delay).map(drop)
}

/// Withdraws the messages under keys starting with `prefix` that no worker holds and none has
/// sent: news that a later change made moot (a move announced for an event that is then
/// cancelled). A message a worker has claimed may already be on its way and is left alone.
pub fn withdraw_unsent(
    conn: &mut AnyConnection,
    prefix: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        outbox::table
            .filter(outbox::dedupe_key.like(format!("{prefix}%")))
            .filter(outbox::status.eq(STATUS_PENDING))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            ),
    )
    .execute(conn)
}

fn insert_due(
    conn: &mut AnyConnection,
    email: &OutgoingEmail,
    due: NaiveDateTime,
) -> QueryResult<usize> {
    let row = NewOutboxMessage {
        recipient: &email.recipient,
        locale: email.locale.tag(),
        template: email.template,
        data: email.data.to_string(),
        dedupe_key: email.dedupe_key.as_deref(),
        reply_to: email.reply_to.as_deref(),
        status: STATUS_PENDING,
        attempts: 0,
        next_attempt_at: due,
        created_at: crate::db::now(),
        organisation_id: email.organisation_id,
    };
    diesel::insert_into(outbox::table)
        .values(&row)
        .execute(conn)
}

/// Claims up to `limit` due messages for this worker until `lease_until`. On PostgreSQL the
/// due rows are read `FOR UPDATE SKIP LOCKED`: rows another worker is claiming right now are
/// passed over, not waited for, so workers never queue behind each other's transactions. SQLite
/// serialises writers, so a plain read is enough there. The conditions are repeated in the
/// UPDATE all the same, so a row claimed meanwhile is never taken twice.
pub fn claim_due(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    let due = || {
        outbox::table
            .filter(outbox::status.eq(STATUS_PENDING))
            .filter(outbox::next_attempt_at.le(now))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            )
            .order((outbox::next_attempt_at, outbox::id))
            .select(outbox::id)
            .limit(limit)
    };
    let due_ids: Vec<i64> = match conn {
        AnyConnection::Postgresql(pg) => due().for_update().skip_locked().load(pg)?,
        AnyConnection::Sqlite(sqlite) => due().load(sqlite)?,
    };
    if due_ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(&due_ids))
            .filter(outbox::status.eq(STATUS_PENDING))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            ),
    )
    .set(outbox::locked_until.eq(lease_until))
    .returning(columns_of::<OutboxMessage>())
    .get_results(conn)
}

pub fn mark_sent(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq(STATUS_SENT),
            outbox::sent_at.eq(now),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::attempts.eq(outbox::attempts + 1),
        ))
        .execute(conn)
        .map(drop)
}

/// Records a failed attempt: retried later with exponential backoff and jitter, or `dead`
/// once `max_attempts` is reached.
pub fn mark_failed(
    conn: &mut AnyConnection,
    message: &OutboxMessage,
    error: &str,
    now: NaiveDateTime,
    max_attempts: i32,
    retry_base_secs: i64,
) -> QueryResult<()> {
    let attempts = message.attempts + 1;
    let status = if attempts >= max_attempts {
        STATUS_DEAD
    } else {
        STATUS_PENDING
    };
    let error: String = error.chars().take(2000).collect();
    diesel::update(outbox::table.find(message.id))
        .set((
            outbox::status.eq(status),
            outbox::attempts.eq(attempts),
            outbox::next_attempt_at.eq(now + backoff(attempts, retry_base_secs)),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(error),
        ))
        .execute(conn)
        .map(drop)
}

/// Hands claimed messages back (on shutdown) so another worker need not wait for the lease.
pub fn release(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<()> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::status.eq(STATUS_PENDING)),
    )
    .set(outbox::locked_until.eq(None::<NaiveDateTime>))
    .execute(conn)
    .map(drop)
}

/// base · 2^(attempts-1), capped at six hours, ±20 % jitter so a burst of failures spreads out.
pub fn backoff(attempts: i32, base_secs: i64) -> Duration {
    let exponent = attempts.clamp(1, 20) - 1;
    let secs = (base_secs.max(1) as f64) * 2f64.powi(exponent);
    let secs = secs.min(6.0 * 3600.0);
    let jitter = rand::rng().random_range(0.8..1.2);
    Duration::milliseconds((secs * jitter * 1000.0) as i64)
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_grows_and_is_capped() {
        let first = backoff(1, 30).num_seconds();
        assert!((24..=36).contains(&first), "{first}");
        let fourth = backoff(4, 30).num_seconds();
        assert!((192..=288).contains(&fourth), "{fourth}");
        let late = backoff(30, 30).num_seconds();
        assert!(late <= 6 * 3600 * 12 / 10, "{late}");
    }
}
