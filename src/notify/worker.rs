//! The mail worker: claims due outbox messages under a lease, renders and sends them, records
//! the outcome. Runs in every server process with `worker.enabled`; several may run at once.
//! Delivery is at least once: a worker that dies mid-batch leaves its lease to expire and
//! another sends the message again, with the same Message-ID so the copy is recognisable.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Duration as ChronoDuration;
use futures_util::StreamExt;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use tokio::sync::watch;

use crate::config::Settings;
use crate::db::{now, write_tx, DbPool};
use crate::i18n::Locale;
use crate::maintenance::{self, MaintenanceReport};
use crate::notify::host::{self, ListId};
use crate::notify::mailer::Mailer;
use crate::notify::outbox::{self, OutboxMessage};
use crate::notify::{invite, qr, templates};

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
    /// Runs the periodic jobs (`maintenance`) at start and then every
    /// `worker.sweep_interval_secs`.
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
                match self.maintain().await {
                    Ok(report) if report == MaintenanceReport::default() => {
                        tracing::debug!("maintenance: nothing to do")
                    }
                    Ok(report) => tracing::info!(?report, "maintenance done"),
                    Err(e) => tracing::warn!(error = %e, "maintenance failed; will retry"),
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

    /// The periodic jobs, as of now.
    pub async fn maintain(&self) -> anyhow::Result<MaintenanceReport> {
        let pool = self.pool.clone();
        let settings = self.settings.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<MaintenanceReport> {
            let mut conn = pool.get()?;
            maintenance::run(&mut conn, &settings, now()).map_err(|e| anyhow::anyhow!("{e}"))
        })
        .await?
    }

    fn batch_size(&self) -> usize {
        usize::try_from(self.settings.worker.batch_size.max(1)).unwrap_or(1)
    }

    /// How many messages are in flight at once: as many as the SMTP pool has connections.
    fn concurrency(&self) -> usize {
        usize::try_from(self.settings.mail.smtp.pool_size.max(1)).unwrap_or(1)
    }

    /// Claims one batch, sends it (several at a time), and records every outcome in one
    /// transaction.
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
        if claimed.is_empty() {
            return Ok(PassReport::default());
        }

        let outcomes: Vec<(OutboxMessage, Result<(), String>)> =
            futures_util::stream::iter(claimed)
                .map(|message| async move {
                    let outcome = self.deliver(&message).await;
                    (message, outcome)
                })
                .buffer_unordered(self.concurrency())
                .collect()
                .await;

        let report = PassReport {
            sent: outcomes.iter().filter(|(_, o)| o.is_ok()).count(),
            failed: outcomes.iter().filter(|(_, o)| o.is_err()).count(),
        };
        let pool = self.pool.clone();
        let max_attempts = self.settings.mail.max_attempts;
        let retry_base = self.settings.mail.retry_base_secs;
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            let mut conn = pool.get()?;
            let at = now();
            Ok(write_tx(&mut conn, |conn| -> diesel::QueryResult<()> {
                for (message, outcome) in &outcomes {
                    match outcome {
                        Ok(()) => outbox::mark_sent(conn, message.id, at)?,
                        Err(error) => {
                            tracing::warn!(id = message.id, template = %message.template, %error, "email not sent");
                            outbox::mark_failed(conn, message, error, at, max_attempts, retry_base)?
                        }
                    }
                }
                Ok(())
            })?)
        })
        .await??;
        Ok(report)
    }

    async fn deliver(&self, message: &OutboxMessage) -> Result<(), String> {
        let email = build_message(&self.settings, message)?;
        self.mailer.send(email).await
    }
}

/// `Auto-Submitted: auto-generated` (RFC 3834), so auto-responders do not answer Kolo's mail.
#[derive(Clone)]
struct AutoSubmitted;

impl lettre::message::header::Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".to_owned())
    }
}

/// `List-Unsubscribe` (RFC 2369) with the one-click URL.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.trim_matches(['<', '>']).to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): mail programs may then
/// unsubscribe with one POST, without opening a page.
#[derive(Clone)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// Renders an outbox row into a MIME message.
pub fn build_message(settings: &Settings, message: &OutboxMessage) -> Result<Message, String> {
    let data: serde_json::Value =
        serde_json::from_str(&message.data).map_err(|e| format!("stored data is not JSON: {e}"))?;
    let locale = Locale::parse(&message.locale).unwrap_or(Locale::En);
    let rendered = templates::render(
        settings,
        &message.template,
        locale,
        &data,
        message.reply_to.is_some(),
    )?;
    let sender = host::of(&message.template, &data);
    let from = host::from(settings, sender.as_ref())?;
    let to: Mailbox = message
        .recipient
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    let domain = from.email.domain().to_owned();
    let from_address = from.email.to_string();
    // One Message-ID per outbox row: a copy sent again after a crash carries the same id.
    let message_id = format!(
        "<kolo.{}.{}@{domain}>",
        message.id,
        message.created_at.and_utc().timestamp()
    );
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(rendered.subject)
        .message_id(Some(message_id))
        .header(AutoSubmitted);
    if let Some(reply_to) = message
        .reply_to
        .as_deref()
        .and_then(|r| r.parse::<Mailbox>().ok())
    {
        builder = builder.reply_to(reply_to);
    }
    if let Some(list_id) = sender
        .as_ref()
        .filter(|_| host::is_list_message(&message.template))
        .and_then(|h| ListId::new(settings, h))
    {
        builder = builder.header(list_id);
    }
    if let Some(url) = rendered.unsubscribe {
        builder = builder
            .header(ListUnsubscribe(url))
            .header(ListUnsubscribePost);
    }
    let html = SinglePart::builder()
        .header(ContentType::TEXT_HTML)
        .body(rendered.html);
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(rendered.text);
    // The HTML part and the QR image it shows travel together (multipart/related).
    let qr = rendered.qr.as_deref().and_then(qr::png).and_then(|png| {
        let content_type = ContentType::parse("image/png").ok()?;
        Some(Attachment::new_inline(qr::CONTENT_ID.to_owned()).body(png, content_type))
    });
    let alternative = match qr {
        Some(image) => MultiPart::alternative()
            .singlepart(text)
            .multipart(MultiPart::related().singlepart(html).singlepart(image)),
        None => MultiPart::alternative().singlepart(text).singlepart(html),
    };
    let invite = invite::method_for(&message.template).and_then(|method| {
        let ics = invite::ics(
            method,
            &data,
            settings.public_url(),
            &from_address,
            &message.recipient,
            chrono::Utc::now(),
        )?;
        let content_type = ContentType::parse(&format!(
            "text/calendar; method={}; charset=UTF-8",
            method.as_str()
        ))
        .ok()?;
        Some(Attachment::new("invite.ics".to_owned()).body(ics, content_type))
    });
    let body = match invite {
        Some(attachment) => MultiPart::mixed()
            .multipart(alternative)
            .singlepart(attachment),
        None => alternative,
    };
    builder
        .multipart(body)
        .map_err(|e| format!("building the message: {e}"))
}

#[cfg(test)]
#[path = "emails_tests.rs"]
mod tests;
