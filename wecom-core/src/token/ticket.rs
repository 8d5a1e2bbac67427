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

use serde::Deserialize;

use crate::client::HasToken;
use crate::request::{Endpoint, Method, Request};
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

static GET_JSAPI_TICKET: Endpoint = Endpoint::new(Method::Get, "get_jsapi_ticket").with_token::<Corp>();
static GET_TICKET: Endpoint = Endpoint::new(Method::Get, "ticket/get").with_token::<Corp>();

/// The endpoints the ticket source calls. (`wecom-apis` declares them too,
/// in its `jssdk` family; its tests check that both agree.)
pub fn endpoints() -> [&'static Endpoint; 2] {
    [&GET_JSAPI_TICKET, &GET_TICKET]
}

/// The `{ticket, expires_in}` reply of both ticket endpoints.
#[derive(Deserialize)]
struct TicketReply {
    ticket: String,
    expires_in: u64,
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
                TicketScope::Corp => Request::new(&GET_JSAPI_TICKET),
                TicketScope::Agent(_) => Request::new(&GET_TICKET).query("type", "agent_config"),
            };
            let reply: TicketReply = context
                .runtime
                .execute(Some(self.client.token_cell()), request)
                .await?;
            Ok(FetchedToken {
                value: Secret::new(reply.ticket),
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
}
