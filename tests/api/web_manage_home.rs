//! The organisers' dashboard (`/manage`): the hosts a person staffs with their next events'
//! counts (the roster API's numbers), memberships waiting or expiring (the memberships API's
//! totals), every undelivered message with a retry button for platform admins; the header's "Manage"
//! link; who may see what.

use chrono::Duration;
use diesel::prelude::*;
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::today;
use crate::web_account::signed_in;
use crate::web_client::Browser;
use crate::web_manage_fixtures::{
    cast, check_in, dead_letter, membership, org_id, outbox_row, squash, status_of,
};

#[tokio::test]
async fn the_dashboard_shows_the_apis_counts_for_the_next_events_and_memberships() {
    let app = crate::helpers::spawn_app().await;
    let owner = app.host("kc").await;
    let host = org_id(&app, "kc").await;
    let event = app
        .event(
            host,
            EventSpec {
                title: "Poetry evening",
                capacity: Some(10),
                ..EventSpec::default()
            },
        )
        .await;
    let draft = app
        .event(
            host,
            EventSpec {
                title: "Draft seminar",
                status: "draft",
                starts_in: Duration::days(20),
                ..EventSpec::default()
            },
        )
        .await;
    let past = app
        .event(
            host,
            EventSpec {
                title: "Archive workshop",
                starts_in: Duration::days(-30),
                ..EventSpec::default()
            },
        )
        .await;
    let cancelled = app
        .event(
            host,
            EventSpec {
                title: "Called-off concert",
                status: "cancelled",
                ..EventSpec::default()
            },
        )
        .await;
    let people = app.many_people(7, "reg").await;
    let mut confirmed = Vec::new();
    for p in &people[..3] {
        confirmed.push(app.registration(event, Some(p.id), None, "confirmed").await);
    }
    app.take_seats(event, 3).await;
    check_in(&app, confirmed[0]).await;
    for p in &people[3..5] {
        app.registration(event, Some(p.id), None, "waitlisted")
            .await;
    }
    app.registration(event, None, Some(("Gost", "gost@example.org")), "pending")
        .await;
    app.registration(event, Some(people[5].id), None, "cancelled")
        .await;
    membership(&app, host, "pending@example.org", "pending", 365).await;
    membership(&app, host, "soon@example.org", "active", 10).await;
    membership(&app, host, "later@example.org", "active", 100).await;

    let roster = app
        .get(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&owner.token),
        )
        .await
        .expect(200)
        .body;
    let s = &roster["summary"];
    let total = |query: String| {
        let app = &app;
        let token = owner.token.clone();
        async move {
            app.get(
                &format!("/api/v1/organisations/kc/memberships?{query}"),
                Some(&token),
            )
            .await
            .expect(200)
            .body["total"]
                .as_i64()
                .unwrap()
        }
    };
    let pending = total("status=pending".into()).await;
    let before = today() + Duration::days(31);
    let expiring = total(format!("status=active&expires_before={before}")).await;
    assert_eq!((pending, expiring), (1, 1));

    let browser = signed_in(&app, &owner.email).await;
    let page = browser.get("/manage").await.expect_html();
    let body = squash(&page.body);
    let row = format!(
        "<td>{} / {}</td><td>{}</td><td>{}</td><td>{}</td>",
        s["confirmed"], s["capacity"], s["waitlisted"], s["pending"], s["checked_in"]
    );
    assert_eq!(row, "<td>3 / 10</td><td>2</td><td>1</td><td>1</td>");
    assert!(body.contains(&row), "{body}");
    assert!(body.contains("Poetry evening"));
    assert!(body.contains(&format!(r#"href="/manage/events/{event}""#)));
    assert!(body.contains(&format!(r#"href="/manage/events/{event}/roster""#)));
    assert!(body.contains(&format!(r#"href="/manage/events/{event}/checkin""#)));
    // Drafts are the organisers' too; the past and the cancelled are not "next".
    assert!(body.contains("Draft seminar"));
    assert!(body.contains(&format!(r#"href="/manage/events/{draft}""#)));
    assert!(!body.contains(&format!(r#"href="/manage/events/{past}""#)));
    assert!(!body.contains(&format!(r#"href="/manage/events/{cancelled}""#)));
    // An event with nobody registered shows zeros, not the neighbour's numbers.
    assert!(body.contains("<td>0 / 10</td><td>0</td><td>0</td><td>0</td>"));
    assert!(body.contains(&format!("{pending} membership waiting for approval")));
    assert!(body.contains(&format!(
        "{expiring} membership expiring in the next 30 days"
    )));
    // Both counts link to the members pages that list those very memberships.
    assert!(body.contains(r#"href="/manage/o/kc/members/applications""#));
    assert!(body.contains(r#"href="/manage/o/kc/members?status=active&amp;expiring=30""#));
    browser
        .get("/manage/o/kc/members/applications")
        .await
        .expect_html();
    browser
        .get("/manage/o/kc/members?status=active&expiring=30")
        .await
        .expect_html();
    assert!(body.contains(r#"href="/manage/o/kc/staff""#));
    assert!(body.contains(r#"href="/manage/o/kc/audit""#));
    assert!(body.contains(r#"href="/manage/o/kc/events/new""#));
    // The outbox is the platform admins' (as its API): not shown to an owner.
    assert!(!body.contains(r#"id="outbox""#));
    // The header links here for staff.
    assert!(body.contains(r#"<a href="/manage">Manage</a>"#));
}

#[tokio::test]
async fn someone_who_staffs_nothing_gets_a_friendly_page_and_no_header_link() {
    let app = crate::helpers::spawn_app().await;
    app.host("kc").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let anonymous = Browser::new(&app).get("/manage").await;
    assert_eq!(
        anonymous.expect_redirect(),
        "/signin?next=/manage",
        "anonymous readers sign in first"
    );
    let browser = signed_in(&app, &ana.email).await;
    let page = browser.get("/manage").await.expect_html();
    assert!(page.contains("You are not on the staff of any organisation yet"));
    assert!(!page.contains("Organisation kc") && !page.contains("Host kc"));
    assert!(!page.contains(r#"href="/manage""#));
    let events = browser.get("/").await.expect_html();
    assert!(!events.contains(r#"href="/manage""#));
}

#[tokio::test]
async fn platform_admins_see_undelivered_email_and_retry_it_as_the_api_does() {
    let app = crate::helpers::spawn_app().await;
    let owner = app.host("kc").await;
    app.host("dom").await;
    let admin = app.admin("root@example.org").await;
    let id = dead_letter(&app, "bounced@example.org").await;

    let browser = signed_in(&app, &admin.email).await;
    let page = browser.get("/manage").await.expect_html();
    // Every host, for a platform admin.
    assert!(
        page.contains("Host kc") && page.contains("Host dom"),
        "{}",
        page.body
    );
    assert!(page.contains(r#"<a href="/manage">Manage</a>"#));
    assert!(page.contains(r#"id="outbox""#));
    assert!(page.contains("bounced@example.org"));
    assert!(page.contains("550 mailbox unavailable"));
    let action = format!("/manage/outbox/{id}/retry");
    assert!(page.contains(&format!(r#"action="{action}""#)));

    // Without the form's token nothing changes.
    browser.post(&action, &[]).await.expect(403);
    assert_eq!(outbox_row(&app, id).await, ("dead".into(), 8));
    // An owner is no platform admin: refused, as by the API.
    let owner_browser = signed_in(&app, &owner.email).await;
    owner_browser
        .submit("/manage", &action, &[])
        .await
        .expect(403);
    app.post(
        &format!("/api/v1/admin/outbox/{id}/retry"),
        Some(&owner.token),
        json!({}),
    )
    .await
    .expect(403);
    assert_eq!(outbox_row(&app, id).await, ("dead".into(), 8));

    let answer = browser.submit("/manage", &action, &[]).await;
    assert_eq!(
        answer.expect_redirect(),
        "/manage?notice=manage-home-notice-retried"
    );
    // As the API's retry: out of the dead letters, attempts counted afresh, audited.
    let (status, attempts) = outbox_row(&app, id).await;
    assert_ne!(status, "dead");
    assert!(attempts <= 1, "attempts start again: {attempts}");
    let dead = app
        .get("/api/v1/admin/outbox?status=dead", Some(&admin.token))
        .await
        .expect(200)
        .body;
    assert!(dead["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["id"] != json!(id)));
    let retried: i64 = app
        .with_conn(move |conn| {
            kolo::db::schema::audit_log::table
                .filter(kolo::db::schema::audit_log::action.eq("outbox.retried"))
                .filter(kolo::db::schema::audit_log::subject_id.eq(id))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(retried, 1);
    let after = browser.follow(&answer).await.expect_html();
    assert!(after.contains("The message is queued to be sent again."));
}

#[tokio::test]
async fn the_role_matrix_of_the_dashboard_staff_and_audit_pages() {
    let app = crate::helpers::spawn_app().await;
    let c = cast(&app).await;
    let rows: [(&str, &Browser, [u16; 3], bool); 6] = [
        ("anonymous", &c.anonymous, [303, 303, 303], false),
        ("member", &c.member, [200, 403, 403], false),
        (
            "organiser of another host",
            &c.other_organiser,
            [200, 403, 403],
            true,
        ),
        ("organiser", &c.organiser, [200, 200, 403], true),
        ("owner", &c.owner, [200, 200, 200], true),
        ("admin", &c.admin, [200, 200, 200], true),
    ];
    for (who, browser, expected, manage_link) in rows {
        let pages = [
            browser.get("/manage").await,
            browser.get("/manage/o/kc/staff").await,
            browser.get("/manage/o/kc/audit").await,
        ];
        let got: Vec<u16> = pages.iter().map(status_of).collect();
        assert_eq!(got, expected, "{who}");
        if expected[0] == 303 {
            assert!(pages[0]
                .location
                .as_deref()
                .unwrap()
                .starts_with("/signin?next="));
            continue;
        }
        let dashboard = &pages[0].body;
        assert_eq!(
            dashboard.contains(r#"<a href="/manage">Manage</a>"#),
            manage_link,
            "{who}: the header link"
        );
        let sees_kc = dashboard.contains("Host kc");
        assert_eq!(
            sees_kc,
            matches!(who, "organiser" | "owner" | "admin"),
            "{who}"
        );
        assert_eq!(
            dashboard.contains("Host dom"),
            matches!(who, "organiser of another host" | "admin"),
            "{who}"
        );
        // The audit link shows where the audit log opens.
        if sees_kc {
            assert_eq!(
                dashboard.contains(r#"href="/manage/o/kc/audit""#),
                expected[2] == 200,
                "{who}"
            );
        }
    }
    // An organisation that does not exist is a 404 page for everyone signed in.
    c.owner.get("/manage/o/nowhere/staff").await.expect(404);
    c.admin.get("/manage/o/nowhere/audit").await.expect(404);
    // The outbox retry is the platform admins' alone.
    for (who, browser) in [
        ("member", &c.member),
        ("organiser", &c.organiser),
        ("owner", &c.owner),
    ] {
        let answer = browser
            .submit("/manage", "/manage/outbox/1/retry", &[])
            .await;
        assert_eq!(answer.status, 403, "{who}");
    }
    c.admin
        .submit("/manage", "/manage/outbox/999999/retry", &[])
        .await
        .expect(404);
}
