#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Users {
    #[get("user/get", token = corp)]
    async fn get_user(&self, #[body] query: &serde_json::Value) -> Result<serde_json::Value>;
}

fn main() {}
