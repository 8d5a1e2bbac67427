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
use crate::request::{Endpoint, JsonFields, Request};
use crate::runtime::Runtime;
use crate::secret::Secret;
use crate::token::cache::TokenCell;
use crate::token::kind::{Corp, KindInfo, Provider, Suite, TokenKind};
use crate::token::replies::{BusinessType, CorpAccessToken, ProviderAccessToken, SuiteAccessToken};
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
/// `service/get_corp_token` and `corpgroup/corp/gettoken`, as declared by
/// [`ServiceTokenApi`] and [`DownstreamTokenApi`].
pub fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    SERVICE_TOKEN_API_ENDPOINTS
        .iter()
        .chain(DOWNSTREAM_TOKEN_API_ENDPOINTS)
        .copied()
}

/// Token endpoints (凭证): the provider's `provider_access_token`, a suite's
/// `suite_access_token`, and the corp `access_token` of a self-built app or
/// of a corp that authorized the suite.
///
/// The sources in this module call these same endpoints (their descriptors
/// are the ones declared here); the methods are for code that manages
/// tokens on its own, e.g. a central token service. Tokens are valid for
/// `expires_in` seconds (normally 7200); WeCom may invalidate them early and
/// throttles frequent fetching, so cache them. The token replies never show
/// the token in `Debug` output.
#[wecom_macros::api(crate = crate)]
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

/// The token endpoint of a corp group (上下游 / 企业互联): a downstream
/// corp's token, fetched with the upstream corp's. Called by
/// [`DownstreamTokenSource`] (behind `Client::downstream`), and available to
/// code that manages downstream tokens itself.
#[wecom_macros::api(crate = crate)]
pub trait DownstreamTokenApi {
    /// 获取下级/下游企业的access_token: a token of downstream corp `corpid`
    /// for the app `agentid` shared with it (the downstream corp's agentid,
    /// see `list_app_share_info`), fetched with the **upstream** corp's
    /// token. `business_type` 1 for 上下游, 0 (WeCom's default) for 企业互联
    /// / 局校互联. Prefer `Client::downstream`, which caches and refreshes
    /// this token for you.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95816>
    #[post("corpgroup/corp/gettoken", token = corp)]
    async fn get_downstream_token(
        &self,
        corpid: &str,
        business_type: Option<BusinessType>,
        agentid: i64,
    ) -> Result<CorpAccessToken>;
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
            let request = Request::new(&__WECOM_ENDPOINT_SERVICE_TOKEN_API__GETTOKEN)
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
            let request = Request::new(&__WECOM_ENDPOINT_SERVICE_TOKEN_API__GET_PROVIDER_TOKEN).fields(body);
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
            let request = Request::new(&__WECOM_ENDPOINT_SERVICE_TOKEN_API__GET_SUITE_TOKEN).fields(body);
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
            let request = Request::new(&__WECOM_ENDPOINT_SERVICE_TOKEN_API__GET_CORP_TOKEN).fields(body);
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
            let request =
                Request::new(&__WECOM_ENDPOINT_DOWNSTREAM_TOKEN_API__GET_DOWNSTREAM_TOKEN).fields(body);
            request_token(context, Some(&self.upstream), request).await
        })
    }
}
