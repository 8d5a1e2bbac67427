#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Lists {
    #[post("license/list_order_account", token = provider, stream = accounts_stream)]
    async fn list_accounts(&self, order_id: &str, cursor: Option<&str>) -> Result<serde_json::Value>;
}

fn main() {}
