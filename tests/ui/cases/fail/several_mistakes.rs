//! All mistakes in one trait are reported together, not one per build.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[get("/license/get_order", token = provider)]
    fn get_order(&self, #[body] order_id: &str) -> Result<serde_json::Value>;

    #[post("license/list_order")]
    async fn list_order(&self, cursor: Option<&str>) -> Option<serde_json::Value>;
}

fn main() {}
