//! Replay protection, beyond what WeCom's own SDKs offer: a callback whose
//! timestamp is outside a window, or whose nonce was seen within it, is refused.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use super::error::CallbackError;

/// Remembers the nonces of the last `window` and refuses stale or repeated callbacks.
#[derive(Debug)]
pub struct ReplayGuard {
    window: Duration,
    seen: Mutex<HashMap<String, i64>>,
}

impl ReplayGuard {
    /// A guard accepting timestamps within `window` of now (e.g. 5 minutes).
    pub fn new(window: Duration) -> Self {
        ReplayGuard {
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Checks and records one callback (`now` in unix seconds).
    pub fn check(&self, timestamp: &str, nonce: &str, now: i64) -> Result<(), CallbackError> {
        let window = i64::try_from(self.window.as_secs()).unwrap_or(i64::MAX);
        let ts: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| CallbackError::StaleTimestamp {
                timestamp: 0,
                window_secs: self.window.as_secs(),
            })?;
        if (now - ts).abs() > window {
            return Err(CallbackError::StaleTimestamp {
                timestamp: ts,
                window_secs: self.window.as_secs(),
            });
        }
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.len() > 1024 {
            seen.retain(|_, &mut at| now - at <= window);
        }
        if seen.get(nonce).is_some_and(|&at| now - at <= window) {
            return Err(CallbackError::ReplayedNonce);
        }
        seen.insert(nonce.to_owned(), now);
        Ok(())
    }
}
