//! Where tokens, suite tickets and refresh locks live: in memory for one
//! process, or in a shared store (Redis) for a cluster of app instances.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::error::Result;

/// The boxed future every [`TokenStore`] method returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>;

/// A token as stored: its value, when it should be refreshed and when it
/// expires (unix milliseconds, so that every process reads the same instant).
#[derive(Clone, PartialEq, Eq)]
pub struct StoredToken {
    /// The token.
    pub value: String,
    /// From when on it should be refreshed (ahead of expiry; decided once, by
    /// whoever fetched it, so a short-lived token is not refetched on every call).
    pub refresh_at_ms: i64,
    /// When WeCom stops accepting it, in unix milliseconds.
    pub expires_at_ms: i64,
}

impl fmt::Debug for StoredToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredToken")
            .field("value", &crate::error::Redacted)
            .field("refresh_at_ms", &self.refresh_at_ms)
            .field("expires_at_ms", &self.expires_at_ms)
            .finish()
    }
}

/// A suite_ticket and the `TimeStamp` of the callback that carried it.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredTicket {
    /// The ticket.
    pub ticket: String,
    /// The push's `TimeStamp` (unix seconds): a ticket older than the stored
    /// one never replaces it.
    pub timestamp: i64,
}

impl fmt::Debug for StoredTicket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredTicket")
            .field("ticket", &crate::error::Redacted)
            .field("timestamp", &self.timestamp)
            .finish()
    }
}

/// Proof of holding a refresh lock; only its owner can release it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockOwner(pub String);

impl LockOwner {
    /// A fresh random owner id.
    pub fn random() -> Self {
        LockOwner(format!("{:032x}", rand::random::<u128>()))
    }
}

/// Where a callback push stands in a [`TokenStore`] shared by a cluster of
/// receivers (see [`TokenStore::claim_push`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushClaim {
    /// Nobody has handled this push: the caller handles it, then calls
    /// [`finish_push`](TokenStore::finish_push) or releases it with
    /// [`unlock`](TokenStore::unlock).
    Claimed(LockOwner),
    /// Another receiver is handling it right now.
    InFlight,
    /// It was handled already.
    Done,
}

/// Shared state behind the token caches.
///
/// Keys are made by the SDK (`provider:<corpid>`, `suite:<suite_id>`,
/// `authcorp:<suite_id>:<corpid>`, `ticket:<suite_id>` …); a store may add a
/// namespace prefix. Implementations must make every method but the plain
/// reads and [`put_token`](Self::put_token) atomic: the compare-and-set ones
/// are what keep a cluster to one refresh per token and one handling per push.
pub trait TokenStore: Send + Sync + fmt::Debug + 'static {
    /// The token stored under `key`, if any and not expired.
    fn get_token<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredToken>>;
    /// Stores `token` under `key` until it expires.
    fn put_token<'a>(&'a self, key: &'a str, token: &'a StoredToken) -> StoreFuture<'a, ()>;
    /// Deletes the token under `key` only if its value is `failed` (so a token
    /// that another instance just refreshed survives). Returns whether it did.
    fn invalidate_token<'a>(&'a self, key: &'a str, failed: &'a str) -> StoreFuture<'a, bool>;
    /// Takes the refresh lock of `key` for at most `ttl`, if nobody holds it.
    fn try_lock<'a>(&'a self, key: &'a str, ttl: Duration) -> StoreFuture<'a, Option<LockOwner>>;
    /// Extends the lock of `key` to `ttl` from now if `owner` still holds it
    /// (a holder renews its lease while its fetch runs). Returns whether it did.
    fn renew_lock<'a>(&'a self, key: &'a str, owner: &'a LockOwner, ttl: Duration) -> StoreFuture<'a, bool>;
    /// Releases the lock of `key` if `owner` still holds it.
    fn unlock<'a>(&'a self, key: &'a str, owner: &'a LockOwner) -> StoreFuture<'a, ()>;
    /// Stores `token` under `key` only while `owner` holds the lock `lock_key`,
    /// in one atomic step: a holder whose lease ran out never overwrites a
    /// newer token (or brings back an invalidated one). Returns whether it stored.
    fn put_token_as_owner<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
        lock_key: &'a str,
        owner: &'a LockOwner,
    ) -> StoreFuture<'a, bool>;
    /// Claims the callback push `key` for `ttl` (how long a handler may take
    /// before another receiver may try): [`PushClaim::Claimed`] once per push
    /// until it is released, then [`PushClaim::Done`] once finished.
    fn claim_push<'a>(&'a self, key: &'a str, ttl: Duration) -> StoreFuture<'a, PushClaim>;
    /// Marks the claimed push `key` as handled, remembered for `ttl`.
    fn finish_push<'a>(&'a self, key: &'a str, owner: &'a LockOwner, ttl: Duration) -> StoreFuture<'a, ()>;
    /// The newest suite_ticket stored under `key`.
    fn get_ticket<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredTicket>>;
    /// Stores `ticket` for `ttl` unless the stored one is newer. Returns whether it was stored.
    fn put_ticket<'a>(
        &'a self,
        key: &'a str,
        ticket: &'a StoredTicket,
        ttl: Duration,
    ) -> StoreFuture<'a, bool>;
}

/// Now, in unix milliseconds.
pub fn unix_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// The in-process store (the default): one map per process, shared by every
/// client built from the same builder and every client derived from them.
#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<MemoryInner>,
}

#[derive(Default)]
struct MemoryInner {
    tokens: HashMap<String, StoredToken>,
    tickets: HashMap<String, (StoredTicket, Instant)>,
    locks: HashMap<String, (LockOwner, Instant)>,
    pushes: HashMap<String, (PushState, Instant)>,
    /// Sweep `pushes` of expired entries once it grows past this.
    pushes_sweep_at: usize,
}

/// A push claim in the memory store.
#[derive(Clone, PartialEq, Eq)]
enum PushState {
    Handling(LockOwner),
    Done,
}

impl MemoryInner {
    fn holds(&self, key: &str, owner: &LockOwner, now: Instant) -> bool {
        self.locks
            .get(key)
            .is_some_and(|(o, until)| o == owner && *until > now)
    }

    /// Drops expired push claims when the map has doubled since the last
    /// sweep: amortised O(1) per claim, memory bounded by the live claims.
    fn sweep_pushes(&mut self, now: Instant) {
        if self.pushes.len() >= self.pushes_sweep_at {
            self.pushes.retain(|_, (_, until)| *until > now);
            self.pushes_sweep_at = (self.pushes.len() * 2).max(1024);
        }
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn with<T>(&self, f: impl FnOnce(&mut MemoryInner) -> T) -> T {
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (tokens, tickets) = self.with(|i| (i.tokens.len(), i.tickets.len()));
        f.debug_struct("MemoryStore")
            .field("tokens", &tokens)
            .field("tickets", &tickets)
            .finish()
    }
}

fn ready<'a, T: Send + 'a>(value: T) -> StoreFuture<'a, T> {
    Box::pin(std::future::ready(Ok(value)))
}

impl TokenStore for MemoryStore {
    fn get_token<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredToken>> {
        let now = unix_ms();
        ready(self.with(|i| i.tokens.get(key).filter(|t| t.expires_at_ms > now).cloned()))
    }

    fn put_token<'a>(&'a self, key: &'a str, token: &'a StoredToken) -> StoreFuture<'a, ()> {
        self.with(|i| i.tokens.insert(key.to_owned(), token.clone()));
        ready(())
    }

    fn invalidate_token<'a>(&'a self, key: &'a str, failed: &'a str) -> StoreFuture<'a, bool> {
        ready(self.with(|i| match i.tokens.get(key) {
            Some(t) if t.value == failed => i.tokens.remove(key).is_some(),
            _ => false,
        }))
    }

    fn try_lock<'a>(&'a self, key: &'a str, ttl: Duration) -> StoreFuture<'a, Option<LockOwner>> {
        let now = Instant::now();
        ready(self.with(|i| match i.locks.get(key) {
            Some((_, until)) if *until > now => None,
            _ => {
                let owner = LockOwner::random();
                i.locks.insert(key.to_owned(), (owner.clone(), now + ttl));
                Some(owner)
            }
        }))
    }

    fn renew_lock<'a>(&'a self, key: &'a str, owner: &'a LockOwner, ttl: Duration) -> StoreFuture<'a, bool> {
        let now = Instant::now();
        ready(self.with(|i| {
            let held = i.holds(key, owner, now);
            if held {
                i.locks.insert(key.to_owned(), (owner.clone(), now + ttl));
            }
            held
        }))
    }

    fn unlock<'a>(&'a self, key: &'a str, owner: &'a LockOwner) -> StoreFuture<'a, ()> {
        self.with(|i| {
            if i.locks.get(key).is_some_and(|(o, _)| o == owner) {
                i.locks.remove(key);
            }
            if i.pushes
                .get(key)
                .is_some_and(|(s, _)| *s == PushState::Handling(owner.clone()))
            {
                i.pushes.remove(key);
            }
        });
        ready(())
    }

    fn put_token_as_owner<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
        lock_key: &'a str,
        owner: &'a LockOwner,
    ) -> StoreFuture<'a, bool> {
        let now = Instant::now();
        ready(self.with(|i| {
            let held = i.holds(lock_key, owner, now);
            if held {
                i.tokens.insert(key.to_owned(), token.clone());
            }
            held
        }))
    }

    fn claim_push<'a>(&'a self, key: &'a str, ttl: Duration) -> StoreFuture<'a, PushClaim> {
        let now = Instant::now();
        ready(self.with(|i| {
            i.sweep_pushes(now);
            match i.pushes.get(key) {
                Some((PushState::Done, until)) if *until > now => PushClaim::Done,
                Some((PushState::Handling(_), until)) if *until > now => PushClaim::InFlight,
                _ => {
                    let owner = LockOwner::random();
                    i.pushes
                        .insert(key.to_owned(), (PushState::Handling(owner.clone()), now + ttl));
                    PushClaim::Claimed(owner)
                }
            }
        }))
    }

    fn finish_push<'a>(&'a self, key: &'a str, owner: &'a LockOwner, ttl: Duration) -> StoreFuture<'a, ()> {
        let now = Instant::now();
        self.with(|i| {
            if i.pushes
                .get(key)
                .is_some_and(|(s, _)| *s == PushState::Handling(owner.clone()))
            {
                i.pushes.insert(key.to_owned(), (PushState::Done, now + ttl));
            }
        });
        ready(())
    }

    fn get_ticket<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredTicket>> {
        let now = Instant::now();
        ready(self.with(|i| {
            i.tickets
                .get(key)
                .filter(|(_, until)| *until > now)
                .map(|(t, _)| t.clone())
        }))
    }

    fn put_ticket<'a>(
        &'a self,
        key: &'a str,
        ticket: &'a StoredTicket,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        let now = Instant::now();
        ready(self.with(|i| {
            let newer_stored = i
                .tickets
                .get(key)
                .is_some_and(|(t, until)| *until > now && t.timestamp > ticket.timestamp);
            if !newer_stored {
                // Every push replaces the same key: reuse its allocation.
                match i.tickets.get_mut(key) {
                    Some(slot) => {
                        slot.0.ticket.clone_from(&ticket.ticket);
                        slot.0.timestamp = ticket.timestamp;
                        slot.1 = now + ttl;
                    }
                    None => {
                        i.tickets.insert(key.to_owned(), (ticket.clone(), now + ttl));
                    }
                }
            }
            !newer_stored
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(v: &str, in_ms: i64) -> StoredToken {
        StoredToken {
            value: v.into(),
            refresh_at_ms: unix_ms() + in_ms / 2,
            expires_at_ms: unix_ms() + in_ms,
        }
    }

    #[tokio::test]
    async fn invalidation_only_drops_the_failed_token() {
        let s = MemoryStore::new();
        s.put_token("k", &token("new", 60_000)).await.unwrap();
        assert!(!s.invalidate_token("k", "old").await.unwrap());
        assert_eq!(s.get_token("k").await.unwrap().unwrap().value, "new");
        assert!(s.invalidate_token("k", "new").await.unwrap());
        assert!(s.get_token("k").await.unwrap().is_none());
        s.put_token("k", &token("gone", -1)).await.unwrap();
        assert!(
            s.get_token("k").await.unwrap().is_none(),
            "expired tokens are not returned"
        );
    }

    #[tokio::test]
    async fn locks_have_one_owner_and_expire() {
        let s = MemoryStore::new();
        let owner = s.try_lock("k", Duration::from_millis(30)).await.unwrap().unwrap();
        assert!(s.try_lock("k", Duration::from_secs(1)).await.unwrap().is_none());
        s.unlock("k", &LockOwner::random()).await.unwrap();
        assert!(
            s.try_lock("k", Duration::from_secs(1)).await.unwrap().is_none(),
            "only the owner unlocks"
        );
        s.unlock("k", &owner).await.unwrap();
        let dead = s.try_lock("k", Duration::from_millis(20)).await.unwrap();
        assert!(dead.is_some());
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert!(
            s.try_lock("k", Duration::from_secs(1)).await.unwrap().is_some(),
            "a dead holder's lock expires"
        );
    }

    #[tokio::test]
    async fn only_the_live_owner_renews_and_writes() {
        let s = MemoryStore::new();
        let owner = s
            .try_lock("k:lock", Duration::from_millis(40))
            .await
            .unwrap()
            .unwrap();
        assert!(
            s.renew_lock("k:lock", &owner, Duration::from_millis(40))
                .await
                .unwrap()
        );
        assert!(
            !s.renew_lock("k:lock", &LockOwner::random(), Duration::from_secs(1))
                .await
                .unwrap()
        );
        assert!(
            s.put_token_as_owner("k", &token("a", 60_000), "k:lock", &owner)
                .await
                .unwrap()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
        // The lease ran out; someone else took it and wrote a newer token.
        let other = s
            .try_lock("k:lock", Duration::from_secs(1))
            .await
            .unwrap()
            .unwrap();
        assert!(
            s.put_token_as_owner("k", &token("b", 60_000), "k:lock", &other)
                .await
                .unwrap()
        );
        assert!(
            !s.renew_lock("k:lock", &owner, Duration::from_secs(1))
                .await
                .unwrap()
        );
        assert!(
            !s.put_token_as_owner("k", &token("stale", 60_000), "k:lock", &owner)
                .await
                .unwrap()
        );
        assert_eq!(s.get_token("k").await.unwrap().unwrap().value, "b");
    }

    #[tokio::test]
    async fn a_push_is_claimed_once_and_released_on_failure() {
        let s = MemoryStore::new();
        let ttl = Duration::from_secs(60);
        let PushClaim::Claimed(owner) = s.claim_push("p", ttl).await.unwrap() else {
            panic!("first claim");
        };
        assert_eq!(s.claim_push("p", ttl).await.unwrap(), PushClaim::InFlight);
        s.unlock("p", &owner).await.unwrap();
        let PushClaim::Claimed(owner) = s.claim_push("p", ttl).await.unwrap() else {
            panic!("claim after release");
        };
        s.finish_push("p", &owner, ttl).await.unwrap();
        assert_eq!(s.claim_push("p", ttl).await.unwrap(), PushClaim::Done);
    }

    #[tokio::test]
    async fn an_older_ticket_never_replaces_a_newer_one() {
        let s = MemoryStore::new();
        let ttl = Duration::from_secs(60);
        let t = |ticket: &str, timestamp| StoredTicket {
            ticket: ticket.into(),
            timestamp,
        };
        assert!(s.put_ticket("t", &t("b", 200), ttl).await.unwrap());
        assert!(!s.put_ticket("t", &t("a", 100), ttl).await.unwrap());
        assert_eq!(s.get_ticket("t").await.unwrap().unwrap().ticket, "b");
        assert!(s.put_ticket("t", &t("c", 300), ttl).await.unwrap());
        assert_eq!(s.get_ticket("t").await.unwrap().unwrap().ticket, "c");
    }
}
