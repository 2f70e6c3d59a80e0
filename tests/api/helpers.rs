//! Test harness: every test gets its own server on a free port, its own database (a temporary
//! SQLite file, or a fresh schema on the PostgreSQL server named by KOLO_TEST_DATABASE_URL) and
//! its own mail folder, which the in-process mail worker writes to.

use std::path::{Path, PathBuf};
use std::time::Duration;

use diesel::{Connection, PgConnection, RunQueryDsl};
use kolo::config::{MailTransportKind, Settings};
use kolo::http::AppState;
use kolo::Application;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

pub const PASSWORD: &str = "a long enough passphrase";

/// A database for one test, removed when dropped.
pub enum TestDb {
    Sqlite,
    Postgres {
        admin_url: String,
        schema: String,
    },
    /// Another instance's database: the instance that made it removes it.
    Shared,
}

impl TestDb {
    /// Returns the database and the URL the server should use.
    pub fn create(dir: &Path) -> (TestDb, String) {
        match std::env::var("KOLO_TEST_DATABASE_URL") {
            Ok(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
                let mut conn =
                    PgConnection::establish(&url).expect("connect to KOLO_TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE SCHEMA {schema}"))
                    .execute(&mut conn)
                    .expect("create schema");
                let separator = if url.contains('?') { '&' } else { '?' };
                let test_url = format!("{url}{separator}options=-csearch_path%3D{schema}");
                (
                    TestDb::Postgres {
                        admin_url: url,
                        schema,
                    },
                    test_url,
                )
            }
            _ => (
                TestDb::Sqlite,
                format!("sqlite://{}", dir.join("kolo.db").display()),
            ),
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, TestDb::Postgres { .. })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, schema } = self {
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ =
                    diesel::sql_query(format!("DROP SCHEMA {schema} CASCADE")).execute(&mut conn);
            }
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    pub mail_dir: PathBuf,
    pub handle: actix_web::dev::ServerHandle,
    pub db: TestDb,
    _dir: TempDir,
}

/// The test settings: config/default.toml + config/test.toml, nothing from the environment.
pub fn test_settings() -> Settings {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
    Settings::load_from(&dir, "test", false).expect("load test settings")
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(customise: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, url) = TestDb::create(dir.path());
    start(dir, db, url, customise).await
}

impl TestApp {
    /// Another server instance on the same database, as behind a load balancer.
    pub async fn second_instance(&self, customise: impl FnOnce(&mut Settings)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = self.state.settings.database.url.clone();
        start(dir, TestDb::Shared, url, customise).await
    }
}

async fn start(
    dir: TempDir,
    db: TestDb,
    url: String,
    customise: impl FnOnce(&mut Settings),
) -> TestApp {
    let mut settings = test_settings();
    settings.database.url = url;
    settings.mail.transport = MailTransportKind::File;
    settings.mail.file_dir = dir.path().join("mail");
    customise(&mut settings);
    let mail_dir = settings.mail.file_dir.clone();
    let app = Application::build(settings).await.expect("build app");
    let base = format!("http://{}", app.addr);
    let state = app.state.clone();
    let handle = app.handle();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        state,
        mail_dir,
        handle,
        db,
        _dir: dir,
    }
}

/// A response read whole: status, headers and body (JSON when it parses).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    pub body: Value,
}

impl Reply {
    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Asserts the status, printing the body when it differs.
    #[track_caller]
    pub fn expect(self, status: u16) -> Reply {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        self
    }

    /// Asserts an RFC 9457 problem with this status, and returns it.
    #[track_caller]
    pub fn expect_problem(self, status: u16) -> Reply {
        let reply = self.expect(status);
        assert!(
            reply.content_type().starts_with("application/problem+json"),
            "content type {}",
            reply.content_type()
        );
        assert_eq!(reply.body["status"], status, "{}", reply.text);
        assert!(
            reply.body["type"].is_string()
                && reply.body["title"].is_string()
                && reply.body["detail"].is_string()
        );
        reply
    }
}

/// A signed-in person.
#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub token: String,
    pub refresh: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut req = self.client.request(method, self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        read(req.send().await.expect("request")).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.request(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.request(Method::POST, path, token, Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.request(Method::PATCH, path, token, Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> Reply {
        self.request(Method::DELETE, path, token, None).await
    }

    pub async fn register(&self, email: &str, name: &str) -> Reply {
        self.post(
            "/api/v1/auth/register",
            None,
            json!({"email": email, "password": PASSWORD, "full_name": name}),
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": password}),
        )
        .await
    }

    /// Registers, follows the emailed verification link and signs in.
    pub async fn verified_user(&self, email: &str, name: &str) -> User {
        self.register(email, name).await.expect(202);
        let link = self
            .wait_for_email(email, "verify-email")
            .await
            .link("/verify-email?token=");
        let token = link
            .split("token=")
            .nth(1)
            .expect("token in link")
            .to_owned();
        let id = self
            .post("/api/v1/auth/verify-email", None, json!({ "token": token }))
            .await
            .expect(200)
            .body["id"]
            .as_i64()
            .expect("id");
        self.signed_in(id, email).await
    }

    /// Registers and signs in without verifying the email.
    pub async fn unverified_user(&self, email: &str, name: &str) -> User {
        self.register(email, name).await.expect(202);
        let mut user = self.signed_in(0, email).await;
        user.id = self
            .get("/api/v1/me", Some(&user.token))
            .await
            .expect(200)
            .body["id"]
            .as_i64()
            .expect("id");
        user
    }

    async fn signed_in(&self, id: i64, email: &str) -> User {
        let pair = self.login(email, PASSWORD).await.expect(200).body;
        User {
            id,
            email: email.to_owned(),
            token: pair["access_token"].as_str().expect("access").to_owned(),
            refresh: pair["refresh_token"].as_str().expect("refresh").to_owned(),
        }
    }

    /// A verified platform admin, made the way `kolo create-admin` makes one.
    pub async fn admin(&self, email: &str) -> User {
        let hash = kolo::auth::passwords::hash(PASSWORD).expect("hash");
        let email_parsed = kolo::types::Email::parse(email).expect("email");
        let pool = self.state.pool.clone();
        let (person, _) = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("conn");
            kolo::auth::service::create_admin(&mut conn, &email_parsed, "Platform Admin", &hash)
                .expect("admin")
        })
        .await
        .expect("join");
        self.signed_in(person.id, email).await
    }

    /// Every email delivered so far.
    pub fn emails(&self) -> Vec<Email> {
        let Ok(entries) = std::fs::read_dir(&self.mail_dir) else {
            return Vec::new();
        };
        let mut emails: Vec<Email> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .filter_map(|e| std::fs::read(e.path()).ok().map(|raw| (e.path(), raw)))
            .filter_map(|(path, raw)| Email::parse(&raw, path))
            .collect();
        emails.sort_by(|a, b| a.path.cmp(&b.path));
        emails
    }

    pub fn emails_to(&self, recipient: &str) -> Vec<Email> {
        self.emails()
            .into_iter()
            .filter(|e| e.to.eq_ignore_ascii_case(recipient))
            .collect()
    }

    /// Waits (up to 10 s) for an email to `recipient` whose text contains `needle`.
    pub async fn wait_for_email(&self, recipient: &str, needle: &str) -> Email {
        for _ in 0..200 {
            if let Some(email) = self
                .emails_to(recipient)
                .into_iter()
                .find(|e| e.text.contains(needle) || e.subject.contains(needle))
            {
                return email;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no email to {recipient} containing {needle:?}; have: {:#?}",
            self.emails()
        );
    }

    /// Waits until no queued email is left to send (none pending in the outbox).
    pub async fn wait_for_outbox_drained(&self) {
        use diesel::prelude::*;
        use kolo::db::schema::outbox;
        for _ in 0..200 {
            let pool = self.state.pool.clone();
            let pending: i64 = tokio::task::spawn_blocking(move || {
                let mut conn = pool.get().expect("conn");
                outbox::table
                    .filter(outbox::status.eq("pending"))
                    .count()
                    .get_result(&mut *conn)
                    .expect("count")
            })
            .await
            .expect("join");
            if pending == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the outbox did not drain");
    }
}

async fn read(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        text,
        body,
    }
}

/// A delivered email, decoded.
#[derive(Debug, Clone)]
pub struct Email {
    pub path: PathBuf,
    pub to: String,
    pub from: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub raw: String,
}

impl Email {
    fn parse(raw: &[u8], path: PathBuf) -> Option<Email> {
        let message = mail_parser::MessageParser::default().parse(raw)?;
        let address = |a: Option<&mail_parser::Address>| {
            a.and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_owned()
        };
        Some(Email {
            to: address(message.to()),
            from: address(message.from()),
            subject: message.subject().unwrap_or_default().to_owned(),
            text: message
                .body_text(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            html: message
                .body_html(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            raw: String::from_utf8_lossy(raw).into_owned(),
            path,
        })
    }

    /// The first URL in the text that contains `marker`.
    pub fn link(&self, marker: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.contains(marker))
            .unwrap_or_else(|| panic!("no link with {marker:?} in {}", self.text))
            .to_owned()
    }
}

impl TestApp {
    /// A GET with extra headers (e.g. `Accept-Language`).
    pub async fn get_with_headers(
        &self,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut req = self.client.get(self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        read(req.send().await.expect("request")).await
    }
}

impl TestApp {
    /// A request with extra headers (e.g. `X-Forwarded-For`, `Origin`) and an optional JSON body.
    pub async fn request_with_headers(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Reply {
        let mut req = self.client.request(method, self.url(path));
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        read(req.send().await.expect("request")).await
    }
}

/// An email as queued in the outbox (before or after the worker sent it).
#[derive(Debug, Clone)]
pub struct Queued {
    pub recipient: String,
    pub data: Value,
    pub dedupe_key: Option<String>,
}

impl TestApp {
    /// Every email queued with `template`, oldest first.
    pub async fn queued(&self, template: &'static str) -> Vec<Queued> {
        use diesel::prelude::*;
        use kolo::db::schema::outbox;
        let rows: Vec<(String, String, Option<String>)> = self
            .with_conn(move |conn| {
                outbox::table
                    .filter(outbox::template.eq(template))
                    .order(outbox::id)
                    .select((outbox::recipient, outbox::data, outbox::dedupe_key))
                    .load(conn)
                    .expect("outbox")
            })
            .await;
        rows.into_iter()
            .map(|(recipient, data, dedupe_key)| Queued {
                recipient,
                data: serde_json::from_str(&data).expect("json data"),
                dedupe_key,
            })
            .collect()
    }

    pub async fn queued_to(&self, template: &'static str, recipient: &str) -> Vec<Queued> {
        self.queued(template)
            .await
            .into_iter()
            .filter(|q| q.recipient == recipient)
            .collect()
    }

    /// The membership sweep as of `today`, as the worker runs it.
    pub async fn sweep(&self, today: chrono::NaiveDate) -> kolo::members::sweep::SweepReport {
        self.with_conn(move |conn| kolo::members::sweep::run(conn, today).expect("sweep"))
            .await
    }

    /// A host organisation, created by a platform admin who hands it to a new verified owner
    /// (an ordinary account, so permission checks are not passed by being an admin).
    pub async fn host(&self, slug: &str) -> User {
        let admin = self.admin(&format!("admin-{slug}@example.org")).await;
        self.post(
            "/api/v1/organisations",
            Some(&admin.token),
            json!({"slug": slug, "name": format!("Host {slug}"), "kind": "cultural_centre",
                   "country": "RS", "hosts_events": true}),
        )
        .await
        .expect(201);
        let owner = self
            .verified_user(
                &format!("owner-{slug}@example.org"),
                &format!("Owner {slug}"),
            )
            .await;
        let staff = format!("/api/v1/organisations/{slug}/staff");
        self.post(
            &staff,
            Some(&admin.token),
            json!({"email": owner.email, "role": "owner"}),
        )
        .await
        .expect(201);
        self.delete(&format!("{staff}/{}", admin.id), Some(&owner.token))
            .await
            .expect(204);
        owner
    }

    /// A membership type at the host; returns its id.
    pub async fn membership_type(&self, owner: &User, host: &str, body: Value) -> i64 {
        self.post(
            &format!("/api/v1/organisations/{host}/membership-types"),
            Some(&owner.token),
            body,
        )
        .await
        .expect(201)
        .body["id"]
            .as_i64()
            .expect("type id")
    }

    /// Applies for `type_id` at `host`; returns the reply.
    pub async fn apply(&self, user: &User, host: &str, body: Value) -> Reply {
        self.post(
            &format!("/api/v1/organisations/{host}/memberships"),
            Some(&user.token),
            body,
        )
        .await
    }

    pub async fn act(&self, user: &User, membership_id: i64, body: Value) -> Reply {
        self.patch(
            &format!("/api/v1/memberships/{membership_id}"),
            Some(&user.token),
            body,
        )
        .await
    }
}

/// Today in UTC, the calendar memberships run on.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// `date` plus `months`, clamped to the month's end like the server does.
pub fn plus_months(date: chrono::NaiveDate, months: u32) -> chrono::NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .expect("date")
}
