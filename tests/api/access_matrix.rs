//! OWASP API access matrix: every route × every role, with the status each must get.
//! The rule: anonymous on a protected route → 401; objects of others (that the reader may not
//! even know exist) → 404; functions above one's role → 403. `{name}` in a path or body is an
//! object of the world (access_world.rs); "my_*" objects belong to the reader, "their_*" to
//! someone else; objects a row uses up exist once per role. Rows run top to bottom, each for
//! every role left to right. Every response is also checked for leaks (World::leaks), every
//! error must be problem+json, and every status must be one the OpenAPI document gives for
//! that operation; every operation of the document must have a row.

use reqwest::Method;

use crate::access_world::{World, ROLES};
use crate::helpers::spawn_app;

pub struct Row {
    pub method: &'static str,
    pub path: &'static str,
    body: &'static str,
    pub expect: [u16; 8],
}

const fn r(method: &'static str, path: &'static str, body: &'static str, expect: [u16; 8]) -> Row {
    Row {
        method,
        path,
        body,
        expect,
    }
}

#[rustfmt::skip]
pub const MATRIX: &[Row] = &[
    //                                                                                              anon unver memb  rep other org  owner admin
    r("GET",    "/healthz", "",                                                                     [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/readyz", "",                                                                      [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/metrics", "",                                                                     [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/api/openapi.json", "",                                                            [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/docs/", "",                                                                       [200, 200, 200, 200, 200, 200, 200, 200]),
    // Accounts
    r("POST",   "/api/v1/auth/register", r#"{"email":"new{uniq}@example.org","password":"a long enough passphrase","full_name":"New"}"#,
                                                                                                    [202, 202, 202, 202, 202, 202, 202, 202]),
    r("POST",   "/api/v1/auth/verify-email", r#"{"token":"forged"}"#,                              [422, 422, 422, 422, 422, 422, 422, 422]),
    r("POST",   "/api/v1/auth/verify-email/resend", "",                                             [401, 202, 409, 409, 409, 409, 409, 409]),
    r("POST",   "/api/v1/auth/login", r#"{"email":"{bystander_email}","password":"not the password"}"#,
                                                                                                    [401, 401, 401, 401, 401, 401, 401, 401]),
    r("POST",   "/api/v1/auth/refresh", r#"{"refresh_token":"forged"}"#,                           [401, 401, 401, 401, 401, 401, 401, 401]),
    r("POST",   "/api/v1/auth/logout", r#"{"refresh_token":"forged"}"#,                            [204, 204, 204, 204, 204, 204, 204, 204]),
    r("POST",   "/api/v1/auth/password-reset", r#"{"email":"{bystander_email}"}"#,                 [202, 202, 202, 202, 202, 202, 202, 202]),
    r("POST",   "/api/v1/auth/password-reset/confirm", r#"{"token":"forged","password":"a long enough passphrase"}"#,
                                                                                                    [422, 422, 422, 422, 422, 422, 422, 422]),
    r("GET",    "/api/v1/me", "",                                                                   [401, 200, 200, 200, 200, 200, 200, 200]),
    r("PATCH",  "/api/v1/me", r#"{"country":"RS"}"#,                                               [401, 200, 200, 200, 200, 200, 200, 200]),
    // Organisations, staff, representatives
    r("GET",    "/api/v1/organisations", "",                                                        [200, 200, 200, 200, 200, 200, 200, 200]),
    r("POST",   "/api/v1/organisations", r#"{"slug":"new-{uniq}","name":"New","kind":"association","country":"RS"}"#,
                                                                                                    [401, 403, 201, 201, 201, 201, 201, 201]),
    r("POST",   "/api/v1/organisations", r#"{"slug":"new-{uniq}","name":"New","kind":"association","country":"RS","hosts_events":true}"#,
                                                                                                    [401, 403, 403, 403, 403, 403, 403, 201]),
    r("GET",    "/api/v1/organisations/host", "",                                                   [200, 200, 200, 200, 200, 200, 200, 200]),
    r("PATCH",  "/api/v1/organisations/host", r#"{"city":"Novi Sad"}"#,                            [401, 403, 403, 403, 403, 403, 200, 200]),
    r("GET",    "/api/v1/organisations/host/staff", "",                                             [401, 403, 403, 403, 403, 200, 200, 200]),
    r("POST",   "/api/v1/organisations/host/staff", r#"{"email":"{new_staff}","role":"organiser"}"#,
                                                                                                    [401, 403, 403, 403, 403, 403, 201, 201]),
    r("DELETE", "/api/v1/organisations/host/staff/{staff_victim}", "",                             [401, 403, 403, 403, 403, 403, 204, 204]),
    r("GET",    "/api/v1/organisations/member-org/representatives", "",                             [401, 403, 403, 200, 403, 403, 403, 200]),
    r("POST",   "/api/v1/organisations/member-org/representatives", r#"{"email":"{new_staff}"}"#,  [401, 403, 403, 201, 403, 403, 403, 201]),
    r("DELETE", "/api/v1/organisations/member-org/representatives/{new_staff}", "",                [401, 403, 403, 204, 403, 403, 403, 204]),
    // Membership types and memberships
    r("GET",    "/api/v1/organisations/host/membership-types", "",                                  [200, 200, 200, 200, 200, 200, 200, 200]),
    r("POST",   "/api/v1/organisations/host/membership-types", r#"{"name":{"en":"T{uniq}"},"member_kind":"person"}"#,
                                                                                                    [401, 403, 403, 403, 403, 403, 201, 201]),
    r("PATCH",  "/api/v1/organisations/host/membership-types/{type}", r#"{"requires_approval":true}"#,
                                                                                                    [401, 403, 403, 403, 403, 403, 200, 200]),
    r("GET",    "/api/v1/organisations/host/memberships", "",                                       [401, 403, 403, 403, 403, 200, 200, 200]),
    r("POST",   "/api/v1/organisations/host/memberships", r#"{"type_id":{type}}"#,                 [401, 403, 409, 201, 201, 201, 201, 201]),
    // The member's membership: their own for the member, someone else's for everybody else.
    r("GET",    "/api/v1/memberships/{member_membership}", "",                                      [401, 404, 200, 404, 404, 200, 200, 200]),
    r("PATCH",  "/api/v1/memberships/{member_membership}", r#"{"directory_visible":true}"#,        [401, 404, 200, 404, 404, 403, 403, 403]),
    r("GET",    "/api/v1/organisations/host/directory", "",                                         [401, 403, 200, 200, 403, 200, 200, 200]),
    r("GET",    "/api/v1/me/memberships", "",                                                       [401, 200, 200, 200, 200, 200, 200, 200]),
    // Events
    r("GET",    "/api/v1/events.ics", "",                                                           [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/api/v1/events", "",                                                               [200, 200, 200, 200, 200, 200, 200, 200]),
    r("POST",   "/api/v1/events", r#"{"organisation":"host","kind":"workshop","starts_at":"2030-05-14T18:00:00+02:00","ends_at":"2030-05-14T20:00:00+02:00","timezone":"Europe/Belgrade","title":{"en":"New"}}"#,
                                                                                                    [401, 403, 403, 403, 403, 201, 201, 201]),
    r("GET",    "/api/v1/events/{event}", "",                                                       [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/api/v1/events/{members_event}", "",                                               [404, 404, 200, 200, 404, 200, 200, 200]),
    r("GET",    "/api/v1/events/{draft}", "",                                                       [404, 404, 404, 404, 404, 200, 200, 200]),
    r("PATCH",  "/api/v1/events/{event}", r#"{"city":"Novi Sad"}"#,                                [401, 403, 403, 403, 403, 200, 200, 200]),
    r("PATCH",  "/api/v1/events/{draft}", r#"{"city":"Novi Sad"}"#,                                [401, 404, 404, 404, 404, 200, 200, 200]),
    r("PATCH",  "/api/v1/events/{other_event}", r#"{"city":"Tirana"}"#,                            [401, 403, 403, 403, 200, 403, 403, 200]),
    r("DELETE", "/api/v1/events/{fresh_draft}", "",                                                 [401, 404, 404, 404, 404, 204, 204, 204]),
    r("POST",   "/api/v1/events/{publishable}/publish", "",                                         [401, 404, 404, 404, 404, 200, 200, 200]),
    r("POST",   "/api/v1/events/{slot}/messages", r#"{"subject":"Hello","body":"See you","audience":"all"}"#,
                                                                                                    [401, 403, 403, 403, 403, 202, 202, 202]),
    r("GET",    "/api/v1/events/{event}/sessions", "",                                              [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/api/v1/events/{event}/event.ics", "",                                             [200, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/api/v1/events/{draft}/event.ics", "",                                             [404, 404, 404, 404, 404, 200, 200, 200]),
    // Questions
    r("GET",    "/api/v1/events/{event}/questions", "",                                             [401, 403, 403, 403, 403, 200, 200, 200]),
    r("POST",   "/api/v1/events/{event}/questions", r#"{"kind":"text","label":{"en":"Q"}}"#,       [401, 403, 403, 403, 403, 201, 201, 201]),
    r("PATCH",  "/api/v1/events/{event}/questions/{question}", r#"{"required":false}"#,            [401, 403, 403, 403, 403, 200, 200, 200]),
    r("DELETE", "/api/v1/events/{event}/questions/{fresh_question}", "",                           [401, 403, 403, 403, 403, 204, 204, 204]),
    // Registrations
    r("POST",   "/api/v1/events/{open_event}/registrations", "{}",                                  [401, 403, 201, 201, 201, 201, 201, 201]),
    r("GET",    "/api/v1/events/{event}/registrations", "",                                         [401, 403, 403, 403, 403, 200, 200, 200]),
    r("DELETE", "/api/v1/events/{leave_event}/registrations/me", "",                               [401, 200, 200, 200, 200, 200, 200, 200]),
    r("POST",   "/api/v1/events/{slot}/check-in", r#"{"code":"{their_code}"}"#,                    [401, 403, 403, 403, 403, 200, 200, 200]),
    r("POST",   "/api/v1/registrations/confirm", r#"{"token":"forged"}"#,                          [422, 422, 422, 422, 422, 422, 422, 422]),
    r("GET",    "/api/v1/registrations/{my_reg}", "",                                               [401, 200, 200, 200, 200, 200, 200, 200]),
    r("GET",    "/api/v1/registrations/{their_reg}", "",                                            [401, 404, 404, 404, 404, 200, 200, 200]),
    r("POST",   "/api/v1/registrations/{my_slot_reg}/cancel", "",                                   [401, 200, 200, 200, 200, 200, 200, 200]),
    r("POST",   "/api/v1/registrations/{their_slot_reg}/cancel", "",                                [401, 404, 404, 404, 404, 200, 200, 200]),
    r("POST",   "/api/v1/registrations/{their_waitlisted}/promote", "{}",                           [401, 404, 404, 404, 404, 200, 200, 200]),
    r("POST",   "/api/v1/registrations/{my_reg}/promote", "{}",                                     [401, 403, 403, 403, 403, 409, 409, 409]),
    r("POST",   "/api/v1/registrations/{my_reg}/check-in", "",                                      [401, 403, 403, 403, 403, 200, 200, 200]),
    r("DELETE", "/api/v1/registrations/{my_reg}/check-in", "",                                      [401, 403, 403, 403, 403, 200, 200, 200]),
    r("POST",   "/api/v1/registrations/{their_reg}/check-in", "",                                   [401, 404, 404, 404, 404, 200, 200, 200]),
    r("DELETE", "/api/v1/registrations/{their_reg}/check-in", "",                                   [401, 404, 404, 404, 404, 200, 200, 200]),
    r("GET",    "/api/v1/me/registrations", "",                                                     [401, 200, 200, 200, 200, 200, 200, 200]),
    // Email and operations
    r("POST",   "/api/v1/unsubscribe", r#"{"token":"forged"}"#,                                    [422, 422, 422, 422, 422, 422, 422, 422]),
    r("GET",    "/api/v1/admin/outbox", "",                                                         [401, 403, 403, 403, 403, 403, 403, 200]),
    r("POST",   "/api/v1/admin/outbox/1/retry", "",                                                 [401, 403, 403, 403, 403, 403, 403, 409]),
    // Audit and privacy
    r("GET",    "/api/v1/organisations/host/audit", "",                                             [401, 403, 403, 403, 403, 403, 200, 200]),
    r("GET",    "/api/v1/organisations/other-host/audit", "",                                       [401, 403, 403, 403, 200, 403, 403, 200]),
    r("GET",    "/api/v1/me/export", "",                                                            [401, 200, 200, 200, 200, 200, 200, 200]),
    // Late, because they end things earlier rows use: each role's own slot event, then the readers.
    r("POST",   "/api/v1/events/{slot}/cancel", r#"{"reason":"The hall is flooded"}"#,            [401, 403, 403, 403, 403, 200, 200, 200]),
    r("DELETE", "/api/v1/me", r#"{"password":"not the password"}"#,                               [401, 401, 401, 401, 401, 401, 401, 401]),
    // The sole owners of a host must hand over first ("other-host", "host", and the host the
    // admin created in the organisations rows), and so must the sole representatives of an
    // organisation without owners ("member-org", and those the organisations rows created).
    r("DELETE", "/api/v1/me", r#"{"password":"{password}"}"#,                                     [401, 204, 409, 409, 409, 409, 409, 409]),
];

#[tokio::test(flavor = "multi_thread")]
async fn every_route_answers_every_role_as_the_table_says() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let doc = serde_json::to_value(kolo::http::openapi::document()).unwrap();
    let mut failures = Vec::new();
    let mut uniq = 0;
    for row in MATRIX {
        for (role, reader) in world.readers.iter().enumerate() {
            uniq += 1;
            let path = world.resolve(row.path, role, uniq);
            let body = (!row.body.is_empty()).then(|| {
                serde_json::from_str(&world.resolve(row.body, role, uniq))
                    .unwrap_or_else(|e| panic!("body of {} {}: {e}", row.method, row.path))
            });
            let method = Method::from_bytes(row.method.as_bytes()).unwrap();
            let token = reader.as_ref().map(|u| u.token.as_str());
            let reply = app.request(method, &path, token, body.clone()).await;
            let cell = format!("{} {} as {}", row.method, row.path, ROLES[role]);
            let status = reply.status.as_u16();
            if status != row.expect[role] {
                failures.push(format!(
                    "{cell}: expected {}, got {status}: {}",
                    row.expect[role], reply.text
                ));
            }
            if status >= 400 && !reply.content_type().starts_with("application/problem+json") {
                failures.push(format!("{cell}: error without problem+json"));
            }
            if let Some((template, operation)) = documented(&doc, row.method, row.path) {
                let documented = &operation["responses"][status.to_string()];
                if documented.is_null() {
                    failures.push(format!("{cell}: {status} is not documented for {template}"));
                }
            }
            if reply.body["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with("no resource at"))
            {
                failures.push(format!("{cell}: no such route (a typo in the table?)"));
            }
            let sent = body.as_ref().map(ToString::to_string).unwrap_or_default();
            for leak in world.leaks(role, &sent, &reply) {
                failures.push(format!("{cell}: the response contains {leak}"));
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

/// The operation of the OpenAPI document a row's path stands for, with its path template: the
/// template whose literal segments all match, preferring the one with the most of them (so
/// `/registrations/confirm` is not `/registrations/{id}`). A row's `{name}` matches any
/// template segment, and so does a literal like `host` where the template has `{slug}`.
fn documented<'d>(
    doc: &'d serde_json::Value,
    method: &str,
    path: &str,
) -> Option<(&'d str, &'d serde_json::Value)> {
    let segments: Vec<&str> = path.split('/').collect();
    let paths = doc["paths"].as_object()?;
    paths
        .iter()
        .filter_map(|(template, item)| {
            let operation = item.get(method.to_lowercase())?;
            let parts: Vec<&str> = template.split('/').collect();
            if parts.len() != segments.len() {
                return None;
            }
            let mut literal = 0;
            for (part, segment) in parts.iter().zip(&segments) {
                if part.starts_with('{') || segment.starts_with('{') {
                    continue;
                }
                if part != segment {
                    return None;
                }
                literal += 1;
            }
            Some((literal, template.as_str(), operation))
        })
        .max_by_key(|(literal, ..)| *literal)
        .map(|(_, template, operation)| (template, operation))
}

#[test]
fn every_operation_of_the_document_has_a_row() {
    let doc = serde_json::to_value(kolo::http::openapi::document()).unwrap();
    let covered: std::collections::HashSet<(String, &str)> = MATRIX
        .iter()
        .filter_map(|row| {
            documented(&doc, row.method, row.path).map(|(t, _)| (row.method.to_lowercase(), t))
        })
        .collect();
    let mut missing = Vec::new();
    for (template, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if !covered.contains(&(method.clone(), template.as_str())) {
                missing.push(format!("{} {template}", method.to_uppercase()));
            }
        }
    }
    assert!(missing.is_empty(), "operations without a row: {missing:?}");
}
