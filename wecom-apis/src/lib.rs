//! Typed WeCom (企业微信) server API for Rust.
//!
//! Every endpoint is declared once, as an annotated trait method, and the
//! [`api`] macro expands it into a call on the shared runtime (tokens,
//! transport, envelope, retries) of [`wecom_core`], which this crate
//! re-exports, so one dependency is enough:
//!
//! ```no_run
//! use wecom_apis::license::{LicenseApi, NewOrder};
//! use wecom_apis::Client;
//!
//! # async fn demo() -> wecom_apis::Result<()> {
//! let client = Client::builder()
//!     .provider("wwprovidercorpid", "provider-secret")
//!     .build()?;
//! let order = client.get_order("OI000001").await?;
//! println!("{:?}", order.order.order_status);
//! # Ok(()) }
//! ```
//!
//! Families: [`license`] (接口许可), [`external_contact`] (客户联系),
//! [`corpgroup`] (上下游), [`service`] (服务商 / 第三方应用). Declare endpoints the SDK lacks in your
//! own crate with [`api`]; they run on the same clients.

// Lets the `api` macro name this crate as `::wecom_apis` from inside it too.
extern crate self as wecom_apis;

pub mod corpgroup;
pub mod external_contact;
pub mod license;
pub(crate) mod paging;
pub(crate) mod serde_util;
pub mod service;

/// The runtime crate, for items not re-exported at the top level.
pub use wecom_core as core;
pub use wecom_core::*;
pub use wecom_macros::api;
