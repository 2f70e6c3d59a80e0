//! A minimal SMTP sink on loopback: accepts every message, keeps only how many arrived and
//! when the first and the last did. Enough of RFC 5321 for lettre (EHLO, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT), no TLS, no authentication.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Default)]
struct Arrivals {
    count: usize,
    first: Option<Instant>,
    last: Option<Instant>,
    connections: usize,
}

#[derive(Clone)]
pub struct Sink {
    pub addr: SocketAddr,
    arrivals: Arc<Mutex<Arrivals>>,
}

impl Sink {
    pub async fn start() -> anyhow::Result<Sink> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let sink = Sink {
            addr: listener.local_addr()?,
            arrivals: Arc::default(),
        };
        let arrivals = sink.arrivals.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                if let Ok(mut a) = arrivals.lock() {
                    a.connections += 1;
                }
                let arrivals = arrivals.clone();
                tokio::spawn(async move {
                    let _ = session(stream, arrivals).await;
                });
            }
        });
        Ok(sink)
    }

    /// Forgets what arrived so far.
    pub fn reset(&self) {
        if let Ok(mut a) = self.arrivals.lock() {
            *a = Arrivals::default();
        }
    }

    /// (messages, seconds from the first to the last, connections opened).
    pub fn snapshot(&self) -> (usize, f64, usize) {
        self.arrivals
            .lock()
            .map(|a| {
                let span = match (a.first, a.last) {
                    (Some(f), Some(l)) => l.duration_since(f).as_secs_f64(),
                    _ => 0.0,
                };
                (a.count, span, a.connections)
            })
            .unwrap_or((0, 0.0, 0))
    }
}

async fn session(
    stream: tokio::net::TcpStream,
    arrivals: Arc<Mutex<Arrivals>>,
) -> anyhow::Result<()> {
    stream.set_nodelay(true)?;
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 kolo-bench sink ESMTP\r\n").await?;
    let mut line = String::new();
    let mut in_data = false;
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        if in_data {
            if line == ".\r\n" || line == ".\n" {
                in_data = false;
                if let Ok(mut a) = arrivals.lock() {
                    let now = Instant::now();
                    a.count += 1;
                    a.first.get_or_insert(now);
                    a.last = Some(now);
                }
                write.write_all(b"250 2.0.0 queued\r\n").await?;
            }
            continue;
        }
        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-kolo-bench\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" => b"250 kolo-bench\r\n",
            "DATA" => {
                in_data = true;
                b"354 go ahead\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"250 OK\r\n",
        };
        write.write_all(reply).await?;
    }
}
