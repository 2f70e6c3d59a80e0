//! Organisations, staff roles and representatives.

use serde_json::json;

use crate::helpers::spawn_app;

fn org(slug: &str, kind: &str, country: &str) -> serde_json::Value {
    json!({"slug": slug, "name": format!("Org {slug}"), "kind": kind, "country": country})
}

#[tokio::test]
async fn who_may_create_organisations() {
    let app = spawn_app().await;
    let admin = app.admin("admin@example.org").await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let unverified = app.unverified_user("new@example.org", "New").await;

    app.post("/api/v1/organisations", None, org("x-org", "company", "RS"))
        .await
        .expect_problem(401);
    // A verified person creates a member organisation and becomes its first representative.
    let created = app
        .post(
            "/api/v1/organisations",
            Some(&ana.token),
            json!({"slug": "uni-ns", "name": "Univerzitet u Novom Sadu", "kind": "university",
                   "country": "rs", "city": "Novi Sad", "website": "https://uns.example.org",
                   "email": "Info@UNS.example.org",
                   "description": {"en": "A university", "sr-latn": "Univerzitet"}}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(created["country"], "RS");
    assert_eq!(created["hosts_events"], false);
    assert_eq!(created["email"], "info@uns.example.org");
    assert_eq!(created["description"]["sr-Latn"], "Univerzitet");
    let reps = app
        .get(
            "/api/v1/organisations/uni-ns/representatives",
            Some(&ana.token),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(reps.as_array().unwrap().len(), 1);
    assert_eq!(reps[0]["email"], "ana@example.org");

    // Only a platform admin creates hosts; the admin becomes the first owner.
    let mut host = org("kc-ns", "cultural_centre", "RS");
    host["hosts_events"] = json!(true);
    app.post("/api/v1/organisations", Some(&ana.token), host.clone())
        .await
        .expect_problem(403);
    app.post("/api/v1/organisations", Some(&admin.token), host)
        .await
        .expect(201);
    let staff = app
        .get("/api/v1/organisations/kc-ns/staff", Some(&admin.token))
        .await
        .expect(200)
        .body;
    assert_eq!(staff[0]["role"], "owner");
    assert_eq!(staff[0]["person_id"], admin.id);

    app.post(
        "/api/v1/organisations",
        Some(&unverified.token),
        org("unverified-org", "other", "RS"),
    )
    .await
    .expect_problem(403);
    let taken = app
        .post(
            "/api/v1/organisations",
            Some(&ana.token),
            org("uni-ns", "other", "HR"),
        )
        .await
        .expect_problem(409);
    assert_eq!(taken.body["code"], "slug_taken");
}

#[tokio::test]
async fn organisation_input_is_validated() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let bad = app
        .post(
            "/api/v1/organisations",
            Some(&ana.token),
            json!({"slug": "Bad Slug", "name": "", "kind": "club", "country": "YU",
                   "website": "uns.example.org", "description": {"de": "Hallo"}}),
        )
        .await
        .expect_problem(422);
    let errors = bad.body["errors"].as_object().unwrap();
    for field in ["slug", "name", "kind", "country", "website", "description"] {
        assert!(errors.contains_key(field), "{field} missing in {errors:?}");
    }
    assert!(bad.body["errors"]["kind"][0]
        .as_str()
        .unwrap()
        .contains("cultural_centre"));
    // A client cannot slip in fields it may not set.
    let mut sneaky = org("sneaky", "other", "RS");
    sneaky["id"] = json!(1);
    let unknown = app
        .post("/api/v1/organisations", Some(&ana.token), sneaky)
        .await
        .expect_problem(422);
    assert!(unknown.body["errors"]["id"].is_array(), "{}", unknown.text);
}

#[tokio::test]
async fn organisations_are_listed_filtered_and_paged() {
    let app = spawn_app().await;
    let admin = app.admin("admin@example.org").await;
    for (slug, kind, country) in [
        ("kc-novi-sad", "cultural_centre", "RS"),
        ("uni-zagreb", "university", "HR"),
        ("uni-beograd", "university", "RS"),
        ("mreza-kultura", "network", "BA"),
    ] {
        app.post(
            "/api/v1/organisations",
            Some(&admin.token),
            org(slug, kind, country),
        )
        .await
        .expect(201);
    }
    app.patch(
        "/api/v1/organisations/kc-novi-sad",
        Some(&admin.token),
        json!({"hosts_events": true}),
    )
    .await
    .expect(200);

    let all = app
        .get("/api/v1/organisations", None)
        .await
        .expect(200)
        .body;
    assert_eq!(all["total"], 4);
    let slugs = |body: &serde_json::Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    let universities = app
        .get("/api/v1/organisations?kind=university&country=RS", None)
        .await
        .expect(200)
        .body;
    assert_eq!(slugs(&universities), ["uni-beograd"]);
    let q = app
        .get("/api/v1/organisations?q=ORG%20UNI", None)
        .await
        .expect(200)
        .body;
    assert_eq!(q["total"], 2, "{q}");
    let hosts = app
        .get("/api/v1/organisations?hosts_events=true", None)
        .await
        .expect(200)
        .body;
    assert_eq!(slugs(&hosts), ["kc-novi-sad"]);
    let page = app
        .get("/api/v1/organisations?per_page=3&page=2", None)
        .await
        .expect(200)
        .body;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["total"], 4);
    // A wildcard in q is text, not a pattern.
    let percent = app
        .get("/api/v1/organisations?q=%25", None)
        .await
        .expect(200)
        .body;
    assert_eq!(percent["total"], 0);

    let one = app
        .get("/api/v1/organisations/uni-zagreb", None)
        .await
        .expect(200)
        .body;
    assert_eq!(one["country"], "HR");
    app.get("/api/v1/organisations/nope", None)
        .await
        .expect_problem(404);
    for bad in ["kind=club", "country=XX", "per_page=500", "colour=red"] {
        app.get(&format!("/api/v1/organisations?{bad}"), None)
            .await
            .expect_problem(422);
    }
}

#[tokio::test]
async fn who_may_change_an_organisation() {
    let app = spawn_app().await;
    let owner = app.host("kc-ns").await;
    let organiser = app.verified_user("org@example.org", "Organiser").await;
    let rep = app.verified_user("rep@example.org", "Rep").await;
    let outsider = app.verified_user("out@example.org", "Out").await;
    app.post(
        "/api/v1/organisations/kc-ns/staff",
        Some(&owner.token),
        json!({"email": organiser.email, "role": "organiser"}),
    )
    .await
    .expect(201);
    app.post(
        "/api/v1/organisations",
        Some(&rep.token),
        json!({"slug": "udruzenje", "name": "Udruženje", "kind": "association", "country": "RS", "city": "Niš"}),
    )
    .await
    .expect(201);

    let host = app
        .patch(
            "/api/v1/organisations/kc-ns",
            Some(&owner.token),
            json!({"name": "Kulturni centar", "website": "https://kc.example.org"}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(host["name"], "Kulturni centar");
    app.patch(
        "/api/v1/organisations/kc-ns",
        Some(&organiser.token),
        json!({"name": "Mine"}),
    )
    .await
    .expect_problem(403);
    app.patch(
        "/api/v1/organisations/kc-ns",
        Some(&rep.token),
        json!({"name": "Mine"}),
    )
    .await
    .expect_problem(403);
    // Only a platform admin flips hosts_events, even for owners.
    app.patch(
        "/api/v1/organisations/kc-ns",
        Some(&owner.token),
        json!({"hosts_events": false}),
    )
    .await
    .expect_problem(403);
    app.patch(
        "/api/v1/organisations/udruzenje",
        Some(&rep.token),
        json!({"hosts_events": true}),
    )
    .await
    .expect_problem(403);

    let member_org = app
        .patch(
            "/api/v1/organisations/udruzenje",
            Some(&rep.token),
            json!({"city": null, "country": "me"}),
        )
        .await
        .expect(200)
        .body;
    assert!(member_org["city"].is_null());
    assert_eq!(member_org["country"], "ME");
    app.patch(
        "/api/v1/organisations/udruzenje",
        Some(&outsider.token),
        json!({"name": "Taken"}),
    )
    .await
    .expect_problem(403);
    app.patch(
        "/api/v1/organisations/udruzenje",
        Some(&rep.token),
        json!({"kind": "club", "status": "x"}),
    )
    .await
    .expect_problem(422);
    app.patch(
        "/api/v1/organisations/missing",
        Some(&rep.token),
        json!({"name": "x"}),
    )
    .await
    .expect_problem(404);
}

#[tokio::test]
async fn owners_manage_staff_and_the_last_owner_stays() {
    let app = spawn_app().await;
    let owner = app.host("kc-ns").await;
    let milica = app.verified_user("milica@example.org", "Milica").await;
    let outsider = app.verified_user("out@example.org", "Out").await;
    let staff_url = "/api/v1/organisations/kc-ns/staff";

    let added = app
        .post(
            staff_url,
            Some(&owner.token),
            json!({"email": "MILICA@example.org", "role": "organiser"}),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(added.as_array().unwrap().len(), 2);
    // Organisers see the staff but do not change it.
    app.get(staff_url, Some(&milica.token)).await.expect(200);
    app.post(
        staff_url,
        Some(&milica.token),
        json!({"email": outsider.email, "role": "owner"}),
    )
    .await
    .expect_problem(403);
    app.get(staff_url, Some(&outsider.token))
        .await
        .expect_problem(403);
    app.post(
        staff_url,
        Some(&owner.token),
        json!({"email": "nobody@example.org", "role": "organiser"}),
    )
    .await
    .expect_problem(422);
    let bad_role = app
        .post(
            staff_url,
            Some(&owner.token),
            json!({"email": outsider.email, "role": "boss"}),
        )
        .await
        .expect_problem(422);
    assert!(bad_role.body["errors"]["role"].is_array());

    // The last owner can be neither removed nor demoted.
    let last = app
        .delete(&format!("{staff_url}/{}", owner.id), Some(&owner.token))
        .await
        .expect_problem(409);
    assert_eq!(last.body["code"], "last_owner");
    app.post(
        staff_url,
        Some(&owner.token),
        json!({"email": owner.email, "role": "organiser"}),
    )
    .await
    .expect_problem(409);

    // Promote Milica (a role change answers 200), then the first owner may leave.
    let promoted = app
        .post(
            staff_url,
            Some(&owner.token),
            json!({"email": milica.email, "role": "owner"}),
        )
        .await
        .expect(200)
        .body;
    assert!(promoted
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["role"] == "owner"));
    // Staff are removed by id or by email.
    app.delete(
        &format!("{staff_url}/{}", owner.email.to_uppercase()),
        Some(&milica.token),
    )
    .await
    .expect(204);
    app.delete(&format!("{staff_url}/{}", owner.id), Some(&milica.token))
        .await
        .expect_problem(404);
    app.delete(
        &format!("{staff_url}/nobody@example.org"),
        Some(&milica.token),
    )
    .await
    .expect_problem(404);
    app.delete(&format!("{staff_url}/{}", milica.id), Some(&milica.token))
        .await
        .expect_problem(409);

    // Staff belong to hosts only; a member organisation's representative has no say either.
    app.post(
        "/api/v1/organisations",
        Some(&outsider.token),
        json!({"slug": "grupa", "name": "Grupa", "kind": "informal_group", "country": "RS"}),
    )
    .await
    .expect(201);
    app.post(
        "/api/v1/organisations/grupa/staff",
        Some(&outsider.token),
        json!({"email": milica.email, "role": "owner"}),
    )
    .await
    .expect_problem(403);
    let admin = app.admin("root@example.org").await;
    let not_host = app
        .post(
            "/api/v1/organisations/grupa/staff",
            Some(&admin.token),
            json!({"email": milica.email, "role": "owner"}),
        )
        .await
        .expect_problem(409);
    assert_eq!(not_host.body["code"], "not_a_host");
}

#[tokio::test]
async fn representatives_add_others_and_the_last_one_stays() {
    let app = spawn_app().await;
    let ana = app.verified_user("ana@example.org", "Ana").await;
    let boris = app.verified_user("boris@example.org", "Boris").await;
    let outsider = app.verified_user("out@example.org", "Out").await;
    app.post(
        "/api/v1/organisations",
        Some(&ana.token),
        json!({"slug": "udruzenje", "name": "Udruženje", "kind": "association", "country": "RS"}),
    )
    .await
    .expect(201);
    let url = "/api/v1/organisations/udruzenje/representatives";
    app.post(url, Some(&outsider.token), json!({"email": outsider.email}))
        .await
        .expect_problem(403);
    app.get(url, Some(&outsider.token))
        .await
        .expect_problem(403);
    let reps = app
        .post(url, Some(&ana.token), json!({"email": boris.email}))
        .await
        .expect(201)
        .body;
    assert_eq!(reps.as_array().unwrap().len(), 2);
    let again = app
        .post(url, Some(&boris.token), json!({"email": ana.email}))
        .await
        .expect_problem(409);
    assert_eq!(again.body["code"], "already_representative");
    app.delete(&format!("{url}/{}", ana.email), Some(&boris.token))
        .await
        .expect(204);
    app.delete(&format!("{url}/{}", ana.id), Some(&boris.token))
        .await
        .expect_problem(404);
    let last = app
        .delete(&format!("{url}/{}", boris.id), Some(&boris.token))
        .await
        .expect_problem(409);
    assert_eq!(last.body["code"], "last_representative");
    // Ana no longer acts for the organisation.
    app.patch(
        "/api/v1/organisations/udruzenje",
        Some(&ana.token),
        json!({"name": "x"}),
    )
    .await
    .expect_problem(403);
}
