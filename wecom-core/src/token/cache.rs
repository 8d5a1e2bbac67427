//! The token cache: refresh ahead of expiry, one refresh in flight per token
//! (in this process by a local lock, across processes by the store's lock),
//! and invalidation that only drops the token that failed.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use tracing::Instrument;

use crate::error::{Error, Result};
use crate::runtime::Runtime;
use crate::token::kind::KindInfo;
use crate::token::source::{ErasedSource, FetchContext, TokenSource};
use crate::token::store::{LockOwner, StoredToken, TokenStore, unix_ms};

/// A token value, shared cheaply between concurrent calls.
#[derive(Clone)]
pub struct CachedToken {
    value: Arc<str>,
    refresh_at: Instant,
    expires_at: Instant,
}

/// The longest life a token is taken at (WeCom's are 2 hours): a reply with
/// an absurd `expires_in` is clamped instead of overflowing.
const MAX_LIFE_MS: i64 = 30 * 24 * 3600 * 1000;

/// `ms` from now as an [`Instant`], clamped to `0..=MAX_LIFE_MS`.
fn instant_in(now: Instant, ms: i64) -> Instant {
    let ms = u64::try_from(ms.clamp(0, MAX_LIFE_MS)).unwrap_or(0);
    now + Duration::from_millis(ms)
}

impl CachedToken {
    /// The token to put on the wire.
    pub fn expose(&self) -> &str {
        &self.value
    }

    fn from_stored(stored: &StoredToken) -> Self {
        let (now, now_ms) = (Instant::now(), unix_ms());
        CachedToken {
            value: Arc::from(stored.value.as_str()),
            refresh_at: instant_in(now, stored.refresh_at_ms.saturating_sub(now_ms)),
            expires_at: instant_in(now, stored.expires_at_ms.saturating_sub(now_ms)),
        }
    }

    fn freshness(&self) -> Freshness {
        let now = Instant::now();
        if now >= self.expires_at {
            Freshness::Expired
        } else if now >= self.refresh_at {
            Freshness::Expiring
        } else {
            Freshness::Fresh
        }
    }
}

impl std::fmt::Debug for CachedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedToken")
            .field("value", &crate::error::Redacted)
            .field("refresh_at", &self.refresh_at)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// How a token stands at a given instant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Freshness {
    Fresh,
    /// Past its refresh point, still accepted by WeCom.
    Expiring,
    Expired,
}

/// What to store for a token just fetched with life `expires_in`: refreshed
/// `margin` before expiry, or, when the life is no longer than the margin
/// (WeCom hands out the same token with its remaining life), after three
/// quarters of it — so a short life never means a fetch per call.
fn stored_from_fetch(value: String, expires_in: Duration, margin: Duration) -> StoredToken {
    let life_ms = i64::try_from(expires_in.as_millis()).map_or(MAX_LIFE_MS, |ms| ms.min(MAX_LIFE_MS));
    let margin_ms = i64::try_from(margin.as_millis()).unwrap_or(i64::MAX);
    let lead_ms = if margin_ms < life_ms {
        margin_ms
    } else {
        life_ms / 4
    };
    let now = unix_ms();
    StoredToken {
        value,
        refresh_at_ms: now.saturating_add(life_ms - lead_ms),
        expires_at_ms: now.saturating_add(life_ms),
    }
}

/// How long a waiter polls the store while another instance refreshes.
const POLL_INTERVAL: Duration = Duration::from_millis(20);

/// A held refresh lock. The holder renews it while its fetch runs
/// ([`keep_alive`](Self::keep_alive)); dropping it unreleased (a cancelled
/// call) releases it in the background, so nobody waits out its TTL.
struct Lease {
    store: Arc<dyn TokenStore>,
    key: String,
    owner: LockOwner,
    released: bool,
}

impl Lease {
    /// Renews the lease every third of `ttl`, for as long as it is polled
    /// (run it beside the fetch); never completes.
    async fn keep_alive(&self, ttl: Duration) -> Infallible {
        let every = (ttl / 3).max(Duration::from_millis(10));
        loop {
            tokio::time::sleep(every).await;
            match self.store.renew_lock(&self.key, &self.owner, ttl).await {
                Ok(true) => {}
                Ok(false) => {
                    tracing::warn!(key = %self.key, "lost the refresh lock mid-fetch; the token will not be stored");
                    return std::future::pending().await;
                }
                Err(err) => tracing::warn!(key = %self.key, error = %err, "could not renew the refresh lock"),
            }
        }
    }

    async fn release(mut self) {
        self.released = true;
        if let Err(err) = self.store.unlock(&self.key, &self.owner).await {
            tracing::warn!(key = %self.key, error = %err, "could not release the refresh lock; it expires by itself");
        }
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if self.released {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let store = Arc::clone(&self.store);
        let key = std::mem::take(&mut self.key);
        let owner = self.owner.clone();
        runtime.spawn(async move {
            if let Err(err) = store.unlock(&key, &owner).await {
                tracing::warn!(key = %key, error = %err, "could not release an abandoned refresh lock; it expires by itself");
            }
        });
    }
}

/// One token slot: a source plus the caches in front of it.
///
/// Lookup order: the local copy (no I/O) → the [`TokenStore`]
/// (shared with other clients and, with Redis, other processes) → a fetch from
/// WeCom. Only one fetch runs per token: callers in this process queue on a
/// local lock; other processes wait for the store's lock holder and then read
/// what it stored. Inside the refresh margin the old token stays in use while
/// one caller refreshes.
pub struct TokenCell {
    source: Box<dyn ErasedSource>,
    key: String,
    local: RwLock<Option<CachedToken>>,
    refresh: tokio::sync::Mutex<()>,
    /// When this cell last fetched from WeCom (the refresh floor).
    last_fetch: Mutex<Option<Instant>>,
    /// The last token WeCom rejected: never taken from the store again (a
    /// concurrent reader may find it there before the invalidation lands,
    /// or the store may fail to drop it); only a fetch may hand it out again.
    rejected: Mutex<Option<Arc<str>>>,
}

impl TokenCell {
    /// A cell in front of `source`.
    pub fn new(source: impl TokenSource) -> Self {
        let key = source.key();
        TokenCell {
            source: Box::new(source),
            key,
            local: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(()),
            last_fetch: Mutex::new(None),
            rejected: Mutex::new(None),
        }
    }

    /// The kind of token held here.
    pub fn kind(&self) -> &'static KindInfo {
        self.source.kind()
    }

    /// The store key of this token.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// What the source says about itself (e.g. the corpid), without secrets.
    pub fn label(&self) -> &str {
        self.source.label()
    }

    fn local_copy(&self) -> Option<CachedToken> {
        self.local.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set_local(&self, token: &CachedToken) {
        *self.local.write().unwrap_or_else(|p| p.into_inner()) = Some(token.clone());
    }

    /// Whether this cell fetched less than the refresh floor ago: a token
    /// that is still valid is then not refreshed again yet.
    fn fetched_recently(&self, runtime: &Runtime) -> bool {
        self.last_fetch
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some_and(|at| at.elapsed() < runtime.min_refresh_interval())
    }

    /// A usable token: the local copy if fresh, else the store's, else a fresh
    /// fetch (once for all waiters, in this process and across processes).
    pub async fn get(&self, runtime: &Runtime) -> Result<CachedToken> {
        // The hot path stays small: no I/O, no large future.
        if runtime.local_cache()
            && let Some(token) = self.local_copy()
            && token.freshness() == Freshness::Fresh
        {
            return Ok(token);
        }
        Box::pin(self.get_slow(runtime)).await
    }

    async fn get_slow(&self, runtime: &Runtime) -> Result<CachedToken> {
        if runtime.local_cache() {
            if let Some(token) = self.local_copy() {
                match token.freshness() {
                    Freshness::Fresh => return Ok(token),
                    Freshness::Expiring => {
                        // One caller refreshes early; the rest keep the valid token.
                        if self.fetched_recently(runtime) {
                            return Ok(token);
                        }
                        let Ok(_guard) = self.refresh.try_lock() else {
                            return Ok(token);
                        };
                        return match self.load_or_refresh(runtime).await {
                            Ok(fresh) => Ok(fresh),
                            Err(err) => {
                                tracing::warn!(kind = self.kind().name, error = %err, "early token refresh failed; using the still-valid token");
                                Ok(token)
                            }
                        };
                    }
                    Freshness::Expired => {}
                }
            }
        } else if let Some(token) = self.usable_stored(
            runtime
                .store()
                .get_token(&self.key)
                .await
                .map_err(|e| self.wrap(e))?,
        ) {
            // No local copy kept: the store is read on every call.
            if token.freshness() == Freshness::Fresh
                || (token.freshness() == Freshness::Expiring && self.fetched_recently(runtime))
            {
                return Ok(token);
            }
        }
        // One caller of this process goes to the store; the others then find
        // what it kept locally.
        let _guard = self.refresh.lock().await;
        if runtime.local_cache()
            && let Some(token) = self.local_copy()
            && token.freshness() != Freshness::Expired
        {
            return Ok(token);
        }
        self.load_or_refresh(runtime).await
    }

    /// A token read from the store, unless it is the one WeCom rejected last.
    fn usable_stored(&self, stored: Option<StoredToken>) -> Option<CachedToken> {
        let stored = stored?;
        let rejected = self.rejected.lock().unwrap_or_else(|p| p.into_inner());
        if rejected.as_deref() == Some(stored.value.as_str()) {
            return None;
        }
        Some(CachedToken::from_stored(&stored))
    }

    /// Keeps `token` as the local copy (when local copies are on).
    fn keep(&self, runtime: &Runtime, token: CachedToken) -> CachedToken {
        if runtime.local_cache() {
            self.set_local(&token);
        }
        token
    }

    /// Reads the store; fetches (under the store's lock) when it has no fresh
    /// token. While another instance holds the lock, waits for what it stores
    /// (using a still-valid token meanwhile), at most as long as a fetch can
    /// take; a holder that dies is replaced once its lease runs out.
    async fn load_or_refresh(&self, runtime: &Runtime) -> Result<CachedToken> {
        let store = runtime.store();
        let lock_key = format!("{}:lock", self.key);
        let started = Instant::now();
        loop {
            let stored = store.get_token(&self.key).await.map_err(|e| self.wrap(e))?;
            let stored = self.usable_stored(stored);
            if let Some(token) = &stored
                && (token.freshness() == Freshness::Fresh || self.fetched_recently(runtime))
            {
                return Ok(self.keep(runtime, token.clone()));
            }
            match store
                .try_lock(&lock_key, runtime.lock_ttl())
                .await
                .map_err(|e| self.wrap(e))?
            {
                Some(owner) => {
                    let lease = Lease {
                        store: runtime.shared_store(),
                        key: lock_key,
                        owner,
                        released: false,
                    };
                    let result = self.refresh_locked(runtime, &lease).await;
                    lease.release().await;
                    return result;
                }
                None => {
                    // Someone else refreshes. A still-valid token is good enough meanwhile.
                    if let Some(token) = stored {
                        return Ok(self.keep(runtime, token));
                    }
                    if started.elapsed() >= runtime.refresh_wait() {
                        return Err(self.wrap(Error::RefreshWait {
                            key: self.key.clone(),
                            waited: started.elapsed(),
                        }));
                    }
                    tokio::time::sleep(POLL_INTERVAL).await;
                }
            }
        }
    }

    /// Under the store's lock: re-check the store, then fetch (renewing the
    /// lease meanwhile) and store what was fetched while still the owner.
    async fn refresh_locked(&self, runtime: &Runtime, lease: &Lease) -> Result<CachedToken> {
        let store = runtime.store();
        if let Some(token) = self.usable_stored(store.get_token(&self.key).await.map_err(|e| self.wrap(e))?)
            && token.freshness() == Freshness::Fresh
        {
            return Ok(self.keep(runtime, token));
        }
        let kind = self.kind();
        let span = tracing::debug_span!(
            "wecom.token.refresh",
            kind = kind.name,
            owner = self.source.label()
        );
        let context = FetchContext { runtime, store };
        *self.last_fetch.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
        let fetched = tokio::select! {
            fetched = self.source.fetch(context).instrument(span) => fetched,
            never = lease.keep_alive(runtime.lock_ttl()) => match never {},
        }
        .map_err(|e| self.wrap(e))?;
        // WeCom's own answer: trusted even if it is the token it rejected before.
        *self.rejected.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let stored = stored_from_fetch(
            fetched.value.expose().to_owned(),
            fetched.expires_in,
            runtime.refresh_margin(),
        );
        match store
            .put_token_as_owner(&self.key, &stored, &lease.key, &lease.owner)
            .await
        {
            Ok(true) => {}
            Ok(false) => {
                // Our lease ran out and someone else may have refreshed: never
                // overwrite; prefer what the store holds now.
                tracing::warn!(key = %self.key, "the refresh lock expired during the fetch; not storing the token");
                if let Some(newer) = self.usable_stored(store.get_token(&self.key).await.unwrap_or(None))
                    && newer.freshness() == Freshness::Fresh
                {
                    return Ok(self.keep(runtime, newer));
                }
            }
            // The token is good; other instances will fetch their own.
            Err(err) => tracing::warn!(key = %self.key, error = %err, "could not store the refreshed token"),
        }
        Ok(self.keep(runtime, CachedToken::from_stored(&stored)))
    }

    fn wrap(&self, err: Error) -> Error {
        match err {
            e @ Error::Token { .. } => e,
            e => Error::Token {
                kind: self.kind().name,
                source: Box::new(e),
            },
        }
    }

    /// Drops the token if it is still `failed`, locally and in the store: a
    /// token that another call refreshed meanwhile is kept.
    pub async fn invalidate(&self, runtime: &Runtime, failed: &CachedToken) {
        *self.rejected.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::clone(&failed.value));
        {
            let mut local = self.local.write().unwrap_or_else(|p| p.into_inner());
            if local
                .as_ref()
                .is_some_and(|t| Arc::ptr_eq(&t.value, &failed.value) || t.value == failed.value)
            {
                *local = None;
            }
        }
        if let Err(err) = runtime.store().invalidate_token(&self.key, failed.expose()).await {
            tracing::warn!(key = %self.key, error = %err, "could not invalidate the token in the store");
        }
    }
}

impl std::fmt::Debug for TokenCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenCell")
            .field("kind", &self.kind().name)
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}
