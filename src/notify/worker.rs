//! The mail worker: claims due outbox messages under a lease, renders and sends them, records
//! the outcome. Runs in every server process with `worker.enabled`; several may run at once.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Duration as ChronoDuration;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use tokio::sync::watch;

use crate::config::Settings;
use crate::db::{now, write_tx, DbPool};
use crate::i18n::Locale;
use crate::members::sweep::{self, SweepReport};
use crate::notify::mailer::Mailer;
use crate::notify::outbox::{self, OutboxMessage};
use crate::notify::templates;

pub struct Worker {
    pool: DbPool,
    settings: Arc<Settings>,
    mailer: Mailer,
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PassReport {
    pub sent: usize,
    pub failed: usize,
}

impl Worker {
    pub fn new(pool: DbPool, settings: Arc<Settings>, mailer: Mailer) -> Worker {
        Worker {
            pool,
            settings,
            mailer,
        }
    }

    /// Polls until `shutdown` turns true, then returns after the batch in hand is finished.
    /// Runs the membership sweep at start and then every `worker.sweep_interval_secs`.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let poll = Duration::from_millis(self.settings.worker.poll_interval_ms.max(10));
        let sweep_every = Duration::from_secs(self.settings.worker.sweep_interval_secs.max(1));
        let mut last_sweep: Option<Instant> = None;
        loop {
            if *shutdown.borrow() {
                break;
            }
            if last_sweep.is_none_or(|at| at.elapsed() >= sweep_every) {
                last_sweep = Some(Instant::now());
                match self.sweep().await {
                    Ok(report) if report == SweepReport::default() => {
                        tracing::debug!("membership sweep: nothing to do")
                    }
                    Ok(report) => tracing::info!(
                        expired = report.expired,
                        reminded = report.reminded,
                        "membership sweep done"
                    ),
                    Err(e) => tracing::warn!(error = %e, "membership sweep failed; will retry"),
                }
            }
            match self.run_once().await {
                // A full batch suggests more is due: go again without sleeping.
                Ok(report) if report.sent + report.failed >= self.batch_size() => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail worker pass failed; will retry"),
            }
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Expires overdue memberships and queues reminders, as of today (UTC).
    pub async fn sweep(&self) -> anyhow::Result<SweepReport> {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<SweepReport> {
            let mut conn = pool.get()?;
            sweep::run(&mut conn, crate::members::memberships::today())
                .map_err(|e| anyhow::anyhow!("{e}"))
        })
        .await?
    }

    fn batch_size(&self) -> usize {
        usize::try_from(self.settings.worker.batch_size.max(1)).unwrap_or(1)
    }

    /// Claims one batch and sends it.
    pub async fn run_once(&self) -> anyhow::Result<PassReport> {
        let pool = self.pool.clone();
        let lease = ChronoDuration::seconds(self.settings.worker.lease_secs.max(1));
        let limit = self.settings.worker.batch_size.max(1);
        let claimed = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<OutboxMessage>> {
            let mut conn = pool.get()?;
            let now = now();
            Ok(write_tx(&mut conn, |conn| {
                outbox::claim_due(conn, now, now + lease, limit)
            })?)
        })
        .await??;

        let mut report = PassReport::default();
        for message in claimed {
            let outcome = self.deliver(&message).await;
            let pool = self.pool.clone();
            let max_attempts = self.settings.mail.max_attempts;
            let retry_base = self.settings.mail.retry_base_secs;
            let failed = outcome.is_err();
            tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
                let mut conn = pool.get()?;
                match outcome {
                    Ok(()) => outbox::mark_sent(&mut conn, message.id, now())?,
                    Err(error) => {
                        tracing::warn!(id = message.id, template = %message.template, %error, "email not sent");
                        outbox::mark_failed(&mut conn, &message, &error, now(), max_attempts, retry_base)?
                    }
                }
                Ok(())
            })
            .await??;
            if failed {
                report.failed += 1;
            } else {
                report.sent += 1;
            }
        }
        Ok(report)
    }

    async fn deliver(&self, message: &OutboxMessage) -> Result<(), String> {
        let email = build_message(&self.settings, message)?;
        self.mailer.send(email).await
    }
}

/// Renders an outbox row into a MIME message.
pub fn build_message(settings: &Settings, message: &OutboxMessage) -> Result<Message, String> {
    let data: serde_json::Value =
        serde_json::from_str(&message.data).map_err(|e| format!("stored data is not JSON: {e}"))?;
    let locale = Locale::parse(&message.locale).unwrap_or(Locale::En);
    let rendered = templates::render(&message.template, locale, &data)?;
    let from: Mailbox = settings
        .mail
        .from
        .parse()
        .map_err(|e| format!("mail.from: {e}"))?;
    let to: Mailbox = message
        .recipient
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(rendered.subject);
    if let Some(reply_to) = message
        .reply_to
        .as_deref()
        .and_then(|r| r.parse::<Mailbox>().ok())
    {
        builder = builder.reply_to(reply_to);
    }
    builder
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(rendered.text),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(rendered.html),
                ),
        )
        .map_err(|e| format!("building the message: {e}"))
}
