//! Black-box tests over HTTP, in one binary (one link step, shared helpers).

// Tests fail by panicking; unwrap and expect say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod http;
