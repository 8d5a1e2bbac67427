//! A reply must be `serde::Deserialize`.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

pub struct Order {
    pub order_id: String,
}

#[api]
pub trait Orders {
    #[post("license/get_order", token = provider)]
    async fn get_order(&self, order_id: &str) -> Result<Order>;
}

fn main() {}
