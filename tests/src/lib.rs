//! Test support for the `wecom` workspace.
//!
//! The main piece is the [`Sandbox`]: a stateful fake of the WeCom server API
//! (`https://qyapi.weixin.qq.com/cgi-bin/`) that listens on `127.0.0.1`, hands
//! out and checks access tokens the way WeCom does, records every request it
//! receives, can be told to misbehave ([`Fault`]), and implements the
//! interface-licence (`license/*`) state machine closely enough for end-to-end
//! tests of the SDK.
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
