//! ExternalContact (客户联系): customers, contact ways, tags, transfers,
//! customer groups, mass messages, moments, statistics, product album,
//! intercept rules and customer acquisition links.
//!
//! Every endpoint here takes the corp `access_token`, so it runs on any client
//! holding a corp credential: a self-built app's, an authorized customer
//! corp's, or a downstream corp's.
//!
//! Each section of WeCom's documentation is one trait (`CustomerApi`,
//! `ContactWayApi`, …), implemented for every client; `use
//! wecom_apis::external_contact::*` brings them all into scope.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::external_contact::*;
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let client = sandbox.corp_client();
//! // `client` holds a corp credential (here: aimed at the sandbox).
//! let followers = client.get_follow_user_list().await?;
//! for userid in &followers.follow_user {
//!     let customers = match client.list_external_contact(userid).await {
//!         Ok(list) => list.external_userid,
//!         Err(err) if err.code() == Some(84061) => Vec::new(), // WeCom: no customers
//!         Err(err) => return Err(err),
//!     };
//!     println!("{userid}: {} customers", customers.len());
//! }
//! # Ok(()) }
//! ```

mod acquisition;
mod contact_way;
mod corp_tag;
mod customer;
pub mod events;
mod group_chat;
mod group_welcome;
mod intercept;
mod media;
mod message;
mod moment;
mod product;
mod shapes;
mod statistics;
mod strategy;
mod transfer;

pub use acquisition::*;
pub use contact_way::*;
pub use corp_tag::*;
pub use customer::*;
pub use group_chat::*;
pub use group_welcome::*;
pub use intercept::*;
pub use media::*;
pub use message::*;
pub use moment::*;
pub use product::*;
pub use shapes::*;
pub use statistics::*;
pub use strategy::*;
pub use transfer::*;

/// Every endpoint of this family (`externalcontact/*`), trait by trait, each in
/// declaration order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    CUSTOMER_API_ENDPOINTS,
    CORP_TAG_API_ENDPOINTS,
    CUSTOMER_STRATEGY_API_ENDPOINTS,
    CONTACT_WAY_API_ENDPOINTS,
    GROUP_CHAT_API_ENDPOINTS,
    GROUP_WELCOME_API_ENDPOINTS,
    MASS_MESSAGE_API_ENDPOINTS,
    MOMENT_API_ENDPOINTS,
    INTERCEPT_RULE_API_ENDPOINTS,
    MEDIA_API_ENDPOINTS,
    PRODUCT_ALBUM_API_ENDPOINTS,
    STATISTICS_API_ENDPOINTS,
    TRANSFER_API_ENDPOINTS,
    CUSTOMER_ACQUISITION_API_ENDPOINTS,
];
