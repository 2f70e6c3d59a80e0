//! Browser sessions: an opaque cookie naming a server-side row, so a session can be revoked
//! at once (sign-out, password reset, erasure), unlike a JWT. API clients keep their tokens.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::model::Person;
use crate::auth::tokens;
use crate::db::schema::{people, staff_roles, web_sessions};
use crate::db::AnyConnection;

/// A session is refreshed (its expiry pushed forward) at most this often, so that reading
/// pages does not write on every request.
const TOUCH_EVERY: Duration = Duration::hours(1);

/// Opens a session for `person_id`; returns the secret for the cookie.
pub fn create(
    conn: &mut AnyConnection,
    person_id: i64,
    ttl: Duration,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let (secret, token_hash) = tokens::random_secret();
    diesel::insert_into(web_sessions::table)
        .values((
            web_sessions::person_id.eq(person_id),
            web_sessions::token_hash.eq(&token_hash),
            web_sessions::created_at.eq(now),
            web_sessions::last_seen_at.eq(now),
            web_sessions::expires_at.eq(now + ttl),
        ))
        .execute(conn)?;
    Ok(secret)
}

/// The person a cookie's secret names, if the session is live and the account not erased,
/// and whether they are on the staff of any organisation (for the pages' "Manage" link; read
/// in the same query, so pages pay nothing for it).
/// A session idle for `ttl` expires; an active one is extended (sliding expiry).
pub fn person_for(
    conn: &mut AnyConnection,
    secret: &str,
    ttl: Duration,
    now: NaiveDateTime,
) -> QueryResult<Option<(Person, bool)>> {
    let token_hash = tokens::hash_secret(secret);
    let found: Option<(i64, NaiveDateTime, Person, Option<i64>)> = web_sessions::table
        .inner_join(people::table.left_join(staff_roles::table))
        .filter(web_sessions::token_hash.eq(&token_hash))
        .filter(web_sessions::expires_at.gt(now))
        .filter(people::anonymised_at.is_null())
        .select((
            web_sessions::id,
            web_sessions::last_seen_at,
            Person::as_select(),
            staff_roles::id.nullable(),
        ))
        .first(conn)
        .optional()?;
    let Some((id, last_seen_at, person, staff_role)) = found else {
        return Ok(None);
    };
    if now - last_seen_at > TOUCH_EVERY {
        diesel::update(web_sessions::table.find(id))
            .set((
                web_sessions::last_seen_at.eq(now),
                web_sessions::expires_at.eq(now + ttl),
            ))
            .execute(conn)?;
    }
    Ok(Some((person, staff_role.is_some())))
}

/// Ends the session a cookie names (sign-out).
pub fn delete(conn: &mut AnyConnection, secret: &str) -> QueryResult<()> {
    let token_hash = tokens::hash_secret(secret);
    diesel::delete(web_sessions::table.filter(web_sessions::token_hash.eq(token_hash)))
        .execute(conn)
        .map(drop)
}

/// Ends every browser session of a person (password reset, erasure).
pub fn delete_all_for_person(conn: &mut AnyConnection, person_id: i64) -> QueryResult<()> {
    diesel::delete(web_sessions::table.filter(web_sessions::person_id.eq(person_id)))
        .execute(conn)
        .map(drop)
}

/// Removes expired sessions (the maintenance sweep).
pub fn purge_expired(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(web_sessions::table.filter(web_sessions::expires_at.le(now))).execute(conn)
}
