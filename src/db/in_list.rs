//! `column IN (?, …)` in a few fixed shapes, so that its statement can be cached.
//!
//! diesel's `eq_any(vec)` marks its statement as not cacheable (the number of binds changes
//! with the list), so on SQLite every such query was parsed and planned again on each call:
//! `sqlite3_prepare` was 16 % of the server's CPU on `GET /api/v1/events/{id}`. Here the list
//! is padded to the next power of two by repeating its last value, which `IN` ignores, so a
//! handful of statements (1, 2, 4, … binds) serve every list and stay in diesel's cache.

use diesel::backend::Backend;
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{Bool, HasSqlType, SingleValue};
use diesel::QueryResult;

#[derive(Debug, Clone)]
pub struct InList<C, T> {
    column: C,
    values: Vec<T>,
}

/// `column IN (values)`, false for no values, as `column.eq_any(values)` but cacheable.
pub fn in_list<C, T: Clone>(column: C, values: impl IntoIterator<Item = T>) -> InList<C, T> {
    let mut values: Vec<T> = values.into_iter().collect();
    if let Some(last) = values.last().cloned() {
        values.resize(values.len().next_power_of_two(), last);
    }
    InList { column, values }
}

impl<C: Expression, T> Expression for InList<C, T> {
    type SqlType = Bool;
}

impl<C, T, QS> AppearsOnTable<QS> for InList<C, T>
where
    C: AppearsOnTable<QS>,
    Self: Expression,
{
}

impl<C, T, QS> SelectableExpression<QS> for InList<C, T>
where
    C: SelectableExpression<QS>,
    Self: AppearsOnTable<QS>,
{
}

impl<C, T, GB> ValidGrouping<GB> for InList<C, T>
where
    C: ValidGrouping<GB>,
{
    type IsAggregate = C::IsAggregate;
}

/// No static id: diesel then keys its statement cache by the SQL text (and bind types), which
/// differs per shape.
impl<C, T> QueryId for InList<C, T> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<C, T, DB> QueryFragment<DB> for InList<C, T>
where
    DB: Backend + HasSqlType<C::SqlType>,
    C: Expression + QueryFragment<DB>,
    C::SqlType: SingleValue,
    T: ToSql<C::SqlType, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        if self.values.is_empty() {
            out.push_sql("1=0");
            return Ok(());
        }
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (");
        for (i, value) in self.values.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_bind_param::<C::SqlType, T>(value)?;
        }
        out.push_sql(")");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::in_list;
    use crate::db::schema::events;

    #[test]
    fn pads_to_a_power_of_two_with_the_last_value() {
        assert!(in_list(events::id, Vec::<i64>::new()).values.is_empty());
        assert_eq!(in_list(events::id, [7_i64]).values, [7]);
        assert_eq!(in_list(events::id, [1_i64, 2, 3]).values, [1, 2, 3, 3]);
        assert_eq!(in_list(events::id, 1_i64..=5).values.len(), 8);
    }
}
