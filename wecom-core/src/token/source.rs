//! Token sources: how a fresh token of each kind is fetched from WeCom.
//!
//! A source that needs another token (an authorized corp's token needs the
//! suite token; a downstream corp's needs the upstream corp's) fetches it
//! through that token's [`TokenCell`], so it is cached, refreshed and retried
//! like any other call.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use sha1::{Digest, Sha1};

use crate::error::{Error, Result};
use crate::request::{Endpoint, JsonFields, Method, Request};
use crate::runtime::Runtime;
use crate::secret::Secret;
use crate::token::cache::TokenCell;
use crate::token::kind::{Corp, KindInfo, Provider, Suite, TokenKind};
use crate::token::store::TokenStore;

/// A token as WeCom handed it out.
#[derive(Clone)]
pub struct FetchedToken {
    /// The token value.
    pub value: Secret,
    /// How long WeCom says it is valid (`expires_in`).
    pub expires_in: Duration,
}

impl std::fmt::Debug for FetchedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FetchedToken")
            .field("value", &self.value)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// What a source may use while fetching.
#[derive(Clone, Copy)]
pub struct FetchContext<'a> {
    /// The transport and policies.
    pub runtime: &'a Runtime,
    /// The token store (e.g. to read the newest suite_ticket).
    pub store: &'a dyn TokenStore,
}

/// The boxed future a [`TokenSource`] returns.
pub type FetchFuture<'a> = Pin<Box<dyn Future<Output = Result<FetchedToken>> + Send + 'a>>;

/// Something that can fetch a fresh token of one kind.
///
/// The cache in front of it decides *when* to fetch; a source only knows *how*.
/// Its [`Kind`](Self::Kind) decides which credential slot of a client it can
/// fill: `ClientBuilder::provider_source` takes only a
/// `TokenSource<Kind = Provider>`, and so on.
pub trait TokenSource: Send + Sync + 'static {
    /// The kind of token this source produces ([`Corp`], [`Provider`] or [`Suite`]).
    type Kind: TokenKind;
    /// A label for traces and `Debug`, without secrets (e.g. the corpid).
    fn label(&self) -> &str;
    /// The token's key in the store: unique per credential, without secrets.
    fn key(&self) -> String;
    /// Fetches a fresh token.
    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a>;
}

/// The object-safe face of a [`TokenSource`], which a [`TokenCell`] holds
/// whatever the source's kind.
pub(crate) trait ErasedSource: Send + Sync + 'static {
    fn kind(&self) -> &'static KindInfo;
    fn label(&self) -> &str;
    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a>;
}

impl<T: TokenSource> ErasedSource for T {
    fn kind(&self) -> &'static KindInfo {
        &<T::Kind as TokenKind>::INFO
    }

    fn label(&self) -> &str {
        TokenSource::label(self)
    }

    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a> {
        TokenSource::fetch(self, context)
    }
}

/// The `{access_token | provider_access_token | suite_access_token, expires_in}` reply.
#[derive(Deserialize)]
struct TokenReply {
    #[serde(alias = "provider_access_token", alias = "suite_access_token")]
    access_token: String,
    expires_in: u64,
}

/// Calls a token endpoint (with `cell`'s token, if it needs one) and reads
/// the token out of its reply.
async fn request_token(
    context: FetchContext<'_>,
    cell: Option<&TokenCell>,
    request: Request,
) -> Result<FetchedToken> {
    let reply: TokenReply = context.runtime.execute(cell, request).await?;
    Ok(FetchedToken {
        value: Secret::new(reply.access_token),
        expires_in: Duration::from_secs(reply.expires_in),
    })
}

/// The endpoints the token sources call: `gettoken`,
/// `service/get_provider_token`, `service/get_suite_token`,
/// `service/get_corp_token` and `corpgroup/corp/gettoken`. (`wecom-apis`
/// declares them too, for code that manages tokens itself; its tests check
/// that both agree.)
pub fn endpoints() -> [&'static Endpoint; 5] {
    [
        &GETTOKEN,
        &GET_PROVIDER_TOKEN,
        &GET_SUITE_TOKEN,
        &GET_CORP_TOKEN,
        &CORPGROUP_GETTOKEN,
    ]
}

/// A short, non-reversible fingerprint of a secret, so that two apps of one
/// corp get different keys without the secret appearing in the store.
fn fingerprint(secret: &Secret) -> String {
    let digest = Sha1::digest(secret.expose().as_bytes());
    hex::encode(&digest[..6])
}

/// `gettoken`: corpid + corp (app) secret → corp `access_token`.
pub struct CorpTokenSource {
    corpid: String,
    secret: Secret,
}

impl CorpTokenSource {
    /// A source for a self-built app's corp token.
    pub fn new(corpid: impl Into<String>, secret: impl Into<Secret>) -> Self {
        CorpTokenSource {
            corpid: corpid.into(),
            secret: secret.into(),
        }
    }
}

static GETTOKEN: Endpoint = Endpoint::new(Method::Get, "gettoken");

impl TokenSource for CorpTokenSource {
    type Kind = Corp;

    fn label(&self) -> &str {
        &self.corpid
    }

    fn key(&self) -> String {
        format!("corp:{}:{}", self.corpid, fingerprint(&self.secret))
    }

    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a> {
        Box::pin(async move {
            let request = Request::new(&GETTOKEN)
                .query("corpid", &self.corpid)
                .query("corpsecret", self.secret.expose());
            request_token(context, None, request).await
        })
    }
}

/// `service/get_provider_token`: provider corpid + provider_secret →
/// `provider_access_token`.
pub struct ProviderTokenSource {
    corpid: String,
    secret: Secret,
}

impl ProviderTokenSource {
    /// A source for a service provider's token.
    pub fn new(corpid: impl Into<String>, provider_secret: impl Into<Secret>) -> Self {
        ProviderTokenSource {
            corpid: corpid.into(),
            secret: provider_secret.into(),
        }
    }
}

static GET_PROVIDER_TOKEN: Endpoint = Endpoint::new(Method::Post, "service/get_provider_token");

impl TokenSource for ProviderTokenSource {
    type Kind = Provider;

    fn label(&self) -> &str {
        &self.corpid
    }

    fn key(&self) -> String {
        format!("provider:{}", self.corpid)
    }

    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a> {
        Box::pin(async move {
            let mut body = JsonFields::new();
            body.field("corpid", &self.corpid);
            body.field("provider_secret", self.secret.expose());
            let request = Request::new(&GET_PROVIDER_TOKEN).fields(body);
            request_token(context, None, request).await
        })
    }
}

/// The store key of a suite's newest suite_ticket.
pub fn suite_ticket_key(suite_id: &str) -> String {
    format!("ticket:{suite_id}")
}

/// `service/get_suite_token`: suite_id + suite_secret + the newest
/// suite_ticket from the store → `suite_access_token`.
pub struct SuiteTokenSource {
    suite_id: String,
    secret: Secret,
}

impl SuiteTokenSource {
    /// A source for a third-party suite's token.
    pub fn new(suite_id: impl Into<String>, suite_secret: impl Into<Secret>) -> Self {
        SuiteTokenSource {
            suite_id: suite_id.into(),
            secret: suite_secret.into(),
        }
    }
}

static GET_SUITE_TOKEN: Endpoint = Endpoint::new(Method::Post, "service/get_suite_token");

impl TokenSource for SuiteTokenSource {
    type Kind = Suite;

    fn label(&self) -> &str {
        &self.suite_id
    }

    fn key(&self) -> String {
        format!("suite:{}", self.suite_id)
    }

    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a> {
        Box::pin(async move {
            let ticket = context
                .store
                .get_ticket(&suite_ticket_key(&self.suite_id))
                .await?
                .ok_or_else(|| Error::MissingSuiteTicket {
                    suite_id: self.suite_id.clone(),
                })?;
            let mut body = JsonFields::new();
            body.field("suite_id", &self.suite_id);
            body.field("suite_secret", self.secret.expose());
            body.field("suite_ticket", &ticket.ticket);
            let request = Request::new(&GET_SUITE_TOKEN).fields(body);
            request_token(context, None, request).await
        })
    }
}

/// `service/get_corp_token`: the suite token + an authorized corp's
/// auth_corpid and permanent_code → that corp's `access_token`.
pub struct AuthCorpTokenSource {
    suite: Arc<TokenCell>,
    auth_corpid: String,
    permanent_code: Secret,
}

impl AuthCorpTokenSource {
    /// A source for one authorized customer corp of the suite behind `suite`.
    pub fn new(
        suite: Arc<TokenCell>,
        auth_corpid: impl Into<String>,
        permanent_code: impl Into<Secret>,
    ) -> Self {
        AuthCorpTokenSource {
            suite,
            auth_corpid: auth_corpid.into(),
            permanent_code: permanent_code.into(),
        }
    }
}

static GET_CORP_TOKEN: Endpoint = Endpoint::new(Method::Post, "service/get_corp_token").with_token::<Suite>();

impl TokenSource for AuthCorpTokenSource {
    type Kind = Corp;

    fn label(&self) -> &str {
        &self.auth_corpid
    }

    fn key(&self) -> String {
        format!("authcorp:{}:{}", self.suite.label(), self.auth_corpid)
    }

    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a> {
        Box::pin(async move {
            let mut body = JsonFields::new();
            body.field("auth_corpid", &self.auth_corpid);
            body.field("permanent_code", self.permanent_code.expose());
            let request = Request::new(&GET_CORP_TOKEN).fields(body);
            request_token(context, Some(&self.suite), request).await
        })
    }
}

/// `corpgroup/corp/gettoken`: the upstream corp's token + a downstream
/// corp's corpid and agentid → the downstream corp's `access_token`.
pub struct DownstreamTokenSource {
    upstream: Arc<TokenCell>,
    corpid: String,
    agentid: i64,
    business_type: u8,
}

impl DownstreamTokenSource {
    /// A source for downstream corp `corpid` through the shared app `agentid`.
    /// `business_type`: 0 企业互联 / 局校互联, 1 上下游.
    pub fn new(upstream: Arc<TokenCell>, corpid: impl Into<String>, agentid: i64, business_type: u8) -> Self {
        DownstreamTokenSource {
            upstream,
            corpid: corpid.into(),
            agentid,
            business_type,
        }
    }
}

static CORPGROUP_GETTOKEN: Endpoint =
    Endpoint::new(Method::Post, "corpgroup/corp/gettoken").with_token::<Corp>();

impl TokenSource for DownstreamTokenSource {
    type Kind = Corp;

    fn label(&self) -> &str {
        &self.corpid
    }

    fn key(&self) -> String {
        format!(
            "downstream:{}:{}:{}:{}",
            self.upstream.key(),
            self.corpid,
            self.agentid,
            self.business_type
        )
    }

    fn fetch<'a>(&'a self, context: FetchContext<'a>) -> FetchFuture<'a> {
        Box::pin(async move {
            let mut body = JsonFields::new();
            body.field("corpid", &self.corpid);
            body.field("agentid", &self.agentid);
            body.field("business_type", &self.business_type);
            let request = Request::new(&CORPGROUP_GETTOKEN).fields(body);
            request_token(context, Some(&self.upstream), request).await
        })
    }
}
