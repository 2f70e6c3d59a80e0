//! People and organisations as members of host organisations: organisations, staff roles,
//! representatives, membership types and memberships.

pub mod access;
pub mod api;
pub mod dashboard;
pub mod emails;
pub mod for_staff;
pub mod lists;
pub mod memberships;
pub mod model;
pub mod organisations;
pub mod routes;
pub mod staff;
pub mod store;
pub mod sweep;
pub mod types;
pub mod validate;
