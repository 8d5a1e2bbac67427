//! A `#[body]` must be `serde::Serialize`.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

pub struct NewOrder {
    pub corpid: String,
}

#[api]
pub trait Orders {
    #[post("license/create_new_order", token = provider)]
    async fn create_new_order(&self, #[body] order: &NewOrder) -> Result<serde_json::Value>;
}

fn main() {}
