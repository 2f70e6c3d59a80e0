//! The signed link to one registration's page, for people without an account (guests) and for
//! members reading an email while signed out: `/registrations/{id}?key=…`. The key is an HMAC
//! of the registration id under the server's secret, so it opens that registration and no
//! other, and needs nothing stored.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::Settings;

type HmacSha256 = Hmac<Sha256>;

fn mac(settings: &Settings, registration_id: i64) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(settings.auth.jwt_secret.as_bytes()).ok()?;
    mac.update(b"kolo-registration-link|");
    mac.update(registration_id.to_string().as_bytes());
    Some(mac)
}

/// The key of a registration's link.
pub fn key(settings: &Settings, registration_id: i64) -> String {
    mac(settings, registration_id)
        .map(|m| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// The full link, for emails.
pub fn url(settings: &Settings, registration_id: i64) -> String {
    format!(
        "{}/registrations/{registration_id}?key={}",
        settings.public_url(),
        key(settings, registration_id)
    )
}

/// Whether `key` opens `registration_id` (constant time).
pub fn verify(settings: &Settings, registration_id: i64, key: &str) -> bool {
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(key.trim()) else {
        return false;
    };
    mac(settings, registration_id).is_some_and(|m| m.verify_slice(&bytes).is_ok())
}

#[cfg(test)]
mod tests {
    use super::{key, verify};

    #[test]
    fn a_key_opens_its_registration_only() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        let settings = crate::config::Settings::load_from(&dir, "development", false)
            .expect("shipped configuration loads");
        let k = key(&settings, 42);
        assert!(verify(&settings, 42, &k));
        assert!(!verify(&settings, 43, &k));
        assert!(!verify(&settings, 42, "not-a-key"));
        assert!(!verify(&settings, 42, ""));
    }
}
