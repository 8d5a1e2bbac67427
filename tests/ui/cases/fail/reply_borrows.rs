//! A reply owns its data: `String`, not `&str`, and no lifetime.
#![allow(unused_imports)]

use std::borrow::Cow;

use wecom_apis::{Result, api};

#[api]
pub trait Tokens {
    #[get("service/get_pre_auth_code", token = suite)]
    async fn get_pre_auth_code(&self) -> Result<&str>;

    #[get("service/get_pre_auth_code", token = suite)]
    async fn pre_auth_code_cow(&self) -> Result<Cow<'a, str>>;
}

fn main() {}
