//! Every form a `#[header = "Name"]` argument takes, on GET and POST, with
//! the replies a download has (`Download`, read as it arrives; `Binary`, whole).
// A test target of wecom-ui-tests (see its Cargo.toml), linted like the workspace.
#![allow(missing_docs)]

use std::borrow::Cow;

use serde::Serialize;
use wecom_apis::{Binary, ByteRange, CorpClient, Download, Result, Upload, api};

#[derive(Serialize)]
pub struct Query {
    pub media_id: String,
}

#[api]
pub trait Headers {
    #[get("media/get", token = corp)]
    async fn ranged(&self, media_id: &str, #[header = "Range"] range: Option<ByteRange>) -> Result<Download>;

    #[get("media/get", token = corp)]
    async fn texts(
        &self,
        media_id: &str,
        #[header = "If-Range"] a: &str,
        #[header = "X-A"] b: String,
        #[header = "X-B"] c: Cow<'_, str>,
        #[header = "X-C"] d: Option<String>,
        #[header = "X-D"] e: &ByteRange,
    ) -> Result<Binary>;

    #[post("media/get_post", token = corp)]
    async fn on_post(&self, #[body] query: &Query, #[header = "Range"] range: ByteRange) -> Result<Download>;

    #[post("media/upload", token = corp)]
    async fn with_file(
        &self,
        #[query = "type"] kind: &str,
        #[file = "media"] media: &Upload,
        #[header = "X-Trace"] trace: Option<&str>,
    ) -> Result<serde_json::Value>;
}

#[allow(dead_code)]
async fn calls(client: CorpClient) -> Result<()> {
    let download = client.ranged("M", Some(ByteRange::new(0, 1023))).await?;
    let _: Option<u64> = download.content_length();
    let mut sink = Vec::new();
    download.write_to(&mut sink).await?;
    let whole: Binary = client
        .texts(
            "M",
            "etag",
            "b".into(),
            Cow::Borrowed("c"),
            None,
            &ByteRange::last(5),
        )
        .await?;
    let _ = whole.file_name;
    let query = Query { media_id: "M".into() };
    let _ = client.on_post(&query, (0..=9).into()).await?.bytes().await?;
    let _ = client
        .with_file("file", &Upload::new("a.txt", b"hello!".to_vec()), Some("t1"))
        .await?;
    Ok(())
}

fn main() {}
