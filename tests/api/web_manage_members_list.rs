//! The organiser's members list (its filters give the API's rows; its CSV is the API's file),
//! a member organisation's page with its representatives, and renewal by staff.

use serde_json::json;

use crate::helpers::{plus_months, spawn_app, today};
use crate::web_account::signed_in;
use crate::web_manage_members::{applied, institutions, membership, org_type, person_type};

#[tokio::test]
async fn the_members_list_filters_as_the_api_does() {
    let app = spawn_app().await;
    let owner = app.host("kc").await;
    let yearly = app.membership_type(&owner, "kc", person_type()).await;
    let monthly = app
        .membership_type(
            &owner,
            "kc",
            json!({"name": {"en": "Trial month"}, "member_kind": "person", "duration_months": 1}),
        )
        .await;
    let orgs = app.membership_type(&owner, "kc", org_type()).await;
    let ana = app.verified_user("ana@example.org", "Ana Anić").await;
    let bor = app.verified_user("bor@example.org", "Bor Borić").await;
    let cec = app
        .verified_user("cec@example.org", "Cecilija Cvetić")
        .await;
    let a = applied(&app, &ana, "kc", json!({"type_id": yearly})).await;
    let b = applied(&app, &bor, "kc", json!({"type_id": monthly})).await;
    applied(&app, &cec, "kc", json!({"type_id": yearly})).await;
    let inst = institutions(&app, "kc", orgs, "lib", 1).await[0];
    for id in [a, b, inst] {
        app.act(&owner, id, json!({"action": "approve"}))
            .await
            .expect(200);
    }

    let browser = signed_in(&app, &owner.email).await;
    let names = |body: &str| {
        [
            "Ana Anić",
            "Bor Borić",
            "Cecilija Cvetić",
            "Organisation lib-0",
        ]
        .into_iter()
        .filter(|n| body.contains(n))
        .collect::<Vec<_>>()
    };
    let all = browser.get("/manage/o/kc/members").await.expect_html();
    assert_eq!(names(&all.body).len(), 4);
    assert!(all.contains("4 memberships"));
    let cases = [
        ("?status=pending".to_owned(), vec!["Cecilija Cvetić"]),
        ("?kind=organisation".to_owned(), vec!["Organisation lib-0"]),
        (format!("?type={monthly}"), vec!["Bor Borić"]),
        ("?q=anic".to_owned(), vec!["Ana Anić"]),
        ("?expiring=40".to_owned(), vec!["Bor Borić"]),
        ("?expiring=20".to_owned(), vec![]),
        (
            "?status=active&kind=person".to_owned(),
            vec!["Ana Anić", "Bor Borić"],
        ),
    ];
    for (query, expected) in cases {
        let page = browser
            .get(&format!("/manage/o/kc/members{query}"))
            .await
            .expect_html();
        assert_eq!(names(&page.body), expected, "{query}");
    }
    // The same rows as the API's filter, and as its CSV.
    let api = app
        .get(
            "/api/v1/organisations/kc/memberships?status=active&member_kind=person",
            Some(&owner.token),
        )
        .await
        .expect(200);
    assert_eq!(api.body["total"], 2);
    let csv = browser
        .get("/manage/o/kc/members.csv?kind=organisation")
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.body.contains("Organisation lib-0") && !csv.body.contains("Ana Anić"));

    // A filter the service refuses is shown next to its field, the rest kept.
    let bad = browser
        .get("/manage/o/kc/members?kind=robot&q=ana")
        .await
        .expect(422);
    assert!(bad.contains(r#"id="e-kind""#));
    assert_eq!(bad.input_value("q").as_deref(), Some("ana"));
    let bad = browser
        .get("/manage/o/kc/members?expiring=soon")
        .await
        .expect(422);
    assert!(bad.contains(r#"id="e-expiring""#));
}

#[tokio::test]
async fn an_organisation_member_shows_its_representatives_and_staff_renew() {
    let app = spawn_app().await;
    let owner = app.host("kc").await;
    let orgs = app.membership_type(&owner, "kc", org_type()).await;
    let id = institutions(&app, "kc", orgs, "lib", 1).await[0];
    let second = app
        .verified_user("second@example.org", "Second Representative")
        .await;
    let org_id = app.organisation("unrelated", false).await;
    let lib = app
        .get("/api/v1/organisations/lib-0", None)
        .await
        .expect(200)
        .body["id"]
        .as_i64()
        .unwrap();
    app.representative(lib, second.id).await;
    let outsider = app
        .verified_user("out@example.org", "Not A Representative")
        .await;
    app.representative(org_id, outsider.id).await;

    let browser = signed_in(&app, &owner.email).await;
    let page = browser
        .get(&format!("/manage/o/kc/members/{id}"))
        .await
        .expect_html();
    assert!(page.contains("Person lib-rep0") && page.contains("lib-rep0@example.org"));
    assert!(page.contains("Second Representative"));
    assert!(!page.contains("Not A Representative"));
    assert!(page.contains("Waiting for approval"));

    app.act(&owner, id, json!({"action": "approve"}))
        .await
        .expect(200);
    let before = membership(&app, &owner, id).await["ends_on"].clone();
    let renewed = browser
        .submit(
            &format!("/manage/o/kc/members/{id}"),
            &format!("/manage/o/kc/members/{id}/renew"),
            &[],
        )
        .await;
    assert_eq!(
        renewed.expect_redirect(),
        format!("/manage/o/kc/members/{id}?notice=manage-members-notice-renewed")
    );
    let after = membership(&app, &owner, id).await["ends_on"].clone();
    assert_eq!(after, plus_months(today(), 24).to_string());
    assert_ne!(before, after);

    // Lifetime memberships have nothing to renew: the page says so (the API's 409).
    let lifetime = app
        .membership_type(
            &owner,
            "kc",
            json!({"name": {"en": "Honorary"}, "member_kind": "person"}),
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let hon = applied(&app, &ana, "kc", json!({"type_id": lifetime})).await;
    app.act(&owner, hon, json!({"action": "approve"}))
        .await
        .expect(200);
    let csrf = browser
        .get(&format!("/manage/o/kc/members/{hon}"))
        .await
        .expect_html()
        .csrf();
    let refused = browser
        .post(
            &format!("/manage/o/kc/members/{hon}/renew"),
            &[("csrf", &csrf)],
        )
        .await
        .expect(409);
    assert!(refused.contains("lifetime membership does not need renewing"));
}
