//! What people hear when an event moves or is cancelled: calendar invitations only for those
//! who hold a seat, words for the others, and nothing stale from a coalescing window.

use serde_json::json;

use crate::event_fixtures::{cast, event_body};
use crate::helpers::spawn_app_with;

#[tokio::test]
async fn a_move_still_waiting_to_be_sent_is_withdrawn_when_the_event_is_cancelled() {
    let app = spawn_app_with(|s| s.events.change_coalesce_secs = 60).await;
    let c = cast(&app).await;
    let token = Some(c.organiser.token.as_str());
    let event = app
        .published_event(&c.organiser, event_body("kc-novi-sad", "Print Workshop"))
        .await;
    let id = event["id"].as_i64().unwrap();
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.registration(id, Some(ana.id), None, "confirmed").await;
    app.patch(
        &format!("/api/v1/events/{id}"),
        token,
        json!({"city": "Subotica"}),
    )
    .await
    .expect(200);
    assert_eq!(app.queued("event_changed").await.len(), 1);

    app.post(
        &format!("/api/v1/events/{id}/cancel"),
        token,
        json!({"reason": "The hall is flooded"}),
    )
    .await
    .expect(200);
    assert!(
        app.queued("event_changed").await.is_empty(),
        "the move is withdrawn"
    );
    app.wait_for_email("ana@example.org", "Event cancelled")
        .await;
    app.wait_for_outbox_drained().await;
    let subjects: Vec<String> = app
        .emails_to("ana@example.org")
        .into_iter()
        .map(|e| e.subject)
        .collect();
    assert!(
        subjects.iter().all(|s| !s.starts_with("Change of time")),
        "{subjects:?}"
    );
}
