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
//! let (ticket, pushed_at) = sandbox.suite_ticket(); // what the callback received
//! app.store_suite_ticket(&ticket, pushed_at).await?;
//!
//! let pre_auth = app.get_pre_auth_code().await?; // service/get_pre_auth_code
//! assert!(!pre_auth.pre_auth_code.is_empty());
//! # Ok(()) }
//! ```

mod app;
mod auth;
mod misc;
mod order;
mod token;

pub use app::*;
pub use auth::*;
pub use misc::*;
pub use order::*;
pub use token::*;
