//! Account rules. Each public function is one use case; writes happen in one transaction
//! together with the emails they cause.

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use crate::auth::model::*;
use crate::auth::{passwords, store, tokens};
use crate::caps;
use crate::db::{now, write_tx, AnyConnection};
use crate::error::{push_error as push, AppError, AppResult, FieldErrors};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::notify::outbox::{self, OutgoingEmail};
use crate::types::{text, CountryCode, Email};

const VERIFY_EMAIL_TTL_HOURS: i64 = 48;
const PASSWORD_RESET_TTL_HOURS: i64 = 2;

/// A registration body that passed every field rule.
pub struct ValidRegistration {
    pub email: Email,
    pub password: String,
    pub full_name: String,
    pub locale: Locale,
    /// Only the sign-up page asks for it; the API sets it later with `PATCH /me`.
    pub country: Option<CountryCode>,
}

pub fn validate_registration(req: RegisterRequest) -> AppResult<ValidRegistration> {
    let mut errors = FieldErrors::new();
    let email = Email::parse(&req.email)
        .map_err(|m| push(&mut errors, "email", m))
        .ok();
    if let Err(m) = passwords::check_policy(&req.password) {
        push(&mut errors, "password", m);
    }
    let full_name = text(&req.full_name, 1, caps::NAME)
        .map_err(|m| push(&mut errors, "full_name", m))
        .ok();
    let locale = match req.locale.as_deref() {
        None => Some(Locale::En),
        Some(tag) => tag.parse().map_err(|m| push(&mut errors, "locale", m)).ok(),
    };
    match (email, full_name, locale) {
        (Some(email), Some(full_name), Some(locale)) if errors.is_empty() => {
            Ok(ValidRegistration {
                email,
                password: req.password,
                full_name,
                locale,
                country: None,
            })
        }
        _ => Err(AppError::Validation(errors)),
    }
}

/// Creates the account and queues its verification email. For an address that already has an
/// account nothing is created and its owner is told instead, so the answer (and the time it
/// takes: the password is hashed either way) does not reveal who has an account.
pub async fn register(state: &AppState, req: RegisterRequest) -> AppResult<()> {
    register_valid(state, validate_registration(req)?).await
}

/// `register` for a body already validated (the sign-up page adds a country to it).
pub async fn register_valid(state: &AppState, valid: ValidRegistration) -> AppResult<()> {
    let password = valid.password.clone();
    let hash = passwords::hash_off_thread(password).await?;
    let public_url = state.settings.public_url().to_owned();
    let outcome = state
        .db(move |conn| {
            write_tx(conn, |conn| {
                if let Some(existing) = store::find_person_by_email(conn, valid.email.as_str())? {
                    tell_owner(conn, &existing)?;
                    return Ok(());
                }
                let now = now();
                let person = store::insert_person(
                    conn,
                    &NewPerson {
                        email: valid.email.as_str(),
                        password_hash: &hash,
                        full_name: &valid.full_name,
                        locale: valid.locale.tag(),
                        country: valid.country.as_ref().map(|c| c.as_str()),
                        is_admin: false,
                        email_verified_at: None,
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                send_verification(conn, &person, &public_url, now)
            })
        })
        .await;
    match outcome {
        // A concurrent registration of the same address won the insert: that one was told.
        Err(AppError::Conflict {
            code: "already_exists",
            ..
        }) => Ok(()),
        other => other,
    }
}

/// "Someone tried to create an account with your address": the owner learns of the attempt
/// and how to get in, the one who tried learns nothing.
fn tell_owner(conn: &mut AnyConnection, person: &Person) -> AppResult<()> {
    outbox::enqueue(
        conn,
        OutgoingEmail::new(
            &person.email,
            person.locale(),
            "account_exists",
            json!({ "name": person.full_name }),
        ),
    )?;
    Ok(())
}

fn send_verification(
    conn: &mut AnyConnection,
    person: &Person,
    public_url: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    store::expire_email_tokens(conn, person.id, PURPOSE_VERIFY_EMAIL, now)?;
    let (token, token_hash) = tokens::random_secret();
    store::insert_email_token(
        conn,
        &NewEmailToken {
            person_id: person.id,
            purpose: PURPOSE_VERIFY_EMAIL,
            token_hash: &token_hash,
            expires_at: now + Duration::hours(VERIFY_EMAIL_TTL_HOURS),
            created_at: now,
        },
    )?;
    outbox::enqueue(
        conn,
        OutgoingEmail::new(
            &person.email,
            person.locale(),
            "verify_email",
            json!({
                "name": person.full_name,
                "link": format!("{public_url}/verify-email?token={token}"),
                "hours": VERIFY_EMAIL_TTL_HOURS,
            }),
        ),
    )?;
    Ok(())
}

/// Sends a fresh verification link (the older ones stop working). Verified accounts get none.
pub async fn resend_verification(state: &AppState, person_id: i64) -> AppResult<()> {
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let person = load_person(conn, person_id)?;
                if person.is_verified() {
                    return Err(AppError::conflict(
                        "already_verified",
                        "this email is already verified",
                    ));
                }
                send_verification(conn, &person, &public_url, now())
            })
        })
        .await
}

pub async fn verify_email(state: &AppState, req: TokenRequest) -> AppResult<Person> {
    caps::within("token", &req.token, caps::TOKEN)?;
    let token_hash = tokens::hash_secret(req.token.trim());
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let now = now();
                let token = store::take_email_token(conn, PURPOSE_VERIFY_EMAIL, &token_hash, now)?
                    .ok_or_else(invalid_token)?;
                store::mark_verified(conn, token.person_id, now)?;
                load_person(conn, token.person_id)
            })
        })
        .await
}

fn invalid_token() -> AppError {
    AppError::invalid("token", "is invalid, already used or expired")
}

fn bad_credentials() -> AppError {
    AppError::Unauthorized("the email or password is incorrect".into())
}

pub async fn login(state: &AppState, req: LoginRequest) -> AppResult<TokenPair> {
    let person = check_credentials(state, req).await?;
    issue_pair(state, person.id, None).await
}

/// The person an email and password belong to, or 401; shared by the API login and the
/// sign-in page. An address that cannot exist still costs one hash verification, like a
/// wrong password, so the time taken does not tell which it was.
pub async fn check_credentials(state: &AppState, req: LoginRequest) -> AppResult<Person> {
    caps::within("email", &req.email, caps::EMAIL)?;
    caps::within("password", &req.password, caps::PASSWORD)?;
    let email = Email::parse(&req.email).ok();
    let person = match email {
        Some(email) => {
            state
                .db(move |conn| Ok(store::find_person_by_email(conn, email.as_str())?))
                .await?
        }
        None => None,
    };
    let stored_hash = person
        .as_ref()
        .map(|p| p.password_hash.clone())
        .unwrap_or_else(|| passwords::dummy_hash().to_owned());
    let password = req.password;
    let matches = passwords::verify_off_thread(password, stored_hash).await?;
    match person {
        Some(person) if matches => Ok(person),
        _ => Err(bad_credentials()),
    }
}

/// A new access token and a new refresh token, in `family` (a rotation) or a new family (a login).
async fn issue_pair(
    state: &AppState,
    person_id: i64,
    family: Option<String>,
) -> AppResult<TokenPair> {
    let refresh_ttl = Duration::days(state.settings.auth.refresh_ttl_days);
    let refresh_token = state
        .db(move |conn| {
            let family_id = family.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            insert_refresh(conn, person_id, &family_id, refresh_ttl)
        })
        .await?;
    Ok(TokenPair {
        access_token: state.jwt.issue(person_id)?,
        refresh_token,
        token_type: "Bearer",
        expires_in: state.jwt.access_ttl_secs,
    })
}

fn insert_refresh(
    conn: &mut AnyConnection,
    person_id: i64,
    family_id: &str,
    ttl: Duration,
) -> AppResult<String> {
    let (token, token_hash) = tokens::random_secret();
    let now = now();
    store::insert_refresh_token(
        conn,
        &NewRefreshToken {
            person_id,
            family_id,
            token_hash: &token_hash,
            expires_at: now + ttl,
            created_at: now,
        },
    )?;
    Ok(token)
}

enum RefreshOutcome {
    Rotated { person_id: i64, new_token: String },
    Rejected(&'static str),
}

/// Rotates a refresh token. A token that was already rotated is a sign it was stolen (either
/// the thief or the owner is replaying it), so the whole family is revoked.
pub async fn refresh(state: &AppState, req: RefreshRequest) -> AppResult<TokenPair> {
    caps::within("refresh_token", &req.refresh_token, caps::TOKEN)?;
    let token_hash = tokens::hash_secret(req.refresh_token.trim());
    let refresh_ttl = Duration::days(state.settings.auth.refresh_ttl_days);
    let outcome = state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let now = now();
                let Some(token) = store::find_refresh_token(conn, &token_hash)? else {
                    return Ok(RefreshOutcome::Rejected("unknown refresh token"));
                };
                if token.revoked_at.is_some() {
                    return Ok(RefreshOutcome::Rejected("this session has been signed out"));
                }
                if token.expires_at <= now {
                    return Ok(RefreshOutcome::Rejected("the refresh token has expired"));
                }
                if token.rotated_at.is_some() || !store::rotate_refresh_token(conn, token.id, now)?
                {
                    store::revoke_family(conn, &token.family_id, now)?;
                    return Ok(RefreshOutcome::Rejected(
                        "this refresh token was already used; the session has been revoked",
                    ));
                }
                if store::find_person(conn, token.person_id)?.is_none() {
                    return Ok(RefreshOutcome::Rejected("the account no longer exists"));
                }
                let new_token =
                    insert_refresh(conn, token.person_id, &token.family_id, refresh_ttl)?;
                Ok(RefreshOutcome::Rotated {
                    person_id: token.person_id,
                    new_token,
                })
            })
        })
        .await?;
    match outcome {
        RefreshOutcome::Rotated {
            person_id,
            new_token,
        } => Ok(TokenPair {
            access_token: state.jwt.issue(person_id)?,
            refresh_token: new_token,
            token_type: "Bearer",
            expires_in: state.jwt.access_ttl_secs,
        }),
        RefreshOutcome::Rejected(why) => Err(AppError::Unauthorized(why.into())),
    }
}

/// Signs out the session the refresh token belongs to. Unknown tokens are ignored: signing out
/// twice is not an error.
pub async fn logout(state: &AppState, req: RefreshRequest) -> AppResult<()> {
    caps::within("refresh_token", &req.refresh_token, caps::TOKEN)?;
    let token_hash = tokens::hash_secret(req.refresh_token.trim());
    state
        .db(move |conn| {
            if let Some(token) = store::find_refresh_token(conn, &token_hash)? {
                store::revoke_family(conn, &token.family_id, now())?;
            }
            Ok(())
        })
        .await
}

/// Queues a reset link if the account exists; answers the same either way.
pub async fn request_password_reset(state: &AppState, req: PasswordResetRequest) -> AppResult<()> {
    caps::within("email", &req.email, caps::EMAIL)?;
    let Ok(email) = Email::parse(&req.email) else {
        return Ok(());
    };
    let public_url = state.settings.public_url().to_owned();
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let Some(person) = store::find_person_by_email(conn, email.as_str())? else {
                    return Ok(());
                };
                let now = now();
                store::expire_email_tokens(conn, person.id, PURPOSE_PASSWORD_RESET, now)?;
                let (token, token_hash) = tokens::random_secret();
                store::insert_email_token(
                    conn,
                    &NewEmailToken {
                        person_id: person.id,
                        purpose: PURPOSE_PASSWORD_RESET,
                        token_hash: &token_hash,
                        expires_at: now + Duration::hours(PASSWORD_RESET_TTL_HOURS),
                        created_at: now,
                    },
                )?;
                outbox::enqueue(
                    conn,
                    OutgoingEmail::new(
                        &person.email,
                        person.locale(),
                        "password_reset",
                        json!({
                            "name": person.full_name,
                            "link": format!("{public_url}/reset-password?token={token}"),
                            "hours": PASSWORD_RESET_TTL_HOURS,
                        }),
                    ),
                )?;
                Ok(())
            })
        })
        .await
}

/// Sets the new password and signs out every session of the person.
pub async fn confirm_password_reset(state: &AppState, req: PasswordResetConfirm) -> AppResult<()> {
    caps::within("token", &req.token, caps::TOKEN)?;
    passwords::check_policy(&req.password).map_err(|m| AppError::invalid("password", m))?;
    let password = req.password;
    let hash = passwords::hash_off_thread(password).await?;
    let token_hash = tokens::hash_secret(req.token.trim());
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                let now = now();
                let token =
                    store::take_email_token(conn, PURPOSE_PASSWORD_RESET, &token_hash, now)?
                        .ok_or_else(invalid_token)?;
                store::set_password(conn, token.person_id, &hash, now)?;
                // The link reached the inbox, which proves the address as well as a verification would.
                store::mark_verified(conn, token.person_id, now)?;
                store::revoke_all_for_person(conn, token.person_id, now)?;
                Ok(())
            })
        })
        .await
}

/// The person behind a token; a token whose person is gone is no longer a valid login.
pub fn load_person(conn: &mut AnyConnection, person_id: i64) -> AppResult<Person> {
    store::find_person(conn, person_id)?
        .ok_or_else(|| AppError::Unauthorized("the account no longer exists".into()))
}

pub async fn me(state: &AppState, person_id: i64) -> AppResult<Person> {
    state.db(move |conn| load_person(conn, person_id)).await
}

pub async fn update_me(state: &AppState, person_id: i64, req: UpdateMe) -> AppResult<Person> {
    let mut errors = FieldErrors::new();
    let mut changes = PersonChanges::default();
    if let Some(name) = &req.full_name {
        changes.full_name = text(name, 1, caps::NAME)
            .map_err(|m| push(&mut errors, "full_name", m))
            .ok();
    }
    if let Some(tag) = &req.locale {
        changes.locale = tag
            .parse::<Locale>()
            .map(|l| l.tag().to_owned())
            .map_err(|m| push(&mut errors, "locale", m))
            .ok();
    }
    match &req.country {
        Some(Some(code)) => {
            changes.country = CountryCode::parse(code)
                .map(|c| Some(c.into_inner()))
                .map_err(|m| push(&mut errors, "country", m))
                .ok();
        }
        Some(None) => changes.country = Some(None),
        None => {}
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    state
        .db(move |conn| {
            write_tx(conn, |conn| {
                load_person(conn, person_id)?;
                changes.updated_at = Some(now());
                Ok(store::update_person(conn, person_id, &changes)?)
            })
        })
        .await
}

/// For `kolo create-admin`: creates a verified admin, or promotes an existing account.
pub fn create_admin(
    conn: &mut AnyConnection,
    email: &Email,
    full_name: &str,
    password_hash: &str,
) -> AppResult<(Person, bool)> {
    write_tx(conn, |conn| {
        let now = now();
        if let Some(existing) = store::find_person_by_email(conn, email.as_str())? {
            store::make_admin(conn, existing.id)?;
            return Ok((load_person(conn, existing.id)?, false));
        }
        let person = store::insert_person(
            conn,
            &NewPerson {
                email: email.as_str(),
                password_hash,
                full_name,
                locale: Locale::En.tag(),
                country: None,
                is_admin: true,
                email_verified_at: Some(now),
                created_at: now,
                updated_at: now,
            },
        )?;
        Ok((person, true))
    })
}
