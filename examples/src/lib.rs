//! Runnable examples of the wecom SDK (the binaries of this package), and
//! the README's snippets as doc-tests: `cargo test -p wecom-examples --doc`
//! compiles every Rust block of `README.md` with the dependencies an app has
//! (`wecom-apis` with `redis` and `axum`, `serde`, `tokio`), so the README
//! cannot drift from the SDK.

/// The README, compiled as doc-tests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
