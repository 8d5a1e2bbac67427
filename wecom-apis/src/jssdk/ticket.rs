//! 获取企业的jsapi_ticket / 获取应用的jsapi_ticket: the two ticket
//! endpoints. [`JsSdk`](super::JsSdk) calls them through its cache; these
//! declarations are for code that manages tickets itself.

use serde::{Deserialize, Deserializer};
use wecom_core::Secret;

use crate::Result;

wecom_core::string_enum! {
    /// `type` of `ticket/get`.
    pub enum TicketType {
        /// `agent_config`: the app's jsapi_ticket, for `wx.agentConfig`.
        AgentConfig = "agent_config",
    }
}

/// The JS-SDK ticket endpoints (corp `access_token`).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90506>
#[crate::api]
pub trait JsSdkApi {
    /// 获取企业的jsapi_ticket: the corp's ticket, for the `wx.config`
    /// signature. Valid 7200 s; fetching again while it is valid returns
    /// the same ticket. Limits per hour: 400 per corp, 100 per app — cache
    /// it (as [`JsSdk`](super::JsSdk) does).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90506>
    #[get("get_jsapi_ticket", token = corp)]
    async fn get_jsapi_ticket(&self) -> Result<JsapiTicketReply>;

    /// 获取应用的jsapi_ticket: the ticket of the app whose `access_token`
    /// is used (`type` is always [`TicketType::AgentConfig`]), for the
    /// `wx.agentConfig` signature. Valid 7200 s; at most 100 fetches per app
    /// and hour — cache it (as [`JsSdk`](super::JsSdk) does).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90506>
    #[get("ticket/get", token = corp)]
    async fn get_ticket(&self, #[query = "type"] ticket_type: TicketType) -> Result<JsapiTicketReply>;
}

/// Reply of `get_jsapi_ticket` and `ticket/get`. `Debug` shows no ticket.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct JsapiTicketReply {
    /// The ticket (at most 512 bytes).
    #[serde(deserialize_with = "secret")]
    pub ticket: Secret,
    /// Its life in seconds (7200).
    pub expires_in: u64,
}

/// Reads a string into a [`Secret`].
fn secret<'de, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Secret, D::Error> {
    String::deserialize(deserializer).map(Secret::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample reply of <https://developer.work.weixin.qq.com/document/path/90506>
    /// (both endpoints answer the same shape).
    #[test]
    fn decodes_the_ticket_sample() {
        let reply: JsapiTicketReply = serde_json::from_str(
            r#"{"errcode":0,"errmsg":"ok","ticket":"bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA","expires_in":7200}"#,
        )
        .unwrap();
        assert_eq!(
            reply.ticket.expose(),
            "bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA"
        );
        assert_eq!(reply.expires_in, 7200);
        assert!(!format!("{reply:?}").contains("bxLdik"), "the ticket is redacted");
    }

    /// The runtime's ticket source calls the endpoints declared here.
    #[test]
    fn the_runtime_ticket_endpoints_match_the_declared_ones() {
        for core in wecom_core::token::ticket::endpoints() {
            let declared = JS_SDK_API_ENDPOINTS
                .iter()
                .find(|ep| ep.path() == core.path())
                .expect("declared");
            assert_eq!(core.method(), declared.method());
            assert_eq!(core.token_param(), declared.token_param());
            assert_eq!(core.token_kind(), declared.token_kind());
        }
        assert_eq!(TicketType::AgentConfig.as_str(), "agent_config");
    }
}
