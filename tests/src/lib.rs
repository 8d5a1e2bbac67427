//! Testing an app built on the wecom SDK without WeCom.
//!
//! * [`Sandbox`]: a stateful fake of the WeCom server API
//!   (`https://qyapi.weixin.qq.com/cgi-bin/`) on `127.0.0.1`. It hands out and
//!   checks access tokens the way WeCom does (configurable where WeCom's
//!   behaviour varies: [`TokenIssue`], [`ExpiredCode`]), keeps state for the
//!   License, ExternalContact, corpgroup and service flows, records every
//!   request, misbehaves on demand ([`Fault`]), serves canned replies
//!   ([`Stub`]) and pushes encrypted callbacks with WeCom's re-delivery
//!   ([`PushPolicy`]).
//! * Clients aimed at it ([`Sandbox::corp_client`], [`Sandbox::provider_client`],
//!   [`Sandbox::client_builder`]) and its credentials ([`creds`]).
//! * The checks tests make again and again ([`errcode`],
//!   [`Sandbox::assert_posted`], [`Sandbox::last_corp_request`] …).
//! * [`RedisServer`]: a real `redis-server` on a free port, for tests of a
//!   shared token store; [`serve_on_loopback`]: an app's own routes (a
//!   callback receiver) on a free port.
//!
//! The wecom workspace's own tests use it too; they live in other crates
//! (`tests/workspace`, `tests/cluster`), so depending on this one pulls no
//! test-only dependencies.
//!
//! ```no_run
//! # async fn demo() {
//! use wecom_testkit::{creds, Sandbox};
//!
//! let sandbox = Sandbox::start().await;
//! let base = sandbox.base_url(); // "http://127.0.0.1:PORT/cgi-bin/"
//! // ... point a client at `base`, log in with creds::PROVIDER_CORPID / creds::PROVIDER_SECRET ...
//! assert_eq!(sandbox.request_count("service/get_provider_token"), 0);
//! # let _ = base;
//! # }
//! ```

pub mod assertions;
pub mod clients;
pub mod redis_server;
pub mod sandbox;
pub mod serve;

pub use assertions::errcode;
pub use clients::fast_retries;
pub use redis_server::RedisServer;
pub use sandbox::{
    ExpiredCode, Fault, PushPolicy, PushRecord, RecordedRequest, Sandbox, Stub, TokenIssue, creds,
};
pub use serve::serve_on_loopback;
