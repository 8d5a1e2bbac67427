//! Unique, random-looking identifiers without an RNG dependency: a counter mixed
//! with a per-sandbox random seed (std's `RandomState`).

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

/// Generator of ids; each sandbox component owns one.
#[derive(Debug)]
pub(crate) struct IdGen {
    seed: RandomState,
    counter: u64,
}

impl IdGen {
    /// A generator with a fresh random seed.
    pub(crate) fn new() -> Self {
        IdGen {
            seed: RandomState::new(),
            counter: 0,
        }
    }

    /// The next counter value (1, 2, 3, ...).
    pub(crate) fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// Pseudo-random bits derived from `n` and `salt`.
    pub(crate) fn noise(&self, n: u64, salt: u64) -> u64 {
        let mut hasher = self.seed.build_hasher();
        hasher.write_u64(n);
        hasher.write_u64(salt);
        hasher.finish()
    }

    /// An opaque 48-character token; unique because the counter is part of it.
    pub(crate) fn token(&mut self) -> String {
        let n = self.next();
        format!("{:016x}{:016x}{:016x}", self.noise(n, 1), n, self.noise(n, 2))
    }

    /// `prefix` + zero-padded counter + random suffix; sorts in creation order.
    pub(crate) fn tagged(&mut self, prefix: &str) -> String {
        let n = self.next();
        format!("{prefix}{n:08}{:08X}", self.noise(n, 3) & 0xFFFF_FFFF)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_ordered() {
        let mut ids = IdGen::new();
        let a = ids.tagged("OI");
        let b = ids.tagged("OI");
        assert!(a < b, "{a} {b}");
        assert_ne!(ids.token(), ids.token());
    }
}
