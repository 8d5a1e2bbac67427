#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub trait Orders {
    #[post("license/cancel_order", token = provider)]
    async fn cancel_order(&self, corpid: &str, order_id: &str);
}

fn main() {}
