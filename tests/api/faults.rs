//! Faults: the database goes away and comes back; another process holds SQLite's write lock.
//! (A `kill -9` in the middle of a registration load: faults_crash.rs.)

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, RunQueryDsl, SqliteConnection};
use serde_json::json;
use tokio::net::{TcpSocket, TcpStream};
use tokio::sync::Mutex;
use tokio::task::JoinSet;

use crate::helpers::spawn_app_with;

/// `kolo serve` as a child process; killed (SIGKILL) when dropped.
pub struct Served {
    pub child: Child,
    pub base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `kolo serve` in `dir` with `env` (KOLO__* settings) and waits for its banner.
pub fn serve(dir: &Path, env: &[(&str, String)]) -> Served {
    let mut cmd = crate::binary::kolo(dir);
    for (key, value) in env {
        cmd.env(key, value);
    }
    let log = dir.join("kolo.log");
    let stderr = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log)
        .unwrap();
    let mut child = cmd
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let Some(Ok(first)) = lines.next() else {
        panic!(
            "kolo serve did not start: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    };
    let base = first.rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("http://"), "{first}");
    // Keep reading stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Served { child, base }
}

/// A TCP proxy in front of PostgreSQL that can play dead: `down` closes the listening port
/// and drops every proxied connection (as a stopped server would); `up` listens again on the
/// same port.
struct Proxy {
    addr: SocketAddr,
    upstream: String,
    running: Mutex<Option<JoinSet<()>>>,
}

impl Proxy {
    async fn start(upstream: String) -> Arc<Proxy> {
        // Picks a free port; the listener proper is opened by `up`.
        let socket = TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = socket.local_addr().unwrap();
        drop(socket);
        let proxy = Arc::new(Proxy {
            addr,
            upstream,
            running: Mutex::new(None),
        });
        proxy.up().await;
        proxy
    }

    async fn up(&self) {
        let socket = TcpSocket::new_v4().unwrap();
        // The port's old connections linger in TIME_WAIT; the listener may reuse it anyway.
        socket.set_reuseaddr(true).unwrap();
        socket.bind(self.addr).unwrap();
        let listener = socket.listen(64).unwrap();
        let upstream = self.upstream.clone();
        let mut tasks = JoinSet::new();
        tasks.spawn(async move {
            let mut connections = JoinSet::new();
            while let Ok((mut client, _)) = listener.accept().await {
                let upstream = upstream.clone();
                connections.spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(&upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        });
        *self.running.lock().await = Some(tasks);
    }

    /// Aborting the accept task drops the listener and, with it, every connection task.
    async fn down(&self) {
        if let Some(mut tasks) = self.running.lock().await.take() {
            tasks.shutdown().await;
        }
    }
}

/// `url` with its host and port replaced by `addr`.
fn through(url: &str, addr: SocketAddr) -> (String, String) {
    let start = url
        .rfind('@')
        .map(|i| i + 1)
        .unwrap_or(url.find("://").unwrap() + 3);
    let end = start + url[start..].find('/').unwrap();
    let upstream = url[start..end].to_owned();
    (format!("{}{addr}{}", &url[..start], &url[end..]), upstream)
}

#[tokio::test(flavor = "multi_thread")]
async fn postgresql_going_away_answers_503_and_recovers_without_a_restart() {
    let Ok(url) = std::env::var("KOLO_TEST_DATABASE_URL") else {
        eprintln!("note: the database outage test needs KOLO_TEST_DATABASE_URL (PostgreSQL)");
        return;
    };
    let (_, upstream) = through(&url, "127.0.0.1:1".parse().unwrap());
    let proxy = Proxy::start(upstream).await;
    let app = spawn_app_with(|s| {
        s.database.url = through(&s.database.url, proxy.addr).0;
        s.database.connect_timeout_ms = 1000;
    })
    .await;
    let ana = app.verified_user("ana@example.org", "Ana").await;

    proxy.down().await;
    for _ in 0..2 {
        let asked = Instant::now();
        let replies = [
            app.get("/readyz", None).await,
            app.get("/api/v1/events", None).await,
            app.get("/api/v1/me", Some(&ana.token)).await,
            app.register("bob@example.org", "Bob").await,
        ];
        for reply in replies {
            let reply = reply.expect_problem(503);
            assert!(reply.headers.contains_key("retry-after"));
        }
        // Fails fast: the pool gives up after connect_timeout_ms, it does not hang.
        assert!(
            asked.elapsed() < Duration::from_secs(30),
            "{:?}",
            asked.elapsed()
        );
    }
    app.get("/healthz", None).await.expect(200);

    proxy.up().await;
    // The pool reconnects by itself; no restart.
    let mut ready = false;
    for _ in 0..100 {
        if app.get("/readyz", None).await.status == 200 {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "readyz stayed unready after the database came back");
    app.get("/api/v1/me", Some(&ana.token)).await.expect(200);
    app.register("bob@example.org", "Bob").await.expect(202);
    // The mail worker survived the outage too.
    app.wait_for_email("bob@example.org", "verify-email").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_process_holding_sqlites_write_lock_gets_503_then_writes_resume() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kolo.db");
    let served = serve(
        dir.path(),
        &[
            ("KOLO__DATABASE__URL", format!("sqlite://{}", db.display())),
            ("KOLO__DATABASE__BUSY_TIMEOUT_MS", "500".into()),
            (
                "KOLO__MAIL__FILE_DIR",
                dir.path().join("mail").display().to_string(),
            ),
        ],
    );
    let client = reqwest::Client::new();
    let register = |email: &'static str| {
        client
            .post(format!("{}/api/v1/auth/register", served.base))
            .json(
                &json!({"email": email, "password": "a long enough passphrase", "full_name": "A"}),
            )
            .send()
    };
    assert_eq!(register("first@example.org").await.unwrap().status(), 202);

    let mut other = SqliteConnection::establish(db.to_str().unwrap()).unwrap();
    other.batch_execute("BEGIN IMMEDIATE").unwrap();

    let asked = Instant::now();
    let refused = register("second@example.org").await.unwrap();
    let waited = asked.elapsed();
    assert_eq!(refused.status(), 503);
    assert!(refused.headers().contains_key("retry-after"));
    assert!(refused.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/problem+json"));
    // It queued behind the lock for the busy timeout before giving up.
    assert!(waited >= Duration::from_millis(450), "{waited:?}");
    let read = client
        .get(format!("{}/api/v1/events", served.base))
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), 200, "reads go on beside a writer (WAL)");

    other.batch_execute("ROLLBACK").unwrap();
    assert_eq!(register("second@example.org").await.unwrap().status(), 202);
    drop(served);

    #[derive(diesel::QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let checks: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut other)
        .unwrap();
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].integrity_check, "ok");
}
