#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[post("license/active_account", token = provider)]
    async fn active_account(&self, (corpid, userid): (&str, &str)) -> Result<()>;
}

fn main() {}
