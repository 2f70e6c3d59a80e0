//! The organiser's membership-type pages (create, edit, retire with a confirmation, reopen;
//! validation errors beside the fields with the input kept), and who may open which member
//! page: the same answers as the API for every role.

use serde_json::{json, Value};

use crate::helpers::spawn_app;
use crate::web_account::signed_in;
use crate::web_client::Browser;
use crate::web_manage_members::{applied, membership, org_type, person_type};

async fn types_of(app: &crate::helpers::TestApp, token: &str) -> Vec<Value> {
    app.get("/api/v1/organisations/kc/membership-types", Some(token))
        .await
        .expect(200)
        .body
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn owners_create_edit_retire_and_reopen_membership_types() {
    let app = spawn_app().await;
    let owner = app.host("kc").await;
    let browser = signed_in(&app, &owner.email).await;
    let new = "/manage/o/kc/members/types/new";

    // No name in any language: refused beside the name, everything typed kept.
    let bad = browser
        .submit(
            new,
            new,
            &[
                ("name_en", " "),
                ("member_kind", "person"),
                ("duration", "6"),
                ("fee", "12.50"),
                ("currency", "eur"),
            ],
        )
        .await
        .expect(422);
    assert!(bad.contains(r#"id="e-name""#), "{}", bad.body);
    assert_eq!(bad.input_value("duration").as_deref(), Some("6"));
    assert_eq!(bad.input_value("fee").as_deref(), Some("12.50"));
    assert_eq!(bad.input_value("currency").as_deref(), Some("eur"));
    let bad = browser
        .submit(
            new,
            new,
            &[
                ("name_en", "Student"),
                ("member_kind", "person"),
                ("duration", "six"),
            ],
        )
        .await
        .expect(422);
    assert!(bad.contains(r#"id="e-duration""#));
    assert_eq!(bad.input_value("name_en").as_deref(), Some("Student"));
    assert!(types_of(&app, &owner.token).await.is_empty());

    let created = browser
        .submit(
            new,
            new,
            &[
                ("name_en", "Student"),
                ("name_sr-Latn", "Studentsko"),
                ("member_kind", "person"),
                ("duration", "6"),
                ("fee", "12.50"),
                ("currency", "eur"),
            ],
        )
        .await;
    assert_eq!(
        created.expect_redirect(),
        "/manage/o/kc/members/types?notice=manage-members-notice-type-created"
    );
    let t = types_of(&app, &owner.token).await.pop().unwrap();
    assert_eq!(t["name"], json!({"en": "Student", "sr-Latn": "Studentsko"}));
    assert_eq!(t["duration_months"], 6);
    assert_eq!(t["requires_approval"], false, "the box was not ticked");
    assert_eq!(t["annual_fee"], "12.50");
    assert_eq!(t["currency"], "EUR");
    let id = t["id"].as_i64().unwrap();
    let list = browser
        .get("/manage/o/kc/members/types")
        .await
        .expect_html();
    assert!(list.contains("Student") && list.contains("6 months") && list.contains("12.50 EUR"));

    // Edit: the form holds the type; a bad fee is refused beside it, the name kept.
    let edit = format!("/manage/o/kc/members/types/{id}");
    let form = browser.get(&edit).await.expect_html();
    assert_eq!(
        form.input_value("name_sr-Latn").as_deref(),
        Some("Studentsko")
    );
    let bad = browser
        .submit(
            &edit,
            &edit,
            &[
                ("name_en", "Student (reduced)"),
                ("duration", "6"),
                ("fee", "abc"),
                ("currency", "EUR"),
            ],
        )
        .await
        .expect(422);
    assert!(bad.contains(r#"id="e-fee""#));
    assert_eq!(
        bad.input_value("name_en").as_deref(),
        Some("Student (reduced)")
    );
    let bad = browser
        .submit(
            &edit,
            &edit,
            &[("name_en", "Student"), ("fee", "10"), ("currency", "")],
        )
        .await
        .expect(422);
    assert!(
        bad.contains(r#"id="e-currency""#),
        "a fee needs its currency"
    );
    let saved = browser
        .submit(
            &edit,
            &edit,
            &[
                ("name_en", "Student (reduced)"),
                ("duration", ""),
                ("requires_approval", "yes"),
                ("fee", ""),
                ("currency", ""),
            ],
        )
        .await;
    assert_eq!(
        saved.expect_redirect(),
        "/manage/o/kc/members/types?notice=manage-members-notice-type-saved"
    );
    let t = types_of(&app, &owner.token).await.pop().unwrap();
    assert_eq!(t["name"], json!({"en": "Student (reduced)"}));
    assert_eq!(t["duration_months"], Value::Null);
    assert_eq!(t["requires_approval"], true);
    assert_eq!(t["annual_fee"], Value::Null);

    // Retire asks first; without the box nothing changes.
    let retire = format!("/manage/o/kc/members/types/{id}/retire");
    browser.get(&retire).await.expect_html();
    assert_eq!(types_of(&app, &owner.token).await[0]["active"], true);
    let unconfirmed = browser.submit(&retire, &retire, &[]).await.expect(422);
    assert!(unconfirmed.contains(r#"id="e-confirm""#));
    assert_eq!(types_of(&app, &owner.token).await[0]["active"], true);
    let retired = browser
        .submit(&retire, &retire, &[("confirm", "yes")])
        .await;
    assert_eq!(
        retired.expect_redirect(),
        "/manage/o/kc/members/types?notice=manage-members-notice-type-retired"
    );
    assert_eq!(types_of(&app, &owner.token).await[0]["active"], false);
    let public = app
        .get("/api/v1/organisations/kc/membership-types", None)
        .await
        .expect(200);
    assert_eq!(public.body, json!([]), "applicants no longer see it");
    let reopened = browser
        .submit("/manage/o/kc/members/types", &format!("{edit}/reopen"), &[])
        .await;
    assert!(reopened
        .expect_redirect()
        .ends_with("notice=manage-members-notice-type-reopened"));
    assert_eq!(types_of(&app, &owner.token).await[0]["active"], true);
}

#[tokio::test]
async fn member_pages_answer_every_role_as_the_api_does() {
    let app = spawn_app().await;
    let owner = app.host("kc").await;
    let other = app.host("elsewhere").await;
    let type_id = app.membership_type(&owner, "kc", person_type()).await;
    app.membership_type(&owner, "kc", org_type()).await;
    let organiser = app
        .verified_user("organiser@example.org", "Olga Organiser")
        .await;
    app.post(
        "/api/v1/organisations/kc/staff",
        Some(&owner.token),
        json!({"email": organiser.email, "role": "organiser"}),
    )
    .await
    .expect(201);
    let member = app.verified_user("member@example.org", "Mila Member").await;
    let m = applied(&app, &member, "kc", json!({"type_id": type_id})).await;
    app.act(&owner, m, json!({"action": "approve"}))
        .await
        .expect(200);
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let pending = applied(&app, &ana, "kc", json!({"type_id": type_id})).await;
    app.admin("root@example.org").await;

    let base = "/manage/o/kc/members";
    let staff_pages = [
        base.to_owned(),
        format!("{base}.csv"),
        format!("{base}/applications"),
        format!("{base}/{pending}"),
        format!("{base}/{pending}/reject"),
        format!("{base}/types"),
    ];
    let owner_pages = [
        format!("{base}/types/new"),
        format!("{base}/types/{type_id}"),
        format!("{base}/types/{type_id}/retire"),
    ];
    let directory = format!("{base}/directory");
    let all: Vec<&String> = staff_pages
        .iter()
        .chain(&owner_pages)
        .chain([&directory])
        .collect();

    let anonymous = Browser::new(&app);
    for path in &all {
        let to = anonymous.get(path).await.expect_redirect();
        assert!(to.starts_with("/signin?next="), "{path}: {to}");
    }
    // (who, staff pages, owner pages, directory)
    let cases = [
        (member.email.as_str(), 403, 403, 200),
        (organiser.email.as_str(), 200, 403, 200),
        (owner.email.as_str(), 200, 200, 200),
        (other.email.as_str(), 403, 403, 403),
        ("root@example.org", 200, 200, 200),
    ];
    for (who, staff, owners, dir) in cases {
        let browser = signed_in(&app, who).await;
        for path in &staff_pages {
            assert_eq!(browser.get(path).await.status, staff, "{who} {path}");
        }
        for path in &owner_pages {
            assert_eq!(browser.get(path).await.status, owners, "{who} {path}");
        }
        assert_eq!(browser.get(&directory).await.status, dir, "{who} directory");
    }

    // Another host's objects under one's own host: not found, like a missing host.
    let theirs = signed_in(&app, &other.email).await;
    for path in [
        format!("/manage/o/elsewhere/members/{pending}"),
        format!("/manage/o/elsewhere/members/{pending}/reject"),
        format!("/manage/o/elsewhere/members/types/{type_id}"),
        "/manage/o/no-such-host/members".to_owned(),
    ] {
        assert_eq!(theirs.get(&path).await.status, 404, "{path}");
    }
    let csrf = theirs
        .get("/manage/o/elsewhere/members")
        .await
        .expect_html()
        .csrf();
    let approve = format!("/manage/o/elsewhere/members/{pending}/approve");
    assert_eq!(theirs.post(&approve, &[("csrf", &csrf)]).await.status, 404);
    assert_eq!(membership(&app, &ana, pending).await["status"], "pending");

    // A member may not decide; an organiser may, but may not manage types.
    let mila = signed_in(&app, &member.email).await;
    let csrf = mila.get("/me/memberships").await.expect_html().csrf();
    let approve = format!("{base}/{pending}/approve");
    assert_eq!(mila.post(&approve, &[("csrf", &csrf)]).await.status, 403);
    assert_eq!(membership(&app, &ana, pending).await["status"], "pending");
    let olga = signed_in(&app, &organiser.email).await;
    let types = olga.get(&format!("{base}/types")).await.expect_html();
    assert!(
        !types.contains("/types/new"),
        "no owner links for organisers"
    );
    let csrf = types.csrf();
    let create = format!("{base}/types/new");
    let refused = olga
        .post(
            &create,
            &[
                ("csrf", &csrf),
                ("name_en", "Mine"),
                ("member_kind", "person"),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);
    olga.submit(&format!("{base}/{pending}"), &approve, &[])
        .await
        .expect_redirect();
    assert_eq!(membership(&app, &ana, pending).await["status"], "active");
}
