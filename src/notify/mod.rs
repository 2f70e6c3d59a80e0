//! Email: the outbox written inside business transactions, the worker that drains it, the
//! lettre transports, and the message texts.

pub mod mailer;
pub mod outbox;
pub mod templates;
pub mod worker;
