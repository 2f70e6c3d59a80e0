//! `/manage/o/{slug}/audit`: the host's audit log with the API's filters, newest first, for
//! owners and platform admins.

use serde_json::json;

use crate::helpers::today;
use crate::web_account::signed_in;
use crate::web_manage_fixtures::{cast, squash};

#[tokio::test]
async fn owners_filter_the_audit_log_as_the_api_does() {
    let app = crate::helpers::spawn_app().await;
    let owner = app.host("kc").await;
    for (email, name) in [("a@example.org", "Ana"), ("b@example.org", "Bora")] {
        app.verified_user(email, name).await;
        app.post(
            "/api/v1/organisations/kc/staff",
            Some(&owner.token),
            json!({"email": email, "role": "organiser"}),
        )
        .await
        .expect(201);
    }
    app.post(
        "/api/v1/organisations/kc/staff",
        Some(&owner.token),
        json!({"email": "b@example.org", "role": "owner"}),
    )
    .await
    .expect(200);
    let api = |query: &str| {
        let url = format!("/api/v1/organisations/kc/audit?{query}");
        let app = &app;
        let token = owner.token.clone();
        async move { app.get(&url, Some(&token)).await.expect(200).body }
    };
    let all = api("").await;
    let added = api("action=staff.added").await;
    assert_eq!(added["total"], 3, "{added}");

    let browser = signed_in(&app, &owner.email).await;
    let page = browser.get("/manage/o/kc/audit").await.expect_html();
    assert!(page.contains("Audit log of Host kc"));
    assert!(page.contains(&format!("{} entries", all["total"])));
    // Newest first: the role change before the additions.
    let body = squash(&page.body);
    let changed = body.find("staff.role_changed").unwrap();
    let first_added = body.find("staff.added").unwrap();
    assert!(changed < first_added);
    assert!(body.contains(r#"{"role":"owner"}"#) || body.contains("&#34;role&#34;"));

    let page = browser
        .get("/manage/o/kc/audit?action=staff.added")
        .await
        .expect_html();
    assert!(page.contains("3 entries"));
    assert!(!page.contains("staff.role_changed"));
    assert_eq!(page.input_value("action").as_deref(), Some("staff.added"));
    // A prefix, as the API.
    let page = browser
        .get("/manage/o/kc/audit?action=staff.")
        .await
        .expect_html();
    assert!(page.contains(&format!("{} entries", api("action=staff.").await["total"])));

    // Days: from today on everything; from tomorrow nothing; up to yesterday nothing.
    let day = today();
    let tomorrow = day.succ_opt().unwrap();
    let yesterday = day.pred_opt().unwrap();
    let page = browser
        .get(&format!("/manage/o/kc/audit?from={day}&to={day}"))
        .await
        .expect_html();
    assert!(page.contains(&format!("{} entries", all["total"])));
    let since = format!("since={tomorrow}T00:00:00Z");
    assert_eq!(api(&since).await["total"], 0);
    let page = browser
        .get(&format!("/manage/o/kc/audit?from={tomorrow}"))
        .await
        .expect_html();
    assert!(page.contains("0 entries"));
    let page = browser
        .get(&format!("/manage/o/kc/audit?to={yesterday}"))
        .await
        .expect_html();
    assert!(page.contains("0 entries"));

    // Filters the API refuses are shown beside their field, the input kept.
    let page = browser
        .get("/manage/o/kc/audit?action=Staff%20Added!")
        .await
        .expect(422);
    assert!(page.contains(r#"id="e-action""#));
    assert_eq!(page.input_value("action").as_deref(), Some("Staff Added!"));
    let page = browser
        .get("/manage/o/kc/audit?from=yesterday")
        .await
        .expect(422);
    assert!(page.contains(r#"id="e-from""#));
    assert!(page.contains("Enter a date as YYYY-MM-DD."));
}

#[tokio::test]
async fn the_audit_log_is_for_owners_and_admins_only() {
    let app = crate::helpers::spawn_app().await;
    let c = cast(&app).await;
    c.owner.get("/manage/o/kc/audit").await.expect_html();
    c.admin.get("/manage/o/kc/audit").await.expect_html();
    c.admin.get("/manage/o/dom/audit").await.expect_html();
    c.organiser.get("/manage/o/kc/audit").await.expect(403);
    // Refused before the filters are looked at, as the API.
    c.organiser
        .get("/manage/o/kc/audit?from=nonsense")
        .await
        .expect(403);
    c.member.get("/manage/o/kc/audit").await.expect(403);
    c.other_organiser
        .get("/manage/o/kc/audit")
        .await
        .expect(403);
    c.owner.get("/manage/o/dom/audit").await.expect(403);
    assert!(c
        .anonymous
        .get("/manage/o/kc/audit")
        .await
        .expect_redirect()
        .starts_with("/signin?next=/manage/o/kc/audit"));
}
