//! A signed-in person's choice of optional email, kept as the same opt-out rows the emailed
//! unsubscribe links write (`unsubscribes`), so both ways agree.

use diesel::prelude::*;

use crate::auth::service::load_person;
use crate::db::schema::unsubscribes;
use crate::db::{now, write_tx};
use crate::error::AppResult;
use crate::http::AppState;
use crate::notify::unsubscribe::{is_unsubscribed, Kind};

/// Every kind of optional email, in the order pages list them.
pub const KINDS: [Kind; 2] = [Kind::Reminders, Kind::OrganiserMessages];

/// Whether the person receives each kind (`true`: subscribed).
pub async fn of_person(state: &AppState, person_id: i64) -> AppResult<Vec<(Kind, bool)>> {
    state
        .db(move |conn| {
            let person = load_person(conn, person_id)?;
            KINDS
                .iter()
                .map(|kind| Ok((*kind, !is_unsubscribed(conn, &person.email, *kind)?)))
                .collect()
        })
        .await
}

/// Subscribes or unsubscribes the person's address to each kind given.
pub async fn set(state: &AppState, person_id: i64, choices: Vec<(Kind, bool)>) -> AppResult<()> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                for (kind, subscribed) in choices {
                    let rows = unsubscribes::table
                        .filter(unsubscribes::email.eq(&person.email))
                        .filter(unsubscribes::kind.eq(kind.as_str()));
                    if subscribed {
                        diesel::delete(rows).execute(conn)?;
                        continue;
                    }
                    // Checked first: a unique violation would abort a PostgreSQL transaction.
                    if !is_unsubscribed(conn, &person.email, kind)? {
                        diesel::insert_into(unsubscribes::table)
                            .values((
                                unsubscribes::email.eq(&person.email),
                                unsubscribes::kind.eq(kind.as_str()),
                                unsubscribes::created_at.eq(now()),
                            ))
                            .execute(conn)?;
                    }
                }
                Ok(())
            })
        })
        .await
}
