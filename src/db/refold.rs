//! Keeps the stored search folds in step with `i18n::fold`. SQL cannot compute the fold, so a
//! migration that adds a folded column (or a change to the fold itself, which bumps
//! `FOLD_VERSION`) leaves rows whose fold only Rust can write: this step rewrites them all
//! once, right after the migrations and under the same lock, and records the version.

use diesel::prelude::*;
use diesel::sql_types::Integer;

use crate::db::schema::{event_contents, events, organisations, people};
use crate::db::AnyConnection;
use crate::i18n::fold::{fold, fold_parts, FOLD_VERSION};

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Integer)]
    version: i32,
}

/// Rewrites every stored fold if they were made by an older fold; returns how many rows it
/// rewrote (`None`: they were current).
pub fn refold_if_stale(conn: &mut AnyConnection) -> QueryResult<Option<usize>> {
    let stored = diesel::sql_query("SELECT version FROM search_fold")
        .get_result::<Version>(conn)?
        .version;
    if stored >= FOLD_VERSION {
        return Ok(None);
    }
    let mut rewritten = 0;
    let rows: Vec<(i64, String)> = organisations::table
        .select((organisations::id, organisations::name))
        .load(conn)?;
    for (id, name) in rows {
        diesel::update(organisations::table.find(id))
            .set(organisations::search_text.eq(fold(&name)))
            .execute(conn)?;
        rewritten += 1;
    }
    let rows: Vec<(i64, String)> = people::table
        .select((people::id, people::full_name))
        .load(conn)?;
    for (id, name) in rows {
        diesel::update(people::table.find(id))
            .set(people::search_text.eq(fold(&name)))
            .execute(conn)?;
        rewritten += 1;
    }
    let rows: Vec<(i64, Option<String>)> = events::table
        .filter(events::city.is_not_null())
        .select((events::id, events::city))
        .load(conn)?;
    for (id, city) in rows {
        diesel::update(events::table.find(id))
            .set(events::city_fold.eq(city.as_deref().map(fold)))
            .execute(conn)?;
        rewritten += 1;
    }
    let rows: Vec<(i64, Option<String>, Option<String>)> = event_contents::table
        .select((
            event_contents::id,
            event_contents::title,
            event_contents::summary,
        ))
        .load(conn)?;
    for (id, title, summary) in rows {
        diesel::update(event_contents::table.find(id))
            .set(
                event_contents::search_text.eq(fold_parts(&[title.as_deref(), summary.as_deref()])),
            )
            .execute(conn)?;
        rewritten += 1;
    }
    // A constant, not user input: both dialects take it inline.
    diesel::sql_query(format!("UPDATE search_fold SET version = {FOLD_VERSION}")).execute(conn)?;
    Ok(Some(rewritten))
}
