//! `kolo backup PATH` as an operator runs it: a copy taken while the server serves and writes,
//! which a second server then opens and finds the data in.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::binary::kolo;

/// Starts `kolo serve` on the SQLite file `db` and returns the process and its base URL.
fn serve(dir: &Path, db: &Path) -> (Child, String) {
    let mut child = kolo(dir)
        .arg("serve")
        .env("KOLO__DATABASE__URL", format!("sqlite://{}", db.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // The whole banner is read, so the server never writes into a closed pipe.
    let banner: Vec<String> = (0..4).map(|_| lines.next().unwrap().unwrap()).collect();
    let base = banner[0].rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{banner:?}");
    (child, base)
}

async fn register(client: &reqwest::Client, base: &str, email: &str) -> u16 {
    client
        .post(format!("{base}/api/v1/auth/register"))
        .json(&serde_json::json!({"email": email, "password": "long enough pass", "full_name": "Backed Up"}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_with_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live/kolo.db");
    let (mut server, base) = serve(dir.path(), &db);
    let client = reqwest::Client::new();
    assert_eq!(register(&client, &base, "before@example.org").await, 202);

    // Keep writing over HTTP while the backup runs: the backup starts once writes are flowing.
    let stop = Arc::new(AtomicBool::new(false));
    let (flowing, writes_flow) = tokio::sync::oneshot::channel();
    let writer = tokio::spawn({
        let (client, base, stop) = (client.clone(), base.clone(), stop.clone());
        async move {
            let mut flowing = Some(flowing);
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                assert_eq!(
                    register(&client, &base, &format!("during{n}@example.org")).await,
                    202
                );
                n += 1;
                if let Some(tx) = flowing.take() {
                    let _ = tx.send(());
                }
            }
            n
        }
    });
    writes_flow.await.unwrap();
    let target = dir.path().join("backups/kolo-backup.db");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let backup = {
        let (dir, target) = (dir.path().to_owned(), target.clone());
        let db = db.clone();
        tokio::task::spawn_blocking(move || {
            kolo(&dir)
                .arg("backup")
                .arg(&target)
                .env("KOLO__DATABASE__URL", format!("sqlite://{}", db.display()))
                .output()
                .unwrap()
        })
        .await
        .unwrap()
    };
    stop.store(true, Ordering::Relaxed);
    let written_during = writer.await.unwrap();
    assert!(
        backup.status.success(),
        "{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    let said = String::from_utf8_lossy(&backup.stdout);
    assert!(
        said.contains("backup written") && said.contains("kolo-backup.db"),
        "{said}"
    );
    assert!(written_during >= 1);

    // A backup never overwrites.
    let again = kolo(dir.path())
        .arg("backup")
        .arg(&target)
        .env("KOLO__DATABASE__URL", format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    server.kill().unwrap();
    server.wait().unwrap();

    // A second server on the copy: the account is there, with its password.
    let restored_dir = tempfile::tempdir().unwrap();
    let (mut restored, base) = serve(restored_dir.path(), &target);
    let login = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "before@example.org", "password": "long enough pass"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        login.status(),
        200,
        "the account made before the backup signs in"
    );
    restored.kill().unwrap();
    restored.wait().unwrap();
}

#[test]
fn postgres_is_pointed_at_pg_dump() {
    let dir = tempfile::tempdir().unwrap();
    let out = kolo(dir.path())
        .args(["backup", "kolo.dump"])
        .env(
            "KOLO__DATABASE__URL",
            "postgres://postgres@127.0.0.1:5432/kolo",
        )
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("pg_dump -Fc") && said.contains("docs/deployment.md"),
        "{said}"
    );
    assert!(!dir.path().join("kolo.dump").exists());
}
