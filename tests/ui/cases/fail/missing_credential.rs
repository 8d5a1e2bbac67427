#![allow(unused_imports)]

use wecom_apis::{CorpClient, Result, api};

#[api]
pub trait Orders {
    #[post("license/get_order", token = provider)]
    async fn get_order(&self, order_id: &str) -> Result<serde_json::Value>;
}

async fn run(client: CorpClient) {
    let _ = client.get_order("OI0001").await;
}

fn main() {
    let _ = run;
}
