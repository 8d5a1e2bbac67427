//! Callbacks: WeCom's encrypted pushes, received and parsed into the SDK's
//! [`Event`](event::Event).
//!
//! The crypto, the receiver and the route come from the runtime
//! (`wecom_core::callback`); this module fixes their event set to every
//! family's events, so `CallbackReceiver::new(crypto)` yields
//! [`event::Event`]s.

pub mod event;

pub use wecom_core::callback::{
    CallbackCrypto, CallbackError, CallbackQuery, Decrypted, EncryptedReply, Handled, ReplayGuard, crypto,
    replay, signature,
};

/// Verifies, decrypts and parses callbacks for one URL into [`event::Event`]s
/// (see [`wecom_core::callback::CallbackReceiver`]).
pub type CallbackReceiver = wecom_core::callback::CallbackReceiver<event::Event>;

/// A push, decrypted and parsed into an [`event::Event`].
pub type Received = wecom_core::callback::Received<event::Event>;

/// The receiver as an axum route (feature `axum`).
#[cfg(feature = "axum")]
pub mod axum {
    pub use wecom_core::callback::axum::{HandlerOutcome, callback_router};
}

#[cfg(test)]
mod tests;
