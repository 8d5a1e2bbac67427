//! UpStream and DownStream (上下游 / 企业互联): the `corpgroup/*` family.
//!
//! An upstream corp (a brand) shares apps with its downstream corps (dealers),
//! maps its WeChat fans to their customers, imports its chain's contacts and
//! acts inside a dealer's corp with a downstream token: build that client with
//! [`Client::downstream`](crate::Client::downstream), and every corp-token
//! endpoint of the SDK works for the dealer.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::corpgroup::UpStreamApi;
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let brand = sandbox.corp_client();
//! // `brand` is the upstream corp's client (here: aimed at the sandbox).
//! let chains = brand.get_chain_list().await?;
//! for chain in &chains.chains {
//!     println!("{} {}", chain.chain_id, chain.chain_name);
//! }
//! // A dealer's corp, through the app the brand shares with it:
//! let dealer = brand.downstream(wecom_testkit::creds::DOWNSTREAM_CORPID, 1000005);
//! # let _ = dealer;
//! # Ok(()) }
//! ```

mod chain_rule;
mod downstream;
pub mod events;
mod upstream;

pub use chain_rule::*;
pub use downstream::*;
pub use upstream::*;

/// Every endpoint of this family (`corpgroup/*` and its token endpoint), trait by trait, each in
/// declaration order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    UP_STREAM_API_ENDPOINTS,
    DOWN_STREAM_API_ENDPOINTS,
    DOWNSTREAM_TOKEN_API_ENDPOINTS,
    CHAIN_RULE_API_ENDPOINTS,
];
