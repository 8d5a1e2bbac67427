//! `#[GET]` is one mistake, reported once.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Users {
    #[GET("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<serde_json::Value>;
}

fn main() {}
