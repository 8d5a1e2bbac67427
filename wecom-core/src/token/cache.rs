//! The in-memory token cache: refresh ahead of expiry, one refresh in flight
//! per token, and invalidation that only drops the token that failed.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tracing::Instrument;

use crate::error::{Error, Result};
use crate::runtime::Runtime;
use crate::token::kind::KindInfo;
use crate::token::source::TokenSource;

/// A cached token value, shared cheaply between concurrent calls.
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
}

impl std::fmt::Debug for CachedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedToken")
            .field("value", &crate::error::Redacted)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// One token slot: a source plus the cached value in front of it.
///
/// Calls read the cached value without waiting. When it is missing or expired,
/// the first caller fetches while the others wait on the same refresh (single
/// flight). Inside the refresh margin the token is still used while one caller
/// refreshes in the background of its own call, so nobody waits.
pub struct TokenCell {
    source: Box<dyn TokenSource>,
    current: RwLock<Option<CachedToken>>,
    refresh: tokio::sync::Mutex<()>,
    margin: Duration,
}

/// How the cached value stands at a given instant.
enum Freshness {
    Fresh(CachedToken),
    Expiring(CachedToken),
    Missing,
}

impl TokenCell {
    /// A cell in front of `source`; tokens are refreshed `margin` before they expire.
    pub fn new(source: impl TokenSource, margin: Duration) -> Self {
        TokenCell {
            source: Box::new(source),
            current: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(()),
            margin,
        }
    }

    /// The kind of token held here.
    pub fn kind(&self) -> &'static KindInfo {
        self.source.kind()
    }

    fn freshness(&self) -> Freshness {
        let guard = self.current.read().unwrap_or_else(|p| p.into_inner());
        match guard.as_ref() {
            None => Freshness::Missing,
            Some(t) => {
                let now = Instant::now();
                if now >= t.expires_at {
                    Freshness::Missing
                } else if now + self.margin >= t.expires_at {
                    Freshness::Expiring(t.clone())
                } else {
                    Freshness::Fresh(t.clone())
                }
            }
        }
    }

    /// A usable token: cached if fresh, fetched (once for all waiters) if not.
    pub async fn get(&self, runtime: &Runtime) -> Result<CachedToken> {
        match self.freshness() {
            Freshness::Fresh(t) => Ok(t),
            Freshness::Expiring(old) => match self.refresh.try_lock() {
                // One caller refreshes early; if that fails the old token is still valid.
                Ok(_guard) => match self.fetch_and_store(runtime).await {
                    Ok(t) => Ok(t),
                    Err(err) => {
                        tracing::warn!(kind = self.kind().name, error = %err, "early token refresh failed; using the still-valid token");
                        Ok(old)
                    }
                },
                Err(_) => Ok(old),
            },
            Freshness::Missing => {
                let _guard = self.refresh.lock().await;
                // Whoever held the lock before us may have refreshed already.
                match self.freshness() {
                    Freshness::Fresh(t) | Freshness::Expiring(t) => Ok(t),
                    Freshness::Missing => self.fetch_and_store(runtime).await,
                }
            }
        }
    }

    async fn fetch_and_store(&self, runtime: &Runtime) -> Result<CachedToken> {
        let kind = self.kind();
        let span = tracing::debug_span!(
            "wecom.token.refresh",
            kind = kind.name,
            owner = self.source.label()
        );
        let fetched = self
            .source
            .fetch(runtime)
            .instrument(span)
            .await
            .map_err(|e| Error::Token {
                kind: kind.name,
                source: Box::new(e),
            })?;
        let token = CachedToken {
            value: Arc::from(fetched.value.expose()),
            expires_at: Instant::now() + fetched.expires_in,
        };
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(token.clone());
        Ok(token)
    }

    /// Drops the cached token, but only if it is still `failed`: a token that
    /// another call refreshed meanwhile is kept. Returns whether it dropped it.
    pub fn invalidate(&self, failed: &CachedToken) -> bool {
        let mut guard = self.current.write().unwrap_or_else(|p| p.into_inner());
        match guard.as_ref() {
            Some(current) if Arc::ptr_eq(&current.value, &failed.value) => {
                *guard = None;
                true
            }
            _ => false,
        }
    }
}

impl std::fmt::Debug for TokenCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenCell")
            .field("kind", &self.kind().name)
            .field("owner", &self.source.label())
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}
