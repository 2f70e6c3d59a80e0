//! Black-box tests over HTTP, in one binary (one link step, shared helpers).

// Tests fail by panicking; unwrap and expect say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// Shared by every module; not each uses every helper.
#[allow(dead_code)]
mod helpers;

mod http;
mod memberships;
mod organisations;
mod sweep;
