//! The path must be a string literal, not a constant.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

const PATH: &str = "user/get";

#[api]
pub trait Users {
    #[get(PATH, token = corp)]
    async fn get_user(&self, userid: &str) -> Result<serde_json::Value>;
}

fn main() {}
