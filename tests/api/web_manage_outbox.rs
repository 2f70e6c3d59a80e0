//! A host's staff see the email sent in its name that could not be delivered, and queue it
//! again from the dashboard; never another host's mail.

use diesel::prelude::*;
use kolo::db::schema::{audit_log, outbox};
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::web_account::signed_in;
use crate::web_manage_fixtures::{dead_letter, org_id, outbox_row};

#[tokio::test]
async fn a_hosts_staff_see_and_retry_their_own_undelivered_email() {
    let app = crate::helpers::spawn_app().await;
    let owner = app.host("kc").await;
    app.host("dom").await;
    let kc = org_id(&app, "kc").await;
    let dom = org_id(&app, "dom").await;
    let organiser = app.verified_user("org@example.org", "Olga Organiser").await;
    app.staff(kc, organiser.id, "organiser").await;
    let event = app.event(kc, EventSpec::default()).await;
    let member = app.verified_user("mila@example.org", "Mila Milić").await;
    app.post(
        &format!("/api/v1/events/{event}/registrations"),
        Some(&member.token),
        json!({}),
    )
    .await
    .expect(201);

    // The confirmation is queued in the host's name; then it bounces for good.
    let (id, host): (i64, Option<i64>) = app
        .with_conn(|conn| {
            outbox::table
                .filter(outbox::recipient.eq("mila@example.org"))
                .order(outbox::id.desc())
                .select((outbox::id, outbox::organisation_id))
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(host, Some(kc));
    app.with_conn(move |conn| {
        diesel::update(outbox::table.find(id))
            .set((
                outbox::status.eq("dead"),
                outbox::attempts.eq(8),
                outbox::last_error.eq(Some("550 no such user")),
            ))
            .execute(conn)
            .unwrap()
    })
    .await;
    let elsewhere = dead_letter(&app, "elsewhere@example.org").await;
    app.with_conn(move |conn| {
        diesel::update(outbox::table.find(elsewhere))
            .set(outbox::organisation_id.eq(Some(dom)))
            .execute(conn)
            .unwrap()
    })
    .await;

    // An organiser of the host sees it beside the host's events, and nothing of the other's.
    let browser = signed_in(&app, &organiser.email).await;
    let page = browser.get("/manage").await.expect_html();
    assert!(page.contains("mila@example.org") && page.contains("550 no such user"));
    assert!(!page.contains("elsewhere@example.org"));
    let action = format!("/manage/o/kc/outbox/{id}/retry");
    assert!(
        page.contains(&format!(r#"action="{action}""#)),
        "{}",
        page.body
    );

    // Without the form's token nothing changes.
    browser.post(&action, &[]).await.expect(403);
    assert_eq!(outbox_row(&app, id).await, ("dead".into(), 8));
    // Another host's message: not found under this host, refused under its own.
    browser
        .submit(
            "/manage",
            &format!("/manage/o/kc/outbox/{elsewhere}/retry"),
            &[],
        )
        .await
        .expect(404);
    browser
        .submit(
            "/manage",
            &format!("/manage/o/dom/outbox/{elsewhere}/retry"),
            &[],
        )
        .await
        .expect(403);
    assert_eq!(outbox_row(&app, elsewhere).await, ("dead".into(), 8));

    let answer = browser.submit("/manage", &action, &[]).await;
    assert_eq!(
        answer.expect_redirect(),
        "/manage?notice=manage-home-notice-retried"
    );
    let (status, attempts) = outbox_row(&app, id).await;
    assert_ne!(status, "dead");
    assert!(attempts <= 1, "attempts start again: {attempts}");
    let retried: i64 = app
        .with_conn(move |conn| {
            audit_log::table
                .filter(audit_log::action.eq("outbox.retried"))
                .filter(audit_log::subject_id.eq(id))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(retried, 1);
    // The owner's dashboard no longer lists it.
    let owner_page = signed_in(&app, &owner.email)
        .await
        .get("/manage")
        .await
        .expect_html();
    assert!(!owner_page.contains("mila@example.org"));
}
