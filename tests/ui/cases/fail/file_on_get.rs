#![allow(unused_imports)]

use wecom_apis::{Result, Upload, api};

#[api]
pub trait Media {
    #[get("media/upload", token = corp)]
    async fn upload(&self, #[file] media: &Upload) -> Result<serde_json::Value>;
}

fn main() {}
