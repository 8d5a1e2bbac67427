#![allow(unused_imports)]

use wecom_apis::{Result, Upload, api};

#[api]
pub trait Media {
    #[post("media/upload_attachment", token = corp)]
    async fn upload(&self, #[file] media: &Upload, media_type: &str) -> Result<serde_json::Value>;
}

fn main() {}
