#![allow(unused_imports)]

use serde::Deserialize;
use wecom_apis::{Result, api};

#[derive(Deserialize)]
pub struct Accounts {
    pub account_list: Vec<String>,
    pub next_cursor: String,
}

#[api]
pub trait Lists {
    // `Accounts` does not implement `CursorPage`.
    #[post("license/list_order_account", token = provider, page = cursor)]
    async fn list_accounts(&self, order_id: &str, cursor: Option<&str>) -> Result<Accounts>;
}

fn main() {}
