//! Every search and text filter folds case in every alphabet, diacritics and the Serbian
//! scripts, the same way on SQLite and PostgreSQL.

use serde_json::{json, Value};

use crate::event_fixtures::{cast, event_body, with};
use crate::helpers::{spawn_app, TestApp};

fn total(body: &Value) -> i64 {
    body["total"].as_i64().unwrap()
}

fn slugs(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["slug"].as_str().unwrap().to_owned())
        .collect()
}

async fn get(app: &TestApp, path: &str, token: Option<&str>) -> Value {
    app.get(path, token).await.expect(200).body
}

#[tokio::test]
async fn organisations_are_found_in_any_case_script_and_without_diacritics() {
    let app = spawn_app().await;
    let admin = app.admin("admin@example.org").await;
    for (slug, name) in [
        ("nkss", "Асоцијација Независна културна сцена Србије"),
        ("kc-sabac", "Kulturni centar Šabac"),
        ("qendra-tirane", "Qendra Kulturore Tiranë"),
        ("ateneul", "Ateneul din Timișoara"),
    ] {
        app.post(
            "/api/v1/organisations",
            Some(&admin.token),
            json!({"slug": slug, "name": name, "kind": "association", "country": "RS"}),
        )
        .await
        .expect(201);
    }
    let found = |q: &'static str| {
        let app = &app;
        async move { slugs(&get(app, &format!("/api/v1/organisations?q={q}"), None).await) }
    };
    for q in [
        "Независна",
        "НЕЗАВИСНА",
        "независна",
        "Асоцијација",
        "nezavisna",
        "Nezavisna%20kulturna",
        "SCENA%20SRBIJE",
    ] {
        assert_eq!(found(q).await, ["nkss"], "q={q}");
    }
    for q in ["sabac", "ŠABAC", "Шабац", "šabac"] {
        assert_eq!(found(q).await, ["kc-sabac"], "q={q}");
    }
    for q in ["tirane", "TIRANË", "Тиране"] {
        assert_eq!(found(q).await, ["qendra-tirane"], "q={q}");
    }
    assert_eq!(found("timisoara").await, ["ateneul"]);
    // The slug still counts, and wildcards are text.
    assert_eq!(found("kc-sab").await, ["kc-sabac"]);
    assert!(found("%25").await.is_empty());

    // A new name is found at once, the old one no longer.
    app.patch(
        "/api/v1/organisations/kc-sabac",
        Some(&admin.token),
        json!({"name": "Kulturni centar Čačak"}),
    )
    .await
    .expect(200);
    assert_eq!(found("cacak").await, ["kc-sabac"]);
    assert_eq!(found("ЧАЧАК").await, ["kc-sabac"]);
    assert!(found("centar%20Šabac").await.is_empty());
}

#[tokio::test]
async fn the_city_filter_and_event_search_fold_the_same_way() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let o = &c.organiser;
    for (title, city) in [
        ("Radionica u Šapcu", "Šabac"),
        ("Punëtori në Tiranë", "Tiranë"),
        ("Семинар у Чачку", "Чачак"),
    ] {
        app.published_event(
            o,
            with(event_body("kc-novi-sad", title), json!({"city": city})),
        )
        .await;
    }
    let count = |q: &'static str| {
        let app = &app;
        async move { total(&get(app, &format!("/api/v1/events?{q}"), None).await) }
    };
    for q in [
        "city=Šabac",
        "city=ŠABAC",
        "city=sabac",
        "city=%C5%A1abac",
        "city=Шабац",
    ] {
        assert_eq!(count(q).await, 1, "{q}");
    }
    for q in ["city=tirane", "city=TIRANË", "city=Tiranë"] {
        assert_eq!(count(q).await, 1, "{q}");
    }
    for q in ["city=cacak", "city=Čačak", "city=ЧАЧАК"] {
        assert_eq!(count(q).await, 1, "{q}");
    }
    // A city filter is the whole name, not a part of it.
    assert_eq!(count("city=saba").await, 0);
    for q in [
        "q=SAPCU",
        "q=шапцу",
        "q=punetori",
        "q=TIRANE",
        "q=seminar%20u%20cacku",
    ] {
        assert_eq!(count(q).await, 1, "{q}");
    }

    // Moving an event moves it between cities.
    let id = get(&app, "/api/v1/events?city=sabac", None).await["items"][0]["id"]
        .as_i64()
        .unwrap();
    app.patch(
        &format!("/api/v1/events/{id}"),
        Some(&o.token),
        json!({"city": "Čačak"}),
    )
    .await
    .expect(200);
    assert_eq!(count("city=sabac").await, 0);
    assert_eq!(count("city=cacak").await, 2);
}

#[tokio::test]
async fn member_lists_and_rosters_are_searched_in_both_scripts() {
    let app = spawn_app().await;
    let owner = app.host("kc-ns").await;
    let type_id = app
        .post(
            "/api/v1/organisations/kc-ns/membership-types",
            Some(&owner.token),
            json!({"name": {"en": "Member"}, "member_kind": "person", "duration_months": 12}),
        )
        .await
        .expect(201)
        .body["id"]
        .as_i64()
        .unwrap();
    let jelena = app
        .verified_user("jelena@example.org", "Јелена Ђорђевић")
        .await;
    let zoran = app.verified_user("zoran@example.org", "Zoran Šišić").await;
    for user in [&jelena, &zoran] {
        app.apply(user, "kc-ns", json!({"type_id": type_id}))
            .await
            .expect(201);
    }
    let members = |q: &'static str| {
        let (app, token) = (&app, owner.token.clone());
        async move {
            let path = format!("/api/v1/organisations/kc-ns/memberships?q={q}");
            total(&get(app, &path, Some(&token)).await)
        }
    };
    for q in ["ЂОРЂЕВИЋ", "ђорђевић", "Đorđević", "djordjevic", "jelena"] {
        assert_eq!(members(q).await, 1, "q={q}");
    }
    for q in ["sisic", "ШИШИЋ", "ŠIŠIĆ"] {
        assert_eq!(members(q).await, 1, "q={q}");
    }
    // A renamed person is found under the new name.
    app.patch(
        "/api/v1/me",
        Some(&zoran.token),
        json!({"full_name": "Zoran Čolić"}),
    )
    .await
    .expect(200);
    assert_eq!(members("colic").await, 1);
    assert_eq!(members("sisic").await, 0);

    // The roster of an event searches its people the same way.
    let org = app
        .organisation_named("kc-roster", "Roster host", true)
        .await;
    app.staff(org, owner.id, "organiser").await;
    let event = app
        .published_event(&owner, event_body("kc-roster", "Roster"))
        .await["id"]
        .as_i64()
        .unwrap();
    for user in [&jelena, &zoran] {
        app.post(
            &format!("/api/v1/events/{event}/registrations"),
            Some(&user.token),
            json!({}),
        )
        .await
        .expect(201);
    }
    let roster = |q: &'static str| {
        let (app, token) = (&app, owner.token.clone());
        async move {
            let path = format!("/api/v1/events/{event}/registrations?q={q}");
            total(&get(app, &path, Some(&token)).await)
        }
    };
    for q in ["djordjevic", "ЂОРЂЕВИЋ", "ČOLIĆ", "Чолић"] {
        assert_eq!(roster(q).await, 1, "q={q}");
    }
}

#[tokio::test]
async fn stored_folds_are_rewritten_when_they_are_stale() {
    let app = spawn_app().await;
    let admin = app.admin("admin@example.org").await;
    app.post(
        "/api/v1/organisations",
        Some(&admin.token),
        json!({"slug": "nkss", "name": "Независна сцена", "kind": "association", "country": "RS"}),
    )
    .await
    .expect(201);
    // As the rows stood before the migration that added the folded columns.
    let refolded = app
        .with_conn(|conn| {
            use diesel::prelude::*;
            use kolo::db::schema::{organisations, people};
            diesel::update(organisations::table)
                .set(organisations::search_text.eq(""))
                .execute(conn)
                .unwrap();
            diesel::update(people::table)
                .set(people::search_text.eq(""))
                .execute(conn)
                .unwrap();
            diesel::sql_query("UPDATE search_fold SET version = 0")
                .execute(conn)
                .unwrap();
            kolo::db::migrate(conn).unwrap();
            kolo::db::refold::refold_if_stale(conn).unwrap()
        })
        .await;
    assert_eq!(refolded, None, "migrate rewrote them already");
    let found = get(&app, "/api/v1/organisations?q=nezavisna", None).await;
    assert_eq!(slugs(&found), ["nkss"]);
}
