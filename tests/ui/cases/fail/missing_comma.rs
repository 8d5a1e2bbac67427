//! A comma forgotten between the path and the options.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Users {
    #[get("user/get" token = corp)]
    async fn get_user(&self, userid: &str) -> Result<serde_json::Value>;
}

fn main() {}
