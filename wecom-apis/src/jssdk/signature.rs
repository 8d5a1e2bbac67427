//! JS-SDK使用权限签名算法: the page signature, computed locally from a
//! cached ticket, and what `wx.config` / `wx.agentConfig` take.
//!
//! <https://developer.work.weixin.qq.com/document/path/90506>

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use rand::Rng;
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};
use wecom_core::token::{JsapiTicketSource, TicketScope, TokenCell};
use wecom_core::{Corp, HasToken, Secret};

use crate::Result;

/// The JS-SDK signature: the hex SHA-1 of
/// `jsapi_ticket=TICKET&noncestr=NONCE&timestamp=TS&url=URL`, keys in that
/// order, values as they are (not URL-encoded), `url` without its
/// `#fragment`.
///
/// ```
/// // The worked example of WeCom's documentation (path/90506).
/// let signature = wecom_apis::jssdk::signature(
///     "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
///     "Wm3WZYTPz0wzccnW",
///     1414587457,
///     "http://mp.weixin.qq.com?params=value",
/// );
/// assert_eq!(signature, "0f9de62fce790f9a083d5c99e95740ceb90c27ed");
/// ```
pub fn signature(jsapi_ticket: &str, noncestr: &str, timestamp: i64, url: &str) -> String {
    let url = url.split_once('#').map_or(url, |(page, _)| page);
    let mut sha = Sha1::new();
    for (i, (key, value)) in [
        ("jsapi_ticket", jsapi_ticket),
        ("noncestr", noncestr),
        ("timestamp", &timestamp.to_string()),
        ("url", url),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            sha.update(b"&");
        }
        sha.update(key.as_bytes());
        sha.update(b"=");
        sha.update(value.as_bytes());
    }
    hex::encode(sha.finalize())
}

/// What `wx.config` needs (besides `jsApiList`), serialized with its key
/// names: `{"appId", "timestamp", "nonceStr", "signature"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsSdkConfig {
    /// The corpid (`appId`).
    #[serde(rename = "appId")]
    pub app_id: String,
    /// Unix seconds the signature was made at.
    pub timestamp: i64,
    /// The random string signed (`nonceStr`).
    #[serde(rename = "nonceStr")]
    pub nonce_str: String,
    /// The signature.
    pub signature: String,
}

/// What `wx.agentConfig` needs (besides `jsApiList` and the callbacks),
/// serialized with its key names: `{"corpid", "agentid", "timestamp",
/// "nonceStr", "signature"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentConfig {
    /// The corpid.
    pub corpid: String,
    /// The app.
    pub agentid: i64,
    /// Unix seconds the signature was made at.
    pub timestamp: i64,
    /// The random string signed (`nonceStr`).
    #[serde(rename = "nonceStr")]
    pub nonce_str: String,
    /// The signature.
    pub signature: String,
}

/// Signs pages for the JS-SDK of one corp, with cached tickets.
///
/// The corp ticket and each app's ticket live in a token cell fetched
/// through the client's corp token: concurrent signatures share one fetch,
/// a ticket is refreshed before it expires, and it is kept in the client's
/// token store under a key derived from the corp token's (so clients and
/// processes sharing a store share tickets). Clones share the cells.
pub struct JsSdk<C> {
    client: C,
    corpid: String,
    corp: Arc<TokenCell>,
    agents: Arc<Mutex<HashMap<i64, Arc<TokenCell>>>>,
}

impl<C: Clone> Clone for JsSdk<C> {
    fn clone(&self) -> Self {
        JsSdk {
            client: self.client.clone(),
            corpid: self.corpid.clone(),
            corp: Arc::clone(&self.corp),
            agents: Arc::clone(&self.agents),
        }
    }
}

impl<C> std::fmt::Debug for JsSdk<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsSdk")
            .field("corpid", &self.corpid)
            .field("corp", &self.corp)
            .finish_non_exhaustive()
    }
}

impl<C: HasToken<Corp> + Clone + 'static> JsSdk<C> {
    /// Signs for the corp of `client` (its corp token's label: the corpid
    /// for every corp client the SDK builds; see
    /// [`with_corpid`](Self::with_corpid) for a custom token source).
    pub fn new(client: &C) -> Self {
        let corp = TokenCell::new(JsapiTicketSource::new(client.clone(), TicketScope::Corp));
        JsSdk {
            corpid: client.token_cell().label().to_owned(),
            client: client.clone(),
            corp: Arc::new(corp),
            agents: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The corpid put in the signatures, when the client's token source is
    /// not labelled with it.
    pub fn with_corpid(mut self, corpid: impl Into<String>) -> Self {
        self.corpid = corpid.into();
        self
    }

    /// The corp's `jsapi_ticket` (cached).
    ///
    /// # Errors
    /// [`Error::Token`](crate::Error::Token) when it cannot be fetched.
    pub async fn jsapi_ticket(&self) -> Result<Secret> {
        let ticket = self.corp.get(self.client.runtime()).await?;
        Ok(Secret::new(ticket.expose()))
    }

    /// App `agentid`'s `jsapi_ticket` (cached per app). The client's corp
    /// token must be that app's: WeCom hands out the ticket of the app
    /// whose token is used.
    ///
    /// # Errors
    /// [`Error::Token`](crate::Error::Token) when it cannot be fetched.
    pub async fn agent_jsapi_ticket(&self, agentid: i64) -> Result<Secret> {
        let cell = self.agent_cell(agentid);
        let ticket = cell.get(self.client.runtime()).await?;
        Ok(Secret::new(ticket.expose()))
    }

    fn agent_cell(&self, agentid: i64) -> Arc<TokenCell> {
        let mut agents = self.agents.lock().unwrap_or_else(|p| p.into_inner());
        Arc::clone(agents.entry(agentid).or_insert_with(|| {
            Arc::new(TokenCell::new(JsapiTicketSource::new(
                self.client.clone(),
                TicketScope::Agent(agentid),
            )))
        }))
    }

    /// The `wx.config` signature of page `url`, now, with a fresh nonce.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) when `url` is not an
    /// absolute http(s) URL; [`Error::Token`](crate::Error::Token) when
    /// the ticket cannot be fetched.
    pub async fn config(&self, url: &str) -> Result<JsSdkConfig> {
        check_page_url(url)?;
        let ticket = self.corp.get(self.client.runtime()).await?;
        let (timestamp, nonce_str) = (unix_now(), nonce());
        Ok(JsSdkConfig {
            app_id: self.corpid.clone(),
            signature: signature(ticket.expose(), &nonce_str, timestamp, url),
            timestamp,
            nonce_str,
        })
    }

    /// The `wx.agentConfig` signature of page `url` for app `agentid`, now,
    /// with a fresh nonce.
    ///
    /// # Errors
    /// As [`config`](Self::config); also when `agentid` is not positive.
    pub async fn agent_config(&self, agentid: i64, url: &str) -> Result<AgentConfig> {
        check_page_url(url)?;
        if agentid <= 0 {
            return Err(crate::Error::Config(format!(
                "agentid {agentid} is not an app id"
            )));
        }
        let ticket = self.agent_cell(agentid).get(self.client.runtime()).await?;
        let (timestamp, nonce_str) = (unix_now(), nonce());
        Ok(AgentConfig {
            corpid: self.corpid.clone(),
            agentid,
            signature: signature(ticket.expose(), &nonce_str, timestamp, url),
            timestamp,
            nonce_str,
        })
    }
}

/// A page URL must be absolute http(s); it is signed as given (minus the
/// fragment), never normalised.
fn check_page_url(url: &str) -> Result<()> {
    let page = url.split_once('#').map_or(url, |(page, _)| page);
    match url::Url::parse(page) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => Ok(()),
        _ => Err(crate::Error::Config(format!(
            "`{url}` is not the absolute http(s) URL of a page"
        ))),
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// 16 random letters and digits.
fn nonce() -> String {
    rand::rng()
        .sample_iter(&rand::distr::Alphanumeric)
        .take(16)
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of <https://developer.work.weixin.qq.com/document/path/90506>.
    const TICKET: &str =
        "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

    #[test]
    fn the_documented_example() {
        assert_eq!(
            signature(
                TICKET,
                "Wm3WZYTPz0wzccnW",
                1414587457,
                "http://mp.weixin.qq.com?params=value"
            ),
            "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
        );
    }

    #[test]
    fn the_fragment_is_not_signed() {
        assert_eq!(
            signature(
                TICKET,
                "Wm3WZYTPz0wzccnW",
                1414587457,
                "http://mp.weixin.qq.com?params=value#x=1"
            ),
            "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
        );
    }

    #[test]
    fn configs_serialize_with_the_js_names() {
        let c = JsSdkConfig {
            app_id: "ww1".into(),
            timestamp: 1414587457,
            nonce_str: "n".into(),
            signature: "s".into(),
        };
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"appId":"ww1","timestamp":1414587457,"nonceStr":"n","signature":"s"})
        );
        let a = AgentConfig {
            corpid: "ww1".into(),
            agentid: 1000002,
            timestamp: 1,
            nonce_str: "n".into(),
            signature: "s".into(),
        };
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::json!({"corpid":"ww1","agentid":1000002,"timestamp":1,"nonceStr":"n","signature":"s"})
        );
    }

    #[test]
    fn page_urls_are_checked_and_nonces_random() {
        assert!(check_page_url("https://a.example.com/p?x=1#y").is_ok());
        assert!(check_page_url("/p").is_err());
        assert!(check_page_url("").is_err());
        assert!(check_page_url("javascript:alert(1)").is_err());
        let (a, b) = (nonce(), nonce());
        assert_eq!(a.len(), 16);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
