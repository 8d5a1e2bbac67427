//! A framework-agnostic callback handler: give it the query and the body,
//! it answers URL verification, decrypts and parses pushes, and writes every
//! suite_ticket it sees to the token store, so suite tokens work without app
//! code. See `callback::axum` (feature `axum`) for a ready-made route.

use std::sync::Arc;
use std::time::Duration;

use super::crypto::CallbackCrypto;
use super::error::CallbackError;
use super::event::{Event, parse_event};
use super::replay::ReplayGuard;
use crate::client::ApiClient;
use crate::token::TokenStore;
use crate::token::store::unix_ms;

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
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    /// The typed event (`Event::Unknown` for types this SDK does not know yet).
    pub event: Event,
    /// The receive id the message was addressed to (corpid or suite_id).
    pub receive_id: String,
    /// The decrypted XML, as WeCom sent it.
    pub xml: String,
}

/// Verifies, decrypts and parses callbacks for one URL.
#[derive(Debug)]
pub struct CallbackReceiver {
    crypto: CallbackCrypto,
    replay: Option<ReplayGuard>,
    store: Option<Arc<dyn TokenStore>>,
}

impl CallbackReceiver {
    /// A receiver using `crypto`.
    pub fn new(crypto: CallbackCrypto) -> Self {
        CallbackReceiver {
            crypto,
            replay: None,
            store: None,
        }
    }

    /// Refuses callbacks whose timestamp is more than `window` from now, or
    /// whose nonce was already seen within it.
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

    /// The crypto in use (e.g. to encrypt a passive reply).
    pub fn crypto(&self) -> &CallbackCrypto {
        &self.crypto
    }

    fn check_replay(&self, query: &CallbackQuery) -> Result<(), CallbackError> {
        match &self.replay {
            Some(guard) => guard.check(&query.timestamp, &query.nonce, unix_ms() / 1000),
            None => Ok(()),
        }
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
        self.check_replay(query)?;
        Ok(decrypted.message)
    }

    /// A push (POST): verifies, decrypts, parses, and stores a suite_ticket.
    /// Answer WeCom with `success` once the event is handed off.
    ///
    /// # Errors
    /// Any [`CallbackError`]; [`CallbackError::Store`] when a suite_ticket
    /// could not be stored (WeCom pushes the next one in 10 minutes; answer
    /// with an error so that it retries sooner).
    pub async fn receive(&self, query: &CallbackQuery, body: &[u8]) -> Result<Received, CallbackError> {
        let decrypted =
            self.crypto
                .decrypt_message(&query.msg_signature, &query.timestamp, &query.nonce, body)?;
        self.check_replay(query)?;
        let event = parse_event(&decrypted.message).map_err(|e| CallbackError::Event(e.to_string()))?;
        if let (Some(store), Some((suite_id, ticket, timestamp))) = (&self.store, event.suite_ticket()) {
            let stored = crate::token::store_suite_ticket(&**store, suite_id, ticket, timestamp)
                .await
                .map_err(|e| CallbackError::Store(e.to_string()))?;
            tracing::debug!(suite_id, stored, "suite_ticket received");
        }
        Ok(Received {
            event,
            receive_id: decrypted.receive_id,
            xml: decrypted.message,
        })
    }
}
