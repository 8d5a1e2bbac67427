//! Access tokens: kinds, sources, the cache in front of them and the store
//! behind it.

pub mod cache;
pub mod kind;
#[cfg(feature = "redis")]
pub mod redis;
mod replies;
pub mod source;
pub mod store;
pub mod ticket;

pub use cache::{CachedToken, TokenCell};
pub use kind::{Corp, KindInfo, Provider, Suite, TokenKind};
pub use replies::{BusinessType, CorpAccessToken, ProviderAccessToken, SuiteAccessToken};
pub use source::{
    AuthCorpTokenSource, CorpTokenSource, DownstreamTokenSource, FetchContext, FetchFuture, FetchedToken,
    ProviderTokenSource, SuiteTokenSource, TokenSource, suite_ticket_key,
};
pub use source::{
    DOWNSTREAM_TOKEN_API_ENDPOINTS, DownstreamTokenApi, SERVICE_TOKEN_API_ENDPOINTS, ServiceTokenApi,
};
pub use store::{LockOwner, MemoryStore, StoreFuture, StoredTicket, StoredToken, TokenStore};
pub use ticket::{JsSdkApi, JsapiTicket, JsapiTicketReply, JsapiTicketSource, TicketScope, TicketType};

/// How long WeCom accepts a suite_ticket after pushing it.
const SUITE_TICKET_LIFE: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Stores a pushed suite_ticket for `suite_id` unless a newer one is stored
/// or it is already past its 30 minutes (`timestamp`: the push's `TimeStamp`,
/// unix seconds). Returns whether it was stored.
///
/// # Errors
/// [`Error::Store`](crate::Error::Store) when the store cannot be written.
pub async fn store_suite_ticket(
    store: &dyn TokenStore,
    suite_id: &str,
    ticket: &str,
    timestamp: i64,
) -> crate::Result<bool> {
    let age_secs = u64::try_from(store::unix_ms() / 1000 - timestamp).unwrap_or(0);
    let Some(ttl) = SUITE_TICKET_LIFE
        .checked_sub(std::time::Duration::from_secs(age_secs))
        .filter(|t| !t.is_zero())
    else {
        tracing::warn!(suite_id, timestamp, "ignoring an expired suite_ticket");
        return Ok(false);
    };
    let stored = StoredTicket {
        ticket: ticket.to_owned(),
        timestamp,
    };
    store.put_ticket(&suite_ticket_key(suite_id), &stored, ttl).await
}
