//! The client: shared runtime plus the credentials it holds, tracked in its type.
//!
//! `Client<P, S, C>` has one slot per token kind (provider, suite, corp). A
//! slot is either [`NoCredential`] or a [`Credential`] of that kind, and an
//! endpoint that needs a provider token is only callable on a client whose
//! provider slot is filled — a missing credential is a compile error, not a
//! runtime surprise.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::retry::RetryPolicy;
use crate::runtime::Runtime;
use crate::secret::Secret;
use crate::token::{
    Corp, CorpTokenSource, Provider, ProviderTokenSource, Suite, TokenCell, TokenKind, TokenSource,
};

/// WeCom's public API root.
pub const DEFAULT_BASE_URL: &str = "https://qyapi.weixin.qq.com/cgi-bin/";

/// Anything that can run calls: it has a [`Runtime`].
///
/// Implemented by [`Client`]; endpoint traits declared with the `api` macro are
/// implemented for every `ApiClient`.
pub trait ApiClient: Send + Sync {
    /// The shared transport and policies.
    fn runtime(&self) -> &Runtime;
}

/// A client that holds a credential of kind `K`.
#[diagnostic::on_unimplemented(
    message = "this client has no `{K}` credential, so it cannot call this endpoint",
    label = "`{Self}` holds no `{K}` token",
    note = "endpoints declared with `token = provider` need `Client::builder().provider(corpid, provider_secret)`; `token = corp` needs `.corp(corpid, corp_secret)`; `token = suite` needs a suite credential"
)]
pub trait HasToken<K: TokenKind>: ApiClient {
    /// The cache of this kind's token.
    fn token_cell(&self) -> &TokenCell;
}

/// An empty credential slot.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoCredential;

/// A filled credential slot for token kind `K`: the token cache shared by
/// every clone of the client.
pub struct Credential<K> {
    cell: Arc<TokenCell>,
    kind: PhantomData<fn() -> K>,
}

impl<K> Credential<K> {
    fn new(cell: TokenCell) -> Self {
        Credential {
            cell: Arc::new(cell),
            kind: PhantomData,
        }
    }
}

impl<K> Clone for Credential<K> {
    fn clone(&self) -> Self {
        Credential {
            cell: Arc::clone(&self.cell),
            kind: PhantomData,
        }
    }
}

impl<K> fmt::Debug for Credential<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.cell.fmt(f)
    }
}

/// A WeCom client. Cheap to clone: clones share the connection pool and the
/// token caches.
///
/// The type parameters record which credentials it holds (provider, suite,
/// corp); use the aliases [`ProviderClient`] and [`CorpClient`] for the
/// common cases and [`Client::builder`] to make one.
pub struct Client<P = NoCredential, S = NoCredential, C = NoCredential> {
    runtime: Arc<Runtime>,
    provider: P,
    suite: S,
    corp: C,
}

/// A service provider's client: holds the `provider_access_token`.
pub type ProviderClient = Client<Credential<Provider>, NoCredential, NoCredential>;

/// A self-built app's client: holds the corp `access_token`.
pub type CorpClient = Client<NoCredential, NoCredential, Credential<Corp>>;

impl<P: Clone, S: Clone, C: Clone> Clone for Client<P, S, C> {
    fn clone(&self) -> Self {
        Client {
            runtime: Arc::clone(&self.runtime),
            provider: self.provider.clone(),
            suite: self.suite.clone(),
            corp: self.corp.clone(),
        }
    }
}

impl<P: fmt::Debug, S: fmt::Debug, C: fmt::Debug> fmt::Debug for Client<P, S, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.runtime.base_url())
            .field("provider", &self.provider)
            .field("suite", &self.suite)
            .field("corp", &self.corp)
            .finish()
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }
}

impl<P, S, C> Client<P, S, C> {
    /// The shared runtime (transport, base URL, retry policy).
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }
}

impl<P: Send + Sync, S: Send + Sync, C: Send + Sync> ApiClient for Client<P, S, C> {
    fn runtime(&self) -> &Runtime {
        &self.runtime
    }
}

#[diagnostic::do_not_recommend]
impl<S: Send + Sync, C: Send + Sync> HasToken<Provider> for Client<Credential<Provider>, S, C> {
    fn token_cell(&self) -> &TokenCell {
        &self.provider.cell
    }
}

#[diagnostic::do_not_recommend]
impl<P: Send + Sync, C: Send + Sync> HasToken<Suite> for Client<P, Credential<Suite>, C> {
    fn token_cell(&self) -> &TokenCell {
        &self.suite.cell
    }
}

#[diagnostic::do_not_recommend]
impl<P: Send + Sync, S: Send + Sync> HasToken<Corp> for Client<P, S, Credential<Corp>> {
    fn token_cell(&self) -> &TokenCell {
        &self.corp.cell
    }
}

/// A credential slot waiting for the runtime settings before it becomes a token cache.
pub struct PendingCredential<K> {
    source: Box<dyn FnOnce(Duration) -> TokenCell + Send>,
    kind: PhantomData<fn() -> K>,
}

impl<K> fmt::Debug for PendingCredential<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PendingCredential")
    }
}

impl<K: TokenKind> PendingCredential<K> {
    fn from_source(source: impl TokenSource) -> Self {
        PendingCredential {
            source: Box::new(move |margin| TokenCell::new(source, margin)),
            kind: PhantomData,
        }
    }
}

/// Turns a builder slot into a client slot.
pub trait Slot {
    /// The client-side slot type.
    type Built: Send + Sync;
    /// Builds the slot with the given refresh margin.
    fn build(self, margin: Duration) -> Self::Built;
}

impl Slot for NoCredential {
    type Built = NoCredential;
    fn build(self, _: Duration) -> NoCredential {
        NoCredential
    }
}

impl<K: TokenKind> Slot for PendingCredential<K> {
    type Built = Credential<K>;
    fn build(self, margin: Duration) -> Credential<K> {
        Credential::new((self.source)(margin))
    }
}

/// The runtime settings a builder collects.
#[derive(Debug)]
struct Settings {
    base_url: String,
    http: Option<reqwest::Client>,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    refresh_margin: Duration,
}

/// Configures and builds a [`Client`].
///
/// ```no_run
/// # fn demo() -> wecom_core::Result<()> {
/// use std::time::Duration;
/// let client = wecom_core::Client::builder()
///     .provider("wwprovidercorpid", "provider-secret")
///     .timeout(Duration::from_secs(10))
///     .build()?;
/// # Ok(()) }
/// ```
pub struct ClientBuilder<P = NoCredential, S = NoCredential, C = NoCredential> {
    settings: Settings,
    provider: P,
    suite: S,
    corp: C,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            settings: Settings {
                base_url: DEFAULT_BASE_URL.to_string(),
                http: None,
                timeout: Duration::from_secs(30),
                connect_timeout: Duration::from_secs(5),
                retry: RetryPolicy::default(),
                refresh_margin: Duration::from_secs(300),
            },
            provider: NoCredential,
            suite: NoCredential,
            corp: NoCredential,
        }
    }
}

impl<P, S, C> fmt::Debug for ClientBuilder<P, S, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl<P, S, C> ClientBuilder<P, S, C> {
    /// Adds the service provider credential (`service/get_provider_token`).
    pub fn provider(
        self,
        corpid: impl Into<String>,
        provider_secret: impl Into<Secret>,
    ) -> ClientBuilder<PendingCredential<Provider>, S, C> {
        self.provider_source(ProviderTokenSource::new(corpid, provider_secret))
    }

    /// Adds a provider credential from any [`TokenSource`] of provider tokens.
    pub fn provider_source(
        self,
        source: impl TokenSource,
    ) -> ClientBuilder<PendingCredential<Provider>, S, C> {
        ClientBuilder {
            settings: self.settings,
            provider: PendingCredential::from_source(source),
            suite: self.suite,
            corp: self.corp,
        }
    }

    /// Adds a suite credential from a [`TokenSource`] of suite tokens.
    pub fn suite_source(self, source: impl TokenSource) -> ClientBuilder<P, PendingCredential<Suite>, C> {
        ClientBuilder {
            settings: self.settings,
            provider: self.provider,
            suite: PendingCredential::from_source(source),
            corp: self.corp,
        }
    }

    /// Adds a self-built app's corp credential (`gettoken`).
    pub fn corp(
        self,
        corpid: impl Into<String>,
        corp_secret: impl Into<Secret>,
    ) -> ClientBuilder<P, S, PendingCredential<Corp>> {
        self.corp_source(CorpTokenSource::new(corpid, corp_secret))
    }

    /// Adds a corp credential from any [`TokenSource`] of corp tokens.
    pub fn corp_source(self, source: impl TokenSource) -> ClientBuilder<P, S, PendingCredential<Corp>> {
        ClientBuilder {
            settings: self.settings,
            provider: self.provider,
            suite: self.suite,
            corp: PendingCredential::from_source(source),
        }
    }

    /// The API root (default [`DEFAULT_BASE_URL`]); set it for private
    /// deployments, reverse proxies and tests. A missing trailing `/` is added.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.settings.base_url = url.into();
        self
    }

    /// Whole-request timeout (default 30 s). Ignored with [`http_client`](Self::http_client).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.settings.timeout = timeout;
        self
    }

    /// Connect timeout (default 5 s). Ignored with [`http_client`](Self::http_client).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.settings.connect_timeout = timeout;
        self
    }

    /// Uses this `reqwest::Client` (proxy, TLS, pool settings are then yours).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.settings.http = Some(http);
        self
    }

    /// How busy replies and transport failures are retried.
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.settings.retry = retry;
        self
    }

    /// How long before expiry a token is refreshed (default 300 s).
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.settings.refresh_margin = margin;
        self
    }
}

impl<P: Slot, S: Slot, C: Slot> ClientBuilder<P, S, C> {
    /// Builds the client.
    ///
    /// # Errors
    /// [`Error::Config`] when the base URL is not an absolute http(s) URL
    /// or the HTTP client cannot be created.
    pub fn build(self) -> Result<Client<P::Built, S::Built, C::Built>> {
        let Settings {
            mut base_url,
            http,
            timeout,
            connect_timeout,
            retry,
            refresh_margin,
        } = self.settings;
        let parsed = url::Url::parse(&base_url)
            .map_err(|e| Error::Config(format!("base URL `{base_url}` is not a valid URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.query().is_some() {
            return Err(Error::Config(format!(
                "base URL `{base_url}` must be an http(s) URL without a query string"
            )));
        }
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let http = match http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .timeout(timeout)
                .connect_timeout(connect_timeout)
                .user_agent(concat!("wecom-rs/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))?,
        };
        Ok(Client {
            runtime: Arc::new(Runtime::new(http, base_url, retry, refresh_margin)),
            provider: self.provider.build(refresh_margin),
            suite: self.suite.build(refresh_margin),
            corp: self.corp.build(refresh_margin),
        })
    }
}
