//! The scenarios run against a live `kolo` server.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use diesel::prelude::*;
use kolo::db::schema::{events, registrations};
use kolo::db::DbPool;
use serde_json::json;

use crate::dataset::{Dataset, PASSWORD, RUSH_SEATS};
use crate::load::{self, MakeReq, Req, Stats};
use crate::report::Row;
use crate::server::Server;

const LANGS: [&str; 10] = [
    "sr-Latn", "sr-Cyrl", "ro", "sq", "mk", "hr", "en", "bg", "sl", "bs",
];

pub struct Ctx<'a> {
    /// One or more `kolo serve` processes over the same database.
    pub servers: &'a [Server],
    pub conns: usize,
    pub warmup: Duration,
    pub duration: Duration,
    pub data: Arc<Dataset>,
}

impl Ctx<'_> {
    fn addrs(&self) -> Vec<SocketAddr> {
        self.servers.iter().map(|s| s.addr).collect()
    }

    /// CPU time of all the servers so far, in seconds.
    fn cpu_secs(&self) -> f64 {
        self.servers.iter().map(Server::cpu_secs).sum()
    }

    /// " over N instances", or nothing for one.
    fn over(&self) -> String {
        match self.servers.len() {
            1 => String::new(),
            n => format!(" over {n} instances"),
        }
    }

    fn how(&self, conns: usize) -> String {
        format!(
            "{conns} conns{}, {:.0} s after {:.0} s warm-up",
            self.over(),
            self.duration.as_secs_f64(),
            self.warmup.as_secs_f64()
        )
    }

    /// Runs a closed loop and records the server's CPU use over it.
    async fn measure(&self, name: &str, make: MakeReq) -> anyhow::Result<(Row, Stats)> {
        let cpu = self.cpu_secs();
        let load1 = crate::server::loadavg()[0];
        let stats =
            load::closed_loop(&self.addrs(), self.conns, self.warmup, self.duration, make).await?;
        let used = self.cpu_secs() - cpu;
        let mut row = Row::from_stats(name, self.how(self.conns), &stats);
        row.load1 = load1;
        row.server_cpu_pct = Some(100.0 * used / (self.warmup + self.duration).as_secs_f64());
        Ok((row, stats))
    }
}

pub async fn event_list(ctx: &Ctx<'_>) -> anyhow::Result<Row> {
    let make: MakeReq = Arc::new(|seq| {
        let mut req = Req::get(format!("/api/v1/events?per_page=20&page={}", 1 + seq % 5));
        req.accept_language = Some(LANGS[(seq % 10) as usize]);
        req
    });
    Ok(ctx.measure("GET /api/v1/events (20 items)", make).await?.0)
}

/// The front page (HTML): the same 20 events as the JSON list, rendered for a reader.
pub async fn front_page(ctx: &Ctx<'_>) -> anyhow::Result<Row> {
    let make: MakeReq = Arc::new(|seq| {
        let mut req = Req::get(format!("/?page={}", 1 + seq % 5));
        req.accept_language = Some(LANGS[(seq % 10) as usize]);
        req
    });
    Ok(ctx
        .measure("GET / (front page, HTML, 20 events)", make)
        .await?
        .0)
}

/// The event page (HTML), over the same events as the JSON detail.
pub async fn event_page(ctx: &Ctx<'_>) -> anyhow::Result<Row> {
    let data = ctx.data.clone();
    let make: MakeReq = Arc::new(move |seq| {
        let id = data.events[(seq as usize) % data.events.len()];
        let mut req = Req::get(format!("/events/{id}"));
        req.accept_language = Some(LANGS[(seq % 10) as usize]);
        req
    });
    Ok(ctx
        .measure("GET /events/{id} (event page, HTML)", make)
        .await?
        .0)
}

pub async fn event_detail(ctx: &Ctx<'_>, name: &str) -> anyhow::Result<(Row, Stats)> {
    let data = ctx.data.clone();
    let make: MakeReq = Arc::new(move |seq| {
        let id = data.events[(seq as usize) % data.events.len()];
        let mut req = Req::get(format!("/api/v1/events/{id}"));
        req.accept_language = Some(LANGS[(seq % 10) as usize]);
        req
    });
    ctx.measure(name, make).await
}

/// Distinct people registering for many events: request `seq` is person `seq % P` for event
/// `seq / P`, so no pair repeats within P × E requests.
pub async fn registrations(ctx: &Ctx<'_>) -> anyhow::Result<Row> {
    let data = ctx.data.clone();
    let people = data.tokens.len();
    let make: MakeReq = Arc::new(move |seq| {
        let seq = seq as usize;
        let event = data.events[(seq / people) % data.events.len()];
        let token = data.tokens[seq % people].clone();
        Req::post(
            format!("/api/v1/events/{event}/registrations"),
            Some(token),
            &json!({}),
        )
    });
    Ok(ctx
        .measure("POST /events/{id}/registrations", make)
        .await?
        .0)
}

/// Everyone at once for one workshop; then checks the outcome in the database.
pub async fn rush(
    ctx: &Ctx<'_>,
    pool: &DbPool,
    conns: usize,
) -> anyhow::Result<(Row, Vec<String>)> {
    let event = ctx.data.rush_event;
    let reqs: Vec<Req> = ctx
        .data
        .tokens
        .iter()
        .map(|t| {
            Req::post(
                format!("/api/v1/events/{event}/registrations"),
                Some(t.clone()),
                &json!({}),
            )
        })
        .collect();
    let people = reqs.len();
    let cpu = ctx.cpu_secs();
    let load1 = crate::server::loadavg()[0];
    let (answers, stats) = load::batch(&ctx.addrs(), conns, reqs).await?;
    let used = ctx.cpu_secs() - cpu;
    let mut positions = BTreeSet::new();
    let (mut confirmed_answers, mut statuses) = (0usize, std::collections::BTreeMap::new());
    for answer in answers.iter().flatten() {
        *statuses.entry(answer.0).or_insert(0usize) += 1;
        let body: serde_json::Value = serde_json::from_slice(&answer.1).unwrap_or_default();
        match body["status"].as_str() {
            Some("confirmed") => confirmed_answers += 1,
            Some("waitlisted") => {
                if let Some(p) = body["waitlist_position"].as_i64() {
                    positions.insert(p);
                }
            }
            _ => {}
        }
    }
    let pool = pool.clone();
    let (seats, confirmed, waitlisted) =
        tokio::task::spawn_blocking(move || -> anyhow::Result<(i32, i64, i64)> {
            let mut conn = pool.get()?;
            let seats = events::table
                .find(event)
                .select(events::seats_taken)
                .first(&mut conn)?;
            let count = |conn: &mut kolo::db::AnyConnection, status: &str| -> QueryResult<i64> {
                registrations::table
                    .filter(registrations::event_id.eq(event))
                    .filter(registrations::status.eq(status))
                    .count()
                    .get_result(conn)
            };
            Ok((
                seats,
                count(&mut conn, "confirmed")?,
                count(&mut conn, "waitlisted")?,
            ))
        })
        .await??;
    let waiting = people.saturating_sub(RUSH_SEATS as usize);
    let exact_positions = positions == (1..=waiting as i64).collect::<BTreeSet<i64>>();
    let exact = seats == RUSH_SEATS
        && confirmed == i64::from(RUSH_SEATS)
        && waitlisted == waiting as i64
        && confirmed_answers == RUSH_SEATS as usize
        && exact_positions
        && stats.errors == 0;
    let notes = vec![format!(
        "rush: {people} people for {RUSH_SEATS} seats over {conns} connections drained in {:.2} s; \
         database: seats_taken {seats}, confirmed {confirmed}, waitlisted {waitlisted}; answers: \
         {confirmed_answers} confirmed, waitlist positions 1..{waiting} {}; HTTP statuses {statuses:?}; {}",
        stats.elapsed.as_secs_f64(),
        if exact_positions { "each exactly once" } else { "NOT exact" },
        if exact { "EXACT" } else { "NOT EXACT" }
    )];
    let mut row = Row::from_stats(
        &format!("rush: {people} people, {RUSH_SEATS} seats"),
        format!(
            "{conns} conns{}, every request once; rate = people / drain time",
            ctx.over()
        ),
        &stats,
    );
    row.load1 = load1;
    row.server_cpu_pct = Some(100.0 * used / stats.elapsed.as_secs_f64());
    Ok((row, notes))
}

/// Event detail reads with and without logins (argon2) at a fixed rate beside them.
pub async fn login_storm(ctx: &Ctx<'_>, rate: f64) -> anyhow::Result<(Vec<Row>, String)> {
    let (quiet, quiet_stats) = event_detail(ctx, "reads, quiet (GET event detail)").await?;
    let data = ctx.data.clone();
    let make_login: MakeReq = Arc::new(move |seq| {
        let email = &data.logins[(seq as usize) % data.logins.len()];
        Req::post(
            "/api/v1/auth/login",
            None,
            &json!({ "email": email, "password": PASSWORD }),
        )
    });
    let login_conns = 8;
    let (addrs, storm) = (ctx.addrs(), ctx.warmup + ctx.duration);
    let logins = tokio::spawn(async move {
        load::fixed_rate(&addrs, login_conns, rate, storm, make_login).await
    });
    let (stormy, stormy_stats) =
        event_detail(ctx, "reads during login storm (GET event detail)").await?;
    let login_stats = logins.await??;
    let mut login_row = Row::from_stats(
        "POST /auth/login (argon2id)",
        format!(
            "fixed {rate:.0}/s over {login_conns} conns, beside the reads; {:.0} s",
            login_stats.elapsed.as_secs_f64()
        ),
        &login_stats,
    );
    login_row.load1 = stormy.load1;
    let ratio = stormy_stats.percentile_ms(99.0) / quiet_stats.percentile_ms(99.0).max(1e-6);
    let note = format!(
        "login storm: reads' p99 {:.2} ms quiet vs {:.2} ms with {:.1} logins/s achieved ({ratio:.2}×); reads {:.0}/s vs {:.0}/s",
        quiet_stats.percentile_ms(99.0),
        stormy_stats.percentile_ms(99.0),
        login_stats.rps(),
        quiet_stats.rps(),
        stormy_stats.rps(),
    );
    let stormy = stormy.against("quiet reads", Some(quiet.rate));
    Ok((vec![quiet, stormy, login_row], note))
}

/// The organisers' event, built when `organisers` runs.
fn organiser<'a>(ctx: &'a Ctx<'_>) -> anyhow::Result<&'a crate::dataset::Organiser> {
    ctx.data
        .organiser
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("the data set has no organisers' event"))
}

/// An organiser's page (HTML) of the event with `ROSTER_SIZE` registrations, in her session.
/// `rows`: how many people the page must list (checked once before measuring).
pub async fn organiser_page(
    ctx: &Ctx<'_>,
    path: &str,
    rows: usize,
    name: &str,
) -> anyhow::Result<Row> {
    let org = organiser(ctx)?;
    let (path, cookie) = (
        path.replace("{id}", &org.event.to_string()),
        org.cookie.clone(),
    );
    let mut probe = Req::get(path.clone());
    probe.cookie = Some(cookie.clone());
    let (status, body) = load::Conn::open(ctx.addrs()[0]).await?.send(&probe).await?;
    let listed = String::from_utf8_lossy(&body)
        .matches("Bench Person ")
        .count();
    anyhow::ensure!(
        status == 200 && listed == rows,
        "{path}: status {status}, {listed} people listed instead of {rows}"
    );
    let make: MakeReq = Arc::new(move |seq| {
        let mut req = Req::get(path.clone());
        req.cookie = Some(cookie.clone());
        req.accept_language = Some(LANGS[(seq % 10) as usize]);
        req
    });
    Ok(ctx.measure(name, make).await?.0)
}

/// Event detail reads with and without check-ins by code at a fixed rate beside them: the
/// JSON API's `POST /api/v1/events/{id}/check-in`, which is the door page's service
/// (`roster::check_in_code`). Each code once (the first `ROSTER_SIZE` check-ins).
pub async fn check_in_storm(ctx: &Ctx<'_>, rate: f64) -> anyhow::Result<(Vec<Row>, String)> {
    let org = organiser(ctx)?;
    let (quiet, quiet_stats) = event_detail(ctx, "reads, quiet (GET event detail)").await?;
    let (event, token, codes) = (org.event, org.token.clone(), Arc::new(org.codes.clone()));
    let make_check_in: MakeReq = Arc::new(move |seq| {
        let code = &codes[(seq as usize) % codes.len()];
        Req::post(
            format!("/api/v1/events/{event}/check-in"),
            Some(token.clone()),
            &json!({ "code": code }),
        )
    });
    let check_in_conns = 4;
    let (addrs, storm) = (ctx.addrs(), ctx.warmup + ctx.duration);
    let check_ins = tokio::spawn(async move {
        load::fixed_rate(&addrs, check_in_conns, rate, storm, make_check_in).await
    });
    let (busy, busy_stats) = event_detail(ctx, "reads during check-ins (GET event detail)").await?;
    let stats = check_ins.await??;
    anyhow::ensure!(
        stats.requests as usize <= org.codes.len(),
        "{} check-ins for {} codes: some code was checked in twice",
        stats.requests,
        org.codes.len()
    );
    let mut row = Row::from_stats(
        "check-in by code during event-detail reads",
        format!(
            "POST /api/v1/events/{{id}}/check-in (the door page's service, roster::check_in_code), \
             fixed {rate:.0}/s over {check_in_conns} conns beside {} conns of reads; each code once; {:.0} s",
            ctx.conns,
            stats.elapsed.as_secs_f64()
        ),
        &stats,
    );
    row.load1 = busy.load1;
    let note = format!(
        "check-ins: {} done ({} errors) at {:.1}/s, p50 {:.2} ms, p99 {:.2} ms; reads' p99 {:.2} ms quiet vs {:.2} ms beside them; reads {:.0}/s vs {:.0}/s",
        stats.requests,
        stats.errors,
        stats.rps(),
        stats.percentile_ms(50.0),
        stats.percentile_ms(99.0),
        quiet_stats.percentile_ms(99.0),
        busy_stats.percentile_ms(99.0),
        quiet_stats.rps(),
        busy_stats.rps(),
    );
    let busy = busy.against("quiet reads", Some(quiet.rate));
    Ok((vec![quiet, busy, row], note))
}
