//! Callbacks: WeCom's encrypted pushes (suite tickets, authorizations,
//! contact changes, license payments, customer events).
//!
//! * [`event`] — the decrypted XML parsed into typed events.

pub mod event;
