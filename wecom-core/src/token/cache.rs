//! The token cache: refresh ahead of expiry, one refresh in flight per token
//! (in this process by a local lock, across processes by the store's lock),
//! and invalidation that only drops the token that failed.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tracing::Instrument;

use crate::error::{Error, Result};
use crate::runtime::Runtime;
use crate::token::kind::KindInfo;
use crate::token::source::{FetchContext, TokenSource};
use crate::token::store::{StoredToken, unix_ms};

/// A token value, shared cheaply between concurrent calls.
#[derive(Clone)]
pub struct CachedToken {
    value: Arc<str>,
    expires_at: Instant,
}

impl CachedToken {
    /// The token to put on the wire.
    pub fn expose(&self) -> &str {
        &self.value
    }

    fn from_stored(stored: &StoredToken) -> Self {
        let left_ms = u64::try_from(stored.expires_at_ms - unix_ms()).unwrap_or(0);
        CachedToken {
            value: Arc::from(stored.value.as_str()),
            expires_at: Instant::now() + Duration::from_millis(left_ms),
        }
    }
}

impl std::fmt::Debug for CachedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedToken")
            .field("value", &crate::error::Redacted)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// How a token stands at a given instant.
enum Freshness {
    Fresh,
    Expiring,
    Expired,
}

fn freshness_at(expires_at: Instant, margin: Duration) -> Freshness {
    let now = Instant::now();
    if now >= expires_at {
        Freshness::Expired
    } else if now + margin >= expires_at {
        Freshness::Expiring
    } else {
        Freshness::Fresh
    }
}

/// How long a waiter polls the store while another instance refreshes.
const POLL_INTERVAL: Duration = Duration::from_millis(20);

/// One token slot: a source plus the caches in front of it.
///
/// Lookup order: the local copy (no I/O) → the [`TokenStore`](super::TokenStore)
/// (shared with other clients and, with Redis, other processes) → a fetch from
/// WeCom. Only one fetch runs per token: callers in this process queue on a
/// local lock; other processes wait for the store's lock holder and then read
/// what it stored. Inside the refresh margin the old token stays in use while
/// one caller refreshes.
pub struct TokenCell {
    source: Box<dyn TokenSource>,
    key: String,
    local: RwLock<Option<CachedToken>>,
    refresh: tokio::sync::Mutex<()>,
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

    /// A usable token: the local copy if fresh, else the store's, else a fresh
    /// fetch (once for all waiters, in this process and across processes).
    pub async fn get(&self, runtime: &Runtime) -> Result<CachedToken> {
        // The hot path stays small: no I/O, no large future.
        if runtime.local_cache()
            && let Some(token) = self.local_copy()
            && matches!(
                freshness_at(token.expires_at, runtime.refresh_margin()),
                Freshness::Fresh
            )
        {
            return Ok(token);
        }
        Box::pin(self.get_slow(runtime)).await
    }

    async fn get_slow(&self, runtime: &Runtime) -> Result<CachedToken> {
        let margin = runtime.refresh_margin();
        if runtime.local_cache()
            && let Some(token) = self.local_copy()
        {
            match freshness_at(token.expires_at, margin) {
                Freshness::Fresh => return Ok(token),
                Freshness::Expiring => {
                    // One caller refreshes early; the rest keep the valid token.
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
        } else if let Some(stored) = runtime
            .store()
            .get_token(&self.key)
            .await
            .map_err(|e| self.wrap(e))?
        {
            // No local copy kept: the store is read on every call.
            let token = CachedToken::from_stored(&stored);
            if matches!(freshness_at(token.expires_at, margin), Freshness::Fresh) {
                return Ok(token);
            }
        }
        let _guard = self.refresh.lock().await;
        // Whoever held the lock before us may have refreshed already.
        if runtime.local_cache()
            && let Some(token) = self.local_copy()
            && !matches!(freshness_at(token.expires_at, margin), Freshness::Expired)
        {
            return Ok(token);
        }
        self.load_or_refresh(runtime).await
    }

    /// Reads the store; fetches (under the store's lock) when it has no fresh token.
    async fn load_or_refresh(&self, runtime: &Runtime) -> Result<CachedToken> {
        let store = runtime.store();
        let margin = runtime.refresh_margin();
        let lock_key = format!("{}:lock", self.key);
        let deadline = Instant::now() + runtime.lock_ttl() + Duration::from_secs(2);
        loop {
            let stored = store.get_token(&self.key).await.map_err(|e| self.wrap(e))?;
            let stored = stored.map(|s| CachedToken::from_stored(&s));
            if let Some(token) = &stored
                && matches!(freshness_at(token.expires_at, margin), Freshness::Fresh)
            {
                self.set_local(token);
                return Ok(token.clone());
            }
            match store
                .try_lock(&lock_key, runtime.lock_ttl())
                .await
                .map_err(|e| self.wrap(e))?
            {
                Some(owner) => {
                    let result = self.refresh_locked(runtime, margin).await;
                    if let Err(err) = store.unlock(&lock_key, &owner).await {
                        tracing::warn!(key = %self.key, error = %err, "could not release the refresh lock; it expires by itself");
                    }
                    return result;
                }
                None => {
                    // Someone else refreshes. A still-valid token is good enough meanwhile.
                    if let Some(token) = stored {
                        self.set_local(&token);
                        return Ok(token);
                    }
                    if Instant::now() >= deadline {
                        return Err(self.wrap(Error::Store {
                            operation: "wait for refresh",
                            reason: format!(
                                "another instance holds the refresh lock of `{}` and stored no token in time",
                                self.key
                            ),
                        }));
                    }
                    tokio::time::sleep(POLL_INTERVAL).await;
                }
            }
        }
    }

    /// Under the store's lock: re-check the store, then fetch and store.
    async fn refresh_locked(&self, runtime: &Runtime, margin: Duration) -> Result<CachedToken> {
        let store = runtime.store();
        if let Some(stored) = store.get_token(&self.key).await.map_err(|e| self.wrap(e))? {
            let token = CachedToken::from_stored(&stored);
            if matches!(freshness_at(token.expires_at, margin), Freshness::Fresh) {
                self.set_local(&token);
                return Ok(token);
            }
        }
        let kind = self.kind();
        let span = tracing::debug_span!(
            "wecom.token.refresh",
            kind = kind.name,
            owner = self.source.label()
        );
        let context = FetchContext { runtime, store };
        let fetched = self
            .source
            .fetch(context)
            .instrument(span)
            .await
            .map_err(|e| self.wrap(e))?;
        let stored = StoredToken {
            value: fetched.value.expose().to_owned(),
            expires_at_ms: unix_ms() + i64::try_from(fetched.expires_in.as_millis()).unwrap_or(i64::MAX),
        };
        let token = CachedToken::from_stored(&stored);
        if let Err(err) = store.put_token(&self.key, &stored).await {
            // The token is good; other instances will fetch their own.
            tracing::warn!(key = %self.key, error = %err, "could not store the refreshed token");
        }
        self.set_local(&token);
        Ok(token)
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
