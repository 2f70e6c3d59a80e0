//! The load generator: a fixed number of tasks, each with its own keep-alive HTTP/1.1
//! connection over loopback, sending the next request as soon as the previous answer is read
//! (closed loop). Latency is measured per request from send to the last body byte.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// One request to send.
#[derive(Clone)]
pub struct Req {
    pub method: Method,
    pub path: String,
    pub token: Option<String>,
    pub body: Option<Bytes>,
    pub accept_language: Option<&'static str>,
    /// A `Cookie` header (a browser session), shared by every request that sends it.
    pub cookie: Option<Arc<str>>,
}

impl Req {
    pub fn get(path: impl Into<String>) -> Req {
        Req {
            method: Method::GET,
            path: path.into(),
            token: None,
            body: None,
            accept_language: None,
            cookie: None,
        }
    }

    pub fn post(path: impl Into<String>, token: Option<String>, body: &serde_json::Value) -> Req {
        Req {
            method: Method::POST,
            path: path.into(),
            token,
            body: Some(Bytes::from(body.to_string())),
            accept_language: None,
            cookie: None,
        }
    }
}

/// Makes the request with a given sequence number (unique across all connections of a run).
pub type MakeReq = Arc<dyn Fn(u64) -> Req + Send + Sync>;

/// What a run measured.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub requests: u64,
    pub errors: u64,
    pub elapsed: Duration,
    /// Sorted, in microseconds.
    pub latencies_us: Vec<u32>,
}

impl Stats {
    pub fn rps(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * self.latencies_us.len() as f64).ceil() as usize;
        let idx = rank.clamp(1, self.latencies_us.len()) - 1;
        f64::from(self.latencies_us[idx]) / 1000.0
    }

    fn merge(parts: Vec<TaskStats>, elapsed: Duration) -> Stats {
        let mut stats = Stats {
            elapsed,
            ..Stats::default()
        };
        for part in parts {
            stats.requests += part.requests;
            stats.errors += part.errors;
            stats.latencies_us.extend(part.latencies_us);
        }
        stats.latencies_us.sort_unstable();
        stats
    }
}

#[derive(Default)]
struct TaskStats {
    requests: u64,
    errors: u64,
    latencies_us: Vec<u32>,
}

/// A keep-alive HTTP/1.1 connection.
pub struct Conn {
    addr: SocketAddr,
    sender: SendRequest<Full<Bytes>>,
}

impl Conn {
    pub async fn open(addr: SocketAddr) -> anyhow::Result<Conn> {
        let stream = TcpStream::connect(addr)
            .await
            .with_context(|| format!("connecting to {addr}"))?;
        stream.set_nodelay(true)?;
        let (sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(Conn { addr, sender })
    }

    /// Sends one request and reads the whole answer: (status, body).
    pub async fn send(&mut self, req: &Req) -> anyhow::Result<(u16, Bytes)> {
        if self.sender.is_closed() {
            *self = Conn::open(self.addr).await?;
        }
        let mut builder = Request::builder()
            .method(req.method.clone())
            .uri(req.path.as_str())
            .header(hyper::header::HOST, self.addr.to_string());
        if let Some(token) = &req.token {
            builder = builder.header(hyper::header::AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some(cookie) = &req.cookie {
            builder = builder.header(hyper::header::COOKIE, cookie.as_ref());
        }
        if let Some(lang) = req.accept_language {
            builder = builder.header(hyper::header::ACCEPT_LANGUAGE, lang);
        }
        let body = match &req.body {
            Some(body) => {
                builder = builder.header(hyper::header::CONTENT_TYPE, "application/json");
                body.clone()
            }
            None => Bytes::new(),
        };
        self.sender.ready().await?;
        let response = self
            .sender
            .send_request(builder.body(Full::new(body))?)
            .await?;
        let status = response.status().as_u16();
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, body))
    }
}

/// `conns` connections, spread over `addrs` in turn.
async fn open_all(addrs: &[SocketAddr], conns: usize) -> anyhow::Result<Vec<Conn>> {
    let mut opened = Vec::with_capacity(conns);
    for addr in addrs.iter().cycle().take(conns) {
        opened.push(Conn::open(*addr).await?);
    }
    Ok(opened)
}

/// Opens `conns` connections, then runs requests on all of them for `warmup` (not counted)
/// and `duration` (counted). Non-2xx answers and transport errors count as errors.
/// Connections go to `addrs` in turn, as a round-robin load balancer would send them.
pub async fn closed_loop(
    addrs: &[SocketAddr],
    conns: usize,
    warmup: Duration,
    duration: Duration,
    make: MakeReq,
) -> anyhow::Result<Stats> {
    let opened = open_all(addrs, conns).await?;
    let seq = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let measure_from = start + warmup;
    let stop_at = measure_from + duration;
    let mut tasks = Vec::with_capacity(conns);
    for mut conn in opened {
        let make = make.clone();
        let seq = seq.clone();
        tasks.push(tokio::spawn(async move {
            let mut stats = TaskStats::default();
            loop {
                let req = make(seq.fetch_add(1, Ordering::Relaxed));
                let sent = Instant::now();
                if sent >= stop_at {
                    break;
                }
                let outcome = conn.send(&req).await;
                let done = Instant::now();
                if sent < measure_from || done > stop_at {
                    continue;
                }
                stats.requests += 1;
                match outcome {
                    Ok((status, _)) if (200..300).contains(&status) => {}
                    _ => stats.errors += 1,
                }
                let micros = done.duration_since(sent).as_micros();
                stats
                    .latencies_us
                    .push(u32::try_from(micros).unwrap_or(u32::MAX));
            }
            stats
        }));
    }
    let mut parts = Vec::with_capacity(conns);
    for task in tasks {
        parts.push(task.await?);
    }
    Ok(Stats::merge(parts, duration))
}

/// Sends each request of `reqs` exactly once over `conns` connections opened beforehand, and
/// returns the answers in order with the time from the first send to the last answer.
pub async fn batch(
    addrs: &[SocketAddr],
    conns: usize,
    reqs: Vec<Req>,
) -> anyhow::Result<(Vec<anyhow::Result<(u16, Bytes)>>, Stats)> {
    let opened = open_all(addrs, conns).await?;
    let reqs = Arc::new(reqs);
    let next = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(conns);
    for mut conn in opened {
        let reqs = reqs.clone();
        let next = next.clone();
        tasks.push(tokio::spawn(async move {
            let mut answers = Vec::new();
            loop {
                let i = usize::try_from(next.fetch_add(1, Ordering::Relaxed)).unwrap_or(usize::MAX);
                let Some(req) = reqs.get(i) else { break };
                let sent = Instant::now();
                let outcome = conn.send(req).await;
                answers.push((i, outcome, sent.elapsed()));
            }
            answers
        }));
    }
    let mut all = Vec::with_capacity(reqs.len());
    for task in tasks {
        all.extend(task.await?);
    }
    let elapsed = start.elapsed();
    all.sort_by_key(|(i, _, _)| *i);
    let mut stats = TaskStats::default();
    let mut answers = Vec::with_capacity(all.len());
    for (_, outcome, latency) in all {
        stats.requests += 1;
        if !matches!(&outcome, Ok((s, _)) if (200..300).contains(s)) {
            stats.errors += 1;
        }
        stats
            .latencies_us
            .push(u32::try_from(latency.as_micros()).unwrap_or(u32::MAX));
        answers.push(outcome);
    }
    Ok((answers, Stats::merge(vec![stats], elapsed)))
}

/// Sends requests at a fixed total rate over `conns` connections (open loop: the schedule
/// does not wait for slow answers beyond each connection's own queue) until `stop` is reached.
pub async fn fixed_rate(
    addrs: &[SocketAddr],
    conns: usize,
    rate_per_sec: f64,
    duration: Duration,
    make: MakeReq,
) -> anyhow::Result<Stats> {
    let per_conn = Duration::from_secs_f64(conns as f64 / rate_per_sec.max(0.001));
    let seq = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let stop_at = start + duration;
    let mut tasks = Vec::with_capacity(conns);
    for (n, mut conn) in open_all(addrs, conns).await?.into_iter().enumerate() {
        let make = make.clone();
        let seq = seq.clone();
        // Spread the connections' ticks evenly over one period.
        let offset = per_conn.mul_f64(n as f64 / conns as f64);
        tasks.push(tokio::spawn(async move {
            let mut stats = TaskStats::default();
            let mut ticks =
                tokio::time::interval_at(tokio::time::Instant::from_std(start + offset), per_conn);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if Instant::now() >= stop_at {
                    break;
                }
                let req = make(seq.fetch_add(1, Ordering::Relaxed));
                let sent = Instant::now();
                let outcome = conn.send(&req).await;
                stats.requests += 1;
                if !matches!(&outcome, Ok((s, _)) if (200..300).contains(s)) {
                    stats.errors += 1;
                }
                let micros = sent.elapsed().as_micros();
                stats
                    .latencies_us
                    .push(u32::try_from(micros).unwrap_or(u32::MAX));
            }
            stats
        }));
    }
    let mut parts = Vec::with_capacity(conns);
    for task in tasks {
        parts.push(task.await?);
    }
    Ok(Stats::merge(parts, start.elapsed()))
}
