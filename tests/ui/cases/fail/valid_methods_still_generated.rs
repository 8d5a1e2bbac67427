//! A rejected endpoint is reported once and left out; the trait and its other
//! endpoints are still generated, so calling them compiles.
#![allow(unused_imports)]

use wecom_apis::{CorpClient, Result, api};

#[api]
pub trait Users {
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<serde_json::Value>;

    #[get("user/delete", token = corp)]
    fn delete_user(&self, userid: &str) -> Result<()>;
}

async fn run(client: CorpClient) -> Result<serde_json::Value> {
    client.get_user("zhangsan").await
}

fn main() {
    let _ = run;
}
