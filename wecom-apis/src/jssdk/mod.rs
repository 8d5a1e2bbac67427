//! JS-SDK (JS-SDK 权限签名): what a web page inside WeCom needs to call
//! `wx.config` (the corp's JS-SDK) and `wx.agentConfig` (an app's), signed
//! on the server.
//!
//! Both signatures are computed locally from a ticket: the corp's
//! `jsapi_ticket` (`get_jsapi_ticket`) or the app's
//! (`ticket/get?type=agent_config`), fetched with the corp `access_token`.
//! A ticket lives 7200 s and WeCom limits how often it may be fetched, so
//! [`JsSdk`] caches it exactly like a token — it *is* a token cell
//! ([`JsapiTicketSource`](crate::token::JsapiTicketSource)): refreshed
//! before it expires, fetched once for all concurrent signatures, and kept
//! in the client's token store (shared by every process with the Redis
//! store). Make one `JsSdk` per app and share it (it is cheap to clone);
//! [`JsSdkApi`] declares the two ticket endpoints for code that manages
//! tickets itself.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::jssdk::JsSdk;
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let client = sandbox.corp_client();
//! let jssdk = JsSdk::new(&client);
//! // The page's URL, as the browser shows it (the #fragment is dropped).
//! let config = jssdk.config("https://app.example.com/page?id=1#top").await?;
//! let agent = jssdk.agent_config(1000002, "https://app.example.com/page?id=1").await?;
//! // Hand both to the page: `wx.config({...config, jsApiList})`,
//! // `wx.agentConfig({...agent, jsApiList, success})`.
//! let json = serde_json::to_value(&config).unwrap();
//! assert_eq!(json["appId"], wecom_testkit::creds::CORPID);
//! assert_eq!(agent.agentid, 1000002);
//! # Ok(()) }
//! ```

mod signature;
mod ticket;

pub use signature::*;
pub use ticket::*;

/// Every endpoint of this family, trait by trait, each in declaration
/// order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[JS_SDK_API_ENDPOINTS];
