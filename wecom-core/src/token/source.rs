//! Token sources: how a fresh token of each kind is fetched from WeCom.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use serde::Deserialize;

use crate::error::Result;
use crate::request::{Endpoint, Method, Request};
use crate::runtime::Runtime;
use crate::secret::Secret;
use crate::token::kind::{Corp, KindInfo, Provider, TokenKind};

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

/// The boxed future a [`TokenSource`] returns.
pub type FetchFuture<'a> = Pin<Box<dyn Future<Output = Result<FetchedToken>> + Send + 'a>>;

/// Something that can fetch a fresh token of one kind.
///
/// The cache in front of it decides *when* to fetch; a source only knows *how*.
pub trait TokenSource: Send + Sync + 'static {
    /// The kind of token this source produces.
    fn kind(&self) -> &'static KindInfo;
    /// A label for traces and `Debug`, without secrets (e.g. the corpid).
    fn label(&self) -> &str;
    /// Fetches a fresh token.
    fn fetch<'a>(&'a self, runtime: &'a Runtime) -> FetchFuture<'a>;
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

#[derive(Deserialize)]
struct CorpTokenReply {
    access_token: String,
    expires_in: u64,
}

static GETTOKEN: Endpoint = Endpoint::new(Method::Get, "gettoken", None);

impl TokenSource for CorpTokenSource {
    fn kind(&self) -> &'static KindInfo {
        &Corp::INFO
    }

    fn label(&self) -> &str {
        &self.corpid
    }

    fn fetch<'a>(&'a self, runtime: &'a Runtime) -> FetchFuture<'a> {
        Box::pin(async move {
            let request = Request::new(&GETTOKEN)
                .query("corpid", &self.corpid)
                .query("corpsecret", self.secret.expose());
            let reply: CorpTokenReply = runtime.execute(None, request).await?;
            Ok(FetchedToken {
                value: Secret::new(reply.access_token),
                expires_in: Duration::from_secs(reply.expires_in),
            })
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

#[derive(Deserialize)]
struct ProviderTokenReply {
    provider_access_token: String,
    expires_in: u64,
}

static GET_PROVIDER_TOKEN: Endpoint = Endpoint::new(Method::Post, "service/get_provider_token", None);

impl TokenSource for ProviderTokenSource {
    fn kind(&self) -> &'static KindInfo {
        &Provider::INFO
    }

    fn label(&self) -> &str {
        &self.corpid
    }

    fn fetch<'a>(&'a self, runtime: &'a Runtime) -> FetchFuture<'a> {
        Box::pin(async move {
            let mut body = crate::request::JsonFields::new();
            body.field("corpid", &self.corpid);
            body.field("provider_secret", self.secret.expose());
            let request = Request::new(&GET_PROVIDER_TOKEN).fields(body);
            let reply: ProviderTokenReply = runtime.execute(None, request).await?;
            Ok(FetchedToken {
                value: Secret::new(reply.provider_access_token),
                expires_in: Duration::from_secs(reply.expires_in),
            })
        })
    }
}
