//! License (接口许可): interface licenses for third-party and 代开发 apps.
//!
//! Since 2022 WeCom charges service providers per member account for calls
//! their apps make on behalf of a customer corp. A provider buys accounts
//! for a corp (base accounts, 基础账号, and external-contact accounts,
//! 互通账号), pays the order (console or prepaid balance), receives one
//! activation code per account, and binds codes to members. This module
//! covers the whole cycle: ordering and renewing ([`LicenseOrderApi::create_new_order`],
//! [`LicenseOrderApi::create_renew_order_job`], multi-corp purchases), paying
//! ([`LicensePayApi::submit_pay_job`]), activating and transferring accounts,
//! and looking up codes, members, corps and app trial status.
//!
//! **Token:** every endpoint takes the provider's `provider_access_token`
//! (`service/get_provider_token`, provider corpid + provider_secret), so the
//! client must be built with a provider credential (`HasToken<Provider>`).
//!
//! * One trait per section of WeCom's docs, 25 endpoints in all, with a
//!   `…_stream` method per cursor list that walks every page:
//!   [`LicenseOrderApi`] (orders), [`LicenseUnionOrderApi`] (multi-corp
//!   orders), [`LicensePayApi`] (balance payment), [`LicenseAccountApi`]
//!   (activating and transferring accounts), [`LicenseSettingsApi`] (app
//!   license info, automatic activation, support policy). Bring them all
//!   into scope with `use wecom_apis::license::*;`.
//! * The request and response models, with integer codes as enums that keep
//!   unknown values (`Other(n)`).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use futures_util::TryStreamExt;
//! use wecom_apis::license::*;
//! use wecom_testkit::{Sandbox, creds};
//!
//! let sandbox = Sandbox::start().await; // a fake WeCom on 127.0.0.1
//! let client = sandbox.provider_client();
//!
//! // Buy 2 base accounts for 12 months.
//! let order = NewOrder::new(
//!     creds::CUSTOMER_CORPID,
//!     "zhangsan",
//!     AccountCount::base(2),
//!     AccountDuration::months(12),
//! );
//! let created = client.create_new_order(&order).await?;
//! sandbox.license().pay_order(&created.order_id).expect("paid"); // the provider pays in the console
//!
//! // Once paid: bind the codes to members.
//! let accounts: Vec<OrderAccount> = client
//!     .list_order_account_stream(&created.order_id)
//!     .try_collect()
//!     .await?;
//! assert_eq!(accounts.len(), 2);
//! for (account, userid) in accounts.iter().zip(["zhangsan", "lisi"]) {
//!     client
//!         .active_account(creds::CUSTOMER_CORPID, &account.active_code, userid)
//!         .await?;
//! }
//! # Ok(()) }
//! ```
//!
//! Family index: <https://developer.work.weixin.qq.com/document/path/95652>

mod accounts;
pub mod events;
mod orders;
mod pay;
mod settings;
#[cfg(test)]
mod tests;
mod types;
mod union;

pub use accounts::*;
pub use orders::*;
pub use pay::*;
pub use settings::*;
pub use types::*;
pub use union::*;

/// Every endpoint of this family (`license/*`), trait by trait, each in
/// declaration order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    LICENSE_ORDER_API_ENDPOINTS,
    LICENSE_UNION_ORDER_API_ENDPOINTS,
    LICENSE_PAY_API_ENDPOINTS,
    LICENSE_ACCOUNT_API_ENDPOINTS,
    LICENSE_SETTINGS_API_ENDPOINTS,
];
