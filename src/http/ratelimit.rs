//! Abuse limits per client IP and per account (`[limits]`), in memory, per instance: with N
//! instances behind a balancer a client gets N times the budget. Each budget is a `governor`
//! GCRA: a burst of N that refills evenly over the window, so a client that waits gets single
//! requests back rather than the whole budget at the window's edge.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::LimitsSettings;
use crate::error::{AppError, AppResult};

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
    per_ip: HashMap<Action, Limiter<IpAddr>>,
    per_account: HashMap<Action, Limiter<String>>,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

fn per_hour(n: u32) -> Quota {
    Quota::per_hour(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
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
    pub fn new(s: &LimitsSettings) -> RateLimits {
        use Action::*;
        let per_ip = [
            (Login, per_minute(s.login_per_ip_per_minute)),
            (Register, per_hour(s.register_per_ip_per_hour)),
            (PasswordReset, per_hour(s.password_reset_per_ip_per_hour)),
            (
                PasswordResetConfirm,
                per_hour(s.password_reset_confirm_per_ip_per_hour),
            ),
            (
                GuestRegistration,
                per_hour(s.guest_registration_per_ip_per_hour),
            ),
            (
                VerificationResend,
                per_hour(s.verification_resend_per_ip_per_hour),
            ),
            (
                OrganiserMessage,
                per_hour(s.organiser_messages_per_ip_per_hour),
            ),
        ];
        // A reset confirmation carries a token, not an account: guessing tokens is what the
        // per-IP budget slows down.
        let per_account = [
            (Login, per_hour(s.login_per_account_per_hour)),
            (Register, per_hour(s.register_per_account_per_hour)),
            (
                PasswordReset,
                per_hour(s.password_reset_per_account_per_hour),
            ),
            (
                GuestRegistration,
                per_hour(s.guest_registration_per_account_per_hour),
            ),
            (
                VerificationResend,
                per_hour(s.verification_resend_per_account_per_hour),
            ),
            (
                OrganiserMessage,
                per_hour(s.organiser_messages_per_account_per_hour),
            ),
        ];
        RateLimits {
            enabled: s.enabled,
            per_ip: per_ip
                .into_iter()
                .map(|(a, q)| (a, Limiter::new(q)))
                .collect(),
            per_account: per_account
                .into_iter()
                .map(|(a, q)| (a, Limiter::new(q)))
                .collect(),
        }
    }

    /// Counts one `action` by `ip` (and `account`, when the action names one) and answers 429
    /// with the wait when either budget is spent. Call it before any work, so a limited request
    /// changes nothing.
    pub fn check(&self, action: Action, ip: IpAddr, account: Option<&str>) -> AppResult<()> {
        if !self.enabled {
            return Ok(());
        }
        let too_many = |retry_after_secs| {
            tracing::warn!(?action, %ip, "rate limited");
            AppError::TooManyRequests { retry_after_secs }
        };
        if let Some(limiter) = self.per_ip.get(&action) {
            limiter.check(&ip_key(ip)).map_err(too_many)?;
        }
        if let (Some(limiter), Some(account)) = (self.per_account.get(&action), account) {
            limiter.check(&account.to_owned()).map_err(too_many)?;
        }
        Ok(())
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
