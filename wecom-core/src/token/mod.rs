//! Access tokens: kinds, sources and the cache in front of them.

pub mod cache;
pub mod kind;
pub mod source;

pub use cache::{CachedToken, TokenCell};
pub use kind::{Corp, KindInfo, Provider, Suite, TokenKind};
pub use source::{CorpTokenSource, FetchFuture, FetchedToken, ProviderTokenSource, TokenSource};
