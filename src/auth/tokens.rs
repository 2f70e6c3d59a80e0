//! Access tokens (JWT, HS256 pinned) and the random single-use secrets Kolo hands out
//! (refresh tokens, email links), which are stored only as SHA-256 hashes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::AuthSettings;
use crate::error::{AppError, AppResult};

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
    pub jti: String,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
    pub access_ttl_secs: i64,
}

impl JwtKeys {
    pub fn new(settings: &AuthSettings) -> JwtKeys {
        // Only HS256 is accepted: a token naming another algorithm (none, RS256, ...) fails
        // before its signature is looked at.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[&settings.audience]);
        validation.set_issuer(&[&settings.issuer]);
        validation.set_required_spec_claims(&["exp", "nbf", "iat", "sub", "iss", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = 0;
        JwtKeys {
            encoding: EncodingKey::from_secret(settings.jwt_secret.as_bytes()),
            decoding: DecodingKey::from_secret(settings.jwt_secret.as_bytes()),
            validation,
            issuer: settings.issuer.clone(),
            audience: settings.audience.clone(),
            access_ttl_secs: settings.access_ttl_secs,
        }
    }

    pub fn issue(&self, person_id: i64) -> AppResult<String> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: person_id.to_string(),
            iat: now,
            nbf: now,
            exp: now + self.access_ttl_secs,
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            jti: uuid::Uuid::new_v4().to_string(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(AppError::internal)
    }

    /// The person id in a valid access token.
    pub fn verify(&self, token: &str) -> AppResult<i64> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| AppError::Unauthorized(format!("invalid access token: {e}")))?;
        let claims = data.claims;
        if uuid::Uuid::parse_str(&claims.jti).is_err() || claims.iat > claims.exp {
            return Err(AppError::Unauthorized("invalid access token".into()));
        }
        claims
            .sub
            .parse()
            .map_err(|_| AppError::Unauthorized("invalid access token subject".into()))
    }
}

/// A fresh random secret (256 bits, URL-safe) and its hash for storage.
pub fn random_secret() -> (String, String) {
    let secret = random_value();
    let hash = hash_secret(&secret);
    (secret, hash)
}

/// 256 random bits, URL-safe, for values nothing stores a hash of (the anonymous CSRF cookie).
pub fn random_value() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Lower-case hex without a formatter call per byte (ETags and token hashes are on hot paths).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{hash_secret, hex, random_secret};

    #[test]
    fn hex_is_the_usual_lower_case_digest_text() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(
            hash_secret("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn secrets_are_random_and_hashed() {
        let (a, ha) = random_secret();
        let (b, _) = random_secret();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(ha, hash_secret(&a));
        assert_eq!(ha.len(), 64);
    }
}
