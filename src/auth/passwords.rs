//! Password hashing with argon2id at OWASP's recommended parameters (19 MiB, t=2, p=1, the
//! argon2 crate's defaults). Each takes tens of ms and 19 MiB, so request handlers use
//! `hash_off_thread` / `verify_off_thread`, which run on a few dedicated hashing threads.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::error::{AppError, AppResult};

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 128;

/// Checks the length rule (in characters, so a Cyrillic passphrase counts like a Latin one).
pub fn check_policy(password: &str) -> Result<(), String> {
    let len = password.chars().count();
    if len < MIN_LENGTH {
        return Err(format!("must be at least {MIN_LENGTH} characters"));
    }
    if len > MAX_LENGTH {
        return Err(format!("must be at most {MAX_LENGTH} characters"));
    }
    Ok(())
}

pub fn hash(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(anyhow::anyhow!("hashing a password: {e}")))
}

pub fn verify(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

type Job = Box<dyn FnOnce() + Send>;

/// Half the cores (at least one) hash passwords, on threads of their own rather than on the
/// blocking pool that diesel shares: a login storm then queues behind these threads instead of
/// taking every core and every blocking thread from the other requests, and the 19 MiB that
/// each hash allocates stays in these threads' few malloc arenas instead of spreading over
/// one arena per blocking thread (measured: 92 → 534 MiB RSS during 20 logins/s without this).
fn hashing_threads() -> Option<&'static std::sync::Mutex<std::sync::mpsc::Sender<Job>>> {
    static SENDER: std::sync::OnceLock<Option<std::sync::Mutex<std::sync::mpsc::Sender<Job>>>> =
        std::sync::OnceLock::new();
    SENDER
        .get_or_init(|| {
            let (sender, receiver) = std::sync::mpsc::channel::<Job>();
            let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
            let threads = std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1));
            for i in 0..threads {
                let receiver = receiver.clone();
                std::thread::Builder::new()
                    .name(format!("kolo-hash-{i}"))
                    .spawn(move || loop {
                        let job = match receiver.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    })
                    .ok()?;
            }
            Some(std::sync::Mutex::new(sender))
        })
        .as_ref()
}

async fn off_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(work());
    });
    let sender = hashing_threads()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("no password hashing threads")))?;
    sender
        .lock()
        .map_err(|_| AppError::internal(anyhow::anyhow!("password hashing queue poisoned")))?
        .send(job)
        .map_err(|_| AppError::internal(anyhow::anyhow!("password hashing threads stopped")))?;
    rx.await
        .map_err(|_| AppError::internal(anyhow::anyhow!("password hashing job dropped")))
}

/// `hash` on the hashing threads.
pub async fn hash_off_thread(password: String) -> AppResult<String> {
    off_thread(move || hash(&password)).await?
}

/// `verify` on the hashing threads.
pub async fn verify_off_thread(password: String, stored_hash: String) -> AppResult<bool> {
    off_thread(move || verify(&password, &stored_hash)).await
}

/// A valid hash of a random password. Verifying against it when an email is unknown makes a
/// failed login take as long as one with a wrong password, so timing does not reveal accounts.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        hash(&uuid::Uuid::new_v4().to_string()).unwrap_or_else(|_| {
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vq0BkHNzVmgB5tdX8kHIb9m0h1IeU0BqDmVqI6FDj5g"
                .to_owned()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{check_policy, dummy_hash, hash, verify};

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let h = hash("correct horse battery").expect("hash");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse battery", &h));
        assert!(!verify("correct horse batterY", &h));
        assert!(!verify("anything", "not a hash"));
        assert!(!verify("anything", dummy_hash()));
        // A login for an unknown email verifies against this, so it must cost what a real
        // account's hash costs: the same algorithm and parameters.
        assert!(dummy_hash().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    #[test]
    fn policy_counts_characters() {
        assert!(check_policy("short").is_err());
        assert!(check_policy("ćevapčići!").is_ok());
        assert!(check_policy(&"x".repeat(129)).is_err());
    }
}
