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
use crate::runtime::{Runtime, TokenSettings};
use crate::secret::Secret;
use crate::token::{
    AuthCorpTokenSource, Corp, CorpTokenSource, DownstreamTokenSource, MemoryStore, Provider,
    ProviderTokenSource, Suite, SuiteTokenSource, TokenCell, TokenKind, TokenSource, TokenStore,
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

/// A third-party suite's client: holds the `suite_access_token`.
pub type SuiteClient = Client<NoCredential, Credential<Suite>, NoCredential>;

/// A service provider's app client holding both the provider and the suite
/// credential (license, service and third-party endpoints in one client).
pub type ProviderSuiteClient = Client<Credential<Provider>, Credential<Suite>, NoCredential>;

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
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> wecom_core::Result<()> {
    /// use wecom_core::{Client, ProviderSuiteClient};
    ///
    /// // A service provider's app: the provider credential (license and
    /// // provider endpoints) and one suite (third-party endpoints).
    /// let app: ProviderSuiteClient = Client::builder()
    ///     .provider("wwprovidercorpid", "provider-secret")
    ///     .suite("wwsuiteid", "suite-secret")
    ///     .build()?;
    /// // The suite token needs the suite_ticket WeCom pushes every 10 minutes.
    /// let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    /// assert!(app.store_suite_ticket("TICKET", now as i64).await?);
    ///
    /// // A customer corp that installed the suite, and a dealer of that corp:
    /// // cheap clients sharing the app's transport and token store.
    /// let customer = app.corp("wwcustomercorpid", "permanent-code");
    /// let dealer = customer.downstream("wwdealercorpid", 1000005);
    /// assert!(format!("{dealer:?}").contains("corp"));
    /// # Ok(()) }
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }
}

impl<P, S, C> Client<P, S, C> {
    /// A corp client on this client's runtime (transport and token store)
    /// whose token comes from `source`.
    fn derived_corp_client(&self, source: impl TokenSource<Kind = Corp>) -> CorpClient {
        Client {
            runtime: Arc::clone(&self.runtime),
            provider: NoCredential,
            suite: NoCredential,
            corp: Credential::new(TokenCell::new(source)),
        }
    }

    /// The shared runtime (transport, base URL, retry policy).
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }
}

impl<P, C> Client<P, Credential<Suite>, C> {
    /// A client for one customer corp that authorized this suite: its corp
    /// token comes from `service/get_corp_token` with `permanent_code`.
    ///
    /// Cheap (one small allocation): the new client shares this one's
    /// transport, token store and suite token, so a provider app can make one
    /// per request for thousands of corps. Its token is cached in the store
    /// under the suite and corp, so re-created clients reuse it.
    pub fn corp(&self, auth_corpid: impl Into<String>, permanent_code: impl Into<Secret>) -> CorpClient {
        let source = AuthCorpTokenSource::new(Arc::clone(&self.suite.cell), auth_corpid, permanent_code);
        self.derived_corp_client(source)
    }

    /// Stores a suite_ticket pushed by WeCom (what the callback receiver does
    /// for you). The newest ticket wins: one whose `timestamp` (the push's
    /// `TimeStamp`, unix seconds) is older than the stored one is ignored,
    /// and so is one already past its 30 minutes. Returns whether it was stored.
    ///
    /// # Errors
    /// [`Error::Store`] when the token store cannot be written.
    pub async fn store_suite_ticket(&self, ticket: &str, timestamp: i64) -> Result<bool> {
        crate::token::store_suite_ticket(self.runtime.store(), self.suite.cell.label(), ticket, timestamp)
            .await
    }
}

impl<P, S> Client<P, S, Credential<Corp>> {
    /// A client for downstream corp `corpid` (上下游), acting through the app
    /// `agentid` this corp shares with it: its token comes from
    /// `corpgroup/corp/gettoken` with this client's corp token. Every
    /// corp-token endpoint of the SDK works on it.
    pub fn downstream(&self, corpid: impl Into<String>, agentid: i64) -> CorpClient {
        self.corp_group_member(corpid, agentid, 1)
    }

    /// Like [`downstream`](Self::downstream) with an explicit `business_type`
    /// (0 企业互联 / 局校互联, 1 上下游).
    pub fn corp_group_member(
        &self,
        corpid: impl Into<String>,
        agentid: i64,
        business_type: u8,
    ) -> CorpClient {
        let source = DownstreamTokenSource::new(Arc::clone(&self.corp.cell), corpid, agentid, business_type);
        self.derived_corp_client(source)
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

/// A credential given to the builder, not yet part of a client.
pub struct PendingCredential<K> {
    cell: TokenCell,
    kind: PhantomData<fn() -> K>,
}

impl<K> fmt::Debug for PendingCredential<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.cell.fmt(f)
    }
}

impl<K: TokenKind> PendingCredential<K> {
    fn from_source(source: impl TokenSource<Kind = K>) -> Self {
        PendingCredential {
            cell: TokenCell::new(source),
            kind: PhantomData,
        }
    }
}

/// Turns a builder slot into a client slot.
pub trait Slot {
    /// The client-side slot type.
    type Built: Send + Sync;
    /// Builds the slot.
    fn build(self) -> Self::Built;
}

impl Slot for NoCredential {
    type Built = NoCredential;
    fn build(self) -> NoCredential {
        NoCredential
    }
}

impl<K: TokenKind> Slot for PendingCredential<K> {
    type Built = Credential<K>;
    fn build(self) -> Credential<K> {
        Credential::new(self.cell)
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
    store: Option<Arc<dyn TokenStore>>,
    lock_ttl: Duration,
    local_cache: bool,
    min_refresh_interval: Duration,
    refresh_wait: Option<Duration>,
    max_response_size: usize,
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
                store: None,
                lock_ttl: Duration::from_secs(10),
                local_cache: true,
                min_refresh_interval: Duration::from_secs(1),
                refresh_wait: None,
                max_response_size: crate::runtime::DEFAULT_MAX_RESPONSE_SIZE,
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
        source: impl TokenSource<Kind = Provider>,
    ) -> ClientBuilder<PendingCredential<Provider>, S, C> {
        ClientBuilder {
            settings: self.settings,
            provider: PendingCredential::from_source(source),
            suite: self.suite,
            corp: self.corp,
        }
    }

    /// Adds a third-party suite credential (`service/get_suite_token`). The
    /// suite_ticket it needs is read from the token store, where
    /// [`Client::store_suite_ticket`] (or the callback receiver) puts it.
    pub fn suite(
        self,
        suite_id: impl Into<String>,
        suite_secret: impl Into<Secret>,
    ) -> ClientBuilder<P, PendingCredential<Suite>, C> {
        self.suite_source(SuiteTokenSource::new(suite_id, suite_secret))
    }

    /// Adds a suite credential from a [`TokenSource`] of suite tokens.
    pub fn suite_source(
        self,
        source: impl TokenSource<Kind = Suite>,
    ) -> ClientBuilder<P, PendingCredential<Suite>, C> {
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
    pub fn corp_source(
        self,
        source: impl TokenSource<Kind = Corp>,
    ) -> ClientBuilder<P, S, PendingCredential<Corp>> {
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

    /// Where tokens and suite tickets are kept (default: a [`MemoryStore`] for
    /// this client and every client derived from it). Use a shared store, such
    /// as the Redis one, when several processes must share tokens.
    pub fn token_store(mut self, store: impl TokenStore) -> Self {
        self.settings.store = Some(Arc::new(store));
        self
    }

    /// Like [`token_store`](Self::token_store), for a store already behind an `Arc`.
    pub fn shared_token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.settings.store = Some(store);
        self
    }

    /// The lease of a token's refresh lock in the store (default 10 s). Its
    /// holder renews it every third of this while its fetch runs; if the
    /// holder dies, others take over after at most this long.
    pub fn lock_ttl(mut self, ttl: Duration) -> Self {
        self.settings.lock_ttl = ttl;
        self
    }

    /// Whether each token keeps a local copy in front of the store (default
    /// true: a cache hit costs no I/O). Turn it off to read the store on
    /// every call.
    pub fn local_cache(mut self, enabled: bool) -> Self {
        self.settings.local_cache = enabled;
        self
    }

    /// The shortest time between two fetches of a still-valid token by one
    /// client (default 1 s). With the refresh point (see
    /// [`refresh_margin`](Self::refresh_margin)) this keeps a short-lived
    /// token from being refetched on every call, which WeCom punishes with
    /// its frequency limit.
    pub fn min_refresh_interval(mut self, interval: Duration) -> Self {
        self.settings.min_refresh_interval = interval;
        self
    }

    /// How long a call waits while another instance holds a token's refresh
    /// lock (default: the worst case of a fetch — the timeout and backoff of
    /// every retry — plus the lock's lease). Past it the call fails with
    /// [`Error::RefreshWait`].
    pub fn refresh_wait(mut self, wait: Duration) -> Self {
        self.settings.refresh_wait = Some(wait);
        self
    }

    /// The largest reply body read (default 64 MiB); a larger one fails the
    /// call with [`Error::ResponseTooLarge`] without being read to its end.
    pub fn max_response_size(mut self, bytes: usize) -> Self {
        self.settings.max_response_size = bytes;
        self
    }

    /// How long before expiry a token is refreshed (default 300 s). A token
    /// whose whole life is no longer than this is refreshed after three
    /// quarters of it instead.
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
            base_url,
            http,
            timeout,
            connect_timeout,
            retry,
            refresh_margin,
            store,
            lock_ttl,
            local_cache,
            min_refresh_interval,
            refresh_wait,
            max_response_size,
        } = self.settings;
        let attempts = retry.max_busy_retries.saturating_add(1);
        let refresh_wait = refresh_wait.unwrap_or_else(|| {
            (timeout + retry.max_delay)
                .saturating_mul(attempts)
                .saturating_add(lock_ttl)
        });
        let mut base = url::Url::parse(&base_url)
            .map_err(|e| Error::Config(format!("base URL `{base_url}` is not a valid URL: {e}")))?;
        if !matches!(base.scheme(), "http" | "https") || base.query().is_some() {
            return Err(Error::Config(format!(
                "base URL `{base_url}` must be an http(s) URL without a query string"
            )));
        }
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
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
            runtime: Arc::new(Runtime::new(
                http,
                base,
                retry,
                TokenSettings {
                    refresh_margin,
                    store: store.unwrap_or_else(|| Arc::new(MemoryStore::new())),
                    lock_ttl,
                    local_cache,
                    min_refresh_interval,
                    refresh_wait,
                },
                max_response_size,
            )),
            provider: self.provider.build(),
            suite: self.suite.build(),
            corp: self.corp.build(),
        })
    }
}
