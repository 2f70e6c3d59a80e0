//! Account queries. Each takes `&mut AnyConnection` so services compose them in one transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::columns_of;

use crate::auth::model::{
    EmailToken, NewEmailToken, NewPerson, NewRefreshToken, Person, PersonChanges, RefreshToken,
};
use crate::db::schema::{email_tokens, people, refresh_tokens};
use crate::db::AnyConnection;
use crate::i18n::fold::fold;

pub fn insert_person(conn: &mut AnyConnection, new: &NewPerson) -> QueryResult<Person> {
    diesel::insert_into(people::table)
        .values((new, people::search_text.eq(fold(new.full_name))))
        .returning(columns_of::<Person>())
        .get_result(conn)
}

pub fn find_person(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<Person>> {
    people::table
        .find(id)
        .select(Person::as_select())
        .first(conn)
        .optional()
}

pub fn find_person_by_email(conn: &mut AnyConnection, email: &str) -> QueryResult<Option<Person>> {
    people::table
        .filter(people::email.eq(email))
        .select(Person::as_select())
        .first(conn)
        .optional()
}

pub fn update_person(
    conn: &mut AnyConnection,
    id: i64,
    changes: &PersonChanges,
) -> QueryResult<Person> {
    let search_text = changes
        .full_name
        .as_deref()
        .map(|name| people::search_text.eq(fold(name)));
    diesel::update(people::table.find(id))
        .set((changes, search_text))
        .returning(columns_of::<Person>())
        .get_result(conn)
}

pub fn set_password(
    conn: &mut AnyConnection,
    id: i64,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(people::table.find(id))
        .set((people::password_hash.eq(hash), people::updated_at.eq(now)))
        .execute(conn)
        .map(drop)
}

/// Marks the email verified unless it already is; the earlier time is kept.
pub fn mark_verified(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        people::table
            .find(id)
            .filter(people::email_verified_at.is_null()),
    )
    .set(people::email_verified_at.eq(now))
    .execute(conn)
    .map(drop)
}

pub fn make_admin(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    diesel::update(people::table.find(id))
        .set(people::is_admin.eq(true))
        .execute(conn)
        .map(drop)
}

pub fn insert_email_token(conn: &mut AnyConnection, new: &NewEmailToken) -> QueryResult<()> {
    diesel::insert_into(email_tokens::table)
        .values(new)
        .execute(conn)
        .map(drop)
}

/// Takes an unused, unexpired token of `purpose` by its hash, marking it used in the same
/// conditional update so two concurrent uses cannot both succeed.
pub fn take_email_token(
    conn: &mut AnyConnection,
    purpose: &str,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<EmailToken>> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::token_hash.eq(token_hash))
            .filter(email_tokens::purpose.eq(purpose))
            .filter(email_tokens::used_at.is_null())
            .filter(email_tokens::expires_at.gt(now)),
    )
    .set(email_tokens::used_at.eq(now))
    .returning(columns_of::<EmailToken>())
    .get_result(conn)
    .optional()
}

/// Invalidates every outstanding token of `purpose` for a person (a newer link replaces older).
pub fn expire_email_tokens(
    conn: &mut AnyConnection,
    person_id: i64,
    purpose: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::person_id.eq(person_id))
            .filter(email_tokens::purpose.eq(purpose))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(now))
    .execute(conn)
    .map(drop)
}

pub fn insert_refresh_token(conn: &mut AnyConnection, new: &NewRefreshToken) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values(new)
        .execute(conn)
        .map(drop)
}

pub fn find_refresh_token(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> QueryResult<Option<RefreshToken>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshToken::as_select())
        .first(conn)
        .optional()
}

/// Marks a live token rotated. Returns false if it was already rotated or revoked, which
/// includes losing a race with a concurrent use of the same token.
pub fn rotate_refresh_token(
    conn: &mut AnyConnection,
    id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        refresh_tokens::table
            .find(id)
            .filter(refresh_tokens::rotated_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::rotated_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

pub fn revoke_family(
    conn: &mut AnyConnection,
    family_id: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
    .map(drop)
}

/// Signs the person out everywhere: refresh tokens and browser sessions.
pub fn revoke_all_for_person(
    conn: &mut AnyConnection,
    person_id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::person_id.eq(person_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    crate::auth::sessions::delete_all_for_person(conn, person_id)
}
