//! `kolo-bench`: measures a release `kolo` server on this machine against baselines taken in
//! the same run, and prints a Markdown table (also written as Markdown and JSON under
//! `target/kolo-bench/`). See docs/performance.md.

mod baselines;
mod dataset;
mod limits;
mod load;
mod mail;
mod report;
mod scenarios;
mod server;
mod smtp;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use diesel::connection::SimpleConnection;
use diesel::Connection;
use kolo::db::DbPool;

use crate::report::{Report, Row};
use crate::server::{Launch, Server};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum BackendArg {
    Sqlite,
    Postgres,
}

/// The scenarios after the baselines, for `--only`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Scenario {
    List,
    Detail,
    Registrations,
    Rush,
    Logins,
    /// The abuse-limit check of the login path, in-process (no server).
    LimitCheck,
    Outbox,
    /// The front page and the event page (HTML), against the JSON list and detail.
    Pages,
    /// The organisers' roster and print view of an event with 1,000 registrations, and
    /// check-ins by code beside event-detail reads (issue 14).
    Organisers,
}

#[derive(Parser, Debug)]
#[command(
    name = "kolo-bench",
    about = "Load-test a release kolo server against same-run baselines"
)]
struct Cli {
    #[arg(long, value_enum, default_value = "sqlite")]
    backend: BackendArg,
    /// PostgreSQL server for --backend postgres; a scratch database kolo_bench_<pid> is
    /// created on it and dropped at the end.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    database_url: String,
    /// A short smoke run (3 s per scenario, fewer emails).
    #[arg(long)]
    quick: bool,
    /// Seconds measured per scenario (after the warm-up).
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Seconds of warm-up per scenario, not counted.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Keep-alive connections of the closed-loop scenarios.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Connections of the rush.
    #[arg(long, default_value_t = 256)]
    rush_connections: usize,
    /// Check-ins by code per second beside the reads (`organisers`).
    #[arg(long, default_value_t = 20.0)]
    check_in_rate: f64,
    /// Logins per second in the login storm.
    #[arg(long, default_value_t = 20.0)]
    login_rate: f64,
    /// Emails queued per outbox drain.
    #[arg(long, default_value_t = 10_000)]
    emails: usize,
    /// Threads of the load generator's runtime.
    #[arg(long, default_value_t = 1)]
    client_threads: usize,
    /// Run only these scenarios (comma-separated; default: all). The bare-JSON baseline always
    /// runs, the storage baselines only with `registrations`.
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<Scenario>,
    /// `kolo serve` processes over the one database, each on its own port; the load goes to
    /// them in turn (as a round-robin load balancer would) and the figures are combined. Meant
    /// for --backend postgres (several SQLite writers in separate processes queue on the file).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=16))]
    instances: u16,
    /// A `kolo` binary to measure instead of building this checkout's (e.g. an older build,
    /// to compare two versions on the same machine).
    #[arg(long)]
    kolo: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Sub>,
}

#[derive(Subcommand, Debug)]
enum Sub {
    /// (internal) The bare actix-web JSON baseline server.
    #[command(hide = true)]
    BareJson {
        #[arg(long)]
        port: u16,
    },
}

const PEOPLE: usize = 2_000;
const EVENTS: usize = 200;

fn main() -> anyhow::Result<()> {
    let mut cli = Cli::parse();
    if let Some(Sub::BareJson { port }) = cli.command {
        return baselines::serve_bare_json(port);
    }
    if cli.quick {
        cli.duration = cli.duration.min(3);
        cli.warmup = cli.warmup.min(1);
        cli.emails = cli.emails.min(2_000);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cli.client_threads.max(1))
        .enable_all()
        .build()?;
    let report = runtime.block_on(run(&cli))?;
    println!("{}", report.markdown());
    println!("written: {}", report.write()?.display());
    Ok(())
}

async fn run(cli: &Cli) -> anyhow::Result<Report> {
    let kolo = match &cli.kolo {
        Some(path) => path.clone(),
        None => server::kolo_binary()?,
    };
    let tmp = std::env::temp_dir().join(format!("kolo-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let scratch = match cli.backend {
        BackendArg::Sqlite => None,
        BackendArg::Postgres => Some(Scratch::create(&cli.database_url)?),
    };
    let outcome = measure(cli, &kolo, &tmp, scratch.as_ref()).await;
    if let Some(scratch) = scratch {
        scratch.drop_database()?;
    }
    std::fs::remove_dir_all(&tmp)?;
    outcome
}

async fn measure(
    cli: &Cli,
    kolo: &Path,
    tmp: &Path,
    scratch: Option<&Scratch>,
) -> anyhow::Result<Report> {
    let (warmup, duration) = (
        Duration::from_secs(cli.warmup),
        Duration::from_secs(cli.duration),
    );
    let mut report = Report {
        backend: format!("{:?}", cli.backend).to_lowercase(),
        machine: server::machine(),
        started_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        command: std::env::args().collect::<Vec<_>>().join(" "),
        client: format!(
            "closed loop over keep-alive HTTP/1.1 on loopback, {} client thread(s) in the same machine",
            cli.client_threads
        ),
        load_at_start: server::loadavg(),
        load_at_end: [0.0; 3],
        rows: Vec::new(),
        peak_rss_mib: Vec::new(),
        notes: Vec::new(),
    };
    let how = format!(
        "{} conns, {} s after {} s warm-up",
        cli.connections, cli.duration, cli.warmup
    );

    // Baseline 1: the framework.
    let port = server::free_port()?;
    let bare = Server::start(
        &Launch {
            program: std::env::current_exe()?,
            args: vec!["bare-json".into(), "--port".into(), port.to_string()],
            env: Vec::new(),
            port,
            log: tmp.join("bare.log"),
        },
        "/healthz",
    )
    .await?;
    let make: load::MakeReq = Arc::new(|_| load::Req::get("/json"));
    let cpu = bare.cpu_secs();
    let stats = load::closed_loop(&[bare.addr], cli.connections, warmup, duration, make).await?;
    let mut bare_row = Row::from_stats("baseline: bare actix-web JSON", how.clone(), &stats);
    bare_row.server_cpu_pct =
        Some(100.0 * (bare.cpu_secs() - cpu) / (warmup + duration).as_secs_f64());
    let bare_rps = bare_row.rate;
    report.rows.push(bare_row);
    bare.stop()?;

    let runs = |s: Scenario| cli.only.is_empty() || cli.only.contains(&s);

    // Baseline 2: the storage.
    let mut storage_tps = 0.0;
    let mut pgbench_tps = None;
    if runs(Scenario::Registrations) {
        let (storage_url, threads) = match scratch {
            None => (tmp.join("storage.db").display().to_string(), 1),
            Some(s) => (s.url.clone(), 8),
        };
        let storage_secs = Duration::from_secs(cli.duration.min(5));
        let stats = tokio::task::spawn_blocking(move || {
            baselines::storage_inserts(&storage_url, threads, storage_secs)
        })
        .await??;
        let storage_how = format!(
            "diesel, {threads} thread(s), {} s, same file system/server",
            storage_secs.as_secs()
        );
        let storage_row = Row::from_stats(
            "baseline: single-row insert transactions",
            storage_how,
            &stats,
        );
        storage_tps = storage_row.rate;
        report.rows.push(storage_row);
        if let Some(s) = scratch {
            let url = s.url.clone();
            let secs = cli.duration;
            match tokio::task::spawn_blocking(move || baselines::pgbench(&url, 8, secs)).await? {
                Ok(Some((tps, how))) => {
                    pgbench_tps = Some(tps);
                    let mut row = Row::from_stats(
                        "baseline: pgbench simple-update",
                        how,
                        &load::Stats::default(),
                    );
                    (row.rate, row.p50_ms, row.p99_ms) = (tps, None, None);
                    report.rows.push(row);
                }
                Ok(None) => report
                    .notes
                    .push("pgbench is not installed: no pgbench baseline".into()),
                Err(e) => report.notes.push(format!("pgbench failed: {e:#}")),
            }
        }
    }

    // The data set and the server.
    let db_url = match scratch {
        None => format!("sqlite://{}", tmp.join("kolo.db").display()),
        Some(s) => s.url.clone(),
    };
    let settings = dataset::settings(&db_url)?;
    let organisers = runs(Scenario::Organisers);
    let (pool, data) = {
        let settings = settings.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<(DbPool, dataset::Dataset)> {
            let pool = kolo::db::connect(&settings.database)?;
            let data = dataset::load(&mut *pool.get()?, &settings, PEOPLE, EVENTS, organisers)?;
            Ok((pool, data))
        })
        .await??
    };
    report.notes.push(format!(
        "data set: the demo network plus {PEOPLE} verified people and {EVENTS} published events (2 locales each); \
         a workshop of {} seats for the rush",
        dataset::RUSH_SEATS
    ));
    let sink = smtp::Sink::start().await?;
    let launch = |worker: bool, smtp_pool: u32, reuse: bool, log: &str| -> anyhow::Result<Launch> {
        let port = server::free_port()?;
        let mut env = server_env(&db_url, port, worker, sink.addr.port(), smtp_pool, tmp);
        env.push((
            "KOLO__MAIL__SMTP__REUSE_CONNECTIONS".into(),
            reuse.to_string(),
        ));
        Ok(Launch {
            program: kolo.to_path_buf(),
            args: vec!["serve".into()],
            env,
            port,
            log: tmp.join(log),
        })
    };
    let mut servers = Vec::new();
    for i in 0..cli.instances {
        servers.push(
            Server::start(
                &launch(false, 4, true, &format!("kolo-{i}.log"))?,
                "/readyz",
            )
            .await?,
        );
    }
    let ctx = scenarios::Ctx {
        servers: &servers,
        conns: cli.connections,
        warmup,
        duration,
        data: Arc::new(data),
    };
    let mut rss = Vec::new();
    let mut after = |label: &str, servers: &[Server]| {
        let each: Vec<String> = servers
            .iter()
            .map(|s| format!("{:.0}/{:.0}", s.rss_mib(), s.peak_rss_mib()))
            .collect();
        rss.push(format!("{label} {}", each.join(" + ")));
    };
    after("start", &servers);
    let (mut list_rps, mut detail_rps) = (None, None);
    if runs(Scenario::List) || runs(Scenario::Pages) {
        let list = scenarios::event_list(&ctx).await?;
        list_rps = Some(list.rate);
        report.rows.push(list.against("bare JSON", Some(bare_rps)));
        after("list", &servers);
    }
    if runs(Scenario::Detail) || runs(Scenario::Pages) {
        let (detail, _) = scenarios::event_detail(&ctx, "GET /api/v1/events/{id}").await?;
        detail_rps = Some(detail.rate);
        report
            .rows
            .push(detail.against("bare JSON", Some(bare_rps)));
        after("detail", &servers);
    }
    if runs(Scenario::Pages) {
        let front = scenarios::front_page(&ctx).await?;
        report.rows.push(front.against("JSON list", list_rps));
        let page = scenarios::event_page(&ctx).await?;
        report.rows.push(page.against("JSON detail", detail_rps));
        after("pages", &servers);
    }
    if organisers {
        let roster = scenarios::organiser_page(
            &ctx,
            "/manage/events/{id}/roster",
            50,
            "GET /manage/events/{id}/roster (1,000 registrations, first page of 50)",
        )
        .await?;
        report.rows.push(roster);
        let print = scenarios::organiser_page(
            &ctx,
            "/manage/events/{id}/roster/print",
            dataset::ROSTER_SIZE,
            "GET /manage/events/{id}/roster/print (all 1,000 on one page)",
        )
        .await?;
        report.rows.push(print);
        let (rows, note) = scenarios::check_in_storm(&ctx, cli.check_in_rate).await?;
        report.rows.extend(rows);
        report.notes.push(note);
        report.notes.push(format!(
            "organisers: an event of the first host with {} confirmed registrations of bench people; an organiser of that host with a browser session (a web_sessions row, the cookie sent with every page request) and an access token (check-ins)",
            dataset::ROSTER_SIZE
        ));
        after("organisers", &servers);
    }
    if runs(Scenario::Registrations) {
        let storage_name = if scratch.is_some() {
            "pgbench"
        } else {
            "storage"
        };
        let reg_base = pgbench_tps.or(Some(storage_tps).filter(|_| scratch.is_none()));
        let registrations = scenarios::registrations(&ctx).await?;
        report
            .rows
            .push(registrations.against(storage_name, reg_base));
        after("registrations", &servers);
    }
    if runs(Scenario::Rush) {
        let (rush_row, notes) = scenarios::rush(&ctx, &pool, cli.rush_connections).await?;
        report.rows.push(rush_row);
        report.notes.extend(notes);
        after("rush", &servers);
    }
    if runs(Scenario::Logins) {
        let (rows, note) = scenarios::login_storm(&ctx, cli.login_rate).await?;
        report.rows.extend(rows);
        report.notes.push(note);
        after("login storm", &servers);
    }
    if runs(Scenario::LimitCheck) {
        let row =
            limits::login_checks(&pool, &settings, scratch.is_some(), warmup, duration).await?;
        report.rows.push(row);
    }
    report.notes.push(format!(
        "kolo RSS now/peak in MiB after each phase: {}",
        rss.join(", ")
    ));
    for (i, server) in servers.into_iter().enumerate() {
        let name = match cli.instances {
            1 => "kolo (reads, registrations, rush, logins)".to_owned(),
            _ => format!(
                "kolo instance {} (reads, registrations, rush, logins)",
                i + 1
            ),
        };
        report.peak_rss_mib.push((name, server.peak_rss_mib()));
        server.stop()?;
    }

    // The outbox, with the mail worker on (on every instance): pooled connections of 1, 4
    // and 16, then 4 at once with a new connection per message.
    let drains: &[(u32, bool)] = if runs(Scenario::Outbox) {
        &[(1, true), (4, true), (16, true), (4, false)]
    } else {
        &[]
    };
    for &(pool_size, reuse) in drains {
        let launches = (0..cli.instances)
            .map(|i| launch(true, pool_size, reuse, &format!("kolo-mail-{i}.log")))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let drain = mail::drain(&launches, &pool, &sink, cli.emails, pool_size, reuse).await?;
        report.rows.push(drain.row);
        report.notes.push(drain.note);
        report
            .peak_rss_mib
            .push((format!("kolo ({})", drain.name), drain.peak_rss_mib));
    }
    report.load_at_end = server::loadavg();
    Ok(report)
}

/// The server's settings as `KOLO__` variables (the same the bench signs tokens with).
fn server_env(
    db_url: &str,
    port: u16,
    worker: bool,
    smtp_port: u16,
    smtp_pool: u32,
    tmp: &Path,
) -> Vec<(String, String)> {
    let config: PathBuf = server::project_dir().join("config");
    [
        ("KOLO_ENV", "development".to_owned()),
        ("KOLO_CONFIG_DIR", config.display().to_string()),
        ("KOLO__DATABASE__URL", db_url.to_owned()),
        ("KOLO__SERVER__BIND", format!("127.0.0.1:{port}")),
        ("KOLO__AUTH__JWT_SECRET", dataset::JWT_SECRET.to_owned()),
        ("KOLO__AUTH__ACCESS_TTL_SECS", "3600".to_owned()),
        ("KOLO__WORKER__ENABLED", worker.to_string()),
        // The login storm comes from one address; abuse limits would turn it into 429s.
        ("KOLO__LIMITS__ENABLED", "false".to_owned()),
        ("KOLO__MAIL__TRANSPORT", "smtp".to_owned()),
        (
            "KOLO__MAIL__FILE_DIR",
            tmp.join("mail").display().to_string(),
        ),
        ("KOLO__MAIL__SMTP__HOST", "127.0.0.1".to_owned()),
        ("KOLO__MAIL__SMTP__PORT", smtp_port.to_string()),
        ("KOLO__MAIL__SMTP__TLS", "none".to_owned()),
        ("KOLO__MAIL__SMTP__POOL_SIZE", smtp_pool.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// A scratch PostgreSQL database for one run.
struct Scratch {
    admin_url: String,
    name: String,
    url: String,
}

impl Scratch {
    fn create(admin_url: &str) -> anyhow::Result<Scratch> {
        let name = format!("kolo_bench_{}", std::process::id());
        let mut admin = diesel::PgConnection::establish(admin_url)?;
        // One statement per call: several in one batch form a transaction block, which
        // CREATE and DROP DATABASE refuse.
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        let (base, query) = admin_url
            .split_once('?')
            .map_or((admin_url, ""), |(b, q)| (b, q));
        let prefix = base.rsplit_once('/').map_or(base, |(p, _)| p);
        let mut url = format!("{prefix}/{name}");
        if !query.is_empty() {
            url = format!("{url}?{query}");
        }
        Ok(Scratch {
            admin_url: admin_url.to_owned(),
            name,
            url,
        })
    }

    fn drop_database(self) -> anyhow::Result<()> {
        let mut admin = diesel::PgConnection::establish(&self.admin_url)?;
        admin.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))?;
        Ok(())
    }
}
