//! Email: the outbox written inside business transactions, the worker that drains it, the
//! lettre transports, and the message texts.

pub mod admin;
pub mod broadcast;
pub mod broadcast_audience;
pub mod catalogue;
pub mod dates;
pub mod host;
pub mod host_outbox;
pub mod invite;
pub mod links;
pub mod mailer;
pub mod outbox;
pub mod preferences;
pub mod qr;
pub mod reminders;
pub mod routes;
pub mod smtp_deadline;
pub mod smtp_pool;
pub mod templates;
pub mod unsubscribe;
pub mod worker;
