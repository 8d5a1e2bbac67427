//! When a failed call is tried again, and how long to wait first.

use std::time::Duration;

use crate::request::Method;

/// How the runtime retries calls.
///
/// * `errcode` -1 ("system busy") is retried at most [`max_busy_retries`](Self::max_busy_retries)
///   times (WeCom asks for no more than 3), with exponential backoff.
/// * A connection that could not be established is retried the same way for
///   any method: nothing reached WeCom.
/// * A timeout or broken connection after the request was sent, and HTTP 5xx,
///   are retried for GET only: a POST may already have taken effect.
/// * A token error is handled separately (invalidate, refresh, retry once).
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Retries after `errcode` -1 or a transient transport failure (default 3).
    pub max_busy_retries: u32,
    /// Wait before the first retry; doubles each time (default 200 ms).
    pub base_delay: Duration,
    /// Upper bound for a single wait (default 2 s).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_busy_retries: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(2),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries busy replies or transport failures.
    pub fn none() -> Self {
        RetryPolicy {
            max_busy_retries: 0,
            ..Self::default()
        }
    }

    /// The longest wait before retry number `attempt` (0-based).
    pub fn delay(&self, attempt: u32) -> Duration {
        let factor = 1u32.checked_shl(attempt.min(16)).unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// The wait actually used: between half of [`delay`](Self::delay) and all
    /// of it, at random, so that many instances that failed together do not
    /// retry together.
    pub fn jittered_delay(&self, attempt: u32) -> Duration {
        let full = self.delay(attempt);
        full / 2 + full.mul_f64(rand::random::<f64>() / 2.0)
    }
}

/// Whether a transport failure may be retried for this method.
pub(crate) fn transport_retryable(err: &reqwest::Error, method: Method) -> bool {
    if err.is_connect() {
        return true;
    }
    method == Method::Get && (err.is_timeout() || err.is_request())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay(0), Duration::from_millis(200));
        assert_eq!(p.delay(1), Duration::from_millis(400));
        assert_eq!(p.delay(2), Duration::from_millis(800));
        assert_eq!(p.delay(10), Duration::from_secs(2));
        assert_eq!(p.delay(u32::MAX), Duration::from_secs(2));
    }

    #[test]
    fn jitter_stays_between_half_and_the_full_delay() {
        let p = RetryPolicy::default();
        let waits: Vec<Duration> = (0..200).map(|_| p.jittered_delay(1)).collect();
        assert!(
            waits
                .iter()
                .all(|w| *w >= Duration::from_millis(200) && *w <= Duration::from_millis(400))
        );
        assert!(waits.iter().any(|w| *w != waits[0]), "the waits vary");
    }
}
