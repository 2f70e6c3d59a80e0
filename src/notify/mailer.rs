//! Where rendered emails go: an SMTP server (pooled), `.eml` files, or memory (tests).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailSettings, MailTransportKind, SmtpTls};

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
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
            MailTransportKind::Smtp => {
                let smtp = &mail.smtp;
                let builder = match smtp.tls {
                    SmtpTls::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
                    }
                    SmtpTls::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?
                    }
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
                };
                let mut builder = builder
                    .port(smtp.port)
                    .timeout(Some(Duration::from_secs(smtp.timeout_secs)))
                    .pool_config(PoolConfig::new().max_size(smtp.pool_size.max(1)));
                if !smtp.username.is_empty() {
                    builder = builder.credentials(Credentials::new(
                        smtp.username.clone(),
                        smtp.password.clone(),
                    ));
                }
                Mailer::Smtp(builder.build())
            }
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
            Mailer::Smtp(transport) => transport
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
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
