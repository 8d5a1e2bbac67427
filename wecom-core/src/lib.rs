//! The runtime of the `wecom` SDK for the WeCom (企业微信) server API.
//!
//! Endpoints are declared as annotated trait methods (see the `wecom-macros`
//! crate) and all run through one call path here:
//!
//! * [`Client`] holds the shared HTTP transport and the credentials; which
//!   credentials it holds is part of its type, so calling an endpoint that
//!   needs a token the client lacks does not compile ([`HasToken`]).
//! * Tokens are cached per credential ([`token::TokenCell`]): refreshed ahead
//!   of expiry, fetched once no matter how many calls wait, dropped and
//!   refetched once when WeCom rejects them.
//! * The envelope (`errcode`, `errmsg`) is checked in one place and a non-zero
//!   code becomes [`Error::Api`] with WeCom's code and message.
//! * `errcode` -1 is retried with backoff (at most 3 times); a POST is never
//!   re-sent after it may have reached WeCom.
//!
//! Most applications depend on `wecom-apis`, which re-exports this crate.
#![warn(clippy::unwrap_used)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod call;
pub mod callback;
pub mod client;
pub mod download;
pub mod enums;
mod envelope;
pub mod error;
pub mod page_stream;
pub mod pagination;
pub mod reply;
pub mod request;
pub mod retry;
pub mod runtime;
pub mod secret;
pub mod token;
pub mod upload;

#[doc(hidden)]
pub mod __private {
    pub use crate::macro_support::*;
}
mod macro_support;

pub use call::Call;
pub use client::{
    ApiClient, Client, ClientBuilder, CorpClient, Credential, DEFAULT_BASE_URL, HasToken, NoCredential,
    ProviderClient, ProviderSuiteClient, SuiteClient,
};
pub use download::{ByteRange, ContentRange, Download};
pub use error::{Error, Result};
pub use page_stream::{ListReply, PageStream};
pub use pagination::{CursorPage, Page, paginate};
pub use reply::{Binary, Reply};
pub use request::{Endpoint, HeaderArg, Method, QueryValue};
pub use retry::RetryPolicy;
pub use secret::Secret;
#[cfg(feature = "redis")]
pub use token::redis::{RedisStore, RedisStoreOptions};
pub use token::{Corp, MemoryStore, Provider, Suite, TokenKind, TokenStore};
pub use upload::Upload;
