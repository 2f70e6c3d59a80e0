//! People and organisations as members of host organisations: organisations, staff roles,
//! representatives, membership types and memberships.

pub mod access;
pub mod api;
pub mod emails;
pub mod memberships;
pub mod model;
pub mod organisations;
pub mod routes;
pub mod store;
pub mod sweep;
pub mod validate;
