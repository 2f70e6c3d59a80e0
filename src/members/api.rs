//! The shapes the members API speaks: request bodies (every one denies unknown fields, so a
//! client cannot set `hosts_events`, `status` or `role` by adding a field) and views.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::members::model::{
    localized_from_db, LocalizedText, Membership, MembershipType, Organisation,
};

// ---- organisations ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganisation {
    #[schema(example = "kc-novi-sad")]
    pub slug: String,
    #[schema(example = "Kulturni centar Novi Sad")]
    pub name: String,
    /// association, cultural_centre, network, institution, university, public_body, company,
    /// informal_group or other.
    #[schema(example = "cultural_centre")]
    pub kind: String,
    /// ISO 3166-1 alpha-2.
    #[schema(example = "RS")]
    pub country: String,
    pub city: Option<String>,
    /// Shown in the signature of the emails sent for the organisation.
    #[schema(example = "https://kcns.example.org")]
    pub website: Option<String>,
    /// Public contact address: the Reply-To and signature of the emails sent for the
    /// organisation (without it, they say not to reply).
    pub email: Option<String>,
    /// Locale tag → text.
    #[schema(value_type = Option<Object>, example = json!({"en": "A cultural centre", "sr-Latn": "Kulturni centar"}))]
    pub description: Option<LocalizedText>,
    /// Only a platform admin may set this.
    pub hosts_events: Option<bool>,
}

/// Changes to an organisation; `null` clears `city`, `website` or `email`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganisation {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub city: Option<Option<String>>,
    /// Shown in the signature of the emails sent for the organisation.
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub website: Option<Option<String>>,
    /// Public contact address: the Reply-To and signature of the emails sent for the
    /// organisation (without it, they say not to reply).
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    /// Replaces the whole description (locale tag → text).
    #[schema(value_type = Option<Object>)]
    pub description: Option<LocalizedText>,
    /// Only a platform admin may change this.
    pub hosts_events: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OrganisationFilter {
    pub kind: Option<String>,
    pub country: Option<String>,
    /// Part of the name or slug, regardless of case, script and diacritics.
    pub q: Option<String>,
    pub hosts_events: Option<bool>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: Option<String>,
    /// Shown in the signature of the emails sent for the organisation.
    pub website: Option<String>,
    /// Public contact address: the Reply-To and signature of the emails sent for the
    /// organisation (without it, they say not to reply).
    pub email: Option<String>,
    #[schema(value_type = Object)]
    pub description: LocalizedText,
    pub hosts_events: bool,
    pub created_at: DateTime<Utc>,
}

impl From<&Organisation> for OrganisationView {
    fn from(o: &Organisation) -> OrganisationView {
        OrganisationView {
            id: o.id,
            slug: o.slug.clone(),
            name: o.name.clone(),
            kind: o.kind.clone(),
            country: o.country.clone(),
            city: o.city.clone(),
            website: o.website.clone(),
            email: o.email.clone(),
            description: localized_from_db(&o.description),
            hosts_events: o.hosts_events,
            created_at: o.created_at.and_utc(),
        }
    }
}

// ---- staff and representatives ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddStaff {
    /// The email of an existing account.
    #[schema(example = "milica@example.org")]
    pub email: String,
    /// `owner` or `organiser`.
    #[schema(example = "organiser")]
    pub role: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddRepresentative {
    /// The email of an existing account.
    pub email: String,
}

/// A person acting for an organisation, as its staff and representatives see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonRoleView {
    pub person_id: i64,
    pub full_name: String,
    pub email: String,
    /// `owner` or `organiser` for staff; absent for representatives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub since: DateTime<Utc>,
}

// ---- membership types ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateMembershipType {
    /// Locale tag → name; at least one.
    #[schema(value_type = Object, example = json!({"en": "Individual member", "sr-Latn": "Individualni član"}))]
    pub name: LocalizedText,
    /// `person` or `organisation`.
    pub member_kind: String,
    /// Months a membership lasts; null or absent for lifetime.
    pub duration_months: Option<i32>,
    /// Default true.
    pub requires_approval: Option<bool>,
    /// Yearly fee, recorded and never charged: a decimal with at most two places.
    #[schema(value_type = Option<String>, example = "25.00")]
    pub annual_fee: Option<serde_json::Value>,
    /// ISO 4217 code, required with a fee.
    #[schema(example = "EUR")]
    pub currency: Option<String>,
    /// Default true; inactive types take no new applications.
    pub active: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMembershipType {
    #[schema(value_type = Option<Object>)]
    pub name: Option<LocalizedText>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    pub duration_months: Option<Option<i32>>,
    pub requires_approval: Option<bool>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>)]
    pub annual_fee: Option<Option<serde_json::Value>>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    pub currency: Option<Option<String>>,
    pub active: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipTypeView {
    pub id: i64,
    #[schema(value_type = Object)]
    pub name: LocalizedText,
    pub member_kind: String,
    pub duration_months: Option<i32>,
    pub requires_approval: bool,
    #[schema(example = "25.00")]
    pub annual_fee: Option<String>,
    pub currency: Option<String>,
    pub active: bool,
}

/// Minor units as a decimal string: 2500 → "25.00".
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

impl From<&MembershipType> for MembershipTypeView {
    fn from(t: &MembershipType) -> MembershipTypeView {
        MembershipTypeView {
            id: t.id,
            name: localized_from_db(&t.name),
            member_kind: t.member_kind.clone(),
            duration_months: t.duration_months,
            requires_approval: t.requires_approval,
            annual_fee: t.annual_fee_cents.map(format_cents),
            currency: t.currency.clone(),
            active: t.active,
        }
    }
}

// ---- memberships ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplyForMembership {
    pub type_id: i64,
    /// Apply for this organisation (you must represent it) instead of yourself.
    pub organisation_slug: Option<String>,
    /// A message to the host's staff.
    pub note: Option<String>,
    /// Be listed in the host's member directory (default: off for people, on for organisations).
    pub directory_visible: Option<bool>,
}

/// `action` changes the status (staff: any; the member: `renew` or `cancel`);
/// `directory_visible` is the member's own choice. At least one is needed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMembership {
    /// approve, reject, renew or cancel.
    pub action: Option<String>,
    /// Why (shown to the member on rejection).
    pub reason: Option<String>,
    pub directory_visible: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MembershipFilter {
    /// pending, active, rejected, expired or cancelled.
    pub status: Option<String>,
    /// A membership type id.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub type_id: Option<i64>,
    /// person or organisation.
    pub member_kind: Option<String>,
    /// The member's country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Part of the member's name or email, or the organisation's slug, regardless of case,
    /// script and diacritics.
    pub q: Option<String>,
    /// Memberships ending before this date (YYYY-MM-DD).
    pub expires_before: Option<String>,
    /// `json` (default) or `csv` (every matching row, no paging).
    pub format: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageOnly {
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// The member: a person or an organisation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberView {
    /// `person` or `organisation`.
    pub kind: &'static str,
    pub id: i64,
    pub name: String,
    /// The person's email, or the organisation's contact email (not in the public directory).
    pub email: Option<String>,
    /// Organisations only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HostRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TypeRef {
    pub id: i64,
    #[schema(value_type = Object)]
    pub name: LocalizedText,
    pub duration_months: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipView {
    pub id: i64,
    pub host: HostRef,
    #[serde(rename = "type")]
    pub type_: TypeRef,
    pub member: MemberView,
    pub status: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub decision_reason: Option<String>,
    pub directory_visible: bool,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl MembershipView {
    pub fn new(m: &Membership, host: HostRef, type_: TypeRef, member: MemberView) -> Self {
        MembershipView {
            id: m.id,
            host,
            type_,
            member,
            status: m.status.clone(),
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            note: m.note.clone(),
            decision_reason: m.decision_reason.clone(),
            directory_visible: m.directory_visible,
            decided_at: m.decided_at.map(|t| t.and_utc()),
            created_at: m.created_at.and_utc(),
        }
    }
}

/// A member in the public directory: public fields only, never a person's email.
#[derive(Debug, Serialize, ToSchema)]
pub struct DirectoryEntry {
    /// `person` or `organisation`.
    pub kind: &'static str,
    pub name: String,
    pub country: Option<String>,
    /// Organisations only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[schema(value_type = Object)]
    pub membership_type: LocalizedText,
    pub member_since: Option<NaiveDate>,
}
