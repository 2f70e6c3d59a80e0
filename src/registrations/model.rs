//! Registrations: rows, forms and API shapes.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::{event_questions, registrations};

pub const PENDING: &str = "pending";
pub const CONFIRMED: &str = "confirmed";
pub const WAITLISTED: &str = "waitlisted";
pub const CANCELLED: &str = "cancelled";
/// Statuses that hold a seat, a waitlist place or a pending claim on one.
pub const LIVE: [&str; 3] = [PENDING, CONFIRMED, WAITLISTED];
pub const STATUSES: [&str; 4] = [PENDING, CONFIRMED, WAITLISTED, CANCELLED];

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub person_id: Option<i64>,
    pub guest_name: Option<String>,
    pub guest_email: Option<String>,
    pub organisation_id: Option<i64>,
    pub registered_by: Option<i64>,
    pub status: String,
    pub waitlisted_at: Option<NaiveDateTime>,
    pub code: String,
    pub answers: String,
    pub locale: String,
    pub confirm_token_hash: Option<String>,
    pub confirm_expires_at: Option<NaiveDateTime>,
    pub checked_in_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = registrations)]
pub struct NewRegistration {
    pub event_id: i64,
    pub person_id: Option<i64>,
    pub guest_name: Option<String>,
    pub guest_email: Option<String>,
    pub organisation_id: Option<i64>,
    pub registered_by: Option<i64>,
    pub status: &'static str,
    pub waitlisted_at: Option<NaiveDateTime>,
    pub code: String,
    pub answers: String,
    pub locale: String,
    pub confirm_token_hash: Option<String>,
    pub confirm_expires_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_questions)]
pub struct Question {
    pub id: i64,
    pub event_id: i64,
    pub position: i32,
    pub kind: String,
    pub required: bool,
    pub label: String,
    pub choices: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = event_questions)]
pub struct QuestionForm {
    pub event_id: i64,
    pub position: i32,
    pub kind: String,
    pub required: bool,
    pub label: String,
    pub choices: String,
    pub created_at: NaiveDateTime,
}

// ---- API shapes ----

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuestInput {
    pub name: String,
    pub email: String,
    /// The language of the guest's emails (default en).
    #[schema(value_type = Option<String>)]
    pub locale: Option<String>,
}

/// Register oneself (`{answers}`), a guest (`{guest}`, when the event allows guests), a
/// colleague on behalf of a represented organisation (`{organisation, person_email | guest}`),
/// or, as staff of the host, anyone (`{person_email, override_capacity?}`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
// Named apart from the account registration body, which has the same Rust name.
#[schema(as = EventRegistrationRequest)]
pub struct RegisterRequest {
    /// Question id → answer (string, boolean, or array of choice keys).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub guest: Option<GuestInput>,
    pub person_email: Option<String>,
    /// Slug of the member organisation a representative registers for.
    pub organisation: Option<String>,
    /// Staff only: confirm even when the event is full.
    #[serde(default)]
    pub override_capacity: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmGuestRequest {
    pub token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInByCode {
    pub code: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PromoteRequest {
    /// Confirm even when no seat is free (the event goes over capacity only by staff decision).
    #[serde(default)]
    pub override_capacity: bool,
}

/// A registration as its holder, its registering representative or staff see it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RegistrationView {
    pub id: i64,
    pub event_id: i64,
    /// `pending` (guest must confirm by email), `confirmed`, `waitlisted` or `cancelled`.
    pub status: String,
    /// 1-based, contiguous; only while waitlisted.
    pub waitlist_position: Option<i64>,
    /// Shown at the door; unguessable.
    pub code: String,
    pub person_id: Option<i64>,
    pub name: String,
    pub email: String,
    /// The member organisation this registration was made for, by its slug.
    pub organisation: Option<String>,
    /// That organisation's name, for rosters and attendance sheets.
    pub organisation_name: Option<String>,
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Counts for the top of a roster.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct RosterSummary {
    pub capacity: Option<i32>,
    pub seats_taken: i32,
    pub confirmed: i64,
    pub waitlisted: i64,
    pub pending: i64,
    pub cancelled: i64,
    pub checked_in: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Roster {
    pub summary: RosterSummary,
    pub items: Vec<RegistrationView>,
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

/// One of the person's registrations, with the event in their language.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyRegistration {
    #[serde(flatten)]
    pub registration: RegistrationView,
    pub event_title: String,
    pub event_starts_at: DateTime<Utc>,
    pub event_ends_at: DateTime<Utc>,
    pub event_timezone: String,
}

// ---- questions ----

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceInput {
    /// Stable key stored in answers.
    pub key: String,
    /// Locale → label.
    #[schema(value_type = Object)]
    pub label: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionInput {
    /// `text`, `long_text`, `single_choice`, `multiple_choice` or `boolean`.
    pub kind: String,
    #[serde(default)]
    pub required: bool,
    /// Locale → label.
    #[schema(value_type = Object)]
    pub label: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub choices: Vec<ChoiceInput>,
    pub position: Option<i32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionPatch {
    pub kind: Option<String>,
    pub required: Option<bool>,
    #[schema(value_type = Option<Object>)]
    pub label: Option<std::collections::BTreeMap<String, String>>,
    pub choices: Option<Vec<ChoiceInput>>,
    pub position: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionView {
    pub id: i64,
    pub kind: String,
    pub required: bool,
    #[schema(value_type = Object)]
    pub label: serde_json::Value,
    #[schema(value_type = Vec<Object>)]
    pub choices: serde_json::Value,
    pub position: i32,
}

impl From<&Question> for QuestionView {
    fn from(q: &Question) -> QuestionView {
        QuestionView {
            id: q.id,
            kind: q.kind.clone(),
            required: q.required,
            label: serde_json::from_str(&q.label).unwrap_or_default(),
            choices: serde_json::from_str(&q.choices).unwrap_or_default(),
            position: q.position,
        }
    }
}
