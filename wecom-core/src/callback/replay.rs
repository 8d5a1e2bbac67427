//! Replay protection, beyond what WeCom's own SDKs offer: a callback whose
//! timestamp is outside a window, or whose nonce was seen within it, is refused.
//!
//! A nonce counts as seen only once its push was *handled*: WeCom re-delivers
//! a push that got an error (or no answer), with the same nonce, and that
//! re-delivery must get through. While a push is being handled its nonce is
//! reserved, so a concurrent duplicate is refused; if handling fails, the
//! reservation is released.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use super::error::CallbackError;

/// The most nonces a guard remembers by default.
pub const DEFAULT_CAPACITY: usize = 100_000;

/// Remembers the nonces of the last `window` and refuses stale or repeated callbacks.
///
/// Each check costs amortised O(1): nonces leave in the order they came, as
/// their time passes. Memory is bounded by the capacity: past it, the oldest
/// nonces are forgotten first (logged), which only matters under a flood.
#[derive(Debug)]
pub struct ReplayGuard {
    window: Duration,
    capacity: usize,
    state: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    /// Nonce → (unix seconds it was recorded, whether its push was handled).
    nonces: HashMap<String, (i64, bool)>,
    /// Nonces in the order they were recorded, with that time.
    order: VecDeque<(i64, String)>,
}

impl Seen {
    /// Forgets what left the window, and the oldest past `capacity`.
    fn expire(&mut self, now: i64, window: i64, capacity: usize) {
        while let Some((at, nonce)) = self.order.front() {
            let over_capacity = self.order.len() > capacity;
            if now - *at <= window && !over_capacity {
                break;
            }
            if over_capacity {
                tracing::warn!(capacity, "replay guard full: forgetting its oldest nonce");
            }
            // Only drop the map entry if it still belongs to this record.
            if self.nonces.get(nonce).is_some_and(|(t, _)| t == at) {
                self.nonces.remove(nonce);
            }
            self.order.pop_front();
        }
    }
}

impl ReplayGuard {
    /// A guard accepting timestamps within `window` of now (e.g. 5 minutes).
    pub fn new(window: Duration) -> Self {
        Self::with_capacity(window, DEFAULT_CAPACITY)
    }

    /// Like [`new`](Self::new), remembering at most `capacity` nonces.
    pub fn with_capacity(window: Duration, capacity: usize) -> Self {
        ReplayGuard {
            window,
            capacity: capacity.max(1),
            state: Mutex::new(Seen::default()),
        }
    }

    fn window_secs(&self) -> i64 {
        i64::try_from(self.window.as_secs()).unwrap_or(i64::MAX)
    }

    /// Checks the timestamp and reserves the nonce for a push about to be
    /// handled (`now` in unix seconds). Follow with [`handled`](Self::handled)
    /// or [`release`](Self::release).
    ///
    /// # Errors
    /// [`CallbackError::StaleTimestamp`] outside the window,
    /// [`CallbackError::ReplayedNonce`] for a nonce handled (or being handled)
    /// within it.
    pub fn begin(&self, timestamp: &str, nonce: &str, now: i64) -> Result<(), CallbackError> {
        let window = self.window_secs();
        let ts: i64 = timestamp.parse().map_err(|_| CallbackError::StaleTimestamp {
            timestamp: 0,
            window_secs: self.window.as_secs(),
        })?;
        if now.saturating_sub(ts).saturating_abs() > window {
            return Err(CallbackError::StaleTimestamp {
                timestamp: ts,
                window_secs: self.window.as_secs(),
            });
        }
        let mut seen = self.state.lock().unwrap_or_else(|p| p.into_inner());
        seen.expire(now, window, self.capacity);
        if seen.nonces.contains_key(nonce) {
            return Err(CallbackError::ReplayedNonce);
        }
        seen.nonces.insert(nonce.to_owned(), (now, false));
        seen.order.push_back((now, nonce.to_owned()));
        seen.expire(now, window, self.capacity);
        Ok(())
    }

    /// The push with `nonce` was handled: its nonce now counts as seen.
    pub fn handled(&self, nonce: &str) {
        let mut seen = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = seen.nonces.get_mut(nonce) {
            entry.1 = true;
        }
    }

    /// Handling the push with `nonce` failed: WeCom's re-delivery may use it.
    pub fn release(&self, nonce: &str) {
        let mut seen = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if seen.nonces.get(nonce).is_some_and(|(_, handled)| !handled) {
            seen.nonces.remove(nonce);
        }
    }

    /// Checks one callback and records it as handled at once (`now` in unix
    /// seconds): [`begin`](Self::begin) then [`handled`](Self::handled).
    ///
    /// # Errors
    /// As [`begin`](Self::begin).
    pub fn check(&self, timestamp: &str, nonce: &str, now: i64) -> Result<(), CallbackError> {
        self.begin(timestamp, nonce, now)?;
        self.handled(nonce);
        Ok(())
    }

    /// How many nonces are remembered now.
    pub fn len(&self) -> usize {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).nonces.len()
    }

    /// Whether no nonce is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_released_nonce_may_come_again_a_handled_one_may_not() {
        let guard = ReplayGuard::new(Duration::from_secs(300));
        guard.begin("1000", "n1", 1000).unwrap();
        assert_eq!(
            guard.begin("1000", "n1", 1000),
            Err(CallbackError::ReplayedNonce),
            "in flight"
        );
        guard.release("n1");
        guard.begin("1000", "n1", 1001).unwrap();
        guard.handled("n1");
        guard.release("n1");
        assert_eq!(guard.begin("1000", "n1", 1002), Err(CallbackError::ReplayedNonce));
    }

    #[test]
    fn nonces_leave_with_the_window_and_memory_stays_bounded() {
        let guard = ReplayGuard::with_capacity(Duration::from_secs(10), 1000);
        for i in 0..50_000i64 {
            let now = 1_000 + i / 100;
            guard.check(&now.to_string(), &format!("n{i}"), now).unwrap();
            assert!(guard.len() <= 1000);
        }
        // Within the window a nonce is still refused.
        let now = 1_000 + 49_999 / 100;
        assert_eq!(
            guard.check(&now.to_string(), "n49999", now),
            Err(CallbackError::ReplayedNonce)
        );
    }

    #[test]
    fn stale_or_unparsable_timestamps_are_refused() {
        let guard = ReplayGuard::new(Duration::from_secs(300));
        assert!(matches!(
            guard.check("100", "a", 1000),
            Err(CallbackError::StaleTimestamp { timestamp: 100, .. })
        ));
        assert!(matches!(
            guard.check("x", "b", 1000),
            Err(CallbackError::StaleTimestamp { .. })
        ));
        assert!(matches!(
            guard.check("-9223372036854775808", "c", 1000),
            Err(CallbackError::StaleTimestamp { .. })
        ));
    }
}
