//! The sandbox's notion of "now": real unix time plus an adjustable offset.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds in a day.
pub(crate) const DAY: i64 = 86_400;

/// Real time shifted by `offset` seconds.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    offset: i64,
}

impl Clock {
    /// Current sandbox time, unix seconds.
    pub(crate) fn now(&self) -> i64 {
        real_now().saturating_add(self.offset)
    }

    /// Moves the clock by `secs` (negative moves it back).
    pub(crate) fn advance(&mut self, secs: i64) {
        self.offset = self.offset.saturating_add(secs);
    }
}

fn real_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_shifts_now() {
        let mut clock = Clock::default();
        let before = clock.now();
        clock.advance(10 * DAY);
        let after = clock.now();
        assert!(after - before >= 10 * DAY && after - before <= 10 * DAY + 2);
    }
}
