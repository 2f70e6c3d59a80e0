//! The organiser pages in the access matrix: every /manage page and main action × the eight
//! roles of the API matrix's world (access_world.rs), in a browser session per role. Pages
//! answer as their API twin (a row of access_matrix.rs): anonymous → 303 to /signin (the
//! API's 401), no right → 403, an object one may not know of → 404, success → 200 for a
//! page and 303 for an action. Each POST is sent first without its CSRF token (403, and the
//! state the row names, read by the platform admin through the API, is unchanged), then with it.

use serde_json::json;

use crate::access_matrix::MATRIX;
use crate::access_world::{World, ROLES};
use crate::helpers::{spawn_app, TestApp};
use crate::web_client::Browser;

struct Row {
    method: &'static str,
    page: &'static str,
    /// Form fields of a POST (`csrf` is added), `&`-separated.
    form: &'static str,
    /// The API row (method and path, as in access_matrix.rs) the page must agree with.
    twin: &'static str,
    /// For a POST: an API path whose answer (to the admin) must not change without CSRF.
    state: &'static str,
    expect: [u16; 8],
}

const fn r(
    method: &'static str,
    page: &'static str,
    form: &'static str,
    twin: &'static str,
    state: &'static str,
    expect: [u16; 8],
) -> Row {
    Row {
        method,
        page,
        form,
        twin,
        state,
        expect,
    }
}

#[rustfmt::skip]
const PAGES: &[Row] = &[
    //                                                                                                   anon unver memb  rep other org  owner admin
    r("GET",  "/manage", "", "", "",                                                                     [303, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",  "/manage/events/{event}", "", "PATCH /api/v1/events/{event}", "",                          [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/events/{draft}", "", "PATCH /api/v1/events/{draft}", "",                          [303, 404, 404, 404, 404, 200, 200, 200]),
    r("GET",  "/manage/events/{other_event}", "", "PATCH /api/v1/events/{other_event}", "",              [303, 403, 403, 403, 200, 403, 403, 200]),
    r("GET",  "/manage/o/host/events/new", "", "POST /api/v1/events", "",                                [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/events/{event}/roster", "", "GET /api/v1/events/{event}/registrations", "",       [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/events/{event}/roster/print", "", "GET /api/v1/events/{event}/registrations", "", [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/events/{event}/roster.csv", "", "GET /api/v1/events/{event}/registrations", "",   [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/events/{event}/checkin", "", "GET /api/v1/events/{event}/registrations", "",      [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/events/{event}/messages", "", "POST /api/v1/events/{slot}/messages", "",          [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/members", "", "GET /api/v1/organisations/host/memberships", "",            [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/members.csv", "", "GET /api/v1/organisations/host/memberships", "",        [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/members/applications", "", "GET /api/v1/organisations/host/memberships", "", [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/members/{member_membership}", "", "GET /api/v1/organisations/host/memberships", "", [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/members/types", "", "GET /api/v1/organisations/host/memberships", "",      [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/members/directory", "", "GET /api/v1/organisations/host/directory", "",     [303, 403, 200, 200, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/staff", "", "GET /api/v1/organisations/host/staff", "",                    [303, 403, 403, 403, 403, 200, 200, 200]),
    r("GET",  "/manage/o/host/audit", "", "GET /api/v1/organisations/host/audit", "",                    [303, 403, 403, 403, 403, 403, 200, 200]),
    // Actions: someone else's code at the door, someone else's waitlisted or confirmed place,
    // a draft to publish, an application to approve, a new staff member.
    r("POST", "/manage/events/{slot}/checkin", "code={their_code}", "POST /api/v1/events/{slot}/check-in",
              "/api/v1/events/{slot}/registrations",                                                     [303, 403, 403, 403, 403, 303, 303, 303]),
    r("POST", "/manage/registrations/{their_waitlisted}/promote", "back=", "POST /api/v1/registrations/{their_waitlisted}/promote",
              "/api/v1/registrations/{their_waitlisted}",                                                [303, 404, 404, 404, 404, 303, 303, 303]),
    r("POST", "/manage/registrations/{their_slot_reg}/cancel", "back=&confirm=on", "POST /api/v1/registrations/{their_slot_reg}/cancel",
              "/api/v1/registrations/{their_slot_reg}",                                                  [303, 404, 404, 404, 404, 303, 303, 303]),
    r("POST", "/manage/events/{publishable}/publish", "", "POST /api/v1/events/{publishable}/publish",
              "/api/v1/events/{publishable}",                                                            [303, 404, 404, 404, 404, 303, 303, 303]),
    r("POST", "/manage/o/host/members/{application}/approve", "note=", "",
              "/api/v1/memberships/{application}",                                                       [303, 403, 403, 403, 403, 303, 303, 303]),
    r("POST", "/manage/o/host/staff", "email={new_staff}&role=organiser", "POST /api/v1/organisations/host/staff",
              "/api/v1/organisations/host/staff",                                                        [303, 403, 403, 403, 403, 403, 303, 303]),
];

/// What a page must answer when its API twin answers `api`.
fn page_status(api: u16, method: &str) -> u16 {
    match api {
        401 => 303,
        200..=299 if method == "GET" => 200,
        200..=299 => 303,
        other => other,
    }
}

#[test]
fn every_page_row_agrees_with_its_api_twin_row() {
    for row in PAGES.iter().filter(|row| !row.twin.is_empty()) {
        let (method, path) = row.twin.split_once(' ').unwrap();
        let api = MATRIX
            .iter()
            .find(|a| a.method == method && a.path == path)
            .unwrap_or_else(|| panic!("no API row {}", row.twin));
        let expected = api.expect.map(|s| page_status(s, row.method));
        assert_eq!(
            row.expect, expected,
            "{} {} vs {}",
            row.method, row.page, row.twin
        );
    }
}

/// A browser for `role` (anonymous, or a session of the world's reader) and a CSRF token.
async fn browser<'a>(app: &'a TestApp, world: &World, role: usize) -> (Browser<'a>, String) {
    let browser = Browser::new(app);
    let page = match &world.readers[role] {
        None => "/signin",
        Some(user) => {
            let id = user.id;
            let secret = app
                .with_conn(move |conn| {
                    kolo::auth::sessions::create(
                        conn,
                        id,
                        chrono::Duration::days(1),
                        kolo::db::now(),
                    )
                    .unwrap()
                })
                .await;
            browser.set_cookie("kolo_session", &secret);
            "/"
        }
    };
    let csrf = browser.get(page).await.expect(200).csrf();
    (browser, csrf)
}

/// One pending application to the host per role, for the approve row.
async fn applications(app: &TestApp, world: &World) -> Vec<String> {
    let type_id: i64 = world.resolve("{type}", 0, 0).parse().unwrap();
    let mut ids = Vec::new();
    for applicant in app.many_people(ROLES.len(), "applicant").await {
        let reply = app
            .post(
                "/api/v1/organisations/host/memberships",
                Some(&applicant.token),
                json!({ "type_id": type_id }),
            )
            .await
            .expect(201);
        assert_eq!(reply.body["status"], "pending");
        ids.push(reply.body["id"].to_string());
    }
    ids
}

#[tokio::test(flavor = "multi_thread")]
async fn every_organiser_page_answers_every_role_as_its_api_twin() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let pending = applications(&app, &world).await;
    let admin = world.readers[ROLES.len() - 1]
        .as_ref()
        .unwrap()
        .token
        .clone();
    let mut failures = Vec::new();
    for row in PAGES {
        for role in 0..ROLES.len() {
            let resolve =
                |s: &str| world.resolve(&s.replace("{application}", &pending[role]), role, 0);
            let (browser, csrf) = browser(&app, &world, role).await;
            let page = resolve(row.page);
            let cell = format!("{} {} as {}", row.method, row.page, ROLES[role]);
            let answer = if row.method == "GET" {
                browser.get(&page).await
            } else {
                let form = resolve(row.form);
                let mut fields: Vec<(&str, &str)> = form
                    .split('&')
                    .filter(|f| !f.is_empty())
                    .map(|f| f.split_once('=').unwrap_or((f, "")))
                    .collect();
                let state = resolve(row.state);
                let before = app.get(&state, Some(&admin)).await.text;
                let refused = browser.post(&page, &fields).await;
                if refused.status != 403 {
                    failures.push(format!(
                        "{cell} without CSRF: {} instead of 403",
                        refused.status
                    ));
                }
                if app.get(&state, Some(&admin)).await.text != before {
                    failures.push(format!("{cell} without CSRF changed {state}"));
                }
                fields.push(("csrf", csrf.as_str()));
                browser.post(&page, &fields).await
            };
            if answer.status != row.expect[role] {
                failures.push(format!(
                    "{cell}: expected {}, got {}",
                    row.expect[role], answer.status
                ));
            } else if answer.status == 303 && role == 0 {
                let to = answer.location.clone().unwrap_or_default();
                if !to.starts_with("/signin") {
                    failures.push(format!("{cell}: redirected to {to}, not to /signin"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
