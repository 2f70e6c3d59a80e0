//! The organisation page (profile, upcoming events, membership types), applying to join from
//! it as a person or for an organisation, and the embeddable event list.

use serde_json::json;

use crate::event_fixtures::event_body;
use crate::helpers::{spawn_app, TestApp, User};
use crate::web_client::{Browser, WebPage};

/// A browser signed in as `user` (a session row, as the sign-in page makes one).
pub async fn signed_in<'a>(app: &'a TestApp, user: &User) -> Browser<'a> {
    let id = user.id;
    let secret = app
        .with_conn(move |conn| {
            kolo::auth::sessions::create(conn, id, chrono::Duration::days(1), kolo::db::now())
                .unwrap()
        })
        .await;
    let browser = Browser::new(app);
    browser.set_cookie("kolo_session", &secret);
    browser
}

/// Host "kc-ns" with a profile, one published and one draft event, a membership type for
/// people (12 months, a fee, approval) and one for organisations (lifetime, at once).
pub struct Host {
    pub owner: User,
    pub event_id: i64,
    pub person_type: i64,
    pub org_type: i64,
}

pub async fn host(app: &TestApp) -> Host {
    let owner = app.host("kc-ns").await;
    app.patch(
        "/api/v1/organisations/kc-ns",
        Some(&owner.token),
        json!({"name": "Kulturni centar Novi Sad", "city": "Novi Sad",
               "website": "https://kcns.example.org", "email": "office@kcns.example.org",
               "description": {"en": "A cultural centre by the Danube.",
                               "sr-Latn": "Kulturni centar na Dunavu."}}),
    )
    .await
    .expect(200);
    let event = app
        .published_event(
            &owner,
            event_body("kc-ns", "Community archives: a workshop"),
        )
        .await;
    app.create_event(&owner, event_body("kc-ns", "Secret draft"))
        .await;
    let person_type = app
        .membership_type(
            &owner,
            "kc-ns",
            json!({"name": {"en": "Individual member", "sr-Latn": "Individualni član"},
                   "member_kind": "person", "duration_months": 12,
                   "annual_fee": "25.00", "currency": "EUR"}),
        )
        .await;
    let org_type = app
        .membership_type(
            &owner,
            "kc-ns",
            json!({"name": {"en": "Member organisation"}, "member_kind": "organisation",
                   "requires_approval": false}),
        )
        .await;
    Host {
        owner,
        event_id: event["id"].as_i64().unwrap(),
        person_type,
        org_type,
    }
}

#[tokio::test]
async fn the_organisation_page_shows_its_profile_events_and_membership_types() {
    let app = spawn_app().await;
    let h = host(&app).await;
    let browser = Browser::new(&app);
    let page = browser.get("/o/kc-ns").await.expect_html();
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(
        page.contains("<h1>Kulturni centar Novi Sad</h1>"),
        "{}",
        page.body
    );
    for text in [
        "A cultural centre by the Danube.",
        "Novi Sad",
        r#"href="https://kcns.example.org""#,
        r#"href="mailto:office@kcns.example.org""#,
        "RS",
        "Individual member",
        "Member organisation",
        "12 months",
        "25.00 EUR",
        "Lifetime",
        "Approved by the organisers",
        "Active at once",
    ] {
        assert!(page.contains(text), "missing {text:?}:\n{}", page.body);
    }
    let card = format!(
        r#"href="/events/{}/community-archives-a-workshop""#,
        h.event_id
    );
    assert!(page.contains(&card), "{}", page.body);
    assert!(!page.contains("Secret draft"));
    // Signed out: a way to sign in and come back, no form.
    assert!(
        page.contains(r#"href="/signin?next=/o/kc-ns""#)
            || page.contains(r#"href="/signin?next=%2Fo%2Fkc-ns""#),
        "{}",
        page.body
    );
    assert!(!page.contains(r#"action="/o/kc-ns/apply""#));

    // In Serbian the stored Serbian texts, in Cyrillic from Latin, and the page says so.
    let serbian = Browser::speaking(&app, "sr-Cyrl");
    let page = serbian.get("/o/kc-ns").await.expect_html();
    assert!(page.contains(r#"<html lang="sr-Cyrl">"#));
    assert!(page.contains("Културни центар на Дунаву."), "{}", page.body);
    assert!(page.contains("Индивидуални члан"));
    // The workshop has English text only: marked as English.
    assert!(page.contains(r#"lang="en">Community archives: a workshop"#));

    // Not a host, or no such organisation: a 404 page.
    app.organisation("just-a-member", false).await;
    let page = browser.get("/o/just-a-member").await.expect(404);
    assert!(page.content_type.starts_with("text/html"));
    browser.get("/o/no-such-org").await.expect(404);
    browser.get("/o/just-a-member/embed").await.expect(404);
    let _ = h.owner;
}

/// Applies through the page's form; returns the answer.
async fn apply(browser: &Browser<'_>, fields: &[(&str, &str)]) -> WebPage {
    browser.submit("/o/kc-ns", "/o/kc-ns/apply", fields).await
}

fn membership_id(location: &str) -> i64 {
    let rest = location
        .strip_prefix("/memberships/")
        .unwrap_or_else(|| panic!("not a membership page: {location}"));
    assert!(rest.ends_with("?notice=orgs-notice-applied"), "{location}");
    rest.split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_person_applies_for_themself_and_for_the_organisation_they_represent() {
    let app = spawn_app().await;
    let h = host(&app).await;
    let ana = app.verified_user("ana@example.org", "Ana Anić").await;
    let browser = signed_in(&app, &ana).await;

    let page = browser.get("/o/kc-ns").await.expect_html();
    assert!(page.contains(r#"action="/o/kc-ns/apply""#), "{}", page.body);
    assert!(page.contains("Ana Anić"));

    let person_type = h.person_type.to_string();
    let answer = apply(
        &browser,
        &[
            ("type_id", &person_type),
            ("member", ""),
            ("note", "Hello!"),
        ],
    )
    .await;
    let id = membership_id(&answer.expect_redirect());
    let m = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(m["status"], "pending");
    assert_eq!(m["member"]["kind"], "person");
    assert_eq!(m["note"], "Hello!");

    // Again: already applied, said on the page with a link to it.
    let page = apply(&browser, &[("type_id", &person_type), ("note", "Again")])
        .await
        .expect(409);
    assert!(page.contains("already a pending or active membership"));
    assert!(page.contains(&format!(r#"href="/memberships/{id}""#)));
    assert!(page.contains(">Again</textarea>"), "the input is kept");

    // Ana represents an organisation (she creates it, so she is its representative).
    app.post(
        "/api/v1/organisations",
        Some(&ana.token),
        json!({"slug": "udruzenje-ana", "name": "Udruženje Ana", "kind": "association",
               "country": "RS"}),
    )
    .await
    .expect(201);
    let page = browser.get("/o/kc-ns").await.expect_html();
    assert!(
        page.contains(r#"<option value="udruzenje-ana""#),
        "{}",
        page.body
    );
    let represented = kolo::members::organisations::represented(&app.state, ana.id)
        .await
        .unwrap();
    let slugs: Vec<&str> = represented.iter().map(|o| o.slug.as_str()).collect();
    assert_eq!(slugs, ["udruzenje-ana"]);

    // The wrong kind of member for each type, with the choice kept.
    let org_type = h.org_type.to_string();
    let page = apply(
        &browser,
        &[("type_id", &org_type), ("member", ""), ("note", "Us")],
    )
    .await
    .expect(422);
    assert!(
        page.contains("This membership is for organisations"),
        "{}",
        page.body
    );
    assert!(page.contains(&format!(r#"value="{org_type}" checked"#)));
    let page = apply(
        &browser,
        &[("type_id", &person_type), ("member", "udruzenje-ana")],
    )
    .await
    .expect(422);
    assert!(
        page.contains("This membership is for people"),
        "{}",
        page.body
    );
    assert!(page.contains(r#"<option value="udruzenje-ana" selected>"#));
    // No type at all.
    let page = apply(&browser, &[("member", "")]).await.expect(422);
    assert!(page.contains("Choose one of the membership types."));
    assert!(page.contains(r#"role="alert""#));
    // An organisation she does not represent.
    app.organisation("someone-else", false).await;
    let page = apply(
        &browser,
        &[("type_id", &org_type), ("member", "someone-else")],
    )
    .await
    .expect(403);
    assert!(page.contains("Only a representative of that organisation"));

    // For the organisation: active at once (no approval needed).
    let answer = apply(
        &browser,
        &[("type_id", &org_type), ("member", "udruzenje-ana")],
    )
    .await;
    let id = membership_id(&answer.expect_redirect());
    let m = app
        .get(&format!("/api/v1/memberships/{id}"), Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(m["status"], "active");
    assert_eq!(m["member"]["kind"], "organisation");
    assert_eq!(m["member"]["slug"], "udruzenje-ana");
    let _ = h.owner;
}

#[tokio::test]
async fn applying_needs_a_verified_address_and_the_forms_token() {
    let app = spawn_app().await;
    let h = host(&app).await;
    let person_type = h.person_type.to_string();

    let ivan = app.unverified_user("ivan@example.org", "Ivan").await;
    let browser = signed_in(&app, &ivan).await;
    let page = apply(&browser, &[("type_id", &person_type)])
        .await
        .expect(403);
    assert!(
        page.contains("confirm your email address first"),
        "{}",
        page.body
    );

    let ana = app.verified_user("ana@example.org", "Ana").await;
    let browser = signed_in(&app, &ana).await;
    // Without the token, or with another's: refused, nothing applied.
    browser
        .post("/o/kc-ns/apply", &[("type_id", &person_type)])
        .await
        .expect(403);
    browser
        .post(
            "/o/kc-ns/apply",
            &[
                ("csrf", "forged-token-forged-token-forged-token-abc"),
                ("type_id", &person_type),
            ],
        )
        .await
        .expect(403);
    let mine = app
        .get("/api/v1/me/memberships", Some(&ana.token))
        .await
        .expect(200)
        .body;
    assert_eq!(mine["total"], 0, "{mine}");

    // Signed out, with no form to take a token from: refused the same way.
    Browser::new(&app)
        .post("/o/kc-ns/apply", &[("type_id", &person_type)])
        .await
        .expect(403);
}
