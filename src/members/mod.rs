//! People and organisations as members of host organisations: organisations, staff roles,
//! representatives, membership types and memberships.

pub mod access;
pub mod routes;
