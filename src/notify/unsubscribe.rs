//! Opting out of optional email (reminders, organiser messages). Links carry a signed token
//! naming the address and the kind, so no sign-in is needed and nobody can opt out another
//! address. Account and registration emails are always sent.

use chrono::Utc;
use diesel::prelude::*;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::config::Settings;
use crate::db::schema::unsubscribes;
use crate::db::{is_unique_violation, now, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::http::AppState;

const AUDIENCE: &str = "kolo-unsubscribe";

/// What one can opt out of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Reminders,
    OrganiserMessages,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reminders => "reminders",
            Kind::OrganiserMessages => "organiser_messages",
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    kind: Kind,
    aud: String,
    iat: i64,
    exp: i64,
}

fn token(settings: &Settings, email: &str, kind: Kind) -> Option<String> {
    let now = Utc::now().timestamp();
    let claims = Claims {
        sub: email.to_owned(),
        kind,
        aud: AUDIENCE.to_owned(),
        iat: now,
        exp: now + settings.notify.unsubscribe_valid_days * 86_400,
    };
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(settings.auth.jwt_secret.as_bytes()),
    )
    .ok()
}

/// The two links an email carries: a page for people, and the RFC 8058 one-click POST URL
/// for mail programs.
pub fn links(settings: &Settings, email: &str, kind: Kind) -> Option<(String, String)> {
    let token = token(settings, email, kind)?;
    let base = settings.public_url();
    Some((
        format!("{base}/unsubscribe?token={token}"),
        format!("{base}/api/v1/unsubscribe?token={token}"),
    ))
}

pub fn is_unsubscribed(conn: &mut AnyConnection, email: &str, kind: Kind) -> QueryResult<bool> {
    unsubscribes::table
        .filter(unsubscribes::email.eq(email))
        .filter(unsubscribes::kind.eq(kind.as_str()))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Unsubscribed {
    pub email: String,
    pub kind: Kind,
}

/// What a token opts out of, without recording anything: the page behind an emailed link
/// says what will stop before the reader confirms (mail scanners open links too).
pub fn read(settings: &Settings, token: &str) -> AppResult<Unsubscribed> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "sub", "aud"]);
    let claims = jsonwebtoken::decode::<Claims>(
        token.trim(),
        &DecodingKey::from_secret(settings.auth.jwt_secret.as_bytes()),
        &validation,
    )
    .map_err(|_| AppError::invalid("token", "is invalid or expired"))?
    .claims;
    Ok(Unsubscribed {
        email: claims.sub,
        kind: claims.kind,
    })
}

/// Records the opt-out the token names. Doing it twice is fine.
pub async fn unsubscribe(state: &AppState, token: &str) -> AppResult<Unsubscribed> {
    let Unsubscribed { email, kind } = read(&state.settings, token)?;
    let stored = email.clone();
    state
        .db(move |conn| {
            let inserted = diesel::insert_into(unsubscribes::table)
                .values((
                    unsubscribes::email.eq(&stored),
                    unsubscribes::kind.eq(kind.as_str()),
                    unsubscribes::created_at.eq(now()),
                ))
                .execute(conn);
            match inserted {
                Ok(_) => Ok(()),
                Err(e) if is_unique_violation(&e) => Ok(()),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    Ok(Unsubscribed { email, kind })
}

#[cfg(test)]
mod tests {
    use super::{links, read, Kind};

    #[test]
    fn a_token_reads_back_as_its_address_and_kind_and_a_forged_one_does_not() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        let settings = crate::config::Settings::load_from(&dir, "development", false)
            .expect("shipped configuration loads");
        let (page, _) =
            links(&settings, "ana@example.org", Kind::OrganiserMessages).expect("links");
        let token = page.split("token=").nth(1).expect("token");
        let read_back = read(&settings, token).expect("valid token");
        assert_eq!(read_back.email, "ana@example.org");
        assert_eq!(read_back.kind, Kind::OrganiserMessages);
        assert!(read(&settings, &format!("{token}x")).is_err());
        assert!(read(&settings, "").is_err());
    }
}
