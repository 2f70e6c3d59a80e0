//! Password hashing with argon2id at OWASP's recommended parameters (19 MiB, t=2, p=1, the
//! argon2 crate's defaults). Each takes tens of ms and 19 MiB, so request handlers use
//! `hash_off_thread` / `verify_off_thread`, which run on a few dedicated hashing threads.

use std::cell::RefCell;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

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

/// Stored hashes asking for more memory than this (64 MiB) are refused rather than computed.
const MAX_BLOCKS: usize = 64 * 1024;

thread_local! {
    /// This thread's argon2 working memory, allocated once and reused. A fresh 19 MiB per hash
    /// made glibc raise its mmap threshold and keep the freed blocks resident in the arenas.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

fn compute(argon: &Argon2<'_>, password: &[u8], salt: &[u8], out: &mut [u8]) -> argon2::Result<()> {
    let blocks = argon.params().block_count();
    if blocks > MAX_BLOCKS {
        return Err(argon2::Error::MemoryTooMuch);
    }
    MEMORY.with_borrow_mut(|memory| {
        if memory.len() < blocks {
            memory.resize(blocks, Block::default());
        }
        argon.hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
    })
}

/// An argon2id PHC string, as `argon2`'s `PasswordHasher` writes it, at the crate's defaults.
pub fn hash(password: &str) -> AppResult<String> {
    let failed =
        |e: &dyn std::fmt::Display| AppError::internal(anyhow::anyhow!("hashing a password: {e}"));
    let salt = SaltString::generate(&mut OsRng);
    let params = Params::default();
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt
        .as_salt()
        .decode_b64(&mut salt_buf)
        .map_err(|e| failed(&e))?;
    let output = Output::init_with(Params::DEFAULT_OUTPUT_LEN, |out| {
        compute(&argon, password.as_bytes(), salt_bytes, out).map_err(Into::into)
    })
    .map_err(|e| failed(&e))?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| failed(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches a stored PHC string (any argon2 variant and parameters).
pub fn verify(password: &str, stored_hash: &str) -> bool {
    let check = || -> Option<bool> {
        let parsed = PasswordHash::new(stored_hash).ok()?;
        let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
        let version = match parsed.version {
            Some(v) => Version::try_from(v).ok()?,
            None => Version::default(),
        };
        let params = Params::try_from(&parsed).ok()?;
        let (salt, expected) = (parsed.salt?, parsed.hash?);
        let mut salt_buf = [0u8; 64];
        let salt_bytes = salt.decode_b64(&mut salt_buf).ok()?;
        let argon = Argon2::new(algorithm, version, params);
        let computed = Output::init_with(expected.len(), |out| {
            compute(&argon, password.as_bytes(), salt_bytes, out).map_err(Into::into)
        })
        .ok()?;
        // `Output`'s equality is constant-time.
        Some(computed == expected)
    };
    check().unwrap_or(false)
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
    fn hashes_match_the_argon2_crates_own_hasher_both_ways() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
        let ours = hash("sedam plus jedan").expect("hash");
        let parsed = argon2::PasswordHash::new(&ours).expect("parse");
        assert!(argon2::Argon2::default()
            .verify_password(b"sedam plus jedan", &parsed)
            .is_ok());
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let theirs = argon2::Argon2::default()
            .hash_password(b"sedam plus jedan", &salt)
            .expect("hash")
            .to_string();
        assert!(verify("sedam plus jedan", &theirs));
        assert!(!verify("sedam plus dva", &theirs));
        // Other parameters (an older or stronger policy) still verify.
        let params = argon2::Params::new(8192, 3, 1, None).expect("params");
        let other = argon2::Argon2::new(argon2::Algorithm::Argon2i, argon2::Version::V0x10, params)
            .hash_password(b"sedam plus jedan", &salt)
            .expect("hash")
            .to_string();
        assert!(verify("sedam plus jedan", &other));
    }

    #[test]
    fn policy_counts_characters() {
        assert!(check_policy("short").is_err());
        assert!(check_policy("ćevapčići!").is_ok());
        assert!(check_policy(&"x".repeat(129)).is_err());
    }
}
