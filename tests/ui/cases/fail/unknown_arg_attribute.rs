#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[post("license/get_order", token = provider)]
    async fn get_order(&self, #[cookie] order_id: &str) -> Result<serde_json::Value>;
}

fn main() {}
