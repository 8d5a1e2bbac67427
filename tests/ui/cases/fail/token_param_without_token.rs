#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[get("service/ping", token = none, token_param = "access_token")]
    async fn ping(&self) -> Result<()>;
}

fn main() {}
