//! `Idempotency-Key` for registrations: a client that retries (a phone on a train) gets the
//! first answer back instead of a second registration or a confusing 409.

use chrono::Duration;
use diesel::prelude::*;

use crate::db::schema::idempotency_keys;
use crate::db::{now, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::registrations::model::{RegisterRequest, RegistrationView};

const HEADER: &str = "Idempotency-Key";
const KEEP_HOURS: i64 = 24;

pub struct Key {
    person_id: i64,
    key: String,
    request_hash: String,
}

impl Key {
    /// The key must be 1–255 visible ASCII characters; the request it guards is fingerprinted
    /// so that reusing a key for a different request is caught.
    pub fn new(person_id: i64, key: &str, event_id: i64, req: &RegisterRequest) -> AppResult<Key> {
        if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(AppError::invalid(
                HEADER,
                "must be 1 to 255 visible ASCII characters",
            ));
        }
        let body = serde_json::to_string(req).map_err(AppError::internal)?;
        Ok(Key {
            person_id,
            key: key.to_owned(),
            request_hash: crate::auth::tokens::hash_secret(&format!("{event_id}\n{body}")),
        })
    }
}

/// The stored answer for this key, if the same request was made in the last 24 hours.
/// Call with the event locked, so a concurrent first request has committed or not started.
pub fn replay(conn: &mut AnyConnection, key: &Key) -> AppResult<Option<RegistrationView>> {
    let stored: Option<(i64, String, String, chrono::NaiveDateTime)> = idempotency_keys::table
        .filter(idempotency_keys::person_id.eq(key.person_id))
        .filter(idempotency_keys::idempotency_key.eq(&key.key))
        .select((
            idempotency_keys::id,
            idempotency_keys::request_hash,
            idempotency_keys::response_body,
            idempotency_keys::created_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, hash, body, created_at)) = stored else {
        return Ok(None);
    };
    if created_at < now() - Duration::hours(KEEP_HOURS) {
        diesel::delete(idempotency_keys::table.find(id)).execute(conn)?;
        return Ok(None);
    }
    if hash != key.request_hash {
        return Err(AppError::invalid(
            HEADER,
            "was already used for a different request",
        ));
    }
    serde_json::from_str(&body)
        .map(Some)
        .map_err(AppError::internal)
}

pub fn remember(conn: &mut AnyConnection, key: &Key, view: &RegistrationView) -> AppResult<()> {
    let body = serde_json::to_string(view).map_err(AppError::internal)?;
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::person_id.eq(key.person_id),
            idempotency_keys::idempotency_key.eq(&key.key),
            idempotency_keys::request_hash.eq(&key.request_hash),
            idempotency_keys::response_status.eq(201),
            idempotency_keys::response_body.eq(body),
            idempotency_keys::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets keys older than 24 hours.
pub fn purge(conn: &mut AnyConnection) -> AppResult<usize> {
    let cutoff = now() - Duration::hours(KEEP_HOURS);
    Ok(
        diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(cutoff)))
            .execute(conn)?,
    )
}
