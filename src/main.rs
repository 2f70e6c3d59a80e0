//! The `kolo` command: serve (default), migrate, create-admin, demo-data, backup.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kolo::config::Settings;
use kolo::db::Backend;
use kolo::notify::mailer::Mailer;
use kolo::types::{text, Email};
use kolo::Application;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "kolo",
    version,
    about = "Membership and events for cultural organisations and their networks"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server and the mail worker (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a platform admin, or make an existing account one.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Fill an empty database with a demo network (organisations, members, events).
    DemoData,
    /// Write a consistent copy of the SQLite database to PATH, also while the server runs
    /// (for PostgreSQL, use pg_dump: see docs/deployment.md).
    Backup {
        /// Where to write the copy; an existing file is never overwritten.
        path: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    let outcome =
        Settings::load().and_then(|settings| match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(settings),
            Command::Migrate => migrate(&settings),
            Command::CreateAdmin {
                email,
                name,
                password_stdin,
            } => create_admin(&settings, &email, &name, password_stdin),
            Command::DemoData => demo_data(&settings),
            Command::Backup { path } => backup(&settings, &path),
        });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kolo: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("KOLO_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.compact().init();
    }
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let database = Backend::from_url(&settings.database.url).display();
        let mail = Mailer::describe(&settings.mail);
        let worker = if settings.worker.enabled { "on" } else { "off" };
        let demo_when_empty = settings.server.demo_data_when_empty;
        let app = Application::build(settings).await?;
        let base = format!("http://{}", app.addr);
        println!("Kolo is listening on {base}");
        println!("  API docs:  {base}/docs/   (OpenAPI: {base}/api/openapi.json)");
        println!("  database:  {database}");
        println!("  mail:      {mail} (worker {worker})");
        if demo_when_empty {
            let pool = app.state.pool.clone();
            // Never fatal: instances started together race to fill the same new database,
            // and the one that finds it filled has nothing to add.
            if let Err(e) = tokio::task::spawn_blocking(move || demo_data_if_empty(&pool)).await? {
                eprintln!("demo data not loaded: {e:#}");
            }
        }
        app.run_until_stopped().await
    })
}

fn migrate(settings: &Settings) -> anyhow::Result<()> {
    kolo::db::connect(&settings.database)?;
    println!(
        "database is up to date: {}",
        Backend::from_url(&settings.database.url).display()
    );
    Ok(())
}

fn create_admin(
    settings: &Settings,
    email: &str,
    name: &str,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|m| anyhow::anyhow!("--email {m}"))?;
    let name = text(name, 1, 200).map_err(|m| anyhow::anyhow!("--name {m}"))?;
    let password = if password_stdin || !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Repeat password: ")?;
        anyhow::ensure!(first == again, "the passwords differ");
        first
    };
    kolo::auth::passwords::check_policy(&password).map_err(|m| anyhow::anyhow!("password {m}"))?;
    let hash = kolo::auth::passwords::hash(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let pool = kolo::db::connect(&settings.database)?;
    let mut conn = pool.get()?;
    let (person, created) = kolo::auth::service::create_admin(&mut conn, &email, &name, &hash)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if created {
        println!("created platform admin {} (id {})", person.email, person.id);
    } else {
        println!(
            "{} (id {}) is now a platform admin",
            person.email, person.id
        );
    }
    Ok(())
}

fn backup(settings: &Settings, path: &std::path::Path) -> anyhow::Result<()> {
    let bytes = kolo::privacy::backup::sqlite(&settings.database, path)?;
    println!(
        "backup written: {} ({bytes} bytes) from {}",
        path.display(),
        Backend::from_url(&settings.database.url).display()
    );
    Ok(())
}

fn demo_data(settings: &Settings) -> anyhow::Result<()> {
    let pool = kolo::db::connect(&settings.database)?;
    load_demo(&pool)
}

/// `server.demo_data_when_empty` (on in development): a first start shows a working site.
fn demo_data_if_empty(pool: &kolo::db::DbPool) -> anyhow::Result<()> {
    use diesel::prelude::*;
    use kolo::db::schema::organisations;
    let mut conn = pool.get()?;
    let organisations: i64 = organisations::table.count().get_result(&mut conn)?;
    if organisations == 0 {
        load_demo(pool)?;
    }
    Ok(())
}

fn load_demo(pool: &kolo::db::DbPool) -> anyhow::Result<()> {
    use kolo::events::demo;
    let hash =
        kolo::auth::passwords::hash(demo::DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut conn = pool.get()?;
    let summary = demo::load(&mut conn, &hash)?;
    println!(
        "demo data loaded: {} organisations, {} people, {} events",
        summary.organisations,
        summary.people.len(),
        summary.events
    );
    println!(
        "every demo account has the password {}:",
        demo::DEMO_PASSWORD
    );
    for email in summary.people {
        println!("  {email}");
    }
    Ok(())
}
