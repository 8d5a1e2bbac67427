#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[post("license/get_order", token = provider)]
    async fn get_order<T: serde::Serialize>(&self, order_id: T) -> Result<serde_json::Value>;
}

fn main() {}
