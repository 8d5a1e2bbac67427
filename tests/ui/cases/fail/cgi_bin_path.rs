//! The base URL already ends in `cgi-bin/`.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Users {
    #[get("cgi-bin/user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<serde_json::Value>;
}

fn main() {}
