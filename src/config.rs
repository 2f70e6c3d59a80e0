//! Settings: `config/default.toml` (compiled into the binary, so that it runs from any folder
//! and on a machine without the source tree), overlaid by `{KOLO_ENV}.toml` from the config
//! folder when there is one, overlaid by `KOLO__SECTION__KEY` environment variables. Every
//! struct denies unknown keys so a typo in a file or variable stops the server with the key's
//! name instead of being silently ignored.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The JWT secret shipped in `config/default.toml`; production refuses to start with it.
pub const DEVELOPMENT_JWT_SECRET: &str = "development-only-secret-change-me-0123456789";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub platform: PlatformSettings,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub auth: AuthSettings,
    pub mail: MailSettings,
    pub worker: WorkerSettings,
    pub notify: NotifySettings,
    pub events: EventsSettings,
    pub privacy: PrivacySettings,
    pub limits: LimitsSettings,
    pub web: WebSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformSettings {
    /// What the deployment calls itself: the sender of account emails, the "via" in others.
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebSettings {
    /// Days a browser session lives without a visit.
    pub session_ttl_days: i64,
    /// Origins that may frame `/o/{slug}/embed`.
    pub embed_origins: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    pub bind: String,
    pub public_url: String,
    pub workers: usize,
    pub body_limit_bytes: usize,
    pub shutdown_timeout_secs: u64,
    /// How long a client may take to send the request head, in milliseconds.
    pub client_request_timeout_ms: u64,
    /// How long a closing connection may take to shut down, in milliseconds.
    pub client_disconnect_timeout_ms: u64,
    /// How long an idle keep-alive connection stays open, in seconds (0 = no keep-alive).
    pub keep_alive_secs: u64,
    /// Reverse proxies whose `X-Forwarded-For` is believed: IP addresses or CIDR ranges.
    pub trusted_proxies: Vec<String>,
    /// Origins (`https://app.example.org`) that browsers may call the API from; empty = none.
    pub cors_allowed_origins: Vec<String>,
    /// Fill an empty database with the demo network at start (development).
    pub demo_data_when_empty: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    pub url: String,
    pub pool_size: u32,
    pub connect_timeout_ms: u64,
    pub busy_timeout_ms: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthSettings {
    pub jwt_secret: String,
    pub access_ttl_secs: i64,
    pub refresh_ttl_days: i64,
    pub issuer: String,
    pub audience: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailTransportKind {
    File,
    Smtp,
    /// Kept in memory; only for tests.
    Memory,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    pub transport: MailTransportKind,
    pub from: String,
    /// The sender's name on an email about a host: `{host}` and `{platform}` are replaced.
    pub host_from_name: String,
    pub file_dir: PathBuf,
    pub max_attempts: i32,
    pub retry_base_secs: i64,
    pub smtp: SmtpSettings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpTls {
    None,
    Starttls,
    Tls,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub username: String,
    pub password: String,
    pub timeout_secs: u64,
    pub pool_size: u32,
    pub reuse_connections: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerSettings {
    pub enabled: bool,
    pub poll_interval_ms: u64,
    pub batch_size: i64,
    pub lease_secs: i64,
    pub sweep_interval_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifySettings {
    pub reminder_offsets_hours: Vec<u32>,
    pub organiser_messages_per_event_per_day: u32,
    pub unsubscribe_valid_days: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsSettings {
    /// How long an "event changed" email waits for further edits to fold into it, in seconds.
    pub change_coalesce_secs: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacySettings {
    /// Days after an event's end when its registrations lose their personal data; 0 keeps it.
    pub registration_retention_days: u32,
}

/// Abuse limits: requests per client IP and per account for the actions strangers can repeat.
/// Each budget is a burst that refills evenly over its window (a GCRA, as in `governor`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSettings {
    /// `false` switches every limit off (load tests).
    pub enabled: bool,
    pub login_per_ip_per_minute: u32,
    pub login_per_account_per_hour: u32,
    pub register_per_ip_per_hour: u32,
    pub register_per_account_per_hour: u32,
    pub password_reset_per_ip_per_hour: u32,
    pub password_reset_per_account_per_hour: u32,
    pub password_reset_confirm_per_ip_per_hour: u32,
    pub guest_registration_per_ip_per_hour: u32,
    pub guest_registration_per_account_per_hour: u32,
    pub verification_resend_per_ip_per_hour: u32,
    pub verification_resend_per_account_per_hour: u32,
    pub organiser_messages_per_ip_per_hour: u32,
    pub organiser_messages_per_account_per_hour: u32,
}

/// `config/default.toml` as it was when the binary was built.
pub const DEFAULTS: &str = include_str!("../config/default.toml");

impl Settings {
    /// Loads the settings for `KOLO_ENV` (default `development`): the compiled-in defaults,
    /// `{KOLO_ENV}.toml` from `KOLO_CONFIG_DIR` (or from `./config` when that folder exists),
    /// and the process environment.
    pub fn load() -> anyhow::Result<Settings> {
        let env = std::env::var("KOLO_ENV").unwrap_or_else(|_| "development".to_owned());
        let dir = match std::env::var_os("KOLO_CONFIG_DIR") {
            Some(dir) => {
                let dir = PathBuf::from(dir);
                // A folder named on purpose that is not there is a mistake, not "no overlay".
                anyhow::ensure!(
                    dir.is_dir(),
                    "KOLO_CONFIG_DIR: {} is not a folder",
                    dir.display()
                );
                Some(dir)
            }
            None => Some(PathBuf::from("config")).filter(|d| d.is_dir()),
        };
        let settings = Settings::load_layers(dir.as_deref(), &env, true)?;
        if env == "production" {
            settings.check_production()?;
        }
        Ok(settings)
    }

    /// Loads the compiled-in defaults overlaid by `{env}.toml` from `dir` (which may be
    /// absent), without the process environment when `with_environment` is false.
    pub fn load_from(dir: &Path, env: &str, with_environment: bool) -> anyhow::Result<Settings> {
        Settings::load_layers(Some(dir), env, with_environment)
    }

    fn load_layers(
        dir: Option<&Path>,
        env: &str,
        with_environment: bool,
    ) -> anyhow::Result<Settings> {
        let mut builder = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml));
        if let Some(dir) = dir {
            builder = builder
                .add_source(config::File::from(dir.join(format!("{env}.toml"))).required(false));
        }
        if with_environment {
            builder = builder.add_source(
                config::Environment::with_prefix("KOLO")
                    .prefix_separator("__")
                    .separator("__")
                    .try_parsing(true)
                    .list_separator(",")
                    .with_list_parse_key("notify.reminder_offsets_hours")
                    .with_list_parse_key("server.trusted_proxies")
                    .with_list_parse_key("server.cors_allowed_origins")
                    .with_list_parse_key("web.embed_origins"),
            );
        }
        let settings = builder
            .build()
            .and_then(|c| c.try_deserialize::<Settings>())
            .map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        settings.check()?;
        Ok(settings)
    }

    fn check(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.notify
                .reminder_offsets_hours
                .iter()
                .all(|h| (1..=24 * 60).contains(h)),
            "notify.reminder_offsets_hours must be between 1 and 1440 hours"
        );
        anyhow::ensure!(
            self.database.pool_size > 0,
            "database.pool_size must be at least 1"
        );
        anyhow::ensure!(
            self.auth.access_ttl_secs > 0,
            "auth.access_ttl_secs must be positive"
        );
        anyhow::ensure!(
            self.auth.refresh_ttl_days > 0,
            "auth.refresh_ttl_days must be positive"
        );
        anyhow::ensure!(
            (1..=3600).contains(&self.worker.sweep_interval_secs),
            "worker.sweep_interval_secs must be between 1 and 3600 (the sweep runs at least hourly)"
        );
        anyhow::ensure!(
            self.mail.max_attempts > 0,
            "mail.max_attempts must be at least 1"
        );
        anyhow::ensure!(
            self.mail.from.parse::<lettre::message::Mailbox>().is_ok(),
            "mail.from is not an email address: {}",
            self.mail.from
        );
        anyhow::ensure!(
            !self.platform.name.trim().is_empty(),
            "platform.name must not be empty"
        );
        anyhow::ensure!(
            self.mail.host_from_name.contains("{host}"),
            "mail.host_from_name must contain {{host}} (the organisation's name)"
        );
        anyhow::ensure!(
            self.server.public_url.starts_with("http://")
                || self.server.public_url.starts_with("https://"),
            "server.public_url must start with http:// or https://"
        );
        for proxy in &self.server.trusted_proxies {
            anyhow::ensure!(
                crate::http::client_ip::parse_network(proxy).is_some(),
                "server.trusted_proxies: `{proxy}` is not an IP address or CIDR range"
            );
        }
        for origin in &self.server.cors_allowed_origins {
            anyhow::ensure!(
                (origin.starts_with("http://") || origin.starts_with("https://"))
                    && !origin.ends_with('/'),
                "server.cors_allowed_origins: `{origin}` must be an origin like https://app.example.org"
            );
        }
        anyhow::ensure!(
            self.server.client_request_timeout_ms > 0,
            "server.client_request_timeout_ms must be positive"
        );
        anyhow::ensure!(
            self.limits.budgets().iter().all(|(_, n)| *n > 0),
            "every limits.* budget must be at least 1 (set limits.enabled = false to switch them off)"
        );
        Ok(())
    }

    /// Production must not run with what the repository ships for development.
    pub fn check_production(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.auth.jwt_secret != DEVELOPMENT_JWT_SECRET,
            "refusing to start in production with the development auth.jwt_secret; \
             set KOLO__AUTH__JWT_SECRET to a long random value"
        );
        anyhow::ensure!(
            self.auth.jwt_secret.len() >= 32,
            "refusing to start in production: auth.jwt_secret must be at least 32 characters"
        );
        anyhow::ensure!(
            self.mail.transport == MailTransportKind::Smtp,
            "refusing to start in production with mail.transport = {:?}: emails would never \
             reach anyone; configure mail.transport = \"smtp\"",
            self.mail.transport
        );
        Ok(())
    }

    /// The base URL for links in emails, without a trailing slash.
    pub fn public_url(&self) -> &str {
        self.server.public_url.trim_end_matches('/')
    }
}
