//! Draft → published → cancelled: deleting drafts, publishing complete events, cancelling
//! with their sessions and telling everyone registered.

use serde_json::json;

use crate::audit::{self, snapshot, Entry};
use crate::db::{now, write_tx};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::edit::current_contents;
use crate::events::emails::*;
use crate::events::model::*;
use crate::events::service::*;
use crate::events::store::{self};
use crate::events::validate::{self as v, push};
use crate::events::views::Reader;
use crate::http::AppState;
use crate::i18n::{fallback, Locale};
use crate::notify::outbox::{self, OutgoingEmail};
/// Deletes a draft; anything else is history and can only be cancelled.
pub async fn delete(state: &AppState, asker: Asker, id: i64) -> AppResult<()> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reader = Reader::load(conn, Some(person_id))?;
                let event = load_managed(conn, &reader, id)?;
                let before = snapshot::event(conn, &event)?;
                if !store::delete_draft(conn, id)? {
                    return Err(AppError::conflict(
                        "not_draft",
                        "only drafts can be deleted; cancel a published event instead",
                    ));
                }
                audit::record(
                    conn,
                    Entry::for_event("deleted", person_id, &event).before(before),
                )
            })
        })
        .await
}

/// Publishes a complete draft, or says what is missing.
pub async fn publish(state: &AppState, asker: Asker, id: i64) -> AppResult<EventView> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reader = Reader::load(conn, Some(person_id))?;
                let event = load_managed(conn, &reader, id)?;
                match event.status.as_str() {
                    STATUS_PUBLISHED => {
                        return Err(AppError::conflict("already_published", "the event is already published"))
                    }
                    STATUS_CANCELLED => return Err(cancelled_conflict()),
                    _ => {}
                }
                if let Some(parent) = event.parent_id.map(|p| store::find_event(conn, p)).transpose()?.flatten() {
                    if parent.status != STATUS_PUBLISHED {
                        return Err(AppError::conflict(
                            "parent_not_published",
                            "publish the parent event before its sessions",
                        ));
                    }
                }
                let contents = current_contents(conn, id)?;
                let mut errors = FieldErrors::new();
                let default = event.default_locale();
                // Serbian reads transliterate, so a title in the other script serves as well.
                let has_title = |l: Locale| contents.get(&l).is_some_and(|t| t.title.is_some());
                if !has_title(default) && !fallback::other_script(default).is_some_and(has_title) {
                    push(
                        &mut errors,
                        format!("title.{}", default.tag()),
                        "a title in the default locale is required to publish",
                    );
                }
                if event.place().is_empty() {
                    for f in ["venue_name", "online_url"] {
                        push(&mut errors, f, "a place (venue, address or city) or an online link is required to publish");
                    }
                }
                v::finish(errors)?;
                let published = store::publish(conn, id, now())?;
                audit::record(
                    conn,
                    Entry::for_event("published", person_id, &published)
                        .before(json!({"status": event.status}))
                        .after(json!({"status": published.status, "published_at": published.published_at.map(|t| t.and_utc())})),
                )?;
                one_view(conn, published, asker.locale)
            })
        })
        .await
}

/// Cancels a published event and its sessions, and tells everyone registered.
pub async fn cancel(
    state: &AppState,
    asker: Asker,
    id: i64,
    req: CancelEvent,
) -> AppResult<EventView> {
    let person_id = asker
        .person_id
        .ok_or_else(|| AppError::Unauthorized("sign in".into()))?;
    let reason = crate::types::text(&req.reason, 1, crate::caps::REASON)
        .map_err(|m| AppError::invalid("reason", m))?;
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let reader = Reader::load(conn, Some(person_id))?;
                let event = load_managed(conn, &reader, id)?;
                match event.status.as_str() {
                    STATUS_CANCELLED => {
                        return Err(AppError::conflict(
                            "already_cancelled",
                            "the event is already cancelled",
                        ))
                    }
                    STATUS_DRAFT => {
                        return Err(AppError::conflict(
                            "not_published",
                            "a draft is deleted, not cancelled",
                        ))
                    }
                    _ => {}
                }
                let now = now();
                let mut affected = store::sessions_of(conn, id)?;
                affected.retain(|s| s.status != STATUS_CANCELLED);
                affected.push(event.clone());
                store::cancel_with_sessions(conn, id, &reason, now)?;
                let ids: Vec<i64> = affected.iter().map(|e| e.id).collect();
                for r in store::live_recipients(conn, &ids)? {
                    let Some(target) = affected.iter().find(|e| e.id == r.event_id) else {
                        continue;
                    };
                    let contents = current_contents(conn, target.id)?;
                    let locale = recipient_locale(&r);
                    let host = crate::members::access::email_host(conn, target.organisation_id)?;
                    outbox::enqueue(
                        conn,
                        OutgoingEmail::new(
                            &r.email,
                            locale,
                            "event_cancelled",
                            json!({
                                "name": r.name,
                                "event": title_for(target, &contents, locale),
                                "event_id": target.id,
                                "starts_at": target.starts_at.and_utc().to_rfc3339(),
                                "ends_at": target.ends_at.and_utc().to_rfc3339(),
                                "timezone": target.timezone,
                                "place": target.place(),
                                "reason": reason,
                                "link": format!("{public_url}/events/{}", target.id),
                            }),
                        )
                        .dedupe(format!(
                            "event_cancelled:{}:{}",
                            target.id, r.registration_id
                        ))
                        .from_host(host),
                    )?;
                }
                let cancelled = store::find_event(conn, id)?.ok_or(AppError::NotFound("event"))?;
                audit::record(
                    conn,
                    Entry::for_event("cancelled", person_id, &cancelled)
                        .before(json!({"status": event.status}))
                        .after(json!({
                            "status": cancelled.status,
                            "cancel_reason": cancelled.cancel_reason,
                            "sessions_cancelled": affected.len() - 1,
                        })),
                )?;
                one_view(conn, cancelled, asker.locale)
            })
        })
        .await
}
