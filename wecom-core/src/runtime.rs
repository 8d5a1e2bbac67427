//! The shared call path: token injection, sending, the envelope, retries and
//! tracing. Every generated endpoint method ends up in [`Runtime::execute`]
//! (or [`Runtime::download`], for a file read as it arrives).

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use tracing::Instrument;

use crate::download::Download;
use crate::envelope::{self, Status};
use crate::error::{Error, Result, snippet};
use crate::reply::{Reply, is_json};
use crate::request::{Method, Request};
use crate::retry::{RetryPolicy, transport_retryable};
use crate::token::{CachedToken, TokenCell, TokenStore};

/// The transport and policies a client's calls share: one connection pool,
/// one base URL, one retry policy.
#[derive(Debug)]
pub struct Runtime {
    http: reqwest::Client,
    /// The API root, parsed once: each call's URL is derived from it without
    /// parsing a whole URL string again.
    base: url::Url,
    retry: RetryPolicy,
    tokens: TokenSettings,
    max_response_size: usize,
}

/// The default largest reply body read (`ClientBuilder::max_response_size`).
pub const DEFAULT_MAX_RESPONSE_SIZE: usize = 64 << 20;

/// The token-related settings of a [`Runtime`].
#[derive(Debug, Clone)]
pub(crate) struct TokenSettings {
    pub(crate) refresh_margin: Duration,
    pub(crate) store: Arc<dyn TokenStore>,
    pub(crate) lock_ttl: Duration,
    pub(crate) local_cache: bool,
    pub(crate) min_refresh_interval: Duration,
    pub(crate) refresh_wait: Duration,
}

/// What a response that made it through HTTP looks like.
struct HttpReply {
    status: reqwest::StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// How a call reads a successful reply's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// JSON only: a non-JSON body is a decoding error.
    Json,
    /// A binary body is the success case, read whole ([`Binary`](crate::Binary)).
    Binary,
    /// A binary body is the success case, left on the connection ([`Download`]).
    Stream,
}

/// What one exchange produced.
enum Received {
    /// A body read whole (JSON, an error, a buffered file).
    Full(HttpReply),
    /// A successful binary reply whose body is still on the connection
    /// (boxed: the JSON path's futures stay small).
    Open(Box<OpenReply>),
}

/// A successful binary reply not read yet (`Mode::Stream`).
struct OpenReply {
    headers: HeaderMap,
    response: reqwest::Response,
    /// The piece read ahead to tell a file from JSON, when the content type did not say.
    first: Option<Bytes>,
}

/// Why an exchange produced no reply.
enum SendError {
    Transport(reqwest::Error),
    /// The body is larger than `max_response_size`.
    TooLarge,
}

impl From<reqwest::Error> for SendError {
    fn from(err: reqwest::Error) -> Self {
        SendError::Transport(err)
    }
}

/// A successful reply, before it becomes the endpoint's return value.
enum Success {
    /// Read whole: its errcode (if JSON) was 0.
    Full { headers: HeaderMap, body: Bytes },
    /// A binary reply left on the connection (`Mode::Stream` only).
    Open(Box<OpenReply>),
}

impl Runtime {
    pub(crate) fn new(
        http: reqwest::Client,
        base: url::Url,
        retry: RetryPolicy,
        tokens: TokenSettings,
        max_response_size: usize,
    ) -> Self {
        Runtime {
            http,
            base,
            retry,
            tokens,
            max_response_size,
        }
    }

    /// The shortest time between two fetches of one token by this client
    /// while the token is still valid (the refresh floor).
    pub fn min_refresh_interval(&self) -> Duration {
        self.tokens.min_refresh_interval
    }

    /// How long a call waits for another instance that holds a token's
    /// refresh lock (the worst case of a fetch, retries included).
    pub fn refresh_wait(&self) -> Duration {
        self.tokens.refresh_wait
    }

    /// The largest reply body read.
    pub fn max_response_size(&self) -> usize {
        self.max_response_size
    }

    /// Where tokens and suite tickets are shared.
    pub fn store(&self) -> &dyn TokenStore {
        &*self.tokens.store
    }

    /// The token store, shared (e.g. for a callback receiver).
    pub fn shared_store(&self) -> Arc<dyn TokenStore> {
        Arc::clone(&self.tokens.store)
    }

    /// How long a refresh lock is held at most (a crashed holder blocks others no longer).
    pub fn lock_ttl(&self) -> Duration {
        self.tokens.lock_ttl
    }

    /// Whether each token cell keeps a local copy in front of the store.
    pub fn local_cache(&self) -> bool {
        self.tokens.local_cache
    }

    /// The base URL every path is appended to (ends with `/`).
    pub fn base_url(&self) -> &str {
        self.base.as_str()
    }

    /// How long before expiry tokens are refreshed.
    pub fn refresh_margin(&self) -> Duration {
        self.tokens.refresh_margin
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The underlying HTTP client (shared connection pool).
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Runs a call whose reply is a `T` (a JSON payload or [`Binary`](crate::Binary)).
    pub async fn execute<T: Reply>(&self, token: Option<&TokenCell>, request: Request) -> Result<T> {
        let path = request.endpoint.path;
        let mode = if T::ACCEPTS_BINARY {
            Mode::Binary
        } else {
            Mode::Json
        };
        match self.run(token, request, mode).await? {
            Success::Full { headers, body } => T::from_reply(path, &headers, body),
            // Only `Mode::Stream` leaves a body open; read it whole if it ever happens.
            Success::Open(open) => {
                let (headers, body) = self.read_open(path, *open).await?;
                T::from_reply(path, &headers, body)
            }
        }
    }

    /// Reads an open reply whole (outside the generic `execute`, so it is
    /// compiled once).
    async fn read_open(&self, path: &'static str, open: OpenReply) -> Result<(HeaderMap, Bytes)> {
        let limit = self.max_response_size;
        let binary = Download::open(path, &open.headers, open.response, open.first, limit)
            .bytes()
            .await?;
        Ok((open.headers, binary.bytes))
    }

    /// Runs a call whose reply is a file, and hands it out unread: the token,
    /// retries and the envelope are handled as for every call (a stale token
    /// is refreshed and the call retried, a JSON error is [`Error::Api`]),
    /// all before any byte of the file is read. The body is not bounded by
    /// `max_response_size` unless it is read whole ([`Download::bytes`]).
    pub async fn download(&self, token: Option<&TokenCell>, request: Request) -> Result<Download> {
        let path = request.endpoint.path;
        let limit = self.max_response_size;
        Ok(match self.run(token, request, Mode::Stream).await? {
            Success::Full { headers, body } => Download::buffered(path, &headers, body, limit),
            Success::Open(open) => {
                let open = *open;
                Download::open(path, &open.headers, open.response, open.first, limit)
            }
        })
    }

    /// Runs a call whose reply carries nothing but the envelope.
    pub async fn execute_unit(&self, token: Option<&TokenCell>, request: Request) -> Result<()> {
        self.run(token, request, Mode::Json).await.map(drop)
    }

    /// The call loop; returns a reply whose `errcode` is 0 (or a binary body
    /// in the binary modes).
    async fn run(&self, cell: Option<&TokenCell>, request: Request, mode: Mode) -> Result<Success> {
        let ep = request.endpoint;
        if let Some(reason) = request.encode_error {
            return Err(Error::Encode {
                path: ep.path,
                reason,
            });
        }
        let span = tracing::debug_span!(
            "wecom.call",
            path = ep.path,
            method = ?ep.method,
            errcode = tracing::field::Empty,
            attempts = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        if span.is_disabled() {
            // Nobody listens: no span to enter on every poll, no clock to read.
            return self.attempts(cell, &request, mode).await.map(|(s, _)| s);
        }
        let started = Instant::now();
        let outcome = self.attempts(cell, &request, mode).instrument(span.clone()).await;
        span.record("elapsed_ms", started.elapsed().as_secs_f64() * 1000.0);
        match &outcome {
            Ok((_, attempts)) => {
                span.record("errcode", 0);
                span.record("attempts", attempts);
            }
            Err(e) => {
                if let Some(code) = e.code() {
                    span.record("errcode", code);
                }
                span.in_scope(|| tracing::debug!(error = %e, "call failed"));
            }
        }
        outcome.map(|(success, _)| success)
    }

    async fn attempts(
        &self,
        cell: Option<&TokenCell>,
        request: &Request,
        mode: Mode,
    ) -> Result<(Success, u32)> {
        let ep = request.endpoint;
        let mut retries = 0u32;
        let mut token_refreshed = false;
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            let token = match cell {
                Some(cell) => Some(cell.get(self).await?),
                None => None,
            };
            let reply = match self.send(request, token.as_ref(), mode).await {
                Ok(Received::Full(reply)) => reply,
                Ok(Received::Open(open)) => return Ok((Success::Open(open), attempts)),
                Err(SendError::TooLarge) => {
                    return Err(Error::ResponseTooLarge {
                        path: ep.path,
                        limit: self.max_response_size,
                    });
                }
                Err(SendError::Transport(err)) => {
                    if retries < self.retry.max_busy_retries && transport_retryable(&err, ep.method) {
                        tracing::warn!(path = ep.path, error = %err, "transport failure; retrying");
                        self.backoff(&mut retries).await;
                        continue;
                    }
                    return Err(Error::Transport {
                        path: ep.path,
                        source: err,
                    });
                }
            };
            if !reply.status.is_success() {
                if reply.status.is_server_error()
                    && ep.method == Method::Get
                    && retries < self.retry.max_busy_retries
                {
                    tracing::warn!(
                        path = ep.path,
                        status = reply.status.as_u16(),
                        "HTTP server error; retrying GET"
                    );
                    self.backoff(&mut retries).await;
                    continue;
                }
                return Err(Error::Http {
                    status: reply.status.as_u16(),
                    path: ep.path,
                    snippet: snippet(&reply.body),
                });
            }
            let content_type = reply.headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
            let binary = mode != Mode::Json && !is_json(content_type, &reply.body);
            let status = if binary {
                Status::Ok
            } else {
                envelope::status(ep.path, &reply.body)?
            };
            match status {
                Status::Ok => {
                    let success = Success::Full {
                        headers: reply.headers,
                        body: reply.body,
                    };
                    return Ok((success, attempts));
                }
                Status::Failed { code, message } => {
                    if code == -1 && retries < self.retry.max_busy_retries {
                        tracing::warn!(path = ep.path, errcode = code, "WeCom busy; retrying");
                        self.backoff(&mut retries).await;
                        continue;
                    }
                    if let (Some(cell), Some(token)) = (cell, token.as_ref())
                        && !token_refreshed
                        && cell.kind().invalid_codes.contains(&code)
                    {
                        tracing::info!(
                            path = ep.path,
                            errcode = code,
                            kind = cell.kind().name,
                            "token rejected; refreshing once"
                        );
                        cell.invalidate(self, token).await;
                        token_refreshed = true;
                        continue;
                    }
                    return Err(Error::Api {
                        code,
                        message,
                        path: ep.path,
                    });
                }
            }
        }
    }

    async fn backoff(&self, retries: &mut u32) {
        let delay = self.retry.jittered_delay(*retries);
        *retries += 1;
        tokio::time::sleep(delay).await;
    }

    /// The full URL of a request: base, path, token and query parameters,
    /// derived from the parsed base URL (each piece encoded once).
    fn url_for(&self, request: &Request, token: Option<&CachedToken>) -> url::Url {
        let ep = request.endpoint;
        let mut url = self.base.clone();
        if let Ok(mut segments) = url.path_segments_mut() {
            // The base path ends with `/`: drop its empty last segment first.
            segments.pop_if_empty().extend(ep.path.split('/'));
        }
        let token = ep.token_param.zip(token);
        if token.is_some() || !request.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            if let Some((param, token)) = token {
                pairs.append_pair(param, token.expose());
            }
            for (name, value) in &request.query {
                pairs.append_pair(name, value);
            }
        }
        url
    }

    /// One HTTP exchange. Errors are stripped of their URL (it holds the token).
    /// In `Mode::Stream` a successful binary reply is returned unread.
    async fn send(
        &self,
        request: &Request,
        token: Option<&CachedToken>,
        mode: Mode,
    ) -> Result<Received, SendError> {
        let ep = request.endpoint;
        let url = self.url_for(request, token);
        let mut builder = match (ep.method, &request.file) {
            (Method::Get, _) => self.http.get(url),
            (Method::Post, Some((part, upload))) => self.http.post(url).multipart(upload.form(part)?),
            (Method::Post, None) => self
                .http
                .post(url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(request.body.clone().unwrap_or_else(|| Bytes::from_static(b"{}"))),
        };
        for (name, value) in &request.headers {
            builder = builder.header(*name, value.as_str());
        }
        let mut response = builder.send().await.map_err(reqwest::Error::without_url)?;
        let mut first = None;
        if mode == Mode::Stream && response.status().is_success() {
            let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
            let sniff = match content_type {
                Some(ct) if ct.contains("json") => false,
                Some(ct) if !ct.starts_with("text/plain") => {
                    let headers = std::mem::take(response.headers_mut());
                    return Ok(Received::Open(Box::new(OpenReply {
                        headers,
                        response,
                        first: None,
                    })));
                }
                _ => true,
            };
            if sniff {
                // No type says what it is: a body that starts like JSON is read as JSON.
                first = response.chunk().await.map_err(reqwest::Error::without_url)?;
                let piece = first.as_deref().unwrap_or_default();
                if !is_json(None, piece) && !piece.is_empty() {
                    let headers = std::mem::take(response.headers_mut());
                    return Ok(Received::Open(Box::new(OpenReply {
                        headers,
                        response,
                        first,
                    })));
                }
            }
        }
        self.read_body(response, first).await.map(Received::Full)
    }

    /// Reads a reply's body whole, within `max_response_size`; `first` is a
    /// piece of it already read.
    async fn read_body(
        &self,
        mut response: reqwest::Response,
        first: Option<Bytes>,
    ) -> Result<HttpReply, SendError> {
        let status = response.status();
        // Taken, not copied: moving the map out allocates nothing.
        let headers = std::mem::take(response.headers_mut());
        let limit = self.max_response_size;
        let declared = response.content_length().and_then(|n| usize::try_from(n).ok());
        let already = first.as_ref().map_or(0, Bytes::len);
        if declared.is_some_and(|n| n.saturating_add(already) > limit) {
            return Err(SendError::TooLarge);
        }
        let body = match (declared, first) {
            // The usual case: one read of a body whose size is known and allowed.
            (Some(_), None) => response.bytes().await.map_err(reqwest::Error::without_url)?,
            (_, first) => {
                let mut body = bytes::BytesMut::new();
                if let Some(first) = first {
                    body.extend_from_slice(&first);
                }
                while let Some(chunk) = response.chunk().await.map_err(reqwest::Error::without_url)? {
                    if body.len() + chunk.len() > limit {
                        return Err(SendError::TooLarge);
                    }
                    body.extend_from_slice(&chunk);
                }
                body.freeze()
            }
        };
        if body.len() > limit {
            return Err(SendError::TooLarge);
        }
        Ok(HttpReply {
            status,
            headers,
            body,
        })
    }
}
