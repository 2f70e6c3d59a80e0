//! A socket on which every SMTP step must make progress within `mail.smtp.timeout_secs`.
//!
//! lettre's async client bounds only the TCP connect: a server that accepts and then stops
//! answering (the greeting, a command, the end of DATA) leaves the conversation waiting for
//! ever, and with it the worker's batch. Each step writes and then reads the reply, so a read
//! or write that stays pending longer than one step's time fails here with `TimedOut`, which
//! lettre reports as an error: the message is retried later and the connection is dropped.
//! An idle parked connection is not polled, so it never times out by sitting in the pool.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use lettre::transport::smtp::client::AsyncTokioStream;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

#[derive(Debug)]
pub struct Deadline {
    inner: TcpStream,
    step: Duration,
    /// Armed when an operation first stays pending; cleared when any operation progresses.
    timer: Option<Pin<Box<Sleep>>>,
}

impl Deadline {
    pub fn new(inner: TcpStream, step: Duration) -> Deadline {
        Deadline {
            inner,
            step,
            timer: None,
        }
    }

    /// Called when the socket is not ready: `Ready(error)` once the step's time is up.
    fn expired(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        let step = self.step;
        let timer = self
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(step)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("the SMTP server did not answer within {step:?}"),
            )),
            Poll::Pending => Poll::Pending,
        }
    }

    fn bounded<T>(
        &mut self,
        cx: &mut Context<'_>,
        outcome: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        match outcome {
            Poll::Pending => self.expired(cx).map(Err),
            ready => {
                self.timer = None;
                ready
            }
        }
    }
}

impl AsyncRead for Deadline {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.inner).poll_read(cx, buf);
        self.bounded(cx, outcome)
    }
}

impl AsyncWrite for Deadline {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let outcome = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.bounded(cx, outcome)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.inner).poll_flush(cx);
        self.bounded(cx, outcome)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.bounded(cx, outcome)
    }
}

impl AsyncTokioStream for Deadline {
    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.inner.peer_addr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_silent_peer_times_out_and_a_talking_one_does_not() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            socket.write_all(b"220 hi\r\n").await.unwrap();
            // Then silence, while the connection stays open.
            tokio::time::sleep(Duration::from_secs(5)).await;
            drop(socket);
        });
        let tcp = TcpStream::connect(addr).await.unwrap();
        let mut stream = Deadline::new(tcp, Duration::from_millis(200));
        let mut greeting = [0u8; 8];
        stream.read_exact(&mut greeting).await.unwrap();
        assert_eq!(&greeting, b"220 hi\r\n");
        // Idle time between steps does not count.
        tokio::time::sleep(Duration::from_millis(300)).await;
        stream.write_all(b"NOOP\r\n").await.unwrap();
        let started = std::time::Instant::now();
        let err = stream.read(&mut greeting).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(2));
        server.abort();
    }
}
