//! Abuse limits per client IP and per account (`[limits]`). Each budget is a GCRA: a burst of N
//! that refills evenly over the window, so a client that waits gets single requests back rather
//! than the whole budget at the window's edge. On SQLite (one instance) the counters live in
//! memory (`governor`); over PostgreSQL, where several instances share the database, they live
//! in it (`ratelimit_shared`), so N instances do not give a client N times every budget.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use actix_web::web;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::LimitsSettings;
use crate::db::DbPool;
use crate::error::{AppError, AppResult};
use crate::http::ratelimit_shared::{self as shared, Budget};

/// The actions strangers (or a stolen session) could repeat to guess, spam or flood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Login,
    Register,
    PasswordReset,
    PasswordResetConfirm,
    GuestRegistration,
    VerificationResend,
    OrganiserMessage,
}

/// Stale keys are dropped every this many checks of a limiter, which keeps memory bounded by
/// the clients seen within one window.
const PURGE_EVERY: u64 = 512;

struct Limiter<K: std::hash::Hash + Eq + Clone> {
    limiter: DefaultKeyedRateLimiter<K>,
    checks: AtomicU64,
}

impl<K: std::hash::Hash + Eq + Clone> Limiter<K> {
    fn new(quota: Quota) -> Self {
        Limiter {
            limiter: RateLimiter::dashmap(quota),
            checks: AtomicU64::new(0),
        }
    }

    /// `Err(seconds to wait)` when the key has used its budget.
    fn check(&self, key: &K) -> Result<(), u64> {
        if self.checks.fetch_add(1, Ordering::Relaxed) % PURGE_EVERY == PURGE_EVERY - 1 {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
        }
        self.limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            // Retry-After is whole seconds; rounding down would invite a retry that fails.
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

pub struct RateLimits {
    enabled: bool,
    budgets: HashMap<(Action, Scope), Budget>,
    counters: Counters,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Scope {
    Ip,
    Account,
}

enum Counters {
    Memory {
        per_ip: HashMap<Action, Limiter<IpAddr>>,
        per_account: HashMap<Action, Limiter<String>>,
    },
    /// In the database, shared by every instance on it.
    Shared(DbPool),
}

const MINUTE: Duration = Duration::from_secs(60);
const HOUR: Duration = Duration::from_secs(3600);

/// `n` per `window`: a burst of `n`, one more every `window / n`.
fn budget(n: u32, window: Duration) -> Budget {
    let burst = n.max(1);
    Budget {
        burst,
        interval_us: i64::try_from(window.as_micros() / u128::from(burst))
            .unwrap_or(i64::MAX)
            .max(1),
    }
}

fn quota(b: Budget) -> Quota {
    let interval = Duration::from_micros(u64::try_from(b.interval_us).unwrap_or(1));
    let burst = NonZeroU32::new(b.burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(interval)
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

impl LimitsSettings {
    /// Every budget by its key name, for checking the configuration.
    pub fn budgets(&self) -> [(&'static str, u32); 13] {
        [
            ("login_per_ip_per_minute", self.login_per_ip_per_minute),
            (
                "login_per_account_per_hour",
                self.login_per_account_per_hour,
            ),
            ("register_per_ip_per_hour", self.register_per_ip_per_hour),
            (
                "register_per_account_per_hour",
                self.register_per_account_per_hour,
            ),
            (
                "password_reset_per_ip_per_hour",
                self.password_reset_per_ip_per_hour,
            ),
            (
                "password_reset_per_account_per_hour",
                self.password_reset_per_account_per_hour,
            ),
            (
                "password_reset_confirm_per_ip_per_hour",
                self.password_reset_confirm_per_ip_per_hour,
            ),
            (
                "guest_registration_per_ip_per_hour",
                self.guest_registration_per_ip_per_hour,
            ),
            (
                "guest_registration_per_account_per_hour",
                self.guest_registration_per_account_per_hour,
            ),
            (
                "verification_resend_per_ip_per_hour",
                self.verification_resend_per_ip_per_hour,
            ),
            (
                "verification_resend_per_account_per_hour",
                self.verification_resend_per_account_per_hour,
            ),
            (
                "organiser_messages_per_ip_per_hour",
                self.organiser_messages_per_ip_per_hour,
            ),
            (
                "organiser_messages_per_account_per_hour",
                self.organiser_messages_per_account_per_hour,
            ),
        ]
    }
}

impl RateLimits {
    /// In-memory counters, or with `shared` (PostgreSQL) counters in the database.
    pub fn new(s: &LimitsSettings, shared: Option<DbPool>) -> RateLimits {
        use Action::*;
        let per_ip = [
            (Login, budget(s.login_per_ip_per_minute, MINUTE)),
            (Register, budget(s.register_per_ip_per_hour, HOUR)),
            (
                PasswordReset,
                budget(s.password_reset_per_ip_per_hour, HOUR),
            ),
            (
                PasswordResetConfirm,
                budget(s.password_reset_confirm_per_ip_per_hour, HOUR),
            ),
            (
                GuestRegistration,
                budget(s.guest_registration_per_ip_per_hour, HOUR),
            ),
            (
                VerificationResend,
                budget(s.verification_resend_per_ip_per_hour, HOUR),
            ),
            (
                OrganiserMessage,
                budget(s.organiser_messages_per_ip_per_hour, HOUR),
            ),
        ];
        // A reset confirmation carries a token, not an account: guessing tokens is what the
        // per-IP budget slows down.
        let per_account = [
            (Login, budget(s.login_per_account_per_hour, HOUR)),
            (Register, budget(s.register_per_account_per_hour, HOUR)),
            (
                PasswordReset,
                budget(s.password_reset_per_account_per_hour, HOUR),
            ),
            (
                GuestRegistration,
                budget(s.guest_registration_per_account_per_hour, HOUR),
            ),
            (
                VerificationResend,
                budget(s.verification_resend_per_account_per_hour, HOUR),
            ),
            (
                OrganiserMessage,
                budget(s.organiser_messages_per_account_per_hour, HOUR),
            ),
        ];
        let counters = match shared {
            Some(pool) => Counters::Shared(pool),
            None => Counters::Memory {
                per_ip: per_ip
                    .iter()
                    .map(|(a, b)| (*a, Limiter::new(quota(*b))))
                    .collect(),
                per_account: per_account
                    .iter()
                    .map(|(a, b)| (*a, Limiter::new(quota(*b))))
                    .collect(),
            },
        };
        RateLimits {
            enabled: s.enabled,
            budgets: per_ip
                .into_iter()
                .map(|(a, b)| ((a, Scope::Ip), b))
                .chain(
                    per_account
                        .into_iter()
                        .map(|(a, b)| ((a, Scope::Account), b)),
                )
                .collect(),
            counters,
        }
    }

    /// Counts one `action` by `ip` (and `account`, when the action names one) and answers 429
    /// with the wait when either budget is spent. Call it before any work, so a limited request
    /// changes nothing.
    pub async fn check(&self, action: Action, ip: IpAddr, account: Option<&str>) -> AppResult<()> {
        if !self.enabled {
            return Ok(());
        }
        let too_many = |retry_after_secs| {
            tracing::warn!(?action, %ip, "rate limited");
            AppError::TooManyRequests { retry_after_secs }
        };
        let pool = match &self.counters {
            Counters::Memory {
                per_ip,
                per_account,
            } => {
                if let Some(limiter) = per_ip.get(&action) {
                    limiter.check(&ip_key(ip)).map_err(too_many)?;
                }
                if let (Some(limiter), Some(account)) = (per_account.get(&action), account) {
                    limiter.check(&account.to_owned()).map_err(too_many)?;
                }
                return Ok(());
            }
            Counters::Shared(pool) => pool.clone(),
        };
        let name = format!("{action:?}");
        let ip = ip_key(ip).to_string();
        let mut buckets = Vec::with_capacity(2);
        if let Some(b) = self.budgets.get(&(action, Scope::Ip)) {
            buckets.push((shared::bucket(&[&name, "ip", &ip]), *b));
        }
        if let (Some(b), Some(account)) = (self.budgets.get(&(action, Scope::Account)), account) {
            buckets.push((shared::bucket(&[&name, "account", account]), *b));
        }
        // In order, as in memory: a request refused per IP spends nothing of the account's.
        let refused = web::block(move || -> AppResult<Option<u64>> {
            let mut conn = pool.get()?;
            let now_us = chrono::Utc::now().timestamp_micros();
            for (bucket, budget) in &buckets {
                if let Err(wait) = shared::take(&mut conn, bucket, *budget, now_us)? {
                    return Ok(Some(wait));
                }
            }
            Ok(None)
        })
        .await??;
        match refused {
            Some(wait) => Err(too_many(wait)),
            None => Ok(()),
        }
    }
}

/// One IPv6 client usually holds a whole /64, so that is what one key covers.
fn ip_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
        v4 => v4,
    }
}

/// The per-account key for actions that name an account by email: the address as Kolo stores
/// it (trimmed, lower case), so `Ana@X.org ` and `ana@x.org` share a budget. Input that is not
/// an address still gets a key, so garbage cannot escape the limit.
pub fn email_key(raw: &str) -> String {
    raw.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_keyed_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(ip_key(a), ip_key(b));
        assert_ne!(ip_key(a), ip_key(c));
    }
}
