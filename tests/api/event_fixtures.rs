//! Fixtures for the event tests, inserted straight into the database: organisations, staff,
//! memberships and registrations are other issues' routes. What is under test goes over HTTP.

use diesel::prelude::*;
use kolo::db::schema::{events, organisations, registrations};
use serde_json::{json, Value};

use crate::helpers::{TestApp, User};

impl TestApp {
    /// An organisation; `hosts` marks one that runs events.
    pub async fn organisation_named(&self, slug: &str, name: &str, hosts: bool) -> i64 {
        let (slug, name) = (slug.to_owned(), name.to_owned());
        self.with_conn(move |conn| {
            let now = kolo::db::now();
            diesel::insert_into(organisations::table)
                .values((
                    organisations::slug.eq(slug),
                    organisations::search_text.eq(kolo::i18n::fold::fold(&name)),
                    organisations::name.eq(name),
                    organisations::kind.eq("association"),
                    organisations::country.eq("RS"),
                    organisations::description.eq("{}"),
                    organisations::hosts_events.eq(hosts),
                    organisations::created_at.eq(now),
                    organisations::updated_at.eq(now),
                ))
                .returning(organisations::id)
                .get_result::<i64>(conn)
                .expect("insert organisation")
        })
        .await
    }

    /// A live registration of a person or a guest, as the registrations issue will make.
    pub async fn registration(
        &self,
        event_id: i64,
        person_id: Option<i64>,
        guest: Option<(&str, &str)>,
        status: &'static str,
    ) -> i64 {
        let guest = guest.map(|(n, e)| (n.to_owned(), e.to_owned()));
        self.with_conn(move |conn| {
            let now = kolo::db::now();
            diesel::insert_into(registrations::table)
                .values((
                    registrations::event_id.eq(event_id),
                    registrations::person_id.eq(person_id),
                    registrations::guest_name.eq(guest.as_ref().map(|g| g.0.clone())),
                    registrations::guest_email.eq(guest.as_ref().map(|g| g.1.clone())),
                    registrations::status.eq(status),
                    registrations::code.eq(uuid::Uuid::new_v4().to_string()),
                    registrations::locale.eq("en"),
                    registrations::created_at.eq(now),
                    registrations::updated_at.eq(now),
                ))
                .returning(registrations::id)
                .get_result::<i64>(conn)
                .expect("insert registration")
        })
        .await
    }

    pub async fn take_seats(&self, event_id: i64, seats: i32) {
        self.with_conn(move |conn| {
            diesel::update(events::table.find(event_id))
                .set(events::seats_taken.eq(seats))
                .execute(conn)
                .expect("take seats")
        })
        .await;
    }

    /// Creates an event over HTTP and returns its body.
    pub async fn create_event(&self, user: &User, body: Value) -> Value {
        self.post("/api/v1/events", Some(&user.token), body)
            .await
            .expect(201)
            .body
    }

    /// Creates and publishes an event over HTTP.
    pub async fn published_event(&self, user: &User, body: Value) -> Value {
        let id = self.create_event(user, body).await["id"]
            .as_i64()
            .expect("id");
        self.post(
            &format!("/api/v1/events/{id}/publish"),
            Some(&user.token),
            json!({}),
        )
        .await
        .expect(200)
        .body
    }
}

/// A complete workshop body of host `org`, upcoming (in 2030).
pub fn event_body(org: &str, title: &str) -> Value {
    json!({
        "organisation": org,
        "kind": "workshop",
        "starts_at": "2030-05-14T18:00:00+02:00",
        "ends_at": "2030-05-14T20:00:00+02:00",
        "timezone": "Europe/Belgrade",
        "venue_name": "Kulturni centar",
        "city": "Novi Sad",
        "country": "RS",
        "title": {"en": title},
    })
}

/// `base` with the top-level fields of `changes` replaced (a `null` removes the field).
pub fn with(mut base: Value, changes: Value) -> Value {
    let object = base.as_object_mut().expect("object");
    for (k, v) in changes.as_object().expect("object") {
        if v.is_null() {
            object.remove(k);
        } else {
            object.insert(k.clone(), v.clone());
        }
    }
    base
}

/// A host ("kc-novi-sad") with an owner and an organiser, the usual cast of the event tests.
pub struct Cast {
    pub host: i64,
    pub owner: User,
    pub organiser: User,
}

pub async fn cast(app: &TestApp) -> Cast {
    let host = app
        .organisation_named("kc-novi-sad", "Kulturni centar Novi Sad", true)
        .await;
    let owner = app
        .verified_user("owner@kc.example.org", "Vesna Owner")
        .await;
    let organiser = app
        .verified_user("organiser@kc.example.org", "Marko Organiser")
        .await;
    app.staff(host, owner.id, "owner").await;
    app.staff(host, organiser.id, "organiser").await;
    Cast {
        host,
        owner,
        organiser,
    }
}
