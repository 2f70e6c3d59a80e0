//! The organiser's member pages: applications approved and rejected with a note (as the API
//! then shows them), many approved at once, and the CSRF guard. The list, a member's page and
//! renewal are in `web_manage_members_list.rs`, the types and roles in `…_types.rs`.

use serde_json::{json, Value};

use crate::helpers::{plus_months, spawn_app, today, TestApp, User};
use crate::web_account::signed_in;

pub fn person_type() -> Value {
    json!({"name": {"en": "Individual member", "sr-Latn": "Individualni član"},
           "member_kind": "person", "duration_months": 12})
}

pub fn org_type() -> Value {
    json!({"name": {"en": "Member institution"}, "member_kind": "organisation", "duration_months": 12})
}

/// Applies for `type_id` at `host` through the API; returns the membership id.
pub async fn applied(app: &TestApp, user: &User, host: &str, body: Value) -> i64 {
    app.apply(user, host, body).await.expect(201).body["id"]
        .as_i64()
        .unwrap()
}

/// The membership as the API shows it to `user`.
pub async fn membership(app: &TestApp, user: &User, id: i64) -> Value {
    app.get(&format!("/api/v1/memberships/{id}"), Some(&user.token))
        .await
        .expect(200)
        .body
}

/// Organisations (`{prefix}-{i}`), each represented by a new person, applying for `type_id`.
pub async fn institutions(
    app: &TestApp,
    host: &str,
    type_id: i64,
    prefix: &str,
    n: usize,
) -> Vec<i64> {
    let people = app.many_people(n, &format!("{prefix}-rep")).await;
    let mut ids = Vec::new();
    for (i, rep) in people.iter().enumerate() {
        let slug = format!("{prefix}-{i}");
        let org = app.organisation(&slug, false).await;
        app.representative(org, rep.id).await;
        let body = json!({"type_id": type_id, "organisation_slug": slug});
        ids.push(applied(app, rep, host, body).await);
    }
    ids
}

#[tokio::test]
async fn staff_approve_and_reject_applications_with_a_note() {
    let app = spawn_app().await;
    let owner = app.host("kc").await;
    let type_id = app.membership_type(&owner, "kc", person_type()).await;
    let ana = app.verified_user("ana@example.org", "Ana Anić").await;
    let bor = app.verified_user("bor@example.org", "Bor Borić").await;
    let ana_id = applied(
        &app,
        &ana,
        "kc",
        json!({"type_id": type_id, "note": "I teach"}),
    )
    .await;
    let bor_id = applied(&app, &bor, "kc", json!({"type_id": type_id})).await;

    let browser = signed_in(&app, &owner.email).await;
    let list = browser
        .get("/manage/o/kc/members/applications")
        .await
        .expect_html();
    assert!(list.contains("Ana Anić") && list.contains("Bor Borić"));
    assert!(list.contains("I teach"));
    assert!(list.contains("2 applications waiting"));

    // Approve from the list with a note: back to the list, and the API shows the decision.
    let answer = browser
        .submit(
            "/manage/o/kc/members/applications",
            &format!("/manage/o/kc/members/{ana_id}/approve"),
            &[("note", "Welcome aboard"), ("back", "applications")],
        )
        .await;
    assert_eq!(
        answer.expect_redirect(),
        "/manage/o/kc/members/applications?notice=manage-members-notice-approved"
    );
    let m = membership(&app, &ana, ana_id).await;
    assert_eq!(m["status"], "active");
    assert_eq!(m["decision_reason"], "Welcome aboard");
    assert_eq!(m["ends_on"], plus_months(today(), 12).to_string());
    let approved = app
        .queued_to("membership_approved", "ana@example.org")
        .await;
    assert_eq!(approved.len(), 1);

    // Rejecting asks first; the GET changes nothing.
    let reject = format!("/manage/o/kc/members/{bor_id}/reject");
    let confirm = browser.get(&reject).await.expect_html();
    assert!(confirm.contains("Bor Borić"));
    assert_eq!(membership(&app, &bor, bor_id).await["status"], "pending");
    let unconfirmed = browser
        .submit(&reject, &reject, &[("note", "Not this year")])
        .await
        .expect(422);
    assert!(unconfirmed.contains("Tick the box"));
    assert!(unconfirmed.contains("Not this year"), "the note is kept");
    assert_eq!(membership(&app, &bor, bor_id).await["status"], "pending");
    let done = browser
        .submit(
            &reject,
            &reject,
            &[("note", "Not this year"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(
        done.expect_redirect(),
        format!("/manage/o/kc/members/{bor_id}?notice=manage-members-notice-rejected")
    );
    let m = membership(&app, &bor, bor_id).await;
    assert_eq!(m["status"], "rejected");
    assert_eq!(m["decision_reason"], "Not this year");
    let rejected = app
        .queued_to("membership_rejected", "bor@example.org")
        .await;
    assert_eq!(rejected[0].data["reason"], "Not this year");

    // A second decision is refused with the rule, as the API's 409.
    let again = browser
        .submit(
            &format!("/manage/o/kc/members/{ana_id}"),
            &format!("/manage/o/kc/members/{bor_id}/approve"),
            &[("note", "")],
        )
        .await
        .expect(409);
    assert!(again.contains("changed meanwhile"));
    assert_eq!(membership(&app, &bor, bor_id).await["status"], "rejected");
    let empty = browser
        .get("/manage/o/kc/members/applications")
        .await
        .expect_html();
    assert!(empty.contains("No application is waiting"));
}

#[tokio::test]
async fn many_applications_are_approved_at_once_and_failures_are_named() {
    let app = spawn_app().await;
    let owner = app.host("assoc").await;
    let type_id = app.membership_type(&owner, "assoc", org_type()).await;
    let ids = institutions(&app, "assoc", type_id, "inst", 27).await;
    // One decided meanwhile, one of another host: both reported, the rest approved.
    app.act(&owner, ids[0], json!({"action": "reject"}))
        .await
        .expect(200);
    let other = app.host("elsewhere").await;
    let other_type = app
        .membership_type(&other, "elsewhere", person_type())
        .await;
    let stranger = app.verified_user("x@example.org", "Xena").await;
    let foreign = applied(&app, &stranger, "elsewhere", json!({"type_id": other_type})).await;

    let browser = signed_in(&app, &owner.email).await;
    let list = browser
        .get("/manage/o/assoc/members/applications")
        .await
        .expect_html();
    assert!(list.contains("26 applications waiting"));
    let mut fields: Vec<(&str, String)> = vec![("csrf", list.csrf()), ("scope", "selected".into())];
    for id in ids[..25].iter().chain([&foreign]) {
        fields.push(("id", id.to_string()));
    }
    fields.push(("note", "Welcome, colleagues".into()));
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let result = browser
        .post("/manage/o/assoc/members/applications/approve", &form)
        .await
        .expect_html();
    assert!(
        result.contains("24 memberships approved"),
        "{}",
        result.body
    );
    assert!(result.contains("2 applications could not be approved"));
    assert!(result.contains("Already decided"));
    assert!(
        result.contains("Organisation inst-0"),
        "the decided one is named"
    );
    assert!(
        result.contains(&format!("#{foreign}")),
        "the foreign one is not named"
    );
    for id in &ids[1..25] {
        let m = membership(&app, &owner, *id).await;
        assert_eq!(m["status"], "active");
        assert_eq!(m["decision_reason"], "Welcome, colleagues");
    }
    assert_eq!(
        membership(&app, &stranger, foreign).await["status"],
        "pending"
    );
    // Each approval emails the member organisation's representative, as the API does.
    assert_eq!(app.queued("membership_approved").await.len(), 24);

    // "All on this page" approves the two left, from the list's own ids.
    let list = browser
        .get("/manage/o/assoc/members/applications")
        .await
        .expect_html();
    assert!(list.contains("2 applications waiting"));
    let csrf = list.csrf();
    let (a, b) = (ids[25].to_string(), ids[26].to_string());
    let result = browser
        .post(
            "/manage/o/assoc/members/applications/approve",
            &[
                ("csrf", &csrf),
                ("scope", "page"),
                ("page_id", &a),
                ("page_id", &b),
            ],
        )
        .await
        .expect_html();
    assert!(result.contains("2 memberships approved"));
    assert_eq!(membership(&app, &owner, ids[26]).await["status"], "active");

    // Nothing ticked: the list again with the reason.
    let csrf = browser
        .get("/manage/o/assoc/members/applications")
        .await
        .expect_html()
        .csrf();
    let none = browser
        .post(
            "/manage/o/assoc/members/applications/approve",
            &[("csrf", &csrf), ("scope", "selected")],
        )
        .await
        .expect(422);
    assert!(none.contains("Select at least one application"));
}

#[tokio::test]
async fn forms_without_a_valid_token_change_nothing() {
    let app = spawn_app().await;
    let owner = app.host("kc").await;
    let type_id = app.membership_type(&owner, "kc", person_type()).await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let id = applied(&app, &ana, "kc", json!({"type_id": type_id})).await;
    let browser = signed_in(&app, &owner.email).await;
    browser
        .get("/manage/o/kc/members/applications")
        .await
        .expect_html();

    let posts: Vec<(String, Vec<(&str, String)>)> = vec![
        (format!("/manage/o/kc/members/{id}/approve"), vec![]),
        (
            format!("/manage/o/kc/members/{id}/reject"),
            vec![("confirm", "yes".into())],
        ),
        (format!("/manage/o/kc/members/{id}/renew"), vec![]),
        (
            "/manage/o/kc/members/applications/approve".into(),
            vec![("id", id.to_string())],
        ),
        (
            "/manage/o/kc/members/types/new".into(),
            vec![
                ("name_en", "Sneaky".into()),
                ("member_kind", "person".into()),
            ],
        ),
        (
            format!("/manage/o/kc/members/types/{type_id}/retire"),
            vec![("confirm", "yes".into())],
        ),
    ];
    for (path, fields) in posts {
        let mut with_bad: Vec<(&str, &str)> =
            fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        with_bad.push(("csrf", "forged"));
        assert_eq!(browser.post(&path, &with_bad).await.status, 403, "{path}");
        let without: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(browser.post(&path, &without).await.status, 403, "{path}");
    }
    assert_eq!(membership(&app, &ana, id).await["status"], "pending");
    let types = app
        .get(
            "/api/v1/organisations/kc/membership-types",
            Some(&owner.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(types.as_array().unwrap().len(), 1);
    assert_eq!(types[0]["active"], true);
}
