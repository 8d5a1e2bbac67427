//! Arguments have concrete types, like the rest of the declaration.
#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Users {
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: impl AsRef<str>) -> Result<serde_json::Value>;
}

fn main() {}
