#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[post("license/get_order", token = provider)]
    async fn get_order(&self, order_id: &str) -> std::result::Result<serde_json::Value, String>;
}

fn main() {}
