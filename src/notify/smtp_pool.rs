//! A small pool of SMTP connections with `TCP_NODELAY` set.
//!
//! lettre's own pooled transport opens its sockets with Nagle's algorithm on and writes a
//! message's body and its closing `.` in two writes: the second waits for the server's delayed
//! ACK (40 ms on Linux), which capped every connection at ~22 messages per second. It also
//! sends a NOOP before every reuse. Here each socket is opened by us with `TCP_NODELAY` and
//! handed to lettre's protocol client (`AsyncSmtpConnection`), which still speaks SMTP,
//! STARTTLS and AUTH; a parked connection is only probed with NOOP after it sat idle a while.
//! Every step on the socket is bounded by `timeout_secs` (`smtp_deadline`), on new and reused
//! connections alike, and a whole send by a few steps' time, so a stalled server fails the
//! message (retried later) instead of holding the worker.

use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::Message;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, Semaphore};

use crate::config::{SmtpSettings, SmtpTls};
use crate::notify::smtp_deadline::Deadline;

/// A whole send (MAIL, RCPT, DATA and the body; or connecting, greeting, EHLO, STARTTLS and
/// AUTH) may take this many steps' time: bounds a server that answers, but ever so slowly.
const STEPS_PER_SEND: u32 = 6;

/// A parked connection older than this is probed with NOOP before reuse: servers close idle
/// sessions (Postfix after 300 s), and a message should not fail on a socket that died quietly.
const PROBE_AFTER_IDLE: Duration = Duration::from_secs(10);

pub struct SmtpPool {
    settings: SmtpSettings,
    hello: ClientId,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
    /// One permit per connection that may be open at once.
    permits: Semaphore,
}

impl SmtpPool {
    pub fn new(settings: &SmtpSettings) -> SmtpPool {
        let size = usize::try_from(settings.pool_size.max(1)).unwrap_or(1);
        SmtpPool {
            settings: settings.clone(),
            hello: ClientId::default(),
            idle: Mutex::new(Vec::with_capacity(size)),
            permits: Semaphore::new(size),
        }
    }

    pub async fn send(&self, message: &Message) -> Result<(), String> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| "SMTP pool closed".to_owned())?;
        // Dropping the future on time-out drops the connection with it: it is never parked.
        let limit = self.step() * STEPS_PER_SEND;
        tokio::time::timeout(limit, self.send_on_a_connection(message))
            .await
            .unwrap_or_else(|_| Err(format!("sending took longer than {limit:?}")))
    }

    fn step(&self) -> Duration {
        Duration::from_secs(self.settings.timeout_secs.max(1))
    }

    async fn send_on_a_connection(&self, message: &Message) -> Result<(), String> {
        let mut conn = match self.parked().await {
            Some(conn) => conn,
            None => self.connect().await?,
        };
        match conn.send(message.envelope(), &message.formatted()).await {
            Ok(_) if self.settings.reuse_connections => {
                self.idle.lock().await.push((conn, Instant::now()));
                Ok(())
            }
            Ok(_) => {
                // The message is accepted; a failed goodbye changes nothing about it.
                let _ = conn.quit().await;
                Ok(())
            }
            // A server that stopped answering would not answer QUIT either: just close.
            Err(e) if e.is_timeout() => Err(e.to_string()),
            Err(e) => {
                conn.abort().await;
                Err(e.to_string())
            }
        }
    }

    /// A parked connection that still answers, if there is one.
    async fn parked(&self) -> Option<AsyncSmtpConnection> {
        loop {
            let (mut conn, since) = self.idle.lock().await.pop()?;
            if since.elapsed() < PROBE_AFTER_IDLE || conn.test_connected().await {
                return Some(conn);
            }
            conn.abort().await;
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, String> {
        let settings = &self.settings;
        let tcp = tokio::time::timeout(
            self.step(),
            TcpStream::connect((settings.host.as_str(), settings.port)),
        )
        .await
        .map_err(|_| {
            format!(
                "connecting to {}:{} timed out",
                settings.host, settings.port
            )
        })?
        .map_err(|e| format!("connecting to {}:{}: {e}", settings.host, settings.port))?;
        tcp.set_nodelay(true).map_err(|e| e.to_string())?;
        let tcp = Deadline::new(tcp, self.step());
        let stream: Box<dyn AsyncTokioStream> = match settings.tls {
            SmtpTls::Tls => Box::new(ImplicitTls::wrap(tcp, &settings.host).await?),
            SmtpTls::None | SmtpTls::Starttls => Box::new(tcp),
        };
        let mut conn = AsyncSmtpConnection::connect_with_transport(stream, &self.hello)
            .await
            .map_err(|e| e.to_string())?;
        if settings.tls == SmtpTls::Starttls {
            let tls = TlsParameters::new(settings.host.clone()).map_err(|e| e.to_string())?;
            conn.starttls(tls, &self.hello)
                .await
                .map_err(|e| e.to_string())?;
        }
        if !settings.username.is_empty() {
            let credentials =
                Credentials::new(settings.username.clone(), settings.password.clone());
            conn.auth(DEFAULT_MECHANISMS, &credentials)
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(conn)
    }
}

/// Implicit TLS (port 465) on our own no-delay socket: lettre's stream type does the
/// handshake with the same roots and settings its own transport uses.
#[allow(deprecated)] // `AsyncNetworkStream` is public but deprecated; it is the only way in.
#[derive(Debug)]
struct ImplicitTls(tokio_util::compat::Compat<lettre::transport::smtp::client::AsyncNetworkStream>);

#[allow(deprecated)]
impl ImplicitTls {
    async fn wrap(tcp: Deadline, host: &str) -> Result<ImplicitTls, String> {
        use lettre::transport::smtp::client::AsyncNetworkStream;
        use tokio_util::compat::FuturesAsyncReadCompatExt;
        let mut stream = AsyncNetworkStream::use_existing_tokio1(Box::new(tcp));
        let tls = TlsParameters::new(host.to_owned()).map_err(|e| e.to_string())?;
        stream.upgrade_tls(tls).await.map_err(|e| e.to_string())?;
        Ok(ImplicitTls(stream.compat()))
    }
}

impl AsyncRead for ImplicitTls {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for ImplicitTls {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for ImplicitTls {
    #[allow(deprecated)]
    fn peer_addr(&self) -> std::io::Result<SocketAddr> {
        self.0.get_ref().peer_addr()
    }
}
