//! A JSON field must be `serde::Serialize`.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

pub struct Account {
    pub userid: String,
}

#[api]
pub trait Accounts {
    #[post("license/active_account", token = provider)]
    async fn active_account(&self, active_code: &str, account: Account) -> Result<()>;
}

fn main() {}
