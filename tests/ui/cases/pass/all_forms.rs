//! Every valid form of an endpoint declaration compiles, and the generated
//! futures are `Send` on every client that holds the right credential.
// A test target of wecom-ui-tests (see its Cargo.toml), linted like the workspace.
#![allow(missing_docs)]

use serde::{Deserialize, Serialize};
use wecom_apis::{Client, CorpClient, ProviderClient, Result, api};

#[derive(Serialize)]
pub struct NewOrder {
    pub corpid: String,
}

#[derive(Deserialize)]
pub struct Created {
    pub order_id: String,
}

/// Trait-level docs survive.
#[api]
pub trait Everything {
    /// A whole JSON body.
    #[post("license/create_new_order", token = provider)]
    async fn body(&self, #[body] order: &NewOrder) -> Result<Created>;

    /// Bare arguments become JSON fields; `Option`s that are `None` are left out.
    #[post("license/list_order_account", token = provider)]
    async fn fields(
        &self,
        order_id: &str,
        cursor: Option<&str>,
        limit: Option<u32>,
    ) -> Result<serde_json::Value>;

    /// A renamed field plus a query parameter on POST.
    #[post("corpgroup/corp/gettoken", token = corp)]
    async fn renamed(
        &self,
        #[field = "corpid"] corp_id: &str,
        #[query] debug: Option<u8>,
        #[query = "lang"] language: &str,
    ) -> Result<serde_json::Value>;

    /// Bare arguments on GET are query parameters.
    #[get("user/get", token = corp)]
    async fn get_user(&self, userid: &str) -> Result<serde_json::Value>;

    /// A renamed query parameter on GET.
    #[get("user/get", token = corp)]
    async fn get_user_renamed(&self, #[query = "userid"] id: String) -> Result<serde_json::Value>;

    /// The provider token under another parameter name.
    #[post("service/get_login_info", token = provider, token_param = "access_token")]
    async fn login_info(&self, auth_code: &str) -> Result<serde_json::Value>;

    /// A suite token.
    #[post("service/get_pre_auth_code", token = suite)]
    async fn pre_auth_code(&self) -> Result<serde_json::Value>;

    /// No token at all, and a reply with only `errcode`/`errmsg`.
    #[get("ping", token = none)]
    async fn ping(&self) -> Result<()>;

    /// A multipart upload; the other arguments are query parameters.
    #[post("media/upload_attachment", token = corp)]
    async fn upload(
        &self,
        #[query] media_type: &str,
        #[file = "media"] media: &wecom_apis::Upload,
    ) -> Result<serde_json::Value>;

    /// A binary reply (an image), with JSON errors still reported.
    #[post("service/get_app_qrcode", token = suite)]
    async fn qrcode(&self, suite_id: &str) -> Result<wecom_apis::Binary>;

    /// Deprecated endpoints stay callable, with a warning.
    #[deprecated(note = "use `fields`")]
    #[allow(clippy::too_many_arguments)]
    #[post("license/old", token = provider)]
    async fn old(&self, r#type: u32) -> Result<()>;
}

fn assert_send<T: Send>(_: &T) {}

#[allow(dead_code)]
async fn provider_calls(client: ProviderClient) -> Result<()> {
    let order = NewOrder { corpid: "ww1".into() };
    let fut = client.body(&order);
    assert_send(&fut);
    let _created: Created = fut.await?;
    client.fields("OI1", None, Some(100)).await?;
    client.login_info("code").await?;
    client.ping().await?;
    // Futures can be spawned.
    let c = client.clone();
    tokio::spawn(async move { c.fields("OI1", Some("cursor"), None).await });
    Ok(())
}

#[allow(dead_code)]
async fn corp_calls(client: CorpClient) -> Result<()> {
    client.get_user("zhangsan").await?;
    client.get_user_renamed("lisi".to_string()).await?;
    client.renamed("ww2", None, "zh_CN").await?;
    Ok(())
}

#[allow(dead_code)]
async fn both(
    client: Client<
        wecom_apis::Credential<wecom_apis::Provider>,
        wecom_apis::NoCredential,
        wecom_apis::Credential<wecom_apis::Corp>,
    >,
) -> Result<()> {
    client.body(&NewOrder { corpid: "ww1".into() }).await?;
    client.get_user("zhangsan").await?;
    Ok(())
}

fn main() {}

/// The returned call borrows only the client: temporaries passed to the
/// method may be dropped before it is awaited.
#[allow(dead_code)]
async fn temporaries_do_not_outlive_the_call(client: ProviderClient) -> Result<()> {
    let call = client.fields(&String::from("OI1"), None, None);
    call.await?;
    Ok(())
}
