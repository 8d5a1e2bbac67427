//! A framework-agnostic callback handler: give it the query and the body,
//! it answers URL verification, decrypts and parses pushes, and writes every
//! suite_ticket it sees to the token store, so suite tokens work without app
//! code. See `callback::axum` (feature `axum`) for a ready-made route.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use super::crypto::{CallbackCrypto, Decrypted};
use super::error::CallbackError;
use super::event::{CoreEvent, EventSet, parse_event_lenient};
use super::replay::ReplayGuard;
use crate::client::ApiClient;
use crate::token::TokenStore;
use crate::token::store::{LockOwner, PushClaim, unix_ms};

/// The query parameters WeCom adds to a callback URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallbackQuery {
    /// `msg_signature`.
    pub msg_signature: String,
    /// `timestamp`.
    pub timestamp: String,
    /// `nonce`.
    pub nonce: String,
    /// `echostr`, on URL verification only.
    pub echostr: Option<String>,
}

impl CallbackQuery {
    /// Reads the parameters from a raw query string (`msg_signature=…&timestamp=…`).
    ///
    /// # Errors
    /// [`CallbackError::MissingParameter`] when one of the three is absent.
    pub fn parse(query: &str) -> Result<Self, CallbackError> {
        Self::from_pairs(url::form_urlencoded::parse(query.as_bytes()).into_owned())
    }

    /// Reads the parameters from decoded `(name, value)` pairs.
    ///
    /// # Errors
    /// [`CallbackError::MissingParameter`] when one of the three is absent.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Result<Self, CallbackError> {
        let mut q = CallbackQuery::default();
        let (mut sig, mut ts, mut nonce) = (false, false, false);
        for (name, value) in pairs {
            match name.as_str() {
                "msg_signature" => (q.msg_signature, sig) = (value, true),
                "timestamp" => (q.timestamp, ts) = (value, true),
                "nonce" => (q.nonce, nonce) = (value, true),
                "echostr" => q.echostr = Some(value),
                _ => {}
            }
        }
        match (sig, ts, nonce) {
            (false, _, _) => Err(CallbackError::MissingParameter("msg_signature")),
            (_, false, _) => Err(CallbackError::MissingParameter("timestamp")),
            (_, _, false) => Err(CallbackError::MissingParameter("nonce")),
            _ => Ok(q),
        }
    }
}

/// A push, decrypted and parsed.
///
/// Its `Debug` leaves the decrypted XML out (it can hold a SuiteTicket, an
/// AuthCode or an access token); typed events hide their secrets themselves.
#[derive(Clone, PartialEq)]
pub struct Received<E = CoreEvent> {
    /// The typed event (the set's unknown event for types it does not know).
    pub event: E,
    /// The receive id the message was addressed to (corpid or suite_id).
    pub receive_id: String,
    /// The decrypted XML, as WeCom sent it.
    pub xml: String,
}

impl<E: fmt::Debug> fmt::Debug for Received<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Received")
            .field("event", &self.event)
            .field("receive_id", &self.receive_id)
            .field("xml", &crate::error::RedactedText(self.xml.len()))
            .finish()
    }
}

/// What [`CallbackReceiver::handle`] did with a push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// The push was parsed, its suite_ticket stored, and the handler succeeded.
    Done,
    /// Another receiver of the cluster (or this one) handled this push
    /// already: WeCom re-delivered it. Answer `success`; nothing was run.
    Duplicate,
}

/// Store-backed deduplication settings (see [`CallbackReceiver::deduplicate`]).
#[derive(Debug, Clone)]
struct Dedupe {
    store: Arc<dyn TokenStore>,
    handling: Duration,
    remember: Duration,
}

/// How long a receiver may take over a push before another may try it.
pub const DEFAULT_DEDUPE_HANDLING: Duration = Duration::from_secs(20);
/// How long a handled push is remembered (WeCom re-delivers within minutes).
pub const DEFAULT_DEDUPE_MEMORY: Duration = Duration::from_secs(15 * 60);

/// Verifies, decrypts and parses callbacks for one URL.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::sync::Arc;
/// use wecom_core::callback::event::CoreEvent;
/// use wecom_core::callback::{CallbackCrypto, CallbackQuery, CallbackReceiver, Handled};
/// use wecom_core::MemoryStore;
///
/// let crypto = CallbackCrypto::new("Token", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wwsuite")?;
/// let store = Arc::new(MemoryStore::new());
/// // The set of typed events: `CoreEvent` types only the suite_ticket; the SDK's
/// // families type the rest (`wecom_apis::callback::CallbackReceiver`).
/// let receiver = CallbackReceiver::<CoreEvent>::new(crypto.clone()).token_store(store.clone());
///
/// // What WeCom sends: a signed, encrypted suite_ticket push.
/// let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs();
/// let xml = format!(
///     "<xml><SuiteId>wwsuite</SuiteId><InfoType>suite_ticket</InfoType>\
///      <TimeStamp>{now}</TimeStamp><SuiteTicket>TICKET</SuiteTicket></xml>"
/// );
/// let push = crypto.encrypt_reply(&xml, &now.to_string(), "nonce1", "wwsuite");
/// let query = CallbackQuery {
///     msg_signature: push.msg_signature.clone(),
///     timestamp: push.timestamp.clone(),
///     nonce: push.nonce.clone(),
///     echostr: None,
/// };
///
/// // The app's handler runs once the ticket is stored; answer WeCom `success`.
/// let handled = receiver
///     .handle(&query, push.to_xml().as_bytes(), |received| async move {
///         assert!(matches!(received.event, CoreEvent::SuiteTicket(_)));
///         Ok::<(), std::convert::Infallible>(())
///     })
///     .await?;
/// assert_eq!(handled, Handled::Done);
/// # Ok(()) }
/// ```
pub struct CallbackReceiver<E = CoreEvent> {
    crypto: CallbackCrypto,
    replay: Option<ReplayGuard>,
    store: Option<Arc<dyn TokenStore>>,
    dedupe: Option<Dedupe>,
    events: PhantomData<fn() -> E>,
}

impl<E> fmt::Debug for CallbackReceiver<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallbackReceiver")
            .field("crypto", &self.crypto)
            .field("replay", &self.replay)
            .field("store", &self.store)
            .field("dedupe", &self.dedupe)
            .finish()
    }
}

/// A push being handled: its nonce reserved in the replay guard and its claim
/// in the dedupe store. Dropped unfinished (an error, a cancelled request),
/// both are released, so WeCom's re-delivery gets through.
struct Pending<'a, E> {
    receiver: &'a CallbackReceiver<E>,
    nonce: Option<&'a str>,
    claim: Option<(String, LockOwner)>,
}

impl<E> Pending<'_, E> {
    /// The push was handled: remember it.
    async fn finish(mut self) {
        if let (Some(guard), Some(nonce)) = (&self.receiver.replay, self.nonce.take()) {
            guard.handled(nonce);
        }
        if let (Some(dedupe), Some((key, owner))) = (&self.receiver.dedupe, self.claim.take())
            && let Err(err) = dedupe.store.finish_push(&key, &owner, dedupe.remember).await
        {
            tracing::warn!(error = %err, "could not record a handled push; a re-delivery may be handled again");
        }
    }

    /// Handling failed: release the nonce and the claim now, so that WeCom's
    /// re-delivery (on this instance or another) is handled.
    async fn abandon(mut self) {
        self.release_nonce();
        if let (Some(dedupe), Some((key, owner))) = (&self.receiver.dedupe, self.claim.take())
            && let Err(err) = dedupe.store.unlock(&key, &owner).await
        {
            tracing::warn!(error = %err, "could not release a push claim; it expires by itself");
        }
    }

    /// Frees the nonce for a re-delivery, unless the push was handled.
    fn release_nonce(&mut self) {
        if let (Some(guard), Some(nonce)) = (&self.receiver.replay, self.nonce.take()) {
            guard.release(nonce);
        }
    }
}

impl<E> Drop for Pending<'_, E> {
    /// Dropped unfinished without [`abandon`](Pending::abandon): the request
    /// was cancelled. Release what can be released from here.
    fn drop(&mut self) {
        self.release_nonce();
        if let (Some(dedupe), Some((key, owner))) = (&self.receiver.dedupe, self.claim.take())
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            let store = Arc::clone(&dedupe.store);
            runtime.spawn(async move {
                if let Err(err) = store.unlock(&key, &owner).await {
                    tracing::warn!(error = %err, "could not release a push claim; it expires by itself");
                }
            });
        }
    }
}

/// The dedupe key of a push: its signature covers token, timestamp, nonce
/// and ciphertext, so a re-delivery (the identical request) has the same one.
fn push_key(query: &CallbackQuery) -> String {
    format!("push:{}", query.msg_signature.to_ascii_lowercase())
}

impl<E: EventSet> CallbackReceiver<E> {
    /// A receiver using `crypto`.
    pub fn new(crypto: CallbackCrypto) -> Self {
        CallbackReceiver {
            crypto,
            replay: None,
            store: None,
            dedupe: None,
            events: PhantomData,
        }
    }

    /// Refuses callbacks whose timestamp is more than `window` from now, or
    /// whose nonce was already handled within it. A push that failed (an
    /// error answer) does not use its nonce up: WeCom's re-delivery gets through.
    pub fn replay_protection(mut self, window: Duration) -> Self {
        self.replay = Some(ReplayGuard::new(window));
        self
    }

    /// Writes received suite_tickets to `store`.
    pub fn token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.store = Some(store);
        self
    }

    /// Writes received suite_tickets to the token store of `client`, so its
    /// suite tokens (and every client sharing that store) use them.
    pub fn feeding<C: ApiClient>(self, client: &C) -> Self {
        self.token_store(client.runtime().shared_store())
    }

    /// Handles each push once across every receiver sharing `store` (e.g. a
    /// [`RedisStore`](crate::RedisStore) behind a load balancer): WeCom
    /// re-delivers a push it got no answer to within 5 s, and the re-delivery
    /// may reach another instance. A push is claimed (`SET NX PX`) before it
    /// is handled; a re-delivery of a handled push is answered `success`
    /// without running the handler again ([`Handled::Duplicate`]), one that
    /// arrives while another instance handles it gets 503 so that WeCom
    /// tries again, and a push whose handling failed is released for the retry.
    pub fn deduplicate(self, store: Arc<dyn TokenStore>) -> Self {
        self.deduplicate_for(store, DEFAULT_DEDUPE_HANDLING, DEFAULT_DEDUPE_MEMORY)
    }

    /// Like [`deduplicate`](Self::deduplicate), with how long one receiver may
    /// take over a push (`handling`; a crashed one is replaced after it) and
    /// how long a handled push is remembered.
    pub fn deduplicate_for(
        mut self,
        store: Arc<dyn TokenStore>,
        handling: Duration,
        remember: Duration,
    ) -> Self {
        self.dedupe = Some(Dedupe {
            store,
            handling,
            remember,
        });
        self
    }

    /// The crypto in use (e.g. to encrypt a passive reply).
    pub fn crypto(&self) -> &CallbackCrypto {
        &self.crypto
    }

    /// URL verification (GET): the decrypted `echostr` to answer with, as plain text.
    ///
    /// # Errors
    /// Any [`CallbackError`]; answer it with HTTP 400/403 and no body.
    pub fn verify(&self, query: &CallbackQuery) -> Result<String, CallbackError> {
        let echostr = query
            .echostr
            .as_deref()
            .ok_or(CallbackError::MissingParameter("echostr"))?;
        let decrypted =
            self.crypto
                .verify_url(&query.msg_signature, &query.timestamp, &query.nonce, echostr)?;
        if let Some(guard) = &self.replay {
            guard.check(&query.timestamp, &query.nonce, unix_ms() / 1000)?;
        }
        Ok(decrypted.message)
    }

    /// A push (POST): verifies, decrypts, parses, and stores a suite_ticket;
    /// the push then counts as handled. Answer WeCom with `success` once the
    /// event is handed off. Prefer [`handle`](Self::handle) when handling can
    /// fail, so that a failure lets WeCom re-deliver the push.
    ///
    /// # Errors
    /// Any [`CallbackError`]; [`CallbackError::Store`] when a suite_ticket
    /// could not be stored (answer with an error so that WeCom retries);
    /// [`CallbackError::Duplicate`] when deduplication found the push handled
    /// already (answer `success`).
    pub async fn receive(&self, query: &CallbackQuery, body: &[u8]) -> Result<Received<E>, CallbackError> {
        let (received, pending) = self.begin(query, body).await?;
        let received = received.ok_or(CallbackError::Duplicate)?;
        pending.finish().await;
        Ok(received)
    }

    /// A push (POST), handled by `handler`: verifies, decrypts, parses,
    /// stores a suite_ticket, runs `handler`, and only then counts the push
    /// as handled (its nonce seen, its dedupe claim done). If anything fails,
    /// `handler` included, the push is released so that WeCom's re-delivery
    /// is handled. Answer `success` on `Ok`.
    ///
    /// # Errors
    /// Any [`CallbackError`]; [`CallbackError::Handler`] when `handler` failed.
    pub async fn handle<F, Fut, Failure>(
        &self,
        query: &CallbackQuery,
        body: &[u8],
        handler: F,
    ) -> Result<Handled, CallbackError>
    where
        F: FnOnce(Received<E>) -> Fut,
        Fut: Future<Output = Result<(), Failure>>,
        Failure: fmt::Display,
    {
        let (received, pending) = self.begin(query, body).await?;
        let Some(received) = received else {
            return Ok(Handled::Duplicate);
        };
        match handler(received).await {
            Ok(()) => {
                pending.finish().await;
                Ok(Handled::Done)
            }
            Err(err) => {
                pending.abandon().await;
                Err(CallbackError::Handler(err.to_string()))
            }
        }
    }

    /// Everything up to the app's handler. `None` for a duplicate.
    async fn begin<'a>(
        &'a self,
        query: &'a CallbackQuery,
        body: &[u8],
    ) -> Result<(Option<Received<E>>, Pending<'a, E>), CallbackError> {
        let decrypted =
            self.crypto
                .decrypt_message(&query.msg_signature, &query.timestamp, &query.nonce, body)?;
        let mut pending = Pending {
            receiver: self,
            nonce: None,
            claim: None,
        };
        if let Some(dedupe) = &self.dedupe {
            let key = push_key(query);
            match dedupe
                .store
                .claim_push(&key, dedupe.handling)
                .await
                .map_err(|e| CallbackError::Store(e.to_string()))?
            {
                PushClaim::Claimed(owner) => pending.claim = Some((key, owner)),
                PushClaim::Done => return Ok((None, pending)),
                PushClaim::InFlight => return Err(CallbackError::InFlight),
            }
        }
        if let Some(guard) = &self.replay {
            if let Err(err) = guard.begin(&query.timestamp, &query.nonce, unix_ms() / 1000) {
                pending.abandon().await;
                return Err(err);
            }
            pending.nonce = Some(&query.nonce);
        }
        match self.parse_and_store(decrypted).await {
            Ok(received) => Ok((Some(received), pending)),
            Err(err) => {
                pending.abandon().await;
                Err(err)
            }
        }
    }

    /// The typed event, with its suite_ticket (if any) stored.
    async fn parse_and_store(&self, decrypted: Decrypted) -> Result<Received<E>, CallbackError> {
        let Decrypted { message, receive_id } = decrypted;
        // Signed by WeCom but perhaps no callback document: kept, never
        // refused (an error answer would make WeCom re-deliver it forever).
        let event: E = parse_event_lenient(&message);
        if let (Some(store), Some((suite_id, ticket, timestamp))) = (&self.store, event.suite_ticket()) {
            let stored = crate::token::store_suite_ticket(&**store, suite_id, ticket, timestamp)
                .await
                .map_err(|e| CallbackError::Store(e.to_string()))?;
            tracing::debug!(suite_id, stored, "suite_ticket received");
        }
        Ok(Received {
            event,
            receive_id,
            xml: message,
        })
    }
}
