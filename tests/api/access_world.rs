//! The world the access matrix runs in: one host ("host") with its owner, organiser, members
//! and events, a member organisation ("member-org") with a representative, another host
//! ("other-host") with its own staff, a platform admin, and a bystander whose objects are
//! "someone else's" for everybody. Also the check that no response leaks a secret or another
//! person's email address.

use std::collections::HashMap;

use diesel::prelude::*;
use kolo::db::schema::{memberships, registrations};
use serde_json::json;

use crate::fixtures::EventSpec;
use crate::helpers::{Reply, TestApp, User};

/// The matrix's columns, in order.
pub const ROLES: [&str; 8] = [
    "anonymous",
    "unverified",
    "member",
    "representative",
    "staff of another host",
    "organiser",
    "owner",
    "platform admin",
];
const ORGANISER: usize = 5;
const OWNER: usize = 6;
const ADMIN: usize = 7;

pub struct World {
    /// One per role; `None` for anonymous.
    pub readers: Vec<Option<User>>,
    /// Placeholder → one value for every role, or one value per role (objects a row uses up).
    values: HashMap<&'static str, Vec<String>>,
    /// Every person's email, and every refresh token handed out, by person id.
    emails: Vec<(i64, String)>,
    refresh_tokens: Vec<(i64, String)>,
}

impl World {
    pub async fn build(app: &TestApp) -> World {
        let host = app.organisation("host", true).await;
        let other_host = app.organisation("other-host", true).await;
        let member_org = app.organisation("member-org", false).await;

        let unverified = app
            .unverified_user("unverified@example.org", "Una Unverified")
            .await;
        let member = app.verified_user("member@example.org", "Mila Member").await;
        app.membership(host, Some(member.id), None).await;
        let rep = app.verified_user("rep@example.org", "Rade Rep").await;
        app.representative(member_org, rep.id).await;
        app.membership(host, None, Some(member_org)).await;
        let stranger = app
            .verified_user("stranger@example.org", "Stana Other-Host")
            .await;
        app.staff(other_host, stranger.id, "owner").await;
        let organiser = app
            .verified_user("organiser@example.org", "Olga Organiser")
            .await;
        app.staff(host, organiser.id, "organiser").await;
        let owner = app.verified_user("owner@example.org", "Oto Owner").await;
        app.staff(host, owner.id, "owner").await;
        let admin = app.admin("admin@example.org").await;
        let bystander = app
            .verified_user("bystander@example.org", "Bora Bystander")
            .await;
        app.membership(host, Some(bystander.id), None).await;

        let readers = vec![
            None,
            Some(unverified),
            Some(member.clone()),
            Some(rep),
            Some(stranger),
            Some(organiser),
            Some(owner.clone()),
            Some(admin),
        ];
        let mut w = World {
            emails: Vec::new(),
            refresh_tokens: Vec::new(),
            values: HashMap::new(),
            readers,
        };
        for user in w.readers.iter().flatten().chain([&bystander]) {
            w.emails.push((user.id, user.email.clone()));
            w.refresh_tokens.push((user.id, user.refresh.clone()));
        }
        // Anonymous has no objects of its own: its "own" ones are the bystander's.
        let person_of = |role: usize| w.readers[role].as_ref().unwrap_or(&bystander).id;
        let people: Vec<i64> = (0..ROLES.len()).map(person_of).collect();

        let published = |visibility| EventSpec {
            capacity: None,
            visibility,
            ..EventSpec::default()
        };
        let draft = || EventSpec {
            status: "draft",
            ..EventSpec::default()
        };
        let event = app.event(host, published("public")).await;
        let members_event = app.event(host, published("members_only")).await;
        let draft_event = app.event(host, draft()).await;
        let open_event = app.event(host, published("public")).await;
        let leave_event = app.event(host, published("public")).await;
        let other_event = app.event(other_host, published("public")).await;
        let mut my_reg = Vec::new();
        for &person in &people {
            my_reg.push(
                app.registration(event, Some(person), None, "confirmed")
                    .await,
            );
            app.registration(leave_event, Some(person), None, "confirmed")
                .await;
        }
        // Anonymous's "own" registration is the bystander's, which is everyone else's "theirs".
        let their_reg = my_reg[0];
        let their_membership = membership_of(app, member.id).await;

        // Objects a row uses up get one copy per role, so each cell starts from the same state.
        let victims = app.many_people(4 * ROLES.len(), "victim").await;
        let mut per_role: HashMap<&'static str, Vec<String>> = HashMap::new();
        for role in 0..ROLES.len() {
            let mut put =
                |name: &'static str, value: String| per_role.entry(name).or_default().push(value);
            put("fresh_draft", app.event(host, draft()).await.to_string());
            put("publishable", app.event(host, draft()).await.to_string());
            let slot = app.event(host, EventSpec::default()).await;
            put("slot", slot.to_string());
            let v = |k: usize| &victims[4 * role + k];
            let own = app.registration(slot, Some(people[role]), None, "confirmed");
            put("my_slot_reg", own.await.to_string());
            let theirs = app.registration(slot, Some(v(0).id), None, "confirmed");
            put("their_slot_reg", theirs.await.to_string());
            let queue = app.event(host, EventSpec::default()).await;
            let waiting = app.registration(queue, Some(v(1).id), None, "waitlisted");
            put("their_waitlisted", waiting.await.to_string());
            let at_door = app
                .registration(slot, Some(v(2).id), None, "confirmed")
                .await;
            let code = format!("DOOR{role}CODE");
            set_code(app, at_door, &code).await;
            put("their_code", code);
            app.staff(host, v(3).id, "organiser").await;
            put("staff_victim", v(3).id.to_string());
            put("new_staff", format!("new-staff-{role}@example.org"));
            let question = app
                .post(
                    &format!("/api/v1/events/{event}/questions"),
                    Some(&owner.token),
                    json!({"kind": "text", "label": {"en": "Dietary needs"}}),
                )
                .await
                .expect(201);
            put("fresh_question", question.body["id"].to_string());
        }
        for victim in &victims {
            w.emails.push((victim.id, victim.email.clone()));
        }
        for new in app.many_people(ROLES.len(), "new-staff-").await {
            w.emails.push((new.id, new.email));
        }
        let question = app
            .post(
                &format!("/api/v1/events/{event}/questions"),
                Some(&owner.token),
                json!({"kind": "text", "label": {"en": "Accessibility"}}),
            )
            .await
            .expect(201)
            .body["id"]
            .to_string();
        let type_id = app
            .membership_type(
                &owner,
                "host",
                json!({"name": {"en": "Friend"}, "member_kind": "person", "duration_months": 12,
                       "requires_approval": true}),
            )
            .await;

        w.values = per_role;
        for (name, value) in [
            ("event", event),
            ("members_event", members_event),
            ("draft", draft_event),
            ("open_event", open_event),
            ("leave_event", leave_event),
            ("other_event", other_event),
            ("their_reg", their_reg),
            ("member_membership", their_membership),
            ("type", type_id),
        ] {
            w.values.insert(name, vec![value.to_string()]);
        }
        w.values.insert("question", vec![question]);
        w.values
            .insert("bystander_email", vec![bystander.email.clone()]);
        w.values
            .insert("password", vec![crate::helpers::PASSWORD.to_owned()]);
        w.values
            .insert("my_reg", my_reg.iter().map(i64::to_string).collect());
        w
    }

    /// `template` with every `{name}` replaced by the world's value for `role`; `{uniq}` is
    /// different on every call.
    pub fn resolve(&self, template: &str, role: usize, uniq: usize) -> String {
        let mut out = template.replace("{uniq}", &uniq.to_string());
        for (name, values) in &self.values {
            let value = values.get(role).unwrap_or(&values[0]);
            out = out.replace(&format!("{{{name}}}"), value);
        }
        let unresolved = out.split('{').skip(1).find(|rest| {
            rest.split_once('}').is_some_and(|(name, _)| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            })
        });
        assert!(unresolved.is_none(), "unresolved placeholder in {out}");
        out
    }

    /// What `role` must never see in `reply`: password hashes, refresh tokens (and their
    /// hashes) of other people, and other people's emails unless the reader is staff of the
    /// host everyone in this world deals with (or a platform admin). An address the reader
    /// sent in the request (`sent`) is theirs to see.
    pub fn leaks(&self, role: usize, sent: &str, reply: &Reply) -> Vec<String> {
        let me = self.readers[role].as_ref().map(|u| u.id);
        let text = &reply.text;
        let mut found = Vec::new();
        if text.contains("$argon2") {
            found.push("a password hash".to_owned());
        }
        for (person, token) in &self.refresh_tokens {
            let hash = kolo::auth::tokens::hash_secret(token);
            if Some(*person) != me && (text.contains(token.as_str()) || text.contains(&hash)) {
                found.push(format!("the refresh token of person {person}"));
            }
            if text.contains(&hash) {
                found.push(format!("a refresh token hash of person {person}"));
            }
        }
        if !matches!(role, ORGANISER | OWNER | ADMIN) {
            for (person, email) in &self.emails {
                if Some(*person) != me && text.contains(email.as_str()) && !sent.contains(email) {
                    found.push(format!("the email address {email}"));
                }
            }
        }
        found
    }
}

async fn membership_of(app: &TestApp, person: i64) -> i64 {
    app.with_conn(move |conn| {
        memberships::table
            .filter(memberships::person_id.eq(person))
            .select(memberships::id)
            .first(conn)
            .unwrap()
    })
    .await
}

async fn set_code(app: &TestApp, registration: i64, code: &str) {
    let code = code.to_owned();
    app.with_conn(move |conn| {
        diesel::update(registrations::table.find(registration))
            .set(registrations::code.eq(code))
            .execute(conn)
            .unwrap()
    })
    .await;
}
