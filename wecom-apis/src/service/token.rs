//! Provider, suite and authorized-corp token endpoints.
//!
//! The clients fetch and cache these tokens themselves (`Client::builder()
//! .provider(..)`, `.suite(..)`, `client.corp(auth_corpid, permanent_code)`);
//! the methods here are for code that manages tokens on its own, e.g. a
//! central token service.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Result;

/// Token endpoints (凭证): the provider's `provider_access_token`, a suite's
/// `suite_access_token`, and the corp `access_token` of a self-built app or
/// of a corp that authorized the suite.
///
/// Tokens are valid for `expires_in` seconds (normally 7200); WeCom may
/// invalidate them early and throttles frequent fetching, so cache them.
/// The token replies never show the token in `Debug` output.
#[crate::api]
pub trait ServiceTokenApi {
    /// 获取access_token: a self-built app's corp `access_token` from the corp
    /// id and the app secret.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91039>
    #[get("gettoken", token = none)]
    async fn gettoken(&self, corpid: &str, corpsecret: &str) -> Result<CorpAccessToken>;

    /// 获取服务商凭证: the provider's `provider_access_token` from its corp
    /// id and `provider_secret` (服务商管理端 → 通用开发参数). Repeated calls
    /// within the validity return the same token; frequent calls are
    /// throttled.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/91200>
    #[post("service/get_provider_token", token = none)]
    async fn get_provider_token(&self, corpid: &str, provider_secret: &str) -> Result<ProviderAccessToken>;

    /// 获取第三方应用凭证: a suite's `suite_access_token` from its id,
    /// secret and the newest `suite_ticket` (pushed to the suite's callback
    /// URL every 10 minutes, valid 30 minutes; always use the newest).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90600>
    #[post("service/get_suite_token", token = none)]
    async fn get_suite_token(
        &self,
        suite_id: &str,
        suite_secret: &str,
        suite_ticket: &str,
    ) -> Result<SuiteAccessToken>;

    /// 获取企业凭证: the corp `access_token` of a corp that authorized the
    /// suite, from its corp id and permanent code (永久授权码). The token is
    /// used like a self-built app's for the corp APIs.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90605>
    #[post("service/get_corp_token", token = suite)]
    async fn get_corp_token(&self, auth_corpid: &str, permanent_code: &str) -> Result<CorpAccessToken>;
}

/// A value shown as `<redacted>` in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Reply of `service/get_provider_token`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderAccessToken {
    /// 服务商的access_token, at most 512 bytes.
    pub provider_access_token: String,
    /// Validity in seconds (normally 7200).
    #[serde(default)]
    pub expires_in: u64,
}

/// Reply of `service/get_suite_token`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuiteAccessToken {
    /// 第三方应用access_token, at most 512 bytes.
    pub suite_access_token: String,
    /// Validity in seconds (normally 7200).
    #[serde(default)]
    pub expires_in: u64,
}

/// Reply of `gettoken` and `service/get_corp_token`: a corp `access_token`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpAccessToken {
    /// The corp's access_token, at most 512 bytes.
    pub access_token: String,
    /// Validity in seconds (normally 7200).
    #[serde(default)]
    pub expires_in: u64,
}

impl fmt::Debug for ProviderAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderAccessToken")
            .field("provider_access_token", &Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

impl fmt::Debug for SuiteAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SuiteAccessToken")
            .field("suite_access_token", &Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

impl fmt::Debug for CorpAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CorpAccessToken")
            .field("access_token", &Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_replies_decode_and_never_show_the_token() {
        let t: SuiteAccessToken =
            serde_json::from_str(r#"{"suite_access_token":"s3cr3t","expires_in":7200}"#).expect("decode");
        assert_eq!(t.suite_access_token, "s3cr3t");
        assert_eq!(t.expires_in, 7200);
        let shown = format!("{t:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        let c: CorpAccessToken = serde_json::from_str(r#"{"access_token":"abc"}"#).expect("decode");
        assert_eq!(c.expires_in, 0);
        assert!(!format!("{c:?}").contains("abc"));
        let p: ProviderAccessToken =
            serde_json::from_str(r#"{"provider_access_token":"xyz","expires_in":10}"#).expect("decode");
        assert!(!format!("{p:?}").contains("xyz"));
    }
}
