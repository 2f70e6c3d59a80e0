//! Where rendered emails go: an SMTP server (pooled), `.eml` files, or memory (tests).

use std::sync::{Arc, Mutex};

use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailSettings, MailTransportKind};
use crate::notify::smtp_pool::SmtpPool;

#[derive(Clone)]
pub enum Mailer {
    Smtp(Arc<SmtpPool>),
    File(AsyncFileTransport<Tokio1Executor>),
    Memory(Arc<Mutex<Vec<Message>>>),
}

impl Mailer {
    pub fn from_settings(mail: &MailSettings) -> anyhow::Result<Mailer> {
        Ok(match mail.transport {
            MailTransportKind::File => {
                std::fs::create_dir_all(&mail.file_dir)?;
                Mailer::File(AsyncFileTransport::new(&mail.file_dir))
            }
            MailTransportKind::Memory => Mailer::Memory(Arc::default()),
            MailTransportKind::Smtp => Mailer::Smtp(Arc::new(SmtpPool::new(&mail.smtp))),
        })
    }

    /// A short description for the start-up banner.
    pub fn describe(mail: &MailSettings) -> String {
        match mail.transport {
            MailTransportKind::File => format!("files in {}", mail.file_dir.display()),
            MailTransportKind::Memory => "memory (tests only)".to_owned(),
            MailTransportKind::Smtp => format!(
                "smtp://{}:{} ({:?})",
                mail.smtp.host, mail.smtp.port, mail.smtp.tls
            ),
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Mailer::Smtp(pool) => pool.send(&message).await,
            Mailer::File(transport) => transport
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
            Mailer::Memory(sent) => {
                sent.lock()
                    .map_err(|_| "mailbox poisoned".to_owned())?
                    .push(message);
                Ok(())
            }
        }
    }
}
