//! Black-box tests over HTTP, in one binary (one link step, shared helpers).

// Tests fail by panicking; unwrap and expect say where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// Not every helper is used by every feature's tests at every stage.
#[allow(dead_code)]
mod helpers;

mod access_matrix;
mod access_world;
mod audit;
mod audit_actions;
mod audit_roster;
mod auth;
mod backup;
mod binary;
// Helpers of the browser harness not every journey uses.
#[allow(dead_code)]
mod browser;
mod caching;
mod config;
mod emails;
mod event_fixtures;
mod events;
mod events_calendar;
mod events_invitations;
mod events_programme;
mod faults;
mod faults_crash;
mod fixtures;
mod hardening;
mod http;
mod limits;
mod mail;
mod mail_claims;
mod mail_stall;
mod mass_assignment;
mod memberships;
mod notifications;
mod organisations;
mod privacy;
mod privacy_erasure;
mod privacy_retention;
mod registrations;
mod registrations_concurrency;
mod scale_out;
mod schema;
mod schema_inputs;
mod search_fold;
mod sweep;
mod token_attacks;
mod web_access_matrix;
mod web_account;
#[allow(dead_code)]
mod web_client;
mod web_email_links;
mod web_events;
mod web_events_access;
mod web_events_register;
mod web_events_rules;
mod web_foundation;
mod web_landing;
mod web_manage_audit;
mod web_manage_checkin;
mod web_manage_events;
mod web_manage_events_actions;
mod web_manage_events_questions;
mod web_manage_fixtures;
mod web_manage_home;
mod web_manage_members;
mod web_manage_members_list;
mod web_manage_members_types;
mod web_manage_messages;
mod web_manage_outbox;
mod web_manage_roster;
mod web_manage_staff;
mod web_mine;
mod web_orgs;
mod web_orgs_embed;
