#![allow(unused_imports)]

use wecom_apis::{Result, api};

#[api]
pub struct Orders;

fn main() {}
