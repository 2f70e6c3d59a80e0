//! An SMTP server that accepts a message and then never answers the end of its DATA (for one
//! recipient), beside healthy delivery: everything else still goes out within seconds, and the
//! stalled message is delivered once the server recovers, exactly once.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::helpers::spawn_app_with;
use crate::mail::use_smtp;

const STALLED: &str = "stall@example.org";

/// Just enough SMTP for lettre, in the test: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
#[derive(Clone, Default)]
struct Staller {
    /// Recipients of the messages accepted (answered 250 after DATA).
    accepted: Arc<Mutex<Vec<String>>>,
    recovered: Arc<AtomicBool>,
}

impl Staller {
    async fn start(&self) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let this = self.clone();
        tokio::spawn(async move {
            loop {
                let (socket, _) = listener.accept().await.unwrap();
                tokio::spawn(this.clone().session(socket));
            }
        });
        port
    }

    async fn session(self, socket: TcpStream) {
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        write
            .write_all(b"220 staller.test ESMTP\r\n")
            .await
            .unwrap();
        let mut recipients: Vec<String> = Vec::new();
        while let Ok(Some(line)) = lines.next_line().await {
            let command = line.to_ascii_uppercase();
            let reply: &[u8] = if command.starts_with("EHLO") {
                b"250-staller.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
            } else if command.starts_with("MAIL FROM") || command.starts_with("RSET") {
                recipients.clear();
                b"250 OK\r\n"
            } else if command.starts_with("RCPT TO") {
                let address = line[8..]
                    .trim()
                    .trim_start_matches('<')
                    .split('>')
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                recipients.push(address);
                b"250 OK\r\n"
            } else if command.starts_with("DATA") {
                write.write_all(b"354 go on\r\n").await.unwrap();
                while let Ok(Some(body)) = lines.next_line().await {
                    if body == "." {
                        break;
                    }
                }
                if recipients.iter().any(|r| r == STALLED) && !self.recovered.load(Ordering::SeqCst)
                {
                    // Silence: read (and ignore) until the client gives up and closes.
                    while let Ok(Some(_)) = lines.next_line().await {}
                    return;
                }
                self.accepted.lock().unwrap().extend(recipients.drain(..));
                b"250 queued\r\n"
            } else if command.starts_with("QUIT") {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            } else {
                b"250 OK\r\n"
            };
            if write.write_all(reply).await.is_err() {
                return;
            }
        }
    }

    fn count(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for to in self.accepted.lock().unwrap().iter() {
            *counts.entry(to.clone()).or_default() += 1;
        }
        counts
    }

    async fn wait_until(&self, secs: u64, done: impl Fn(&HashMap<String, usize>) -> bool) -> bool {
        for _ in 0..secs * 20 {
            if done(&self.count()) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_smtp_conversation_holds_back_nothing_and_is_retried_once() {
    let server = Staller::default();
    let port = server.start().await;
    let app = spawn_app_with(|s| {
        use_smtp(s, port);
        s.mail.smtp.timeout_secs = 1;
        s.mail.smtp.pool_size = 2;
    })
    .await;
    let healthy: Vec<String> = (0..4).map(|i| format!("first{i}@example.org")).collect();
    app.register(STALLED, "Stalled").await.expect(202);
    for address in &healthy {
        app.register(address, "Healthy").await.expect(202);
    }
    let first_wave = healthy.clone();
    assert!(
        server
            .wait_until(5, |c| first_wave.iter().all(|a| c.contains_key(a)))
            .await,
        "the others were held back: {:?}",
        server.count()
    );
    // Mail queued while the stalled message keeps failing still goes out promptly.
    let later: Vec<String> = (0..3).map(|i| format!("later{i}@example.org")).collect();
    for address in &later {
        app.register(address, "Later").await.expect(202);
    }
    let second_wave = later.clone();
    assert!(
        server
            .wait_until(5, |c| second_wave.iter().all(|a| c.contains_key(a)))
            .await,
        "later mail was held back: {:?}",
        server.count()
    );
    assert!(!server.count().contains_key(STALLED));

    server.recovered.store(true, Ordering::SeqCst);
    assert!(
        server.wait_until(30, |c| c.contains_key(STALLED)).await,
        "the stalled message was never delivered"
    );
    app.wait_for_outbox_drained().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let counts = server.count();
    for address in healthy
        .iter()
        .chain(&later)
        .map(String::as_str)
        .chain([STALLED])
    {
        assert_eq!(counts.get(address), Some(&1), "{address}: {counts:?}");
    }
}
