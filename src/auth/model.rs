//! Accounts: rows, forms and the shapes the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::{email_tokens, people, refresh_tokens};
use crate::i18n::Locale;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = people)]
pub struct Person {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub full_name: String,
    pub locale: String,
    pub country: Option<String>,
    pub is_admin: bool,
    pub email_verified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Person {
    pub fn locale(&self) -> Locale {
        Locale::parse(&self.locale).unwrap_or(Locale::En)
    }

    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = people)]
pub struct NewPerson<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub full_name: &'a str,
    pub locale: &'a str,
    pub country: Option<&'a str>,
    pub is_admin: bool,
    pub email_verified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = people)]
pub struct PersonChanges {
    pub full_name: Option<String>,
    pub locale: Option<String>,
    pub country: Option<Option<String>>,
    pub updated_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_tokens)]
pub struct EmailToken {
    pub id: i64,
    pub person_id: i64,
    pub purpose: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = email_tokens)]
pub struct NewEmailToken<'a> {
    pub person_id: i64,
    pub purpose: &'a str,
    pub token_hash: &'a str,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

pub const PURPOSE_VERIFY_EMAIL: &str = "verify_email";
pub const PURPOSE_PASSWORD_RESET: &str = "password_reset";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshToken {
    pub id: i64,
    pub person_id: i64,
    pub family_id: String,
    pub expires_at: NaiveDateTime,
    pub rotated_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct NewRefreshToken<'a> {
    pub person_id: i64,
    pub family_id: &'a str,
    pub token_hash: &'a str,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

// ---- API shapes ----

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    #[schema(example = "ana@example.org")]
    pub email: String,
    /// 10 to 128 characters.
    #[schema(example = "a long passphrase")]
    pub password: String,
    #[schema(example = "Ana Petrović")]
    pub full_name: String,
    /// One of en, sr-Latn, sr-Cyrl, hr, bs, sl, mk, bg, ro, sq (default en).
    #[schema(value_type = Option<String>, example = "sr-Latn")]
    pub locale: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub email: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirm {
    pub token: String,
    pub password: String,
}

/// Fields a person may change about themself. `country: null` clears it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMe {
    pub full_name: Option<String>,
    #[schema(value_type = Option<String>)]
    pub locale: Option<String>,
    #[serde(default, deserialize_with = "crate::types::double_option")]
    #[schema(value_type = Option<String>, example = "MK")]
    pub country: Option<Option<String>>,
}

/// The answer to a registration, the same for a new address and one that has an account.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationAccepted {
    #[schema(example = "accepted")]
    pub status: &'static str,
    pub detail: &'static str,
}

impl RegistrationAccepted {
    pub fn new() -> RegistrationAccepted {
        RegistrationAccepted {
            status: "accepted",
            detail: "Check your inbox: we sent a link to confirm the address. If the address \
                     already has an account, we sent a note about signing in instead.",
        }
    }
}

impl Default for RegistrationAccepted {
    fn default() -> Self {
        RegistrationAccepted::new()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenPair {
    pub access_token: String,
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

/// A person as they see themself.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonView {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub locale: Locale,
    pub country: Option<String>,
    pub email_verified: bool,
    /// `admin` for platform admins, otherwise null.
    pub platform_role: Option<&'static str>,
    pub created_at: DateTime<Utc>,
}

impl From<&Person> for PersonView {
    fn from(p: &Person) -> PersonView {
        PersonView {
            id: p.id,
            email: p.email.clone(),
            full_name: p.full_name.clone(),
            locale: p.locale(),
            country: p.country.clone(),
            email_verified: p.is_verified(),
            platform_role: p.is_admin.then_some("admin"),
            created_at: p.created_at.and_utc(),
        }
    }
}
