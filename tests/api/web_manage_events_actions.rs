//! Publish, cancel (with a reason and the number of people told) and delete a draft from the
//! organiser pages, each after a confirmation; who may use the editor; forms without a CSRF
//! token change nothing.

use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::{spawn_app, TestApp};
use crate::web_client::Browser;
use crate::web_events::signed_in;
use crate::web_manage_events::{created_id, event_count, event_fields, staffed};

async fn status(app: &TestApp, id: i64, token: &str) -> String {
    app.get(&format!("/api/v1/events/{id}"), Some(token))
        .await
        .expect(200)
        .body["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn publish_cancel_and_delete_each_go_through_a_confirmation() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let token = s.organiser.token.clone();
    let browser = signed_in(&app, &s.organiser).await;
    let mut fields = event_fields();
    fields.retain(|(k, _)| *k != "registration_opens_at");
    for f in fields.iter_mut() {
        if f.0 == "visibility" {
            f.1 = "public";
        }
    }
    let id = created_id(
        &browser
            .submit(
                "/manage/o/kc/events/new",
                "/manage/o/kc/events/new",
                &fields,
            )
            .await,
    );

    // Publish: the GET only asks.
    let publish = format!("/manage/events/{id}/publish");
    let ask = browser.get(&publish).await.expect_html();
    assert!(ask.contains("Publish the event"));
    assert_eq!(status(&app, id, &token).await, "draft");
    let done = browser.submit(&publish, &publish, &[]).await;
    assert_eq!(
        done.expect_redirect(),
        format!("/manage/events/{id}?notice=manage-events-notice-published")
    );
    assert_eq!(status(&app, id, &token).await, "published");
    // Twice is a conflict, said plainly.
    let again = browser.submit(&publish, &publish, &[]).await.expect(409);
    assert!(again.contains("The event is already published."));
    // Deleting a published event is refused as in the API.
    let delete = format!("/manage/events/{id}/delete");
    let refused = browser
        .submit(&delete, &delete, &[("confirm", "yes")])
        .await
        .expect(409);
    assert!(refused.contains("Only a draft can be deleted"));

    // Two registrations, one waitlisted guest: three people will be emailed.
    let ana = app.verified_user("ana@example.org", "Ana").await;
    app.post(
        &format!("/api/v1/events/{id}/registrations"),
        Some(&ana.token),
        json!({}),
    )
    .await
    .expect(201);
    app.registration(id, None, Some(("Gost", "gost@example.org")), "waitlisted")
        .await;
    let bojan = app.verified_user("bojan@example.org", "Bojan").await;
    app.registration(id, Some(bojan.id), None, "confirmed")
        .await;
    let cancel = format!("/manage/events/{id}/cancel");
    let ask = browser.get(&cancel).await.expect_html();
    assert!(ask.contains("3 people will be emailed."), "{}", ask.body);
    // Without the tick nothing happens, and the reason stays.
    let unticked = browser
        .submit(&cancel, &cancel, &[("reason", "Sala je poplavljena")])
        .await
        .expect(422);
    assert!(unticked.contains(r#"id="e-confirm""#));
    assert!(unticked.contains("Sala je poplavljena"));
    assert_eq!(status(&app, id, &token).await, "published");
    let no_reason = browser
        .submit(&cancel, &cancel, &[("reason", " "), ("confirm", "yes")])
        .await
        .expect(422);
    assert!(no_reason.contains(r#"id="e-reason""#));
    let done = browser
        .submit(
            &cancel,
            &cancel,
            &[("reason", "Sala je poplavljena"), ("confirm", "yes")],
        )
        .await;
    assert!(done
        .expect_redirect()
        .starts_with(&format!("/manage/events/{id}?notice=")));
    let e = app
        .get(&format!("/api/v1/events/{id}"), Some(&token))
        .await
        .body;
    assert_eq!(e["status"], "cancelled");
    assert_eq!(e["cancel_reason"], "Sala je poplavljena");
    let told = app.queued("event_cancelled").await.len()
        + app.queued("event_cancelled_no_seat").await.len();
    assert_eq!(told, 3);
    let again = browser
        .submit(&cancel, &cancel, &[("reason", "x"), ("confirm", "yes")])
        .await
        .expect(409);
    assert!(again.contains("already cancelled"));
    // A cancelled event's editor says why a save fails.
    let edit = format!("/manage/events/{id}");
    let saved = browser.submit(&edit, &edit, &fields).await.expect(409);
    assert!(saved.contains("can no longer be changed"));

    // Delete a draft: asked, refused without the tick, then gone.
    let draft = created_id(
        &browser
            .submit(
                "/manage/o/kc/events/new",
                "/manage/o/kc/events/new",
                &fields,
            )
            .await,
    );
    let delete = format!("/manage/events/{draft}/delete");
    browser.get(&delete).await.expect_html();
    browser.submit(&delete, &delete, &[]).await.expect(422);
    assert_eq!(status(&app, draft, &token).await, "draft");
    let gone = browser
        .submit(&delete, &delete, &[("confirm", "yes")])
        .await;
    assert_eq!(
        gone.expect_redirect(),
        "/manage?notice=manage-events-notice-deleted"
    );
    app.get(&format!("/api/v1/events/{draft}"), Some(&token))
        .await
        .expect(404);
}

#[tokio::test]
async fn publishing_an_incomplete_draft_says_what_is_missing() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let browser = signed_in(&app, &s.organiser).await;
    let mut fields = event_fields();
    fields.retain(|(k, _)| !["venue_name", "address", "city", "online_url"].contains(k));
    let id = created_id(
        &browser
            .submit(
                "/manage/o/kc/events/new",
                "/manage/o/kc/events/new",
                &fields,
            )
            .await,
    );
    let publish = format!("/manage/events/{id}/publish");
    let page = browser.submit(&publish, &publish, &[]).await.expect(409);
    assert!(page.contains("needs a place"));
    assert_eq!(status(&app, id, &s.organiser.token).await, "draft");
}

#[tokio::test]
async fn the_editor_answers_each_role_as_the_api_does() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let owner = app.verified_user("owner@example.org", "Owner").await;
    app.staff(s.host, owner.id, "owner").await;
    let admin = app.admin("admin@example.org").await;
    let member = app.verified_user("member@example.org", "Member").await;
    let other = app.organisation("drugi", true).await;
    let foreign = app.verified_user("foreign@example.org", "Foreign").await;
    app.staff(other, foreign.id, "organiser").await;
    let draft = app
        .event(
            s.host,
            EventSpec {
                status: "draft",
                ..EventSpec::default()
            },
        )
        .await;
    let published = app.event(s.host, EventSpec::default()).await;

    let pages = |id: i64| {
        [
            format!("/manage/events/{id}"),
            format!("/manage/events/{id}/publish"),
            format!("/manage/events/{id}/cancel"),
            format!("/manage/events/{id}/delete"),
            format!("/manage/events/{id}/questions"),
            format!("/manage/events/{id}/sessions/new"),
        ]
    };
    // Anonymous: the sign-in page, coming back here.
    let anonymous = Browser::new(&app);
    for path in pages(draft)
        .iter()
        .chain(["/manage/o/kc/events/new".to_owned()].iter())
    {
        let to = anonymous.get(path).await.expect_redirect();
        assert!(to.starts_with("/signin?next=/manage/"), "{path}: {to}");
    }
    // Staff and admins: the pages.
    for user in [&s.organiser, &owner, &admin] {
        let b = signed_in(&app, user).await;
        for path in pages(draft) {
            b.get(&path).await.expect_html();
        }
        b.get("/manage/o/kc/events/new").await.expect_html();
    }
    // Others: a draft does not exist for them; a published event is not theirs to manage.
    for user in [&member, &foreign] {
        let b = signed_in(&app, user).await;
        for path in pages(draft) {
            assert_eq!(b.get(&path).await.status, 404, "{path}");
        }
        for path in pages(published) {
            assert_eq!(b.get(&path).await.status, 403, "{path}");
        }
        b.get("/manage/o/kc/events/new").await.expect(403);
        let refused = b
            .submit(
                &format!("/events/{published}"),
                &format!("/manage/events/{published}/publish"),
                &[],
            )
            .await;
        assert_eq!(refused.status, 403);
        let created = b
            .submit("/", "/manage/o/kc/events/new", &event_fields())
            .await;
        assert_eq!(created.status, 403);
    }
    let b = signed_in(&app, &s.organiser).await;
    b.get("/manage/o/nobody/events/new").await.expect(404);
    b.get("/manage/o/drugi/events/new").await.expect(403);
    assert_eq!(event_count(&app).await, 2);
}

#[tokio::test]
async fn forms_without_the_csrf_token_change_nothing() {
    let app = spawn_app().await;
    let s = staffed(&app).await;
    let token = s.organiser.token.clone();
    let browser = signed_in(&app, &s.organiser).await;
    let draft = app
        .event(
            s.host,
            EventSpec {
                status: "draft",
                ..EventSpec::default()
            },
        )
        .await;
    let published = app.event(s.host, EventSpec::default()).await;

    let mut fields = event_fields();
    assert_eq!(
        browser
            .post("/manage/o/kc/events/new", &fields)
            .await
            .status,
        403
    );
    fields.push(("csrf", "forged"));
    assert_eq!(
        browser
            .post(&format!("/manage/events/{draft}"), &fields)
            .await
            .status,
        403
    );
    let e = app
        .get(&format!("/api/v1/events/{draft}"), Some(&token))
        .await
        .body;
    assert_eq!(e["title"], "Workshop: community archives");
    for (path, form) in [
        (format!("/manage/events/{draft}/publish"), vec![]),
        (
            format!("/manage/events/{draft}/delete"),
            vec![("confirm", "yes")],
        ),
        (
            format!("/manage/events/{published}/cancel"),
            vec![("confirm", "yes"), ("reason", "x")],
        ),
        (
            format!("/manage/events/{draft}/questions"),
            vec![("kind", "text"), ("label.en", "Why?")],
        ),
    ] {
        assert_eq!(browser.post(&path, &form).await.status, 403, "{path}");
    }
    assert_eq!(status(&app, draft, &token).await, "draft");
    assert_eq!(status(&app, published, &token).await, "published");
    assert_eq!(event_count(&app).await, 2);
    let q = app
        .get(&format!("/api/v1/events/{draft}/questions"), Some(&token))
        .await
        .body;
    assert_eq!(q.as_array().unwrap().len(), 0);
}
