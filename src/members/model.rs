//! Organisations, staff, representatives, membership types and memberships: the closed sets of
//! values they use, their rows and their insert / update forms.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{membership_types, memberships, organisations};
use crate::i18n::Locale;

/// Defines a closed set of string values with parsing that names the allowed ones.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses an exact value; the error lists the allowed ones.
            pub fn parse(raw: &str) -> Result<$name, String> {
                match raw {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!(
                        "`{raw}` is not one of: {}",
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

string_enum!(
    /// What kind of body an organisation is.
    OrgKind {
        Association => "association",
        CulturalCentre => "cultural_centre",
        Network => "network",
        Institution => "institution",
        University => "university",
        PublicBody => "public_body",
        Company => "company",
        InformalGroup => "informal_group",
        Other => "other",
    }
);

string_enum!(
    /// Who a membership type is for.
    MemberKind {
        Person => "person",
        Organisation => "organisation",
    }
);

string_enum!(
    /// `pending → active | rejected`; `active → expired | cancelled`; renewing brings an
    /// expired membership back to `active`.
    MembershipStatus {
        Pending => "pending",
        Active => "active",
        Rejected => "rejected",
        Expired => "expired",
        Cancelled => "cancelled",
    }
);

string_enum!(
    /// What staff (or the member) do to a membership.
    MembershipAction {
        Approve => "approve",
        Reject => "reject",
        Renew => "renew",
        Cancel => "cancel",
    }
);

/// Text in several locales (locale tag → text), stored as a JSON object.
pub type LocalizedText = BTreeMap<String, String>;

/// Reads a stored locale map; a damaged value reads as empty rather than failing the request.
pub fn localized_from_db(raw: &str) -> LocalizedText {
    serde_json::from_str(raw).unwrap_or_default()
}

pub fn localized_to_db(text: &LocalizedText) -> String {
    serde_json::Value::from_iter(
        text.iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::from(v.as_str()))),
    )
    .to_string()
}

/// The text for `locale`: that locale, else English, else the first there is.
pub fn pick(text: &LocalizedText, locale: Locale) -> String {
    text.get(locale.tag())
        .or_else(|| text.get(Locale::En.tag()))
        .or_else(|| text.values().next())
        .cloned()
        .unwrap_or_default()
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub description: String,
    pub hosts_events: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = organisations)]
pub struct NewOrganisation {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub description: String,
    pub hosts_events: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = organisations)]
pub struct OrganisationChanges {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub city: Option<Option<String>>,
    pub website: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub description: Option<String>,
    pub hosts_events: Option<bool>,
    pub updated_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = membership_types)]
pub struct MembershipType {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub member_kind: String,
    pub duration_months: Option<i32>,
    pub requires_approval: bool,
    pub annual_fee_cents: Option<i64>,
    pub currency: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl MembershipType {
    pub fn name_in(&self, locale: Locale) -> String {
        pick(&localized_from_db(&self.name), locale)
    }

    /// The day a membership of this type that starts (or is extended) from `from` ends;
    /// `None` for a lifetime membership. Month arithmetic clamps to the month's last day.
    pub fn end_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        let months = u32::try_from(self.duration_months?).ok()?;
        from.checked_add_months(Months::new(months))
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = membership_types)]
pub struct NewMembershipType {
    pub organisation_id: i64,
    pub name: String,
    pub member_kind: String,
    pub duration_months: Option<i32>,
    pub requires_approval: bool,
    pub annual_fee_cents: Option<i64>,
    pub currency: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = membership_types)]
pub struct MembershipTypeChanges {
    pub name: Option<String>,
    pub duration_months: Option<Option<i32>>,
    pub requires_approval: Option<bool>,
    pub annual_fee_cents: Option<Option<i64>>,
    pub currency: Option<Option<String>>,
    pub active: Option<bool>,
    pub updated_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = memberships)]
pub struct Membership {
    pub id: i64,
    pub host_id: i64,
    pub type_id: i64,
    pub person_id: Option<i64>,
    pub member_organisation_id: Option<i64>,
    pub status: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub decision_reason: Option<String>,
    pub directory_visible: bool,
    pub applied_by: Option<i64>,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Membership {
    pub fn member_kind(&self) -> MemberKind {
        if self.member_organisation_id.is_some() {
            MemberKind::Organisation
        } else {
            MemberKind::Person
        }
    }

    pub fn status(&self) -> Option<MembershipStatus> {
        MembershipStatus::parse(&self.status).ok()
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = memberships)]
pub struct NewMembership {
    pub host_id: i64,
    pub type_id: i64,
    pub person_id: Option<i64>,
    pub member_organisation_id: Option<i64>,
    pub status: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub directory_visible: bool,
    pub applied_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A status change, applied only if the row is still in the status it was read in.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = memberships)]
pub struct MembershipChanges {
    pub status: Option<String>,
    pub starts_on: Option<Option<NaiveDate>>,
    pub ends_on: Option<Option<NaiveDate>>,
    pub decision_reason: Option<Option<String>>,
    pub directory_visible: Option<bool>,
    pub decided_by: Option<Option<i64>>,
    pub decided_at: Option<Option<NaiveDateTime>>,
    pub updated_at: Option<NaiveDateTime>,
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn kind(months: Option<i32>) -> MembershipType {
        let t = NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        MembershipType {
            id: 1,
            organisation_id: 1,
            name: r#"{"en":"Individual","sr-Latn":"Pojedinačno"}"#.into(),
            member_kind: "person".into(),
            duration_months: months,
            requires_approval: true,
            annual_fee_cents: None,
            currency: None,
            active: true,
            created_at: t,
            updated_at: t,
        }
    }

    #[test]
    fn membership_ends_clamp_to_the_end_of_the_month() {
        let jan31 = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        assert_eq!(
            kind(Some(1)).end_from(jan31),
            NaiveDate::from_ymd_opt(2027, 2, 28)
        );
        assert_eq!(
            kind(Some(12)).end_from(jan31),
            NaiveDate::from_ymd_opt(2028, 1, 31)
        );
        assert_eq!(kind(None).end_from(jan31), None);
    }

    #[test]
    fn names_fall_back_to_english_then_any() {
        let t = kind(None);
        assert_eq!(t.name_in(Locale::SrLatn), "Pojedinačno");
        assert_eq!(t.name_in(Locale::Mk), "Individual");
        let only_hr: LocalizedText = [("hr".to_owned(), "Članstvo".to_owned())].into();
        assert_eq!(pick(&only_hr, Locale::En), "Članstvo");
    }

    #[test]
    fn enums_name_their_values() {
        assert_eq!(OrgKind::parse("university"), Ok(OrgKind::University));
        let err = MemberKind::parse("robot").unwrap_err();
        assert!(err.contains("person, organisation"), "{err}");
        assert_eq!(MembershipStatus::ALL.len(), 5);
    }
}
