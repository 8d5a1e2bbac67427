//! `#[api(crate = …)]` names the runtime explicitly, e.g. through a re-export.
// A test target of wecom-ui-tests (see its Cargo.toml), linted like the workspace.
#![allow(missing_docs)]

mod sdk {
    pub use wecom_apis::*;
}

#[wecom_apis::api(crate = sdk)]
pub trait Renamed {
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> sdk::Result<serde_json::Value>;
}

#[allow(dead_code)]
async fn call(client: sdk::CorpClient) -> sdk::Result<serde_json::Value> {
    client.get_user("zhangsan").await
}

fn main() {}
