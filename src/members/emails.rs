//! The emails memberships cause, queued in the outbox inside the transaction of the change.
//! A person's membership writes to that person; an organisation's to each of its
//! representatives; each in the recipient's own locale.

use serde_json::{json, Value};

use crate::auth::model::Person;
use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::members::access::{self, StaffRole};
use crate::members::model::{Membership, MembershipType, Organisation};
use crate::members::store;
use crate::notify::outbox::{self, OutgoingEmail};

pub const RECEIVED: &str = "membership_application_received";
pub const NEW_APPLICATION: &str = "membership_new_application";
pub const APPROVED: &str = "membership_approved";
pub const REJECTED: &str = "membership_rejected";
pub const RENEWED: &str = "membership_renewed";
pub const EXPIRING: &str = "membership_expiring";
pub const EXPIRED: &str = "membership_expired";

/// What every membership email is about.
pub struct About<'a> {
    pub membership: &'a Membership,
    pub host: &'a Organisation,
    pub type_: &'a MembershipType,
    /// The member's display name (the person's full name or the organisation's name).
    pub member_name: &'a str,
}

impl About<'_> {
    fn data(&self, recipient: &Person, extra: &Value) -> Value {
        // `until` is the end date as a plain date (null for lifetime): the recipient's
        // language formats it when the email is rendered.
        let mut data = json!({
            "name": recipient.full_name,
            "organisation": self.host.name,
            "membership_type": self.type_.name_in(recipient.locale()),
            "member": self.member_name,
            "status": self.membership.status,
            "until": self.membership.ends_on.map(|d| d.to_string()),
            "membership_id": self.membership.id,
        });
        if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
            data.extend(extra.clone());
        }
        data
    }
}

/// The people who hear about a membership: the person, or the organisation's representatives.
pub fn member_recipients(conn: &mut AnyConnection, m: &Membership) -> AppResult<Vec<Person>> {
    Ok(match (m.person_id, m.member_organisation_id) {
        (Some(person_id), _) => store::people_by_id(conn, &[person_id])?,
        (None, Some(org_id)) => store::representatives_of(conn, org_id)?
            .into_iter()
            .map(|(_, p)| p)
            .collect(),
        (None, None) => Vec::new(),
    })
}

fn send(
    conn: &mut AnyConnection,
    to: &[Person],
    template: &'static str,
    about: &About,
    extra: Value,
    dedupe: Option<&str>,
) -> AppResult<usize> {
    let mut queued = 0;
    for person in to {
        let mut email = OutgoingEmail::new(
            &person.email,
            person.locale(),
            template,
            about.data(person, &extra),
        )
        .from_host(Some(access::host_of(about.host)));
        if let Some(key) = dedupe {
            // One key per recipient: a membership of an organisation writes to several people.
            email = email.dedupe(format!("{key}:{}", person.id));
        }
        if outbox::enqueue(conn, email)? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// To the member (everyone who speaks for it). Returns how many emails were queued (a dedupe
/// key already used queues none).
pub fn to_member(
    conn: &mut AnyConnection,
    template: &'static str,
    about: &About,
    extra: Value,
    dedupe: Option<&str>,
) -> AppResult<usize> {
    let recipients = member_recipients(conn, about.membership)?;
    send(conn, &recipients, template, about, extra, dedupe)
}

/// To one person (the applicant).
pub fn to_person(
    conn: &mut AnyConnection,
    person: &Person,
    template: &'static str,
    about: &About,
) -> AppResult<()> {
    send(
        conn,
        std::slice::from_ref(person),
        template,
        about,
        json!({}),
        None,
    )
    .map(drop)
}

/// To the host's owners.
pub fn to_owners(
    conn: &mut AnyConnection,
    template: &'static str,
    about: &About,
    extra: Value,
) -> AppResult<()> {
    let owners = store::people_with_role(conn, about.host.id, StaffRole::Owner.as_str())?;
    send(conn, &owners, template, about, extra, None).map(drop)
}
