//! A `#[file]` argument is an `&Upload`.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Media {
    #[post("media/upload", token = corp)]
    async fn upload(&self, #[query = "type"] media_type: &str, #[file = "media"] media: &Vec<u8>) -> Result<serde_json::Value>;
}

fn main() {}
