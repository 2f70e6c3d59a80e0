//! registrations (see the issue that builds it).

pub mod routes;
