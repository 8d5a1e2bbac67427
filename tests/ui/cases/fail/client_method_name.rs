//! Clients already have `downstream`: an endpoint of that name would never be reached.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Chains {
    #[post("corpgroup/corp/list_app_share_info", token = corp)]
    async fn downstream(&self, agentid: i64) -> Result<serde_json::Value>;
}

fn main() {}
