//! The `kolo` binary as an operator runs it: start-up on the embedded default, the banner,
//! migrations, create-admin, and a graceful stop on SIGTERM.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn kolo_bin() -> String {
    std::env::var("KOLO_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_kolo").into())
}

/// The `kolo` command. `KOLO_TEST_BIN` may name a copy of the binary: with a target folder
/// shared between checkouts, `target/debug/kolo` can be another checkout's build by the time
/// the tests run.
pub fn kolo(dir: &Path) -> Command {
    let mut cmd = Command::new(kolo_bin());
    cmd.current_dir(dir)
        .env(
            "KOLO_CONFIG_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("config"),
        )
        .env_remove("KOLO_ENV")
        .env_remove("KOLO__DATABASE__URL")
        .env("KOLO__SERVER__BIND", "127.0.0.1:0")
        // Development loads the demo network into a new database; tests make their own data.
        .env("KOLO__SERVER__DEMO_DATA_WHEN_EMPTY", "false")
        .env("RUST_LOG", "warn");
    cmd
}

#[tokio::test]
async fn serve_starts_on_the_embedded_default_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = kolo(dir.path())
        .arg("serve")
        .env("KOLO__SERVER__DEMO_DATA_WHEN_EMPTY", "true")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let banner: Vec<String> = (0..4).map(|_| lines.next().unwrap().unwrap()).collect();
    let base = banner[0].rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{banner:?}");
    assert!(banner[1].contains("/docs/"), "{banner:?}");
    assert!(banner[2].contains("sqlite://var/kolo.db"), "{banner:?}");
    assert!(banner[3].contains("files in var/mail"), "{banner:?}");
    assert!(
        dir.path().join("var/kolo.db").exists(),
        "database file created with its folder"
    );

    let client = reqwest::Client::new();
    let ready = client.get(format!("{base}/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    // Development fills the new database with the demo network, so there is something to see.
    let mut demo_events = 0;
    for _ in 0..100 {
        let events: serde_json::Value = client
            .get(format!("{base}/api/v1/events"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        demo_events = events["total"].as_i64().unwrap_or(0);
        if demo_events > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(demo_events > 0, "the first start loads the demo events");
    let registered = client
        .post(format!("{base}/api/v1/auth/register"))
        .json(&serde_json::json!({"email": "op@example.org", "password": "long enough pass", "full_name": "Operator"}))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), 202);
    // The worker writes the verification email as a file.
    let mail_dir = dir.path().join("var/mail");
    let mut found = false;
    for _ in 0..100 {
        if std::fs::read_dir(&mail_dir)
            .map(|d| d.count() > 0)
            .unwrap_or(false)
        {
            found = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(found, "no .eml file in var/mail");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut exited = None;
    for _ in 0..200 {
        if let Some(code) = child.try_wait().unwrap() {
            exited = Some(code);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let code = exited.expect("kolo did not stop within 10 s of SIGTERM");
    assert!(code.success(), "exit status {code}");
}

#[test]
fn migrate_and_create_admin() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = kolo(dir.path()).arg("migrate").output().unwrap();
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    assert!(String::from_utf8_lossy(&migrate.stdout).contains("up to date"));

    let run_admin = |password: &str| {
        let mut child = kolo(dir.path())
            .args([
                "create-admin",
                "--email",
                "Root@Example.org",
                "--name",
                "Root",
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let short = run_admin("short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("password"));
    let created = run_admin("a long admin passphrase");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout)
        .contains("created platform admin root@example.org"));
    let again = run_admin("a long admin passphrase");
    assert!(String::from_utf8_lossy(&again.stdout).contains("is now a platform admin"));
}

#[test]
fn production_refuses_to_start_with_development_settings() {
    let dir = tempfile::tempdir().unwrap();
    let out = kolo(dir.path())
        .arg("migrate")
        .env("KOLO_ENV", "production")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("jwt_secret"));
    let out = kolo(dir.path())
        .arg("migrate")
        .env("KOLO_ENV", "production")
        .env(
            "KOLO__AUTH__JWT_SECRET",
            "a-real-secret-of-at-least-32-characters-long",
        )
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("mail.transport"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let typo = kolo(dir.path())
        .arg("migrate")
        .env("KOLO__SERVER__BINDD", "x")
        .output()
        .unwrap();
    assert!(!typo.status.success());
    assert!(
        String::from_utf8_lossy(&typo.stderr).contains("bindd"),
        "{}",
        String::from_utf8_lossy(&typo.stderr)
    );
}

/// Stops a child with SIGTERM and returns everything it wrote (stdout, then stderr).
fn stop(child: std::process::Child) -> String {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit status {}", out.status);
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// The binary as `cargo install` leaves it: started in an empty folder, with no source tree,
/// no config folder and only `KOLO__…` variables, on a new SQLite database.
#[tokio::test]
async fn the_binary_runs_from_any_folder_and_starts_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/kolo.db");
    let start = || {
        Command::new(kolo_bin())
            .current_dir(dir.path())
            .env_clear()
            .env("KOLO__DATABASE__URL", format!("sqlite://{}", db.display()))
            .env("KOLO__SERVER__BIND", "127.0.0.1:0")
            // Development loads the demo network into a new database; tests make their own data.
            .env("KOLO__SERVER__DEMO_DATA_WHEN_EMPTY", "false")
            .arg("serve")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let banner = |child: &mut std::process::Child| -> Vec<String> {
        let mut lines = BufReader::new(child.stdout.as_mut().unwrap()).lines();
        (0..4).map(|_| lines.next().unwrap().unwrap()).collect()
    };

    let mut child = start();
    let first = banner(&mut child);
    let base = first[0].rsplit(' ').next().unwrap().to_owned();
    assert!(first[2].contains(&db.display().to_string()), "{first:?}");
    assert!(first[3].contains("worker on"), "{first:?}");
    let ready = reqwest::get(format!("{base}/readyz")).await.unwrap();
    assert_eq!(ready.status(), 200);
    let events = reqwest::get(format!("{base}/api/v1/events")).await.unwrap();
    assert_eq!(events.status(), 200);
    let output = stop(child);
    assert!(db.exists(), "database created with its folder");
    // A normal start on a new database: migrations, the pool, the worker. Nothing failed.
    assert!(!output.contains("ERROR"), "{output}");

    // `./config/{KOLO_ENV}.toml`, when there is one, overlays the compiled-in defaults.
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/development.toml"),
        "[worker]\nenabled = false\n",
    )
    .unwrap();
    let mut child = start();
    let second = banner(&mut child);
    assert!(second[3].contains("worker off"), "{second:?}");
    // Serving (and so handling SIGTERM) by the time it answers.
    let base = second[0].rsplit(' ').next().unwrap().to_owned();
    let ready = reqwest::get(format!("{base}/readyz")).await.unwrap();
    assert_eq!(ready.status(), 200);
    let output = stop(child);
    assert!(!output.contains("ERROR"), "{output}");

    // A config folder named on purpose must be there.
    let missing = Command::new(kolo_bin())
        .current_dir(dir.path())
        .env_clear()
        .env("KOLO_CONFIG_DIR", dir.path().join("no-such-folder"))
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("KOLO_CONFIG_DIR"));
}
