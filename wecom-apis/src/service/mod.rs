//! Service provider (服务商) and third-party app (第三方应用) APIs:
//! `service/*`, the token endpoints and `agent/get_permissions`.
//!
//! A suite's token needs the newest suite_ticket, which WeCom pushes to the
//! suite's command callback (the callback receiver stores it); the suite's
//! endpoints then work, and so do the corps that installed it:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::Client;
//! use wecom_apis::service::AuthApi;
//! use wecom_testkit::{Sandbox, creds};
//!
//! let sandbox = Sandbox::start().await;
//! let app = Client::builder()
//!     .suite(creds::SUITE_ID, creds::SUITE_SECRET)
//!     .base_url(sandbox.base_url())
//!     .build()?;
//! let (ticket, pushed_at) = sandbox.service().suite_ticket(); // what the callback received
//! app.store_suite_ticket(&ticket, pushed_at).await?;
//!
//! let pre_auth = app.get_pre_auth_code().await?; // service/get_pre_auth_code
//! assert!(!pre_auth.pre_auth_code.is_empty());
//! # Ok(()) }
//! ```

mod app;
mod auth;
pub mod events;
mod misc;
mod order;
mod token;

pub use app::*;
pub use auth::*;
pub use misc::*;
pub use order::*;
pub use token::*;

/// Every endpoint of this family (`service/*` and the token endpoints), trait by trait, each in
/// declaration order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    SERVICE_TOKEN_API_ENDPOINTS,
    AUTH_API_ENDPOINTS,
    APP_API_ENDPOINTS,
    APP_ORDER_API_ENDPOINTS,
    SERVICE_MISC_API_ENDPOINTS,
];
