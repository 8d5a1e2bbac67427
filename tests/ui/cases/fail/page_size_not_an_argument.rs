#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Lists {
    // The page-size argument is `limit`, not `page_size`.
    #[post("license/list_order_account", token = provider, page = cursor(page_size = 1000))]
    async fn list_accounts(&self, order_id: &str, cursor: Option<&str>, limit: Option<u32>) -> Result<serde_json::Value>;
}

fn main() {}
