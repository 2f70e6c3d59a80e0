//! Every cap on what a client may send, in one place. Lengths are in characters (so Cyrillic
//! counts like Latin); going over answers 422 naming the field. The request body as a whole is
//! capped by `server.body_limit_bytes` (413) and list pages by `http::pagination::MAX_PER_PAGE`.

use crate::error::{AppError, AppResult};

/// People's and organisations' names, guest names, membership type names.
pub const NAME: usize = 200;
/// RFC 5321's limit on a forward path.
pub const EMAIL: usize = 254;
/// Passwords (the policy's upper bound; argon2 would take more, but nobody types more).
pub const PASSWORD: usize = crate::auth::passwords::MAX_LENGTH;
/// Emailed tokens, refresh tokens, unsubscribe tokens, check-in codes: Kolo issues them far
/// shorter, so anything longer is not one of them.
pub const TOKEN: usize = 256;
/// Organisation slugs.
pub const SLUG: usize = 64;
/// Cities.
pub const CITY: usize = 100;
/// Venue names.
pub const VENUE: usize = 200;
/// Street addresses.
pub const ADDRESS: usize = 300;
/// Links (websites, online events).
pub const URL: usize = 2000;
/// Event titles.
pub const TITLE: usize = 200;
/// Event summaries.
pub const SUMMARY: usize = 1000;
/// Event and organisation descriptions, per locale.
pub const DESCRIPTION: usize = 20_000;
/// Why an event was cancelled or an application rejected.
pub const REASON: usize = 1000;
/// A member's note to the host with an application.
pub const NOTE: usize = 2000;
/// A question's label (and each choice's), per locale.
pub const QUESTION_LABEL: usize = 500;
/// An answer to a `text` question.
pub const SHORT_ANSWER: usize = 500;
/// An answer to a `long_text` question.
pub const LONG_ANSWER: usize = 5000;
/// The subject of an organiser's message.
pub const MESSAGE_SUBJECT: usize = 200;
/// The body of an organiser's message.
pub const MESSAGE_BODY: usize = 10_000;

/// Questions one event may ask (and so answers one registration may give).
pub const QUESTIONS_PER_EVENT: usize = 50;
/// Choices one question may offer.
pub const CHOICES_PER_QUESTION: usize = 50;
/// Partners one event may list.
pub const PARTNERS_PER_EVENT: usize = 30;

/// For fields used as given (tokens, a login's email and password): over `max` characters is
/// 422 naming `field`, before any work is done with the value.
pub fn within(field: &str, value: &str, max: usize) -> AppResult<()> {
    if value.chars().count() > max {
        return Err(AppError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(())
}
