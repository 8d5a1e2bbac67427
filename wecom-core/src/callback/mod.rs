//! Callbacks: WeCom's encrypted pushes (suite tickets, authorizations,
//! contact changes, license payments, customer events).
//!
//! * [`crypto`] — the WXBizMsgCrypt scheme (signature, AES-256-CBC, padding,
//!   receive id), strict about every malformed input.
//! * [`replay`] — optional replay protection (timestamp window, nonce reuse).
//! * [`event`] — the decrypted XML parsed into typed events.
//! * [`receiver`] — a framework-agnostic handler that verifies URLs, decrypts
//!   and parses pushes, and stores suite tickets in the token store.
//! * `axum` (feature `axum`) — the receiver as an axum route.

#[cfg(feature = "axum")]
pub mod axum;
pub mod crypto;
mod error;
pub mod event;
pub mod receiver;
pub mod replay;
mod xml;

pub use crypto::{CallbackCrypto, Decrypted, EncryptedReply, decrypt_with_aes_key, signature};
pub use error::CallbackError;
pub use receiver::{CallbackQuery, CallbackReceiver, Handled, Received};
pub use replay::ReplayGuard;

#[cfg(test)]
mod tests;
