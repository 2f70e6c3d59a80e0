//! Each family of staff and admin actions leaves the right entry: action, actor, subject and
//! the changed fields before and after. Actions are driven over HTTP and read back from
//! `GET /organisations/{slug}/audit`.

use serde_json::{json, Value};

use crate::audit::{count, entry};
use crate::event_fixtures::{cast, event_body};
use crate::helpers::spawn_app;

#[tokio::test]
async fn organisation_staff_and_membership_actions_are_logged() {
    let app = spawn_app().await;
    let owner = app.host("kc-ns").await;
    let slug = "kc-ns";

    // The admin who created the host handed it over: created, owner added, admin removed.
    let created = entry(&app, slug, &owner, "organisation.created").await;
    assert_eq!(created["actor"]["name"], "Platform Admin");
    assert_eq!(created["after"]["hosts_events"], true);
    assert_eq!(created["before"], Value::Null);
    let handed = entry(&app, slug, &owner, "staff.added").await;
    assert_eq!(handed["subject"], json!({"type": "person", "id": owner.id}));
    assert_eq!(handed["after"], json!({"role": "owner"}));
    let left = entry(&app, slug, &owner, "staff.removed").await;
    assert_eq!(left["actor"]["id"], owner.id);
    assert_eq!(left["before"], json!({"role": "owner"}));

    app.patch(
        "/api/v1/organisations/kc-ns",
        Some(&owner.token),
        json!({"name": "Kulturni centar", "city": "Novi Sad"}),
    )
    .await
    .expect(200);
    let updated = entry(&app, slug, &owner, "organisation.updated").await;
    assert_eq!(
        updated["actor"],
        json!({"id": owner.id, "name": "Owner kc-ns"})
    );
    assert_eq!(
        updated["before"],
        json!({"name": "Host kc-ns", "city": null})
    );
    assert_eq!(
        updated["after"],
        json!({"name": "Kulturni centar", "city": "Novi Sad"})
    );

    let staff = "/api/v1/organisations/kc-ns/staff";
    let marko = app.verified_user("marko@example.org", "Marko").await;
    for role in ["organiser", "owner"] {
        app.post(
            staff,
            Some(&owner.token),
            json!({"email": marko.email, "role": role}),
        )
        .await;
    }
    let changed = entry(&app, slug, &owner, "staff.role_changed").await;
    assert_eq!(changed["subject"]["id"], marko.id);
    assert_eq!(changed["before"], json!({"role": "organiser"}));
    assert_eq!(changed["after"], json!({"role": "owner"}));
    // Giving the same role again changes nothing and logs nothing.
    app.post(
        staff,
        Some(&owner.token),
        json!({"email": marko.email, "role": "owner"}),
    )
    .await
    .expect(200);
    assert_eq!(count(&app, slug, &owner, "staff.role_changed").await, 1);
    app.delete(&format!("{staff}/{}", marko.id), Some(&owner.token))
        .await
        .expect(204);
    assert_eq!(count(&app, slug, &owner, "staff.removed").await, 2);

    let reps = "/api/v1/organisations/kc-ns/representatives";
    app.post(reps, Some(&owner.token), json!({"email": marko.email}))
        .await
        .expect(201);
    app.delete(&format!("{reps}/{}", marko.id), Some(&owner.token))
        .await
        .expect(204);
    let rep = entry(&app, slug, &owner, "representative.removed").await;
    assert_eq!(rep["subject"]["id"], marko.id);
    assert_eq!(count(&app, slug, &owner, "representative.added").await, 1);

    let type_id = app
        .membership_type(
            &owner,
            slug,
            json!({"name": {"en": "Member"}, "member_kind": "person", "duration_months": 12}),
        )
        .await;
    let made = entry(&app, slug, &owner, "membership_type.created").await;
    assert_eq!(
        made["subject"],
        json!({"type": "membership_type", "id": type_id})
    );
    assert_eq!(made["after"]["duration_months"], 12);
    app.patch(
        &format!("/api/v1/organisations/kc-ns/membership-types/{type_id}"),
        Some(&owner.token),
        json!({"duration_months": 24, "requires_approval": true}),
    )
    .await
    .expect(200);
    let retyped = entry(&app, slug, &owner, "membership_type.updated").await;
    assert_eq!(retyped["before"], json!({"duration_months": 12}));
    assert_eq!(retyped["after"], json!({"duration_months": 24}));

    // Decisions on memberships, with the status and dates they moved.
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let applied = app
        .apply(&ana, slug, json!({"type_id": type_id}))
        .await
        .expect(201)
        .body;
    let id = applied["id"].as_i64().unwrap();
    assert_eq!(count(&app, slug, &owner, "membership.").await, 0);
    app.act(&owner, id, json!({"action": "approve"}))
        .await
        .expect(200);
    let approved = entry(&app, slug, &owner, "membership.approved").await;
    assert_eq!(approved["subject"], json!({"type": "membership", "id": id}));
    assert_eq!(approved["before"]["status"], "pending");
    assert_eq!(approved["before"]["ends_on"], Value::Null);
    assert_eq!(approved["after"]["status"], "active");
    assert!(approved["after"]["ends_on"].is_string());
    app.act(
        &owner,
        id,
        json!({"action": "cancel", "reason": "left the city"}),
    )
    .await
    .expect(200);
    let cancelled = entry(&app, slug, &owner, "membership.cancelled").await;
    assert_eq!(cancelled["after"]["status"], "cancelled");
    assert_eq!(cancelled["after"]["decision_reason"], "left the city");
    let refused = app.act(&owner, id, json!({"action": "approve"})).await;
    refused.expect_problem(409);
    assert_eq!(count(&app, slug, &owner, "membership.approved").await, 1);

    let csv = app
        .client
        .get(app.url("/api/v1/organisations/kc-ns/memberships?format=csv"))
        .bearer_auth(&owner.token)
        .header("X-Request-Id", "export-42")
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    let export = entry(&app, slug, &owner, "memberships.exported").await;
    assert_eq!(export["actor"]["id"], owner.id);
    assert_eq!(export["after"], json!({"format": "csv", "rows": 1}));
    assert_eq!(export["request_id"], "export-42");
}

#[tokio::test]
async fn event_sessions_and_questions_are_logged_with_their_changes() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let slug = "kc-novi-sad";
    let conf = app
        .create_event(&c.organiser, event_body(slug, "Archives"))
        .await;
    let id = conf["id"].as_i64().unwrap();
    let created = entry(&app, slug, &c.owner, "event.created").await;
    assert_eq!(
        created["actor"],
        json!({"id": c.organiser.id, "name": "Marko Organiser"})
    );
    assert_eq!(created["subject"], json!({"type": "event", "id": id}));
    assert_eq!(created["after"]["translations"]["en"]["title"], "Archives");
    assert_eq!(created["after"]["status"], "draft");

    app.patch(
        &format!("/api/v1/events/{id}"),
        Some(&c.organiser.token),
        json!({"capacity": 40, "venue_name": "Magacin", "title": {"sr-Latn": "Arhivi"}}),
    )
    .await
    .expect(200);
    let edited = entry(&app, slug, &c.owner, "event.updated").await;
    assert_eq!(
        edited["before"],
        json!({"capacity": null, "venue_name": "Kulturni centar",
               "translations": {"en": {"title": "Archives", "summary": null, "description": null}}})
    );
    assert_eq!(edited["after"]["capacity"], 40);
    assert_eq!(edited["after"]["venue_name"], "Magacin");
    assert_eq!(
        edited["after"]["translations"]["sr-Latn"]["title"],
        "Arhivi"
    );
    assert_eq!(
        edited["after"].as_object().unwrap().len(),
        3,
        "only the changed fields: {edited}"
    );

    let published = app
        .post(
            &format!("/api/v1/events/{id}/publish"),
            Some(&c.owner.token),
            json!({}),
        )
        .await
        .expect(200)
        .body;
    let entry_p = entry(&app, slug, &c.owner, "event.published").await;
    assert_eq!(entry_p["actor"]["id"], c.owner.id);
    assert_eq!(entry_p["before"], json!({"status": "draft"}));
    assert_eq!(entry_p["after"]["status"], "published");
    assert_eq!(entry_p["after"]["published_at"], published["published_at"]);

    let session = app
        .create_event(
            &c.organiser,
            json!({"organisation": slug, "parent": id, "kind": "workshop",
                   "starts_at": "2030-05-14T18:30:00+02:00", "ends_at": "2030-05-14T19:30:00+02:00",
                   "timezone": "Europe/Belgrade", "title": {"en": "Session"}}),
        )
        .await;
    let sid = session["id"].as_i64().unwrap();
    assert_eq!(
        entry(&app, slug, &c.owner, "session.created").await["subject"]["id"],
        sid
    );
    app.patch(
        &format!("/api/v1/events/{sid}"),
        Some(&c.organiser.token),
        json!({"city": "Subotica"}),
    )
    .await
    .expect(200);
    let session_edit = entry(&app, slug, &c.owner, "session.updated").await;
    assert_eq!(session_edit["after"], json!({"city": "Subotica"}));
    app.delete(&format!("/api/v1/events/{sid}"), Some(&c.organiser.token))
        .await
        .expect(204);
    let deleted = entry(&app, slug, &c.owner, "session.deleted").await;
    assert_eq!(deleted["before"]["translations"]["en"]["title"], "Session");

    let questions = format!("/api/v1/events/{id}/questions");
    let q = app
        .post(
            &questions,
            Some(&c.organiser.token),
            json!({"kind": "text", "label": {"en": "Diet"}}),
        )
        .await
        .expect(201)
        .body;
    let qid = q["id"].as_i64().unwrap();
    let q_path = format!("{questions}/{qid}");
    app.patch(&q_path, Some(&c.organiser.token), json!({"required": true}))
        .await
        .expect(200);
    app.delete(&q_path, Some(&c.organiser.token))
        .await
        .expect(204);
    let q_made = entry(&app, slug, &c.owner, "question.created").await;
    assert_eq!(q_made["subject"], json!({"type": "question", "id": qid}));
    assert_eq!(q_made["after"]["label"], json!({"en": "Diet"}));
    let q_edit = entry(&app, slug, &c.owner, "question.updated").await;
    assert_eq!(q_edit["before"], json!({"required": false}));
    assert_eq!(q_edit["after"], json!({"required": true}));
    assert_eq!(
        entry(&app, slug, &c.owner, "question.deleted").await["before"]["kind"],
        "text"
    );

    app.post(
        &format!("/api/v1/events/{id}/cancel"),
        Some(&c.owner.token),
        json!({"reason": "The venue flooded"}),
    )
    .await
    .expect(200);
    let cancelled = entry(&app, slug, &c.owner, "event.cancelled").await;
    assert_eq!(cancelled["before"], json!({"status": "published"}));
    assert_eq!(cancelled["after"]["cancel_reason"], "The venue flooded");
}
