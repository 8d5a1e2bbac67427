//! Typed WeCom (企业微信) server API for Rust.
//!
//! Every endpoint is declared once, as an annotated trait method, and the
//! [`api`] macro expands it into a call on the shared runtime (tokens,
//! transport, envelope, retries) of [`wecom_core`](crate::core), which this
//! crate re-exports, so one dependency is enough:
//!
//! ```no_run
//! use wecom_apis::license::LicenseOrderApi;
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
//! Families, each behind a cargo feature of the same name (all on by
//! default): [`license`] (接口许可), [`external_contact`] (客户联系,
//! feature `external-contact`), [`corpgroup`] (上下游), [`service`] (服务商 /
//! 第三方应用), [`contacts`] (通讯录管理: members, departments, tags, batch
//! jobs, exports), [`auth`] (身份验证), [`jssdk`] (JS-SDK signatures),
//! [`agent`] (应用管理), [`media`] (素材管理), [`message`] (消息推送: app
//! messages, group chats, group robots). Declare endpoints the SDK lacks
//! in your own crate with [`api`]; they run on the same clients.

// With some families turned off, some of the helpers they share go unused.
#![cfg_attr(
    not(all(
        feature = "license",
        feature = "external-contact",
        feature = "corpgroup",
        feature = "service",
        feature = "auth",
        feature = "jssdk",
        feature = "agent",
        feature = "contacts",
        feature = "media",
        feature = "message"
    )),
    allow(
        dead_code,
        unused_macros,
        unused_imports,
        unused_extern_crates,
        unused_variables
    )
)]

// Lets the `api` macro name this crate as `::wecom_apis` from inside it too.
extern crate self as wecom_apis;

#[cfg(feature = "agent")]
pub mod agent;
#[cfg(feature = "auth")]
pub mod auth;
pub mod callback;
#[cfg(feature = "contacts")]
pub mod contacts;
#[cfg(feature = "corpgroup")]
pub mod corpgroup;
#[cfg(feature = "external-contact")]
pub mod external_contact;
#[cfg(feature = "jssdk")]
pub mod jssdk;
#[cfg(feature = "license")]
pub mod license;
#[cfg(feature = "media")]
pub mod media;
#[cfg(feature = "message")]
pub mod message;
// Helpers shared by the families (the crate-level `allow` above covers what
// a build with some families off leaves unused).
pub(crate) mod paging;
pub(crate) mod serde_util;
#[cfg(feature = "service")]
pub mod service;

/// Every endpoint this SDK declares, family by family (only the families
/// whose cargo feature is on), trait by trait, each in declaration order.
///
/// ```
/// use wecom_apis::Method;
///
/// let get_order = wecom_apis::endpoints()
///     .find(|ep| ep.path() == "license/get_order")
///     .expect("declared");
/// assert_eq!(get_order.method(), Method::Post);
/// assert_eq!(get_order.token_param(), Some("provider_access_token"));
/// assert_eq!(get_order.trait_name(), Some("LicenseOrderApi"));
/// assert_eq!(get_order.method_name(), Some("get_order"));
/// ```
///
/// An app's own `#[api]` trait lists its endpoints the same way, in a static
/// named after it (`MyApi` → `MY_API_ENDPOINTS`); see [`api`].
pub fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    FAMILIES
        .iter()
        .flat_map(|family| family.iter())
        .flat_map(|list| list.iter().copied())
}

/// The endpoint lists of every family that is compiled in.
static FAMILIES: &[&[&[&Endpoint]]] = &[
    #[cfg(feature = "license")]
    license::LISTS,
    #[cfg(feature = "external-contact")]
    external_contact::LISTS,
    #[cfg(feature = "corpgroup")]
    corpgroup::LISTS,
    #[cfg(feature = "service")]
    service::LISTS,
    #[cfg(feature = "auth")]
    auth::LISTS,
    #[cfg(feature = "jssdk")]
    jssdk::LISTS,
    #[cfg(feature = "agent")]
    agent::LISTS,
    #[cfg(feature = "contacts")]
    contacts::LISTS,
    #[cfg(feature = "media")]
    media::LISTS,
    #[cfg(feature = "message")]
    message::LISTS,
];

/// The runtime crate, for items not re-exported at the top level.
pub use wecom_core as core;
pub use wecom_core::*;
/// Declares WeCom endpoints as annotated trait methods, which then run on
/// every client of this crate that holds the right credential, like the
/// SDK's own. The rules follow this example:
///
/// ```no_run
/// use futures_util::TryStreamExt;
/// use serde::Deserialize;
/// use wecom_apis::{Client, Result, api};
///
/// #[derive(Debug, Deserialize)]
/// pub struct OrderDetail {
///     pub order: serde_json::Value,
/// }
///
/// #[derive(Debug, Deserialize)]
/// pub struct AccountList {
///     pub account_list: Vec<serde_json::Value>,
///     pub next_cursor: String,
///     pub has_more: bool,
/// }
///
/// // A page of a list: its items and the cursor of the next page.
/// impl wecom_apis::CursorPage for AccountList {
///     type Item = serde_json::Value;
///     fn into_page(self) -> wecom_apis::Page<serde_json::Value> {
///         wecom_apis::Page::from_cursor(self.account_list, self.next_cursor, self.has_more)
///     }
/// }
///
/// #[api]
/// pub trait MyApi {
///     /// 获取订单详情 — doc comments end up in rustdoc.
///     #[post("license/get_order", token = provider)]
///     async fn get_order(&self, order_id: &str) -> Result<OrderDetail>;
///
///     /// A GET: bare arguments are query parameters.
///     #[get("user/get", token = corp)]
///     async fn get_user(&self, userid: &str) -> Result<serde_json::Value>;
///
///     /// The provider token under another parameter name.
///     #[post("service/get_login_info", token = provider, token_param = "access_token")]
///     async fn get_login_info(&self, auth_code: &str) -> Result<serde_json::Value>;
///
///     /// A paginated list: also generates `list_accounts_stream(order_id)`,
///     /// which walks every page, 1000 accounts per request.
///     #[post("license/list_order_account", token = provider, page = cursor(limit = 1000))]
///     async fn list_accounts(
///         &self,
///         order_id: &str,
///         cursor: Option<&str>,
///         limit: Option<u32>,
///     ) -> Result<AccountList>;
/// }
///
/// # async fn demo() -> Result<()> {
/// let client = Client::builder()
///     .provider("wwprovidercorpid", "provider-secret")
///     .corp("wwcorpid", "corp-secret")
///     .build()?;
/// let order = client.get_order("OI000001").await?;
/// let user = client.get_user("zhangsan").await?;
/// let accounts: Vec<serde_json::Value> = client.list_accounts_stream("OI000001").try_collect().await?;
/// println!("{order:?} {user} {}", accounts.len());
/// # Ok(()) }
/// ```
pub use wecom_macros::api;
