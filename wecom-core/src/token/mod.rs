//! Access tokens: kinds, sources, the cache in front of them and the store
//! behind it.

pub mod cache;
pub mod kind;
#[cfg(feature = "redis")]
pub mod redis;
pub mod source;
pub mod store;

pub use cache::{CachedToken, TokenCell};
pub use kind::{Corp, KindInfo, Provider, Suite, TokenKind};
pub use source::{
    AuthCorpTokenSource, CorpTokenSource, DownstreamTokenSource, FetchContext, FetchFuture, FetchedToken,
    ProviderTokenSource, SuiteTokenSource, TokenSource, suite_ticket_key,
};
pub use store::{LockOwner, MemoryStore, StoreFuture, StoredTicket, StoredToken, TokenStore};
