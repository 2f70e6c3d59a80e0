//! Membership types, applications, decisions, lists, the member's own list and the directory.

use serde_json::{json, Value};

use crate::helpers::{plus_months, spawn_app, today, TestApp, User};

fn yearly_person_type() -> Value {
    json!({"name": {"en": "Individual member", "sr-Latn": "Individualni član"},
           "member_kind": "person", "duration_months": 12, "annual_fee": "25.50", "currency": "eur"})
}

fn yearly_org_type() -> Value {
    json!({"name": {"en": "Member organisation"}, "member_kind": "organisation", "duration_months": 12})
}

/// A host with a yearly person type; returns (owner, type id).
async fn host_with_type(app: &TestApp, slug: &str) -> (User, i64) {
    let owner = app.host(slug).await;
    let type_id = app
        .membership_type(&owner, slug, yearly_person_type())
        .await;
    (owner, type_id)
}

async fn add_staff(app: &TestApp, owner: &User, host: &str, email: &str, role: &str) {
    app.post(
        &format!("/api/v1/organisations/{host}/staff"),
        Some(&owner.token),
        json!({"email": email, "role": role}),
    )
    .await
    .expect(201);
}

#[tokio::test]
async fn owners_manage_membership_types() {
    let app = spawn_app().await;
    let owner = app.host("kc-ns").await;
    let organiser = app.verified_user("org@example.org", "Organiser").await;
    add_staff(&app, &owner, "kc-ns", &organiser.email, "organiser").await;
    let url = "/api/v1/organisations/kc-ns/membership-types";

    let created = app
        .post(url, Some(&owner.token), yearly_person_type())
        .await
        .expect(201)
        .body;
    assert_eq!(created["annual_fee"], "25.50");
    assert_eq!(created["currency"], "EUR");
    assert_eq!(created["requires_approval"], true);
    assert_eq!(created["active"], true);
    let id = created["id"].as_i64().unwrap();
    app.post(url, Some(&organiser.token), yearly_person_type())
        .await
        .expect_problem(403);
    let bad = app
        .post(
            url,
            Some(&owner.token),
            json!({"name": {}, "member_kind": "robot", "duration_months": 0, "annual_fee": 10}),
        )
        .await
        .expect_problem(422);
    for field in ["name", "member_kind", "duration_months", "currency"] {
        assert!(
            bad.body["errors"][field].is_array(),
            "{field}: {}",
            bad.text
        );
    }
    app.post(
        url,
        Some(&owner.token),
        json!({"name": {"en": "x"}, "member_kind": "person", "status": "active"}),
    )
    .await
    .expect_problem(422);

    // Retired types disappear for applicants but not for staff.
    let retired = app
        .patch(
            &format!("{url}/{id}"),
            Some(&owner.token),
            json!({"active": false, "annual_fee": null, "currency": null, "duration_months": null}),
        )
        .await
        .expect(200)
        .body;
    assert!(retired["annual_fee"].is_null());
    assert!(retired["duration_months"].is_null());
    let public = app.get(url, None).await.expect(200).body;
    assert_eq!(public.as_array().unwrap().len(), 0);
    let staff_view = app.get(url, Some(&organiser.token)).await.expect(200).body;
    assert_eq!(staff_view.as_array().unwrap().len(), 1);
    app.patch(
        &format!("{url}/{id}"),
        Some(&owner.token),
        json!({"annual_fee": "5"}),
    )
    .await
    .expect_problem(422);
    app.patch(
        &format!("{url}/{id}"),
        Some(&owner.token),
        json!({"member_kind": "organisation"}),
    )
    .await
    .expect_problem(422);

    // Another host's owner cannot touch this host's types, even by id.
    let other = app.host("other").await;
    app.patch(
        &format!("{url}/{id}"),
        Some(&other.token),
        json!({"active": true}),
    )
    .await
    .expect_problem(403);
    app.patch(
        &format!("/api/v1/organisations/other/membership-types/{id}"),
        Some(&other.token),
        json!({"active": true}),
    )
    .await
    .expect_problem(404);
}

#[tokio::test]
async fn a_person_applies_is_approved_renews_and_cancels() {
    let app = spawn_app().await;
    let (owner, type_id) = host_with_type(&app, "kc-ns").await;
    let organiser = app.verified_user("org@example.org", "Organiser").await;
    add_staff(&app, &owner, "kc-ns", &organiser.email, "organiser").await;
    let ana = app.verified_user("ana@example.org", "Ana Petrović").await;

    let applied = app
        .apply(&ana, "kc-ns", json!({"type_id": type_id, "note": "Hello"}))
        .await
        .expect(201)
        .body;
    let id = applied["id"].as_i64().unwrap();
    assert_eq!(applied["status"], "pending");
    assert_eq!(applied["member"]["kind"], "person");
    assert_eq!(applied["member"]["email"], "ana@example.org");
    assert_eq!(applied["directory_visible"], false);
    assert!(applied["ends_on"].is_null());
    assert_eq!(
        app.queued_to("membership_application_received", &ana.email)
            .await
            .len(),
        1
    );
    let to_owner = app
        .queued_to("membership_new_application", &owner.email)
        .await;
    assert_eq!(to_owner.len(), 1);
    assert_eq!(to_owner[0].data["member"], "Ana Petrović");
    assert!(app
        .queued_to("membership_new_application", &organiser.email)
        .await
        .is_empty());

    let twice = app
        .apply(&ana, "kc-ns", json!({"type_id": type_id}))
        .await
        .expect_problem(409);
    assert_eq!(twice.body["code"], "membership_exists");
    assert_eq!(twice.body["existing"]["id"], id);

    // The member cannot decide on their own application.
    app.act(&ana, id, json!({"action": "approve"}))
        .await
        .expect_problem(403);
    // Nothing to renew or cancel yet.
    let early = app
        .act(&organiser, id, json!({"action": "renew"}))
        .await
        .expect_problem(409);
    assert_eq!(early.body["existing"]["status"], "pending");
    app.act(&ana, id, json!({"action": "cancel"}))
        .await
        .expect_problem(409);

    let approved = app
        .act(&organiser, id, json!({"action": "approve"}))
        .await
        .expect(200)
        .body;
    assert_eq!(approved["status"], "active");
    let start = today();
    assert_eq!(approved["starts_on"], start.to_string());
    let end = plus_months(start, 12);
    assert_eq!(approved["ends_on"], end.to_string());
    let approved_mail = app.queued_to("membership_approved", &ana.email).await;
    assert_eq!(approved_mail.len(), 1);
    assert_eq!(approved_mail[0].data["until"], end.to_string());
    let again = app
        .act(&organiser, id, json!({"action": "approve"}))
        .await
        .expect_problem(409);
    assert_eq!(again.body["code"], "invalid_transition");
    assert_eq!(again.body["existing"]["status"], "active");
    app.act(&owner, id, json!({"action": "reject"}))
        .await
        .expect_problem(409);

    // Renewing an active membership extends it from its current end.
    let renewed = app
        .act(&ana, id, json!({"action": "renew"}))
        .await
        .expect(200)
        .body;
    assert_eq!(renewed["ends_on"], plus_months(end, 12).to_string());
    assert_eq!(renewed["starts_on"], start.to_string());
    assert_eq!(
        app.queued_to("membership_renewed", &ana.email).await.len(),
        1
    );

    let cancelled = app
        .act(
            &ana,
            id,
            json!({"action": "cancel", "reason": "moving abroad"}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(cancelled["status"], "cancelled");
    let after = app
        .act(&ana, id, json!({"action": "renew"}))
        .await
        .expect_problem(409);
    assert_eq!(after.body["existing"]["status"], "cancelled");
    // A cancelled membership is no longer live: the person may apply again.
    app.apply(&ana, "kc-ns", json!({"type_id": type_id}))
        .await
        .expect(201);

    let bad = app
        .act(&organiser, id, json!({"action": "promote"}))
        .await
        .expect_problem(422);
    assert!(bad.body["errors"]["action"].is_array());
    app.act(&organiser, id, json!({})).await.expect_problem(422);
    app.act(
        &organiser,
        id,
        json!({"action": "renew", "status": "active"}),
    )
    .await
    .expect_problem(422);
    app.act(&organiser, 999_999, json!({"action": "renew"}))
        .await
        .expect_problem(404);
}

#[tokio::test]
async fn rejections_carry_their_reason() {
    let app = spawn_app().await;
    let (owner, type_id) = host_with_type(&app, "kc-ns").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let id = app
        .apply(&ana, "kc-ns", json!({"type_id": type_id}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let rejected = app
        .act(
            &owner,
            id,
            json!({"action": "reject", "reason": "Only for residents of Novi Sad"}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(
        rejected["decision_reason"],
        "Only for residents of Novi Sad"
    );
    let mail = app.queued_to("membership_rejected", &ana.email).await;
    assert_eq!(mail[0].data["reason"], "Only for residents of Novi Sad");
    let email = app.wait_for_email(&ana.email, "Only for residents").await;
    assert!(email.subject.contains("Host kc-ns"), "{}", email.subject);
    for action in ["approve", "renew", "cancel"] {
        let reply = app
            .act(&owner, id, json!({"action": action}))
            .await
            .expect_problem(409);
        assert_eq!(reply.body["existing"]["status"], "rejected");
    }
}

#[tokio::test]
async fn types_without_approval_activate_at_once_and_lifetime_ones_do_not_renew() {
    let app = spawn_app().await;
    let owner = app.host("kc-ns").await;
    let lifetime = app
        .membership_type(
            &owner,
            "kc-ns",
            json!({"name": {"en": "Friend"}, "member_kind": "person", "requires_approval": false}),
        )
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let m = app
        .apply(
            &ana,
            "kc-ns",
            json!({"type_id": lifetime, "directory_visible": true}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(m["status"], "active");
    assert_eq!(m["starts_on"], today().to_string());
    assert!(m["ends_on"].is_null());
    assert_eq!(m["directory_visible"], true);
    assert_eq!(
        app.queued_to("membership_approved", &ana.email).await.len(),
        1
    );
    let to_owner = app
        .queued_to("membership_new_application", &owner.email)
        .await;
    assert_eq!(to_owner[0].data["status"], "active");
    let email = app
        .wait_for_email(&owner.email, "New membership application")
        .await;
    assert!(email.text.contains("Ana"), "{}", email.text);
    let renew = app
        .act(&ana, m["id"].as_i64().unwrap(), json!({"action": "renew"}))
        .await
        .expect_problem(409);
    assert_eq!(renew.body["code"], "lifetime_membership");
}

#[tokio::test]
async fn applications_are_checked() {
    let app = spawn_app().await;
    let (owner, type_id) = host_with_type(&app, "kc-ns").await;
    let org_type = app
        .membership_type(&owner, "kc-ns", yearly_org_type())
        .await;
    let other = app.host("other").await;
    let other_type = app
        .membership_type(&other, "other", yearly_person_type())
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let unverified = app.unverified_user("new@example.org", "New").await;

    app.apply(&unverified, "kc-ns", json!({"type_id": type_id}))
        .await
        .expect_problem(403);
    let wrong_host = app
        .apply(&ana, "kc-ns", json!({"type_id": other_type}))
        .await
        .expect_problem(422);
    assert!(wrong_host.body["errors"]["type_id"].is_array());
    let needs_org = app
        .apply(&ana, "kc-ns", json!({"type_id": org_type}))
        .await
        .expect_problem(422);
    assert!(needs_org.body["errors"]["organisation_slug"].is_array());
    app.apply(
        &ana,
        "kc-ns",
        json!({"type_id": type_id, "organisation_slug": "other"}),
    )
    .await
    .expect_problem(422);
    app.apply(
        &ana,
        "kc-ns",
        json!({"type_id": org_type, "organisation_slug": "Not A Slug"}),
    )
    .await
    .expect_problem(422);
    // Ana does not represent the other host.
    app.apply(
        &ana,
        "kc-ns",
        json!({"type_id": org_type, "organisation_slug": "other"}),
    )
    .await
    .expect_problem(403);
    app.apply(&ana, "nowhere", json!({"type_id": type_id}))
        .await
        .expect_problem(404);
    app.apply(
        &ana,
        "kc-ns",
        json!({"type_id": type_id, "status": "active"}),
    )
    .await
    .expect_problem(422);
    app.patch(
        &format!("/api/v1/organisations/kc-ns/membership-types/{type_id}"),
        Some(&owner.token),
        json!({"active": false}),
    )
    .await
    .expect(200);
    app.apply(&ana, "kc-ns", json!({"type_id": type_id}))
        .await
        .expect_problem(422);
    // Only hosts take members.
    app.post(
        "/api/v1/organisations",
        Some(&ana.token),
        json!({"slug": "grupa", "name": "Grupa", "kind": "informal_group", "country": "RS"}),
    )
    .await
    .expect(201);
    let not_host = app
        .apply(&ana, "grupa", json!({"type_id": type_id}))
        .await
        .expect_problem(409);
    assert_eq!(not_host.body["code"], "not_a_host");
}

#[tokio::test]
async fn organisations_join_and_their_representatives_count_as_members() {
    let app = spawn_app().await;
    let (owner, person_type) = host_with_type(&app, "mreza").await;
    let org_type = app
        .membership_type(&owner, "mreza", yearly_org_type())
        .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let boris = app.verified_user("boris@example.org", "Boris").await;
    let outsider = app.verified_user("out@example.org", "Out").await;
    // Ana creates her university when applying for it, and adds Boris as a representative.
    app.post(
        "/api/v1/organisations",
        Some(&ana.token),
        json!({"slug": "uni-ns", "name": "Univerzitet u Novom Sadu", "kind": "university",
               "country": "RS", "city": "Novi Sad", "email": "info@uns.example.org"}),
    )
    .await
    .expect(201);
    app.post(
        "/api/v1/organisations/uni-ns/representatives",
        Some(&ana.token),
        json!({"email": boris.email}),
    )
    .await
    .expect(201);
    app.apply(
        &outsider,
        "mreza",
        json!({"type_id": org_type, "organisation_slug": "uni-ns"}),
    )
    .await
    .expect_problem(403);
    app.apply(
        &ana,
        "mreza",
        json!({"type_id": person_type, "organisation_slug": "uni-ns"}),
    )
    .await
    .expect_problem(422);
    let m = app
        .apply(
            &ana,
            "mreza",
            json!({"type_id": org_type, "organisation_slug": "uni-ns"}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(m["member"]["kind"], "organisation");
    assert_eq!(m["member"]["slug"], "uni-ns");
    assert_eq!(m["directory_visible"], true);
    let id = m["id"].as_i64().unwrap();
    let dup = app
        .apply(
            &boris,
            "mreza",
            json!({"type_id": org_type, "organisation_slug": "uni-ns"}),
        )
        .await
        .expect_problem(409);
    assert_eq!(dup.body["code"], "membership_exists");

    // Not a member yet: the directory is closed.
    let directory = "/api/v1/organisations/mreza/directory";
    app.get(directory, Some(&boris.token))
        .await
        .expect_problem(403);
    app.get(directory, None).await.expect_problem(401);
    app.act(&owner, id, json!({"action": "approve"}))
        .await
        .expect(200);
    // Both representatives hear about it, each once.
    let approved = app.queued("membership_approved").await;
    let mut recipients: Vec<&str> = approved.iter().map(|q| q.recipient.as_str()).collect();
    recipients.sort_unstable();
    assert_eq!(recipients, ["ana@example.org", "boris@example.org"]);

    // Representatives of a member organisation count as members: they see the directory.
    let listed = app
        .get(directory, Some(&boris.token))
        .await
        .expect(200)
        .body;
    assert_eq!(listed["total"], 1);
    let entry = &listed["items"][0];
    assert_eq!(entry["kind"], "organisation");
    assert_eq!(entry["slug"], "uni-ns");
    assert_eq!(entry["city"], "Novi Sad");
    assert_eq!(entry["membership_type"]["en"], "Member organisation");
    app.get(directory, Some(&outsider.token))
        .await
        .expect_problem(403);

    // A person member is hidden until they opt in, and never shows an email.
    let carla = app.verified_user("carla@example.org", "Carla").await;
    let person_m = app
        .apply(&carla, "mreza", json!({"type_id": person_type}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    app.act(&owner, person_m, json!({"action": "approve"}))
        .await
        .expect(200);
    let before = app
        .get(directory, Some(&carla.token))
        .await
        .expect(200)
        .body;
    assert_eq!(before["total"], 1);
    app.act(&owner, person_m, json!({"directory_visible": true}))
        .await
        .expect_problem(403);
    let opted = app
        .act(&carla, person_m, json!({"directory_visible": true}))
        .await
        .expect(200)
        .body;
    assert_eq!(opted["directory_visible"], true);
    let after = app.get(directory, Some(&ana.token)).await.expect(200);
    assert_eq!(after.body["total"], 2);
    let names: Vec<&str> = after.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Carla", "Univerzitet u Novom Sadu"]);
    assert!(!after.text.contains("@example.org"), "{}", after.text);
    // The owner (staff) sees the directory too.
    app.get(directory, Some(&owner.token)).await.expect(200);

    // Each member sees what they hold, including through organisations.
    let mine = app
        .get("/api/v1/me/memberships", Some(&boris.token))
        .await
        .expect(200)
        .body;
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["items"][0]["member"]["slug"], "uni-ns");
    assert_eq!(mine["items"][0]["host"]["slug"], "mreza");
    let carla_mine = app
        .get("/api/v1/me/memberships", Some(&carla.token))
        .await
        .expect(200)
        .body;
    assert_eq!(carla_mine["total"], 1);
    assert_eq!(carla_mine["items"][0]["member"]["kind"], "person");
    let none = app
        .get("/api/v1/me/memberships", Some(&outsider.token))
        .await
        .expect(200)
        .body;
    assert_eq!(none["total"], 0);
    app.get("/api/v1/me/memberships", None)
        .await
        .expect_problem(401);

    // A representative may renew or cancel the organisation's membership.
    app.act(&boris, id, json!({"action": "cancel"}))
        .await
        .expect(200);
}

#[tokio::test]
async fn staff_and_members_see_only_their_own() {
    let app = spawn_app().await;
    let (owner_x, type_x) = host_with_type(&app, "host-x").await;
    let (owner_y, _) = host_with_type(&app, "host-y").await;
    let organiser_y = app.verified_user("org-y@example.org", "Organiser Y").await;
    add_staff(&app, &owner_y, "host-y", &organiser_y.email, "organiser").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let boris = app.verified_user("boris@example.org", "Boris").await;
    let id = app
        .apply(&ana, "host-x", json!({"type_id": type_x}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();

    // Staff of host Y neither list nor see nor change host X's memberships.
    app.get(
        "/api/v1/organisations/host-x/memberships",
        Some(&owner_y.token),
    )
    .await
    .expect_problem(403);
    for user in [&owner_y, &organiser_y, &boris] {
        app.get(&format!("/api/v1/memberships/{id}"), Some(&user.token))
            .await
            .expect_problem(404);
        app.act(user, id, json!({"action": "approve"}))
            .await
            .expect_problem(404);
        app.act(user, id, json!({"action": "cancel"}))
            .await
            .expect_problem(404);
    }
    // Another member gets the same answer as for a membership that does not exist.
    let missing = app
        .get("/api/v1/memberships/999999", Some(&boris.token))
        .await
        .expect_problem(404);
    let hidden = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&boris.token))
        .await
        .expect_problem(404);
    assert_eq!(missing.body["detail"], hidden.body["detail"]);
    app.get("/api/v1/organisations/host-x/memberships", Some(&ana.token))
        .await
        .expect_problem(403);
    app.get(&format!("/api/v1/memberships/{id}"), None)
        .await
        .expect_problem(401);
    app.get("/api/v1/memberships/abc", Some(&ana.token))
        .await
        .expect_problem(404);

    let own = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(own["status"], "pending");
    app.get(&format!("/api/v1/memberships/{id}"), Some(&owner_x.token))
        .await
        .expect(200);
}

#[tokio::test]
async fn staff_filter_page_and_export_memberships() {
    let app = spawn_app().await;
    let (owner, person_type) = host_with_type(&app, "kc-ns").await;
    let org_type = app
        .membership_type(&owner, "kc-ns", yearly_org_type())
        .await;
    let organiser = app.verified_user("org@example.org", "Organiser").await;
    add_staff(&app, &owner, "kc-ns", &organiser.email, "organiser").await;

    let ana = app.verified_user("ana@example.org", "Ana Petrović").await;
    app.patch("/api/v1/me", Some(&ana.token), json!({"country": "HR"}))
        .await
        .expect(200);
    let boris = app.verified_user("boris@example.org", "Boris").await;
    let carla = app
        .verified_user("carla@example.org", "=Carla, \"the\" Great")
        .await;
    let ana_id = app
        .apply(&ana, "kc-ns", json!({"type_id": person_type}))
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    app.act(&organiser, ana_id, json!({"action": "approve"}))
        .await
        .expect(200);
    app.apply(
        &boris,
        "kc-ns",
        json!({"type_id": person_type, "note": "line one\nline two"}),
    )
    .await
    .expect(201);
    app.apply(&carla, "kc-ns", json!({"type_id": person_type}))
        .await
        .expect(201);
    app.post(
        "/api/v1/organisations",
        Some(&boris.token),
        json!({"slug": "udruzenje", "name": "Udruženje građana", "kind": "association", "country": "BA"}),
    )
    .await
    .expect(201);
    app.apply(
        &boris,
        "kc-ns",
        json!({"type_id": org_type, "organisation_slug": "udruzenje"}),
    )
    .await
    .expect(201);

    let url = "/api/v1/organisations/kc-ns/memberships";
    let total = |reply: &Value| reply["total"].as_i64().unwrap();
    let list = |query: &str| {
        let path = format!("{url}?{query}");
        let token = organiser.token.clone();
        let app = &app;
        async move { app.get(&path, Some(&token)).await.expect(200).body }
    };
    assert_eq!(total(&list("").await), 4);
    assert_eq!(total(&list("status=pending").await), 3);
    assert_eq!(total(&list("status=active").await), 1);
    assert_eq!(total(&list("member_kind=organisation").await), 1);
    assert_eq!(total(&list("member_kind=person&status=pending").await), 2);
    assert_eq!(total(&list(&format!("type={org_type}")).await), 1);
    assert_eq!(total(&list("country=hr").await), 1);
    assert_eq!(total(&list("country=BA").await), 1);
    assert_eq!(total(&list("q=petrov").await), 1);
    assert_eq!(
        total(&list("q=GRAĐANA").await) + total(&list("q=udruz").await),
        2
    );
    assert_eq!(total(&list("q=boris%40example").await), 1);
    let end = plus_months(today(), 12);
    let after_end = end.succ_opt().unwrap();
    assert_eq!(
        total(&list(&format!("expires_before={after_end}")).await),
        1
    );
    assert_eq!(total(&list(&format!("expires_before={end}")).await), 0);
    let paged = list("per_page=3&page=2").await;
    assert_eq!(total(&paged), 4);
    assert_eq!(paged["items"].as_array().unwrap().len(), 1);
    assert_eq!(paged["items"][0]["member"]["kind"], "organisation");
    for bad in [
        "status=lapsed",
        "member_kind=robot",
        "country=XX",
        "expires_before=next-week",
        "format=xml",
        "type=abc",
        "sort=name",
    ] {
        app.get(&format!("{url}?{bad}"), Some(&organiser.token))
            .await
            .expect_problem(422);
    }

    let csv = app
        .get(
            &format!("{url}?format=csv&status=pending"),
            Some(&owner.token),
        )
        .await
        .expect(200);
    assert!(
        csv.content_type().starts_with("text/csv"),
        "{}",
        csv.content_type()
    );
    assert!(csv.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("kc-ns-memberships.csv"));
    assert!(csv.text.starts_with('\u{feff}'));
    let header = csv.text.lines().next().unwrap();
    assert!(header.ends_with(
        "id,status,member_kind,member,slug,email,country,membership_type,starts_on,ends_on,applied_at,note"
    ));
    // 3 pending rows; Boris's note spans two lines inside quotes.
    assert_eq!(csv.text.matches("\r\n").count(), 4, "{}", csv.text);
    assert!(csv.text.contains("\"line one\nline two\""), "{}", csv.text);
    // A name that looks like a formula is defused, and quotes are doubled.
    assert!(
        csv.text.contains("\"'=Carla, \"\"the\"\" Great\""),
        "{}",
        csv.text
    );
    assert!(csv.text.contains("Udruženje građana"));
    assert!(csv.text.contains("Individual member"));
}
