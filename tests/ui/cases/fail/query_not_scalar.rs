//! Query values are scalars: a list or a struct is a JSON field of a POST.
#![allow(unused_imports)]

use serde::Serialize;
use wecom_apis::{Result, api};

#[derive(Serialize)]
pub struct Filter {
    pub status: u32,
}

#[api]
pub trait Orders {
    #[post("license/list_order", token = provider)]
    async fn list_orders(&self, #[query] ids: &[u32], corpid: &str) -> Result<serde_json::Value>;

    #[get("license/list_order", token = provider)]
    async fn filter_orders(&self, filter: &Filter) -> Result<serde_json::Value>;
}

fn main() {}
