//! Personal data (GDPR): the export of everything Kolo holds about a person, erasure of an
//! account, the retention pass over old registrations, and online backups of the SQLite file.

pub mod backup;
pub mod erase;
pub mod export;
mod export_registrations;
pub mod retention;
pub mod routes;

/// Where each table's personal data goes in the export: the export member that carries it, or
/// `None` with the reason the table holds nothing about a person. Every table of the schema is
/// listed, and a test compares this list with the database, so a new table cannot be forgotten.
pub const COVERAGE: &[(&str, Result<&str, &str>)] = &[
    ("people", Ok("account")),
    ("email_tokens", Ok("email_links")),
    ("refresh_tokens", Ok("sessions")),
    ("web_sessions", Ok("browser_sessions")),
    ("outbox", Ok("emails")),
    ("staff_roles", Ok("organisations")),
    ("representatives", Ok("organisations")),
    ("organisations", Ok("organisations")),
    ("memberships", Ok("memberships")),
    ("registrations", Ok("registrations")),
    ("idempotency_keys", Ok("idempotency_keys")),
    ("unsubscribes", Ok("email_preferences")),
    ("event_messages", Ok("organiser_messages")),
    ("events", Ok("events_created")),
    (
        "membership_types",
        Err("a host's catalogue of memberships; exported by name with each membership"),
    ),
    (
        "event_contents",
        Err("event texts written for the public; titles appear with each registration"),
    ),
    ("event_partners", Err("organisations only")),
    (
        "audit_log",
        Err("staff actions on organisations; holds person ids only, names are read from the (anonymised) person when listed"),
    ),
    (
        "event_questions",
        Err("the organiser's questions; the person's answers are in registrations"),
    ),
    (
        "search_fold",
        Err("which version of the search fold the stored search columns were made with"),
    ),
];
