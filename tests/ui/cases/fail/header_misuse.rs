//! `#[header = "Name"]` names one HTTP header: a name in letters, digits and
//! `-`, not one the HTTP client writes itself, not given twice.
#![allow(unused_imports)]

use wecom_apis::{ByteRange, Download, Result, api};

#[api]
pub trait Downloads {
    #[get("media/get", token = corp)]
    async fn no_name(&self, media_id: &str, #[header] range: Option<ByteRange>) -> Result<Download>;

    #[get("media/get", token = corp)]
    async fn bad_name(&self, media_id: &str, #[header = "Range Bytes"] range: Option<ByteRange>) -> Result<Download>;

    #[get("media/get", token = corp)]
    async fn reserved(&self, media_id: &str, #[header = "Content-Type"] kind: &str) -> Result<Download>;

    #[get("media/get", token = corp)]
    async fn twice(&self, #[header = "Range"] a: &str, #[header = "range"] b: &str) -> Result<Download>;
}

fn main() {}
