#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[post("license/create_new_order", token = provider)]
    async fn create_new_order(&self, #[body] order: &serde_json::Value, corpid: &str) -> Result<serde_json::Value>;
}

fn main() {}
