//! Registrations: capacity that never overbooks, the waitlist and its promotions, guests,
//! delegations by representatives, questions, rosters and check-in.

pub mod dashboard;
pub mod emails;
pub mod form;
pub mod guest_link;
pub mod idempotency;
pub mod link;
pub mod model;
pub mod plan;
pub mod questions;
mod register;
pub mod roster;
pub mod routes;
pub mod service;
pub mod store;
pub mod views;
pub mod waitlist;
