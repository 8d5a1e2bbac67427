//! Multi-process tests of the wecom SDK's token path: the `token_client`
//! binary is one app instance (its own process, its own Redis connection),
//! and `tests/multi_process.rs` runs several of them against one sandbox and
//! one real `redis-server` on loopback.
//!
//! The binary reads commands from standard input, one per line, and answers
//! each with one JSON line on standard output:
//!
//! * `calls N` — N concurrent calls of `license/get_auto_active_status`:
//!   `{"ok":…,"failed":…,"errors":[…],"elapsed_ms":…}`;
//! * `cancel MS` — one call cancelled after MS milliseconds: `{"cancelled":true|false}`;
//! * `quit`.
//!
//! It prints `ready` once its client is built: the test's start barrier.
