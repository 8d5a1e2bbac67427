//! A header's value is text or a `ByteRange`: a number is not one.
#![allow(unused_imports)]

use wecom_apis::{Download, Result, api};

#[api]
pub trait Downloads {
    #[get("media/get", token = corp)]
    async fn get_from(&self, media_id: &str, #[header = "Range"] first_byte: u64) -> Result<Download>;
}

fn main() {}
