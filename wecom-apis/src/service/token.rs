//! Provider, suite and authorized-corp token endpoints.
//!
//! The clients fetch and cache these tokens themselves (`Client::builder()
//! .provider(..)`, `.suite(..)`, `client.corp(auth_corpid, permanent_code)`);
//! the methods here are for code that manages tokens on its own, e.g. a
//! central token service. They are declared once, in the runtime, next to
//! the token sources that call the same endpoints, and re-exported here.

pub use wecom_core::token::source::{SERVICE_TOKEN_API_ENDPOINTS, ServiceTokenApi};
pub use wecom_core::token::{CorpAccessToken, ProviderAccessToken, SuiteAccessToken};
