//! Every form of `page = …` compiles: the cursor as a flat argument (a JSON
//! field or a query parameter), a fixed page size, the cursor in a `#[body]`,
//! an offset list, a renamed cursor and a renamed stream; the streams are
//! `Send` and borrow only the client.
// A test target of wecom-ui-tests (see its Cargo.toml), linted like the workspace.
#![allow(missing_docs)]

use serde::{Deserialize, Serialize};
use wecom_apis::{CorpClient, CursorPage, Page, PageStream, ProviderClient, api};

#[derive(Deserialize)]
pub struct Accounts {
    pub account_list: Vec<String>,
    pub next_cursor: String,
    pub has_more: bool,
}

impl CursorPage for Accounts {
    type Item = String;
    fn into_page(self) -> Page<String> {
        Page::from_cursor(self.account_list, self.next_cursor, self.has_more)
    }
}

#[derive(Deserialize)]
pub struct Stats {
    pub items: Vec<u32>,
    pub next_offset: u64,
    pub has_more: bool,
}

impl CursorPage for Stats {
    type Item = u32;
    fn into_page(self) -> Page<u32> {
        Page::from_offset(self.items, self.next_offset, self.has_more)
    }
}

#[derive(Serialize, Clone, Default)]
pub struct ListQuery {
    pub corpid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

#[derive(Serialize)]
pub struct StatQuery {
    pub offset: Option<u32>,
}

#[api]
pub trait Paged {
    /// Flat arguments: `list_accounts_stream(order_id, limit)`.
    #[post("license/list_order_account", token = provider, page = cursor)]
    async fn list_accounts(
        &self,
        order_id: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<Accounts>;

    /// A fixed page size: `fixed_stream(order_id)`.
    #[post("license/list_actived_account", token = provider, page = cursor(limit = 1000), stream = fixed_stream)]
    async fn fixed(&self, order_id: &str, cursor: Option<&str>, limit: Option<u32>) -> Result<Accounts>;

    /// A GET list: the cursor is a query parameter.
    #[get("externalcontact/get", token = corp, page = cursor)]
    async fn by_query(&self, external_userid: &str, cursor: Option<&str>) -> Result<Accounts>;

    /// The cursor in the body; a default page size for bodies that set none.
    #[post("license/list_order", token = provider, page = cursor(limit = 100))]
    async fn by_body(&self, #[body] query: &ListQuery) -> Result<Accounts>;

    /// An offset list.
    #[post("externalcontact/groupchat/statistic", token = corp, page = offset)]
    async fn stats(&self, #[body] query: &StatQuery) -> Result<Stats>;

    /// A cursor under another name.
    #[post("x/list", token = corp, page = cursor("next_key", size = 50))]
    async fn renamed(&self, next_key: Option<&str>, size: u32) -> Result<Accounts>;
}

use wecom_apis::Result;

fn assert_send<T: Send>(_: &T) {}

#[allow(dead_code)]
fn provider_streams(client: &ProviderClient) {
    // Temporaries passed to the stream method may be dropped at once.
    let stream: PageStream<'_, Accounts> = client.list_accounts_stream(&String::from("OI1"), Some(10));
    assert_send(&stream);
    let _ = client.fixed_stream("OI1");
    let _ = client.by_body_stream(ListQuery::default());
}

#[allow(dead_code)]
fn corp_streams(client: &CorpClient) {
    let _ = client.by_query_stream("wm1");
    let offsets: PageStream<'_, Stats> = client.stats_stream(StatQuery { offset: None });
    assert_send(&offsets);
    let _ = client.renamed_stream();
}

fn main() {}
