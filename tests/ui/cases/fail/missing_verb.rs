#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    /// Forgot the endpoint attribute.
    async fn get_order(&self, order_id: &str) -> Result<serde_json::Value>;
}

fn main() {}
