//! Other slips inside the endpoint attribute: each is one error on its token.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Slips {
    /// No arguments at all.
    #[post]
    async fn bare(&self) -> Result<()>;

    /// The path given as an option.
    #[get(path = "user/get", token = corp)]
    async fn named_path(&self, userid: &str) -> Result<()>;

    /// The path after the options.
    #[get(token = corp, "user/get")]
    async fn path_last(&self, userid: &str) -> Result<()>;

    /// A comma with nothing before it.
    #[get("user/get",, token = corp)]
    async fn stray_comma(&self, userid: &str) -> Result<()>;

    /// An option without its value.
    #[get("user/get", token =)]
    async fn no_kind(&self, userid: &str) -> Result<()>;
}

fn main() {}
