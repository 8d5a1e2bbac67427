//! JS-SDK tickets (`jsapi_ticket`): the corp's (`get_jsapi_ticket`) and an
//! app's (`ticket/get?type=agent_config`).
//!
//! WeCom treats them like access tokens: each lives 7200 s, fetching one
//! again while it is valid returns the same one, and fetching too often is
//! blocked (per hour: 400 corp tickets per corp and 100 per app; 100 app
//! tickets per app). So they are not cached by a second mechanism: a ticket
//! is a [`TokenSource`] of kind [`JsapiTicket`], fetched with the corp token
//! of a client, and put in a [`TokenCell`](super::TokenCell) like every token — refreshed
//! ahead of expiry, fetched once for all concurrent callers, kept in the
//! client's [`TokenStore`](super::TokenStore) (shared by processes with the Redis store)
//! under a key derived from the corp token's key.

use std::time::Duration;

use serde::{Deserialize, Deserializer};

use crate::client::HasToken;
use crate::error::Result;
use crate::request::{Endpoint, Request};
use crate::secret::Secret;
use crate::token::kind::{Corp, KindInfo, TokenKind};
use crate::token::source::{FetchContext, FetchFuture, FetchedToken, TokenSource};

/// The kind of a JS-SDK ticket. It is never sent as a request's token (a
/// page signature is computed with it), so no `errcode` invalidates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsapiTicket {}

impl TokenKind for JsapiTicket {
    const INFO: KindInfo = KindInfo {
        name: "jsapi_ticket",
        param: "jsapi_ticket",
        invalid_codes: &[],
    };
}

/// Which JS-SDK ticket a [`JsapiTicketSource`] fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketScope {
    /// The corp's ticket (`get_jsapi_ticket`), for `wx.config`.
    Corp,
    /// The ticket of app `agentid` (`ticket/get?type=agent_config`), for
    /// `wx.agentConfig`. WeCom hands out the ticket of the app whose corp
    /// token is used; the agentid keeps the cache entry per app.
    Agent(i64),
}

/// The endpoints the ticket source calls, as [`JsSdkApi`] declares them.
pub fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    JS_SDK_API_ENDPOINTS.iter().copied()
}

crate::string_enum! {
    /// `type` of `ticket/get`.
    pub enum TicketType {
        /// `agent_config`: the app's jsapi_ticket, for `wx.agentConfig`.
        AgentConfig = "agent_config",
    }
}

/// The JS-SDK ticket endpoints (corp `access_token`).
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90506>
#[wecom_macros::api(crate = crate)]
pub trait JsSdkApi {
    /// 获取企业的jsapi_ticket: the corp's ticket, for the `wx.config`
    /// signature. Valid 7200 s; fetching again while it is valid returns
    /// the same ticket. Limits per hour: 400 per corp, 100 per app — cache
    /// it (as `wecom_apis::jssdk::JsSdk` does).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90506>
    #[get("get_jsapi_ticket", token = corp)]
    async fn get_jsapi_ticket(&self) -> Result<JsapiTicketReply>;

    /// 获取应用的jsapi_ticket: the ticket of the app whose `access_token`
    /// is used (`type` is always [`TicketType::AgentConfig`]), for the
    /// `wx.agentConfig` signature. Valid 7200 s; at most 100 fetches per app
    /// and hour — cache it (as `wecom_apis::jssdk::JsSdk` does).
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

/// Fetches a JS-SDK ticket with the corp token of `client` (whose own
/// [`TokenCell`](super::TokenCell) caches, refreshes and retries that token).
pub struct JsapiTicketSource<C> {
    client: C,
    scope: TicketScope,
}

impl<C: HasToken<Corp> + 'static> JsapiTicketSource<C> {
    /// A source of `scope`'s ticket, fetched through `client`'s corp token.
    pub fn new(client: C, scope: TicketScope) -> Self {
        JsapiTicketSource { client, scope }
    }
}

impl<C: HasToken<Corp> + 'static> TokenSource for JsapiTicketSource<C> {
    type Kind = JsapiTicket;

    fn label(&self) -> &str {
        self.client.token_cell().label()
    }

    fn key(&self) -> String {
        let corp = self.client.token_cell().key();
        match self.scope {
            TicketScope::Corp => format!("jsapi_ticket:{corp}"),
            TicketScope::Agent(agentid) => format!("agent_ticket:{agentid}:{corp}"),
        }
    }

    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a> {
        Box::pin(async move {
            let request = match self.scope {
                TicketScope::Corp => Request::new(&__WECOM_ENDPOINT_JS_SDK_API__GET_JSAPI_TICKET),
                TicketScope::Agent(_) => Request::new(&__WECOM_ENDPOINT_JS_SDK_API__GET_TICKET)
                    .query("type", TicketType::AgentConfig.as_str()),
            };
            let reply: JsapiTicketReply = context
                .runtime
                .execute(Some(self.client.token_cell()), request)
                .await?;
            Ok(FetchedToken {
                value: reply.ticket,
                expires_in: Duration::from_secs(reply.expires_in),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Client;

    #[test]
    fn tickets_are_keyed_by_the_corp_token_and_the_app() {
        let client = Client::builder().corp("wwcorp", "secret").build().unwrap();
        let corp = JsapiTicketSource::new(client.clone(), TicketScope::Corp);
        let app = JsapiTicketSource::new(client.clone(), TicketScope::Agent(1000002));
        let token_key = client.token_cell().key().to_owned();
        assert_eq!(corp.key(), format!("jsapi_ticket:{token_key}"));
        assert_eq!(app.key(), format!("agent_ticket:1000002:{token_key}"));
        assert_eq!(corp.label(), "wwcorp");
        assert!(!corp.key().contains("secret"));
        assert_eq!(<JsapiTicket as TokenKind>::INFO.name, "jsapi_ticket");
        assert!(<JsapiTicket as TokenKind>::INFO.invalid_codes.is_empty());
    }

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
}
