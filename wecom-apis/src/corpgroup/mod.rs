//! UpStream and DownStream (上下游 / 企业互联): the `corpgroup/*` family.
//!
//! An upstream corp (a brand) shares apps with its downstream corps (dealers),
//! maps its WeChat fans to their customers, imports its chain's contacts and
//! acts inside a dealer's corp with a downstream token: build that client with
//! [`Client::downstream`](crate::Client::downstream), and every corp-token
//! endpoint of the SDK works for the dealer.

mod chain_rule;
mod downstream;
mod upstream;

pub use chain_rule::*;
pub use downstream::*;
pub use upstream::*;
