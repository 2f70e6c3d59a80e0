//! Events and their programme: workshops, conferences and sessions, texts per locale,
//! partners and calendar feeds.

pub mod calendar;
pub mod demo;
pub mod edit;
pub mod emails;
pub mod lifecycle;
pub mod listing;
pub mod manage;
pub mod model;
pub mod recipients;
pub mod routes;
pub mod service;
pub mod store;
pub mod validate;
pub mod views;
pub mod vtimezone;
