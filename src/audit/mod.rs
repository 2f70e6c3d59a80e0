//! The audit log of staff and admin actions: who did what to which object, when, and what
//! changed. Services call [`record`] inside the transaction of the action, so an entry exists
//! exactly when the action happened; owners read the log through `listing`.

pub mod listing;
pub mod routes;
pub mod snapshot;

use std::cell::RefCell;
use std::future::Future;

use diesel::prelude::*;
use serde_json::{Map, Value};

use crate::db::schema::audit_log;
use crate::db::{now, AnyConnection};
use crate::error::AppResult;

/// One action to record. Build it with [`Entry::new`] and the setters, then [`record`] it.
#[derive(Debug, Clone)]
pub struct Entry {
    organisation_id: Option<i64>,
    actor_person_id: Option<i64>,
    action: String,
    subject_type: &'static str,
    subject_id: i64,
    before: Option<Value>,
    after: Option<Value>,
}

impl Entry {
    /// `action` is a stable dotted code (`membership.approved`); the subject is what it acted on.
    pub fn new(
        action: impl Into<String>,
        actor: i64,
        subject_type: &'static str,
        subject_id: i64,
    ) -> Entry {
        Entry {
            organisation_id: None,
            actor_person_id: Some(actor),
            action: action.into(),
            subject_type,
            subject_id,
            before: None,
            after: None,
        }
    }

    /// An action on an event, logged at its host; sessions read `session.<verb>` so the
    /// log tells them from the events they belong to.
    pub fn for_event(verb: &str, actor: i64, event: &crate::events::model::Event) -> Entry {
        let noun = if event.parent_id.is_some() {
            "session"
        } else {
            "event"
        };
        Entry::new(format!("{noun}.{verb}"), actor, "event", event.id).at(event.organisation_id)
    }

    /// The organisation whose log shows the entry (none: a platform-level action).
    pub fn at(mut self, organisation_id: i64) -> Entry {
        self.organisation_id = Some(organisation_id);
        self
    }

    pub fn before(mut self, before: Value) -> Entry {
        self.before = Some(before);
        self
    }

    pub fn after(mut self, after: Value) -> Entry {
        self.after = Some(after);
        self
    }

    /// Keeps only the top-level fields whose values differ between the two states, so an
    /// edit records what it changed and nothing else.
    pub fn changes(mut self, before: Value, after: Value) -> Entry {
        let (before, after) = changed_fields(before, after);
        self.before = Some(before);
        self.after = Some(after);
        self
    }
}

fn changed_fields(before: Value, after: Value) -> (Value, Value) {
    let (Value::Object(mut old), Value::Object(mut new)) = (before.clone(), after.clone()) else {
        return (before, after);
    };
    let keys: Vec<String> = old.keys().chain(new.keys()).cloned().collect();
    for key in keys {
        if old.get(&key) == new.get(&key) {
            old.remove(&key);
            new.remove(&key);
        }
    }
    (Value::Object(old), Value::Object(new))
}

/// Names that must never reach the log, whatever a snapshot holds: a defence in depth, since
/// snapshots already pick their fields.
fn is_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["password", "token", "secret"]
        .iter()
        .any(|word| key.contains(word))
}

fn scrub(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, _)| !is_secret(k))
                .map(|(k, v)| (k, scrub(v)))
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(scrub).collect()),
        other => other,
    }
}

#[derive(Insertable)]
#[diesel(table_name = audit_log)]
struct NewEntry {
    organisation_id: Option<i64>,
    actor_person_id: Option<i64>,
    action: String,
    subject_type: String,
    subject_id: i64,
    before: Option<String>,
    after: Option<String>,
    request_id: Option<String>,
    created_at: chrono::NaiveDateTime,
}

/// Writes the entry. Call it inside the action's transaction: if the action fails later and
/// rolls back, the entry goes with it.
pub fn record(conn: &mut AnyConnection, entry: Entry) -> AppResult<()> {
    let json = |v: Option<Value>| v.map(|v| scrub(v).to_string());
    diesel::insert_into(audit_log::table)
        .values(&NewEntry {
            organisation_id: entry.organisation_id,
            actor_person_id: entry.actor_person_id,
            action: entry.action,
            subject_type: entry.subject_type.to_owned(),
            subject_id: entry.subject_id,
            before: json(entry.before),
            after: json(entry.after),
            request_id: REQUEST_ON_THREAD.with(|id| id.borrow().clone()),
            created_at: now(),
        })
        .execute(conn)?;
    Ok(())
}

// The request id reaches `record` without threading it through every service: the HTTP
// middleware sets it for the request's task, and `AppState::db` carries it onto the blocking
// thread that runs the database work.
tokio::task_local! {
    static REQUEST_ID: String;
}

thread_local! {
    static REQUEST_ON_THREAD: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs a request's future with its id available to [`current_request`].
pub fn with_request_id<F: Future>(id: String, fut: F) -> impl Future<Output = F::Output> {
    REQUEST_ID.scope(id, fut)
}

/// The id of the request being served by this task, if any.
pub fn current_request() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Runs blocking work with `id` as the request id that [`record`] stores.
pub fn on_thread<T>(id: Option<String>, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<String>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            REQUEST_ON_THREAD.with(|slot| *slot.borrow_mut() = previous);
        }
    }
    let _restore = Restore(REQUEST_ON_THREAD.with(|slot| slot.replace(id)));
    work()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changes_keep_only_differing_fields() {
        let (before, after) = changed_fields(
            json!({"name": "A", "city": "Novi Sad", "gone": 1}),
            json!({"name": "B", "city": "Novi Sad", "new": 2}),
        );
        assert_eq!(before, json!({"name": "A", "gone": 1}));
        assert_eq!(after, json!({"name": "B", "new": 2}));
    }

    #[test]
    fn secrets_are_scrubbed_at_any_depth() {
        let clean = scrub(json!({
            "password_hash": "x", "name": "A",
            "nested": [{"confirm_token_hash": "y", "ok": true}]
        }));
        assert_eq!(clean, json!({"name": "A", "nested": [{"ok": true}]}));
    }
}
