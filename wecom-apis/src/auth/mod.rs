//! Identity (身份验证): who is behind a browser — WeCom's OAuth2 web
//! authorization inside the WeCom client and the web login (SSO) page
//! outside it.
//!
//! The app sends the user to a URL built with [`AuthorizeUrl`] (inside
//! WeCom) or [`WebLoginUrl`] (a browser: QR code or the desktop client);
//! WeCom redirects back to `redirect_uri` with `code` and `state`. The app
//! checks `state` and exchanges the code with
//! [`IdentityApi::get_user_info`], which takes the corp `access_token` of the
//! app (a self-built app's or an authorized corp's); with scope
//! `snsapi_privateinfo` the reply carries a `user_ticket` for
//! [`IdentityApi::get_user_detail`] (the member's sensitive fields). Codes and
//! user_tickets are credentials: they are [`Secret`](crate::Secret)s and
//! never show in `Debug`.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::auth::{IdentityApi, AuthorizeUrl, LoginIdentity, OAuthScope};
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let client = sandbox.corp_client();
//! let url = AuthorizeUrl::new(wecom_testkit::creds::CORPID, "https://app.example.com/callback")
//!     .with_scope(OAuthScope::PrivateInfo)
//!     .with_agentid(1000002)
//!     .with_state("xyz")
//!     .build()?;
//! assert!(url.ends_with("#wechat_redirect"));
//! // … WeCom redirects to /callback?code=CODE&state=xyz …
//! # let code = sandbox.auth().login_code(wecom_testkit::creds::CORPID, "zhangsan").unwrap();
//! let identity = client.get_user_info(&code).await?;
//! if let LoginIdentity::Member(member) = &identity {
//!     println!("member {}", member.userid);
//!     if let Some(ticket) = &member.user_ticket {
//!         let detail = client.get_user_detail(ticket.expose()).await?;
//!         println!("{}", detail.mobile);
//!     }
//! }
//! # Ok(()) }
//! ```

mod identity;
mod oauth;
mod web_login;

pub use identity::*;
pub use oauth::*;
pub use web_login::*;

/// Every endpoint of this family, trait by trait, each in declaration
/// order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[IDENTITY_API_ENDPOINTS];

/// Checks a `redirect_uri`: an absolute http(s) URL.
pub(crate) fn check_redirect_uri(redirect_uri: &str) -> crate::Result<()> {
    let parsed = url::Url::parse(redirect_uri)
        .map_err(|e| crate::Error::Config(format!("redirect_uri `{redirect_uri}` is not a URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(crate::Error::Config(format!(
            "redirect_uri `{redirect_uri}` must be an http(s) URL"
        )));
    }
    Ok(())
}

/// Checks an OAuth2 `state`: WeCom takes "a-zA-Z0-9的参数值，长度不可超过128个
/// 字节" (page 91022), so anything else is refused here rather than mangled
/// or dropped on the way back.
pub(crate) fn check_oauth_state(state: &str) -> crate::Result<()> {
    check_state(state)?;
    if let Some(c) = state.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(crate::Error::Config(format!(
            "state holds {c:?}; WeCom's OAuth2 state takes only a-zA-Z0-9"
        )));
    }
    Ok(())
}

/// Checks a web-login `state`: at most 128 bytes (it is percent-encoded
/// whatever it holds; the web-login page sets no alphabet).
pub(crate) fn check_state(state: &str) -> crate::Result<()> {
    if state.len() > 128 {
        return Err(crate::Error::Config(format!(
            "state is {} bytes long; WeCom takes at most 128",
            state.len()
        )));
    }
    Ok(())
}
