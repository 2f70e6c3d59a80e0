//! Black-box tests over HTTP, in one binary (one link step, shared helpers).

// Tests fail by panicking; unwrap and expect say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// Shared by every area's tests; not every area uses every helper.
#[allow(dead_code)]
mod helpers;

mod http;

mod event_fixtures;
mod events;
mod events_calendar;
mod events_programme;
