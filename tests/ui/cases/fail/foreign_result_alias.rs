#![allow(unused_imports)]

use wecom_apis::api;

#[api]
pub trait Orders {
    #[post("license/get_order", token = provider)]
    async fn get_order(&self, order_id: &str) -> std::io::Result<serde_json::Value>;
}

fn main() {}
