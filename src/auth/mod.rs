//! Accounts and authentication: passwords, access and refresh tokens, email verification.

pub mod extract;
pub mod model;
pub mod passwords;
pub mod routes;
pub mod service;
pub mod sessions;
pub mod store;
pub mod tokens;
