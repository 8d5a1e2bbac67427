//! Every kind of query value `#[query]` (and a bare GET argument) accepts,
//! including an enum declared one with `impl QueryValue for … {}`.
// A test target of wecom-ui-tests (see its Cargo.toml), linted like the workspace.
#![allow(missing_docs)]

use std::borrow::Cow;

use serde::Serialize;
use wecom_apis::request::QueryValue;
use wecom_apis::{CorpClient, Result, api};

/// Serializes to a string, so it can be a query value.
#[derive(Serialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    ZhCn,
    En,
}

impl QueryValue for Lang {}

#[api]
pub trait Queries {
    #[get("user/get", token = corp)]
    async fn strings(
        &self,
        a: &str,
        b: String,
        c: Cow<'_, str>,
        d: Option<&str>,
        e: Option<String>,
    ) -> Result<()>;

    #[get("user/get", token = corp)]
    async fn numbers(&self, a: u8, b: i64, c: usize, d: f64, e: Option<u32>, f: &i32) -> Result<()>;

    #[get("user/get", token = corp)]
    async fn others(&self, a: bool, b: char, lang: Lang, maybe: Option<Lang>, boxed: Box<str>) -> Result<()>;

    #[post("user/update", token = corp)]
    async fn on_post(
        &self,
        #[query] debug: Option<u8>,
        #[query = "lang"] language: Lang,
        userid: &str,
    ) -> Result<()>;
}

#[allow(dead_code)]
async fn calls(client: CorpClient) -> Result<()> {
    client
        .strings("a", "b".into(), Cow::Borrowed("c"), None, Some("e".into()))
        .await?;
    client.numbers(1, -2, 3, 4.5, None, &6).await?;
    client
        .others(true, 'x', Lang::ZhCn, Some(Lang::En), "s".into())
        .await?;
    client.on_post(None, Lang::En, "zhangsan").await?;
    Ok(())
}

fn main() {}
