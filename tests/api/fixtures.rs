//! Direct database set-up for tests whose subject is elsewhere: organisations, staff, members
//! and events written straight into the tables, so a registration test does not depend on the
//! organisation and event routes. What is under test still goes over HTTP.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use kolo::db::schema::{
    event_contents, events, membership_types, memberships, organisations, people, representatives,
    staff_roles,
};
use kolo::db::AnyConnection;
use kolo::i18n::fold::fold;

use crate::helpers::{TestApp, User};

/// A valid argon2id hash of helpers::PASSWORD, so bulk people need no hashing per person.
fn password_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| kolo::auth::passwords::hash(crate::helpers::PASSWORD).unwrap())
}

pub struct EventSpec {
    pub capacity: Option<i32>,
    pub waitlist_enabled: bool,
    pub starts_in: Duration,
    pub length: Duration,
    pub status: &'static str,
    pub visibility: &'static str,
    pub guests_allowed: bool,
    pub seats_per_organisation: Option<i32>,
    pub parent_id: Option<i64>,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub title: &'static str,
}

impl Default for EventSpec {
    fn default() -> EventSpec {
        EventSpec {
            capacity: Some(10),
            waitlist_enabled: true,
            starts_in: Duration::days(7),
            length: Duration::hours(3),
            status: "published",
            visibility: "public",
            guests_allowed: false,
            seats_per_organisation: None,
            parent_id: None,
            registration_opens_at: None,
            registration_closes_at: None,
            title: "Workshop: community archives",
        }
    }
}

impl TestApp {
    /// Runs database work for a fixture on the blocking pool.
    pub async fn with_conn<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut AnyConnection) -> T + Send + 'static,
    ) -> T {
        let pool = self.state.pool.clone();
        tokio::task::spawn_blocking(move || work(&mut pool.get().unwrap()))
            .await
            .unwrap()
    }

    pub async fn organisation(&self, slug: &str, hosts_events: bool) -> i64 {
        let slug = slug.to_owned();
        self.with_conn(move |conn| {
            let now = kolo::db::now();
            diesel::insert_into(organisations::table)
                .values((
                    organisations::slug.eq(&slug),
                    organisations::name.eq(format!("Organisation {slug}")),
                    organisations::search_text.eq(fold(&format!("Organisation {slug}"))),
                    organisations::kind.eq("association"),
                    organisations::country.eq("RS"),
                    organisations::email.eq(format!("office@{slug}.example.org")),
                    organisations::hosts_events.eq(hosts_events),
                    organisations::created_at.eq(now),
                    organisations::updated_at.eq(now),
                ))
                .returning(organisations::id)
                .get_result(conn)
                .unwrap()
        })
        .await
    }

    pub async fn staff(&self, organisation_id: i64, person_id: i64, role: &str) {
        let role = role.to_owned();
        self.with_conn(move |conn| {
            diesel::insert_into(staff_roles::table)
                .values((
                    staff_roles::organisation_id.eq(organisation_id),
                    staff_roles::person_id.eq(person_id),
                    staff_roles::role.eq(role),
                    staff_roles::created_at.eq(kolo::db::now()),
                ))
                .execute(conn)
                .unwrap();
        })
        .await
    }

    pub async fn representative(&self, organisation_id: i64, person_id: i64) {
        self.with_conn(move |conn| {
            diesel::insert_into(representatives::table)
                .values((
                    representatives::organisation_id.eq(organisation_id),
                    representatives::person_id.eq(person_id),
                    representatives::created_at.eq(kolo::db::now()),
                ))
                .execute(conn)
                .unwrap();
        })
        .await
    }

    /// An active membership of a person (or an organisation) at a host.
    pub async fn membership(
        &self,
        host_id: i64,
        person_id: Option<i64>,
        organisation_id: Option<i64>,
    ) {
        self.with_conn(move |conn| {
            let now = kolo::db::now();
            let type_id: i64 = diesel::insert_into(membership_types::table)
                .values((
                    membership_types::organisation_id.eq(host_id),
                    membership_types::name.eq(r#"{"en":"Member"}"#),
                    membership_types::member_kind.eq(if person_id.is_some() {
                        "person"
                    } else {
                        "organisation"
                    }),
                    membership_types::duration_months.eq(Some(12)),
                    membership_types::requires_approval.eq(false),
                    membership_types::active.eq(true),
                    membership_types::created_at.eq(now),
                    membership_types::updated_at.eq(now),
                ))
                .returning(membership_types::id)
                .get_result(conn)
                .unwrap();
            diesel::insert_into(memberships::table)
                .values((
                    memberships::host_id.eq(host_id),
                    memberships::type_id.eq(type_id),
                    memberships::person_id.eq(person_id),
                    memberships::member_organisation_id.eq(organisation_id),
                    memberships::status.eq("active"),
                    memberships::starts_on.eq(now.date()),
                    memberships::ends_on.eq(now.date() + Duration::days(365)),
                    memberships::directory_visible.eq(false),
                    memberships::created_at.eq(now),
                    memberships::updated_at.eq(now),
                ))
                .execute(conn)
                .unwrap();
        })
        .await
    }

    pub async fn event(&self, organisation_id: i64, spec: EventSpec) -> i64 {
        self.with_conn(move |conn| {
            let now = kolo::db::now();
            let starts = now + spec.starts_in;
            let id: i64 = diesel::insert_into(events::table)
                .values((
                    events::organisation_id.eq(organisation_id),
                    events::parent_id.eq(spec.parent_id),
                    events::kind.eq(if spec.parent_id.is_some() {
                        "workshop"
                    } else {
                        "conference"
                    }),
                    events::status.eq(spec.status),
                    events::starts_at.eq(starts),
                    events::ends_at.eq(starts + spec.length),
                    events::timezone.eq("Europe/Belgrade"),
                    events::city.eq("Novi Sad"),
                    events::city_fold.eq("novi sad"),
                    events::country.eq("RS"),
                    events::venue_name.eq("Kulturni centar"),
                    events::capacity.eq(spec.capacity),
                    events::waitlist_enabled.eq(spec.waitlist_enabled),
                    events::registration_opens_at.eq(spec.registration_opens_at),
                    events::registration_closes_at.eq(spec.registration_closes_at),
                    events::visibility.eq(spec.visibility),
                    events::default_locale.eq("en"),
                    events::guests_allowed.eq(spec.guests_allowed),
                    events::seats_per_organisation.eq(spec.seats_per_organisation),
                    events::created_at.eq(now),
                    events::updated_at.eq(now),
                ))
                .returning(events::id)
                .get_result(conn)
                .unwrap();
            diesel::insert_into(event_contents::table)
                .values((
                    event_contents::event_id.eq(id),
                    event_contents::locale.eq("en"),
                    event_contents::title.eq(spec.title),
                    event_contents::search_text.eq(fold(spec.title)),
                ))
                .execute(conn)
                .unwrap();
            id
        })
        .await
    }

    /// `n` verified people with access tokens, made without the HTTP round trips (for load).
    pub async fn many_people(&self, n: usize, prefix: &str) -> Vec<User> {
        let prefix = prefix.to_owned();
        let hash = password_hash().to_owned();
        let ids: Vec<(i64, String)> = self
            .with_conn(move |conn| {
                let now = kolo::db::now();
                (0..n)
                    .map(|i| {
                        let email = format!("{prefix}{i}@example.org");
                        let id = diesel::insert_into(people::table)
                            .values((
                                people::email.eq(&email),
                                people::password_hash.eq(&hash),
                                people::full_name.eq(format!("Person {prefix}{i}")),
                                people::search_text.eq(fold(&format!("Person {prefix}{i}"))),
                                people::locale.eq("en"),
                                people::email_verified_at.eq(Some(now)),
                                people::created_at.eq(now),
                                people::updated_at.eq(now),
                            ))
                            .returning(people::id)
                            .get_result(conn)
                            .unwrap();
                        (id, email)
                    })
                    .collect()
            })
            .await;
        ids.into_iter()
            .map(|(id, email)| User {
                id,
                email,
                token: self.state.jwt.issue(id).unwrap(),
                refresh: String::new(),
            })
            .collect()
    }

    /// seats_taken as stored.
    pub async fn seats_taken(&self, event_id: i64) -> i32 {
        self.with_conn(move |conn| {
            events::table
                .find(event_id)
                .select(events::seats_taken)
                .first(conn)
                .unwrap()
        })
        .await
    }
}
