//! Email through a real SMTP server over TCP (mailin-embedded), and the ways delivery fails:
//! the server down for a while, a recipient refused, a worker that dies holding a batch.

use std::collections::HashSet;
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kolo::config::{MailTransportKind, Settings, SmtpTls};
use mailin_embedded::{response, Handler, Response, Server, SslConfig};
use serde_json::json;

use crate::helpers::{spawn_app_with, TestApp};

/// A message as the SMTP server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub raw: String,
}

/// An SMTP server that keeps what it receives and refuses the recipients it is told to.
#[derive(Clone)]
pub struct Sink {
    received: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<HashSet<String>>,
    sessions: Arc<AtomicUsize>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Sink {
    fn helo(&mut self, _ip: std::net::IpAddr, _domain: &str) -> Response {
        self.sessions.fetch_add(1, Ordering::SeqCst);
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        if self.refuse.contains(&to.to_lowercase()) {
            response::NO_MAILBOX
        } else {
            response::OK
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let raw = String::from_utf8_lossy(&self.data).into_owned();
        self.received.lock().unwrap().push(Received {
            to: self.to.clone(),
            raw,
        });
        response::OK
    }
}

pub struct SmtpServer {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<HashSet<String>>,
    sessions: Arc<AtomicUsize>,
}

impl SmtpServer {
    /// Reserves a port without listening on it yet (the server is "down").
    pub fn reserve(refuse: &[&str]) -> SmtpServer {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        SmtpServer {
            port,
            received: Arc::default(),
            refuse: Arc::new(refuse.iter().map(|s| s.to_lowercase()).collect()),
            sessions: Arc::default(),
        }
    }

    /// Starts listening (the server comes "up"). It runs until the test process ends.
    pub fn start(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).unwrap();
        let sink = Sink {
            received: self.received.clone(),
            refuse: self.refuse.clone(),
            sessions: self.sessions.clone(),
            to: Vec::new(),
            data: Vec::new(),
        };
        std::thread::spawn(move || {
            let mut server = Server::new(sink);
            // Every open connection holds a thread, and lettre keeps pooled connections open.
            server
                .with_name("sink.test")
                .with_num_threads(64)
                .with_ssl(SslConfig::None)
                .unwrap()
                .with_tcp_listener(listener);
            let _ = server.serve();
        });
    }

    pub fn running(refuse: &[&str]) -> SmtpServer {
        let server = SmtpServer::reserve(refuse);
        server.start();
        server
    }

    /// SMTP sessions opened so far (each says EHLO once: no STARTTLS here).
    pub fn sessions(&self) -> usize {
        self.sessions.load(Ordering::SeqCst)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    pub fn received_by(&self, address: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(address)))
            .collect()
    }

    /// Waits up to `secs` for `n` messages in all.
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        for _ in 0..secs * 20 {
            if self.received().len() >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.received()
    }
}

pub fn use_smtp(settings: &mut Settings, port: u16) {
    settings.mail.transport = MailTransportKind::Smtp;
    settings.mail.smtp.host = "127.0.0.1".into();
    settings.mail.smtp.port = port;
    settings.mail.smtp.tls = SmtpTls::None;
    settings.mail.smtp.timeout_secs = 5;
}

async fn outbox_status(app: &TestApp, recipient: &str) -> Vec<(String, i32)> {
    use diesel::prelude::*;
    use kolo::db::schema::outbox;
    let recipient = recipient.to_owned();
    app.with_conn(move |conn| {
        outbox::table
            .filter(outbox::recipient.eq(recipient))
            .select((outbox::status, outbox::attempts))
            .load(conn)
            .unwrap()
    })
    .await
}

#[tokio::test]
async fn pooled_smtp_connections_carry_many_messages() {
    let smtp = SmtpServer::running(&[]);
    let app = spawn_app_with(|s| {
        use_smtp(s, smtp.port);
        s.mail.smtp.pool_size = 2;
    })
    .await;
    for i in 0..12 {
        app.register(&format!("pool{i}@example.org"), "Pool Person")
            .await
            .expect(202);
    }
    assert_eq!(smtp.wait_for(12, 20).await.len(), 12);
    let sessions = smtp.sessions();
    assert!(
        (1..=2).contains(&sessions),
        "12 messages over a pool of 2 opened {sessions} SMTP sessions"
    );
}

#[tokio::test]
async fn without_reuse_every_message_has_a_connection_of_its_own() {
    let smtp = SmtpServer::running(&[]);
    let app = spawn_app_with(|s| {
        use_smtp(s, smtp.port);
        s.mail.smtp.pool_size = 2;
        s.mail.smtp.reuse_connections = false;
    })
    .await;
    for i in 0..6 {
        app.register(&format!("single{i}@example.org"), "Single Person")
            .await
            .expect(202);
    }
    assert_eq!(smtp.wait_for(6, 20).await.len(), 6);
    assert_eq!(smtp.sessions(), 6);
}

#[tokio::test]
async fn account_emails_arrive_over_smtp_with_proper_headers() {
    let smtp = SmtpServer::running(&[]);
    let app = spawn_app_with(|s| use_smtp(s, smtp.port)).await;
    app.register("ana@example.org", "Ana Petrović")
        .await
        .expect(202);
    let received = smtp.wait_for(1, 10).await;
    assert_eq!(received.len(), 1);
    let message = mail_parser::MessageParser::default()
        .parse(received[0].raw.as_bytes())
        .unwrap();
    assert_eq!(
        message.subject(),
        Some("Confirm your email address for Kolo")
    );
    assert_eq!(
        message.from().unwrap().first().unwrap().address(),
        Some("no-reply@kolo.localhost")
    );
    assert_eq!(
        message.to().unwrap().first().unwrap().address(),
        Some("ana@example.org")
    );
    assert!(message
        .message_id()
        .is_some_and(|id| id.starts_with("kolo.") && id.ends_with("@kolo.localhost")));
    assert_eq!(
        message.header_raw("Auto-Submitted").map(str::trim),
        Some("auto-generated")
    );
    assert!(message
        .body_text(0)
        .unwrap()
        .contains("/verify-email?token="));
    assert!(message.body_html(0).unwrap().contains("<a href="));
    // The server has the message a moment before the worker records the delivery.
    app.wait_for_outbox_drained().await;
    assert_eq!(
        outbox_status(&app, "ana@example.org").await,
        [("sent".to_owned(), 1)]
    );
}

#[tokio::test]
async fn messages_wait_while_the_server_is_down_and_all_arrive_once_it_is_back() {
    let smtp = SmtpServer::reserve(&[]);
    let app = spawn_app_with(|s| use_smtp(s, smtp.port)).await;
    for i in 0..3 {
        app.register(&format!("p{i}@example.org"), "Person")
            .await
            .expect(202);
    }
    // Nothing listens: the first attempts fail and are scheduled again.
    for _ in 0..100 {
        if outbox_status(&app, "p0@example.org")
            .await
            .first()
            .is_some_and(|(_, attempts)| *attempts > 0)
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(outbox_status(&app, "p0@example.org").await[0].0, "pending");
    smtp.start();
    let received = smtp.wait_for(3, 20).await;
    for i in 0..3 {
        assert_eq!(
            smtp.received_by(&format!("p{i}@example.org")).len(),
            1,
            "p{i}: {received:?}"
        );
    }
    app.wait_for_outbox_drained().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.received().len(), 3, "nothing is sent twice");
}

#[tokio::test]
async fn a_refused_recipient_retries_then_dies_while_the_others_go() {
    let smtp = SmtpServer::running(&["bounce@example.org"]);
    let app = spawn_app_with(|s| {
        use_smtp(s, smtp.port);
        s.mail.max_attempts = 2;
    })
    .await;
    let admin = app.admin("root@example.org").await;
    app.register("bounce@example.org", "Bounce")
        .await
        .expect(202);
    app.register("fine@example.org", "Fine").await.expect(202);
    smtp.wait_for(1, 10).await;
    assert_eq!(smtp.received_by("fine@example.org").len(), 1);

    let mut dead = serde_json::Value::Null;
    for _ in 0..200 {
        dead = app
            .get("/api/v1/admin/outbox?status=dead", Some(&admin.token))
            .await
            .expect(200)
            .body;
        if dead["total"] == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(dead["total"], 1, "{dead}");
    let message = &dead["items"][0];
    assert_eq!(message["recipient"], "bounce@example.org");
    assert_eq!(message["attempts"], 2);
    assert!(
        message["last_error"].as_str().unwrap().contains("550"),
        "{message}"
    );
    assert!(smtp.received_by("bounce@example.org").is_empty());

    let metrics = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("kolo_outbox_messages{state=\"dead\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("kolo_outbox_oldest_due_age_seconds"),
        "{metrics}"
    );

    // Admins may queue it again; others may not look.
    let ana = app.many_people(1, "ana").await.remove(0);
    app.get("/api/v1/admin/outbox", Some(&ana.token))
        .await
        .expect_problem(403);
    let id = message["id"].as_i64().unwrap();
    app.post(
        &format!("/api/v1/admin/outbox/{id}/retry"),
        Some(&ana.token),
        json!({}),
    )
    .await
    .expect_problem(403);
    let retried = app
        .post(
            &format!("/api/v1/admin/outbox/{id}/retry"),
            Some(&admin.token),
            json!({}),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(retried["status"], "pending");
    assert_eq!(retried["attempts"], 0);
    app.post(
        "/api/v1/admin/outbox/999999/retry",
        Some(&admin.token),
        json!({}),
    )
    .await
    .expect_problem(404);
}

#[tokio::test]
async fn a_batch_held_by_a_dead_worker_is_sent_when_its_lease_expires() {
    let smtp = SmtpServer::running(&[]);
    // This instance sends nothing: it only queues, like an instance with worker.enabled = false.
    let app = spawn_app_with(|s| {
        use_smtp(s, smtp.port);
        s.worker.enabled = false;
    })
    .await;
    for i in 0..5 {
        app.register(&format!("p{i}@example.org"), "Person")
            .await
            .expect(202);
    }
    // A worker claims the batch for one second and dies without sending.
    let claimed = app
        .with_conn(|conn| {
            let now = kolo::db::now();
            kolo::notify::outbox::claim_due(conn, now, now + chrono::Duration::seconds(1), 50)
                .unwrap()
                .len()
        })
        .await;
    assert_eq!(claimed, 5);
    // A live worker (another instance) cannot take them while the lease holds...
    let worker = kolo::notify::worker::Worker::new(
        app.state.pool.clone(),
        app.state.settings.clone(),
        kolo::notify::mailer::Mailer::from_settings(&app.state.settings.mail).unwrap(),
    );
    assert_eq!(worker.run_once().await.unwrap().sent, 0);
    // ...and sends every one once it expires.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(worker.run_once().await.unwrap().sent, 5);
    assert_eq!(smtp.wait_for(5, 5).await.len(), 5);
    assert_eq!(
        worker.run_once().await.unwrap().sent,
        0,
        "nothing is left to send"
    );
}
