//! Wire names are WeCom parameter names: ASCII letters, digits and `_`.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Users {
    #[get("user/get", token = corp)]
    async fn get_user(&self, #[query = "user id&x"] userid: &str) -> Result<serde_json::Value>;
}

fn main() {}
