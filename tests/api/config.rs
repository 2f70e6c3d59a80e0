//! Every shipped configuration file loads, and the rules about unknown keys and production hold.

use std::path::Path;

use kolo::config::{MailTransportKind, Settings};

fn config_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config")
}

#[test]
fn every_shipped_file_loads() {
    let dir = config_dir();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(env) = name.strip_suffix(".toml") else {
            continue;
        };
        let settings =
            Settings::load_from(&dir, env, false).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!settings.server.bind.is_empty());
    }
    let defaults = Settings::load_from(&dir, "development", false).unwrap();
    assert_eq!(defaults.server.bind, "127.0.0.1:8080");
    assert_eq!(defaults.database.url, "sqlite://var/kolo.db");
    assert_eq!(defaults.auth.access_ttl_secs, 900);
    assert_eq!(defaults.auth.refresh_ttl_days, 30);
    assert_eq!(defaults.mail.transport, MailTransportKind::File);
    assert_eq!(defaults.server.body_limit_bytes, 64 * 1024);
}

#[test]
fn unknown_keys_are_errors_that_name_the_key() {
    // The defaults are compiled in: the folder holds only the overlay.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("typo.toml"),
        "[server]\nbnd = \"0.0.0.0:1\"\n",
    )
    .unwrap();
    let err = Settings::load_from(dir.path(), "typo", false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("bnd"), "{err}");
}

#[test]
fn production_refuses_development_secrets_and_file_mail() {
    let dir = config_dir();
    let mut settings = Settings::load_from(&dir, "development", false).unwrap();
    let err = settings.check_production().unwrap_err().to_string();
    assert!(err.contains("jwt_secret"), "{err}");

    settings.auth.jwt_secret = "a-real-secret-of-at-least-32-characters-long".into();
    let err = settings.check_production().unwrap_err().to_string();
    assert!(err.contains("mail.transport"), "{err}");

    settings.mail.transport = MailTransportKind::Smtp;
    settings.check_production().unwrap();

    let example = Settings::load_from(&dir, "production.example", false).unwrap();
    assert_eq!(example.mail.transport, MailTransportKind::Smtp);
}
