#![allow(unused_imports)]

use serde::Deserialize;
use wecom_apis::{CursorPage, Page, Result, api};

#[derive(Deserialize)]
pub struct Accounts {
    pub account_list: Vec<String>,
    pub next_cursor: String,
}

impl CursorPage for Accounts {
    type Item = String;
    fn into_page(self) -> Page<String> {
        Page::from_next_cursor(self.account_list, self.next_cursor)
    }
}

#[api]
pub trait Lists {
    // The cursor argument is missing: `page = cursor` has nothing to fill in.
    #[post("license/list_order_account", token = provider, page = cursor)]
    async fn list_accounts(&self, order_id: &str, limit: Option<u32>) -> Result<Accounts>;
}

fn main() {}
