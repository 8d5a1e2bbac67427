//! `token_param` names a query parameter: a string.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Login {
    #[post("service/get_login_info", token = provider, token_param = access_token)]
    async fn get_login_info(&self, auth_code: &str) -> Result<serde_json::Value>;
}

fn main() {}
