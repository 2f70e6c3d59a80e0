//! A host's own undelivered email: its staff (and platform admins) see the dead letters of the
//! messages sent in its name and queue them again, without seeing anyone else's mail.

use diesel::prelude::*;

use crate::db::schema::outbox;
use crate::db::{write_tx, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;
use crate::members::access;
use crate::notify::admin::{requeue, OutboxView};
use crate::notify::outbox::{OutboxMessage, STATUS_DEAD};

fn require_staff(conn: &mut AnyConnection, person_id: i64, organisation_id: i64) -> AppResult<()> {
    if access::is_staff(conn, person_id, organisation_id)?
        || access::is_platform_admin(conn, person_id)?
    {
        Ok(())
    } else {
        Err(AppError::Forbidden("the host's staff only".into()))
    }
}

/// How many of the host's messages could not be delivered, and the newest `limit` of them.
pub async fn dead(
    state: &AppState,
    person_id: i64,
    organisation_id: i64,
    limit: i64,
) -> AppResult<(i64, Vec<OutboxView>)> {
    state
        .read(move |conn| {
            require_staff(conn, person_id, organisation_id)?;
            let of_host = || {
                outbox::table
                    .filter(outbox::organisation_id.eq(organisation_id))
                    .filter(outbox::status.eq(STATUS_DEAD))
            };
            let total: i64 = of_host().count().get_result(conn)?;
            let rows: Vec<OutboxMessage> = of_host()
                .order(outbox::id.desc())
                .limit(limit)
                .select(OutboxMessage::as_select())
                .load(conn)?;
            Ok((total, rows.into_iter().map(OutboxView::from).collect()))
        })
        .await
}

/// Queues one of the host's messages again; another host's message is not found.
pub async fn retry(
    state: &AppState,
    person_id: i64,
    organisation_slug: String,
    id: i64,
) -> AppResult<OutboxView> {
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let organisation_id =
                    crate::registrations::store::organisation_id_by_slug(conn, &organisation_slug)?
                        .ok_or(AppError::NotFound("organisation"))?;
                require_staff(conn, person_id, organisation_id)?;
                let message: OutboxMessage = outbox::table
                    .find(id)
                    .filter(outbox::organisation_id.eq(organisation_id))
                    .select(OutboxMessage::as_select())
                    .first(conn)
                    .optional()?
                    .ok_or(AppError::NotFound("outbox message"))?;
                requeue(conn, person_id, message)
            })
        })
        .await
}
