//! The callback receiver as an axum route (feature `axum`).
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use wecom_core::Client;
//! use wecom_core::callback::axum::callback_router;
//! use wecom_core::callback::event::CoreEvent;
//! use wecom_core::callback::{CallbackCrypto, CallbackReceiver};
//!
//! let app = Client::builder().suite("wwsuiteid", "suite-secret").build()?;
//! let crypto = CallbackCrypto::new("Token", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wwsuiteid")?;
//! // `CoreEvent` types the suite_ticket; `wecom_apis::callback` types every family.
//! let receiver = Arc::new(CallbackReceiver::<CoreEvent>::new(crypto).feeding(&app));
//! let routes: axum::Router = axum::Router::new().nest(
//!     "/wecom/callback",
//!     callback_router(receiver, |received| async move {
//!         // An `Err` is answered 500, and WeCom re-delivers the push.
//!         println!("callback: {:?}", received.event);
//!         Ok::<(), String>(())
//!     }),
//! );
//! # let _ = routes;
//! # Ok(()) }
//! ```
//!
//! GET answers URL verification with the decrypted echostr; POST decrypts,
//! parses, stores suite tickets, awaits `handler`, then answers `success`.
//! The handler returns `()` or a `Result<(), E>`: an `Err` is answered 500
//! and the push is released (its nonce and dedupe claim), so WeCom's
//! re-delivery is handled. A re-delivery of a handled push (with
//! [`CallbackReceiver::deduplicate`]) is answered `success` without running
//! the handler. WeCom waits 5 seconds for the answer: hand long work to a task
//! or a queue.

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::error::CallbackError;
use super::event::EventSet;
use super::receiver::{CallbackQuery, CallbackReceiver, Received};

/// What a callback handler returns: `()` (it cannot fail) or a
/// `Result<(), E>` whose error makes the route answer 500, so that WeCom
/// re-delivers the push.
pub trait HandlerOutcome {
    /// `Err` with the failure's text when the push was not handled.
    fn into_outcome(self) -> Result<(), String>;
}

impl HandlerOutcome for () {
    fn into_outcome(self) -> Result<(), String> {
        Ok(())
    }
}

impl<E: std::fmt::Display> HandlerOutcome for Result<(), E> {
    fn into_outcome(self) -> Result<(), String> {
        self.map_err(|e| e.to_string())
    }
}

/// What the route shares between requests.
struct Shared<E, H> {
    receiver: Arc<CallbackReceiver<E>>,
    handler: H,
}

/// A router with `GET /` (URL verification) and `POST /` (pushes); nest it
/// where the callback URL points.
pub fn callback_router<E, H, Fut>(receiver: Arc<CallbackReceiver<E>>, handler: H) -> Router
where
    E: EventSet + Send + 'static,
    H: Fn(Received<E>) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: HandlerOutcome,
{
    let shared = Arc::new(Shared { receiver, handler });
    Router::new()
        .route("/", get(verify::<E, H>).post(receive::<E, H, Fut>))
        .with_state(shared)
}

async fn verify<E, H>(State(shared): State<Arc<Shared<E, H>>>, RawQuery(query): RawQuery) -> Response
where
    E: EventSet + Send + 'static,
    H: Send + Sync + 'static,
{
    let result =
        CallbackQuery::parse(query.as_deref().unwrap_or_default()).and_then(|q| shared.receiver.verify(&q));
    match result {
        Ok(echo) => (StatusCode::OK, echo).into_response(),
        Err(err) => rejection(&err),
    }
}

async fn receive<E, H, Fut>(
    State(shared): State<Arc<Shared<E, H>>>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response
where
    E: EventSet + Send + 'static,
    H: Fn(Received<E>) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: HandlerOutcome,
{
    let query = match CallbackQuery::parse(query.as_deref().unwrap_or_default()) {
        Ok(q) => q,
        Err(err) => return rejection(&err),
    };
    let handler = |received| async { (shared.handler)(received).await.into_outcome() };
    match shared.receiver.handle(&query, &body, handler).await {
        Ok(_) => (StatusCode::OK, "success").into_response(),
        Err(err) => rejection(&err),
    }
}

/// The HTTP answer to a rejected callback (logged, never echoing secrets).
fn rejection(err: &CallbackError) -> Response {
    let status = match err {
        CallbackError::BadSignature
        | CallbackError::WrongReceiveId(_)
        | CallbackError::StaleTimestamp { .. }
        | CallbackError::ReplayedNonce => StatusCode::FORBIDDEN,
        CallbackError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        CallbackError::Store(_) | CallbackError::InFlight => StatusCode::SERVICE_UNAVAILABLE,
        CallbackError::Handler(_) => StatusCode::INTERNAL_SERVER_ERROR,
        CallbackError::Duplicate => return (StatusCode::OK, "success").into_response(),
        _ => StatusCode::BAD_REQUEST,
    };
    tracing::warn!(error = %err, status = status.as_u16(), "callback rejected");
    (status, status.canonical_reason().unwrap_or("rejected")).into_response()
}
