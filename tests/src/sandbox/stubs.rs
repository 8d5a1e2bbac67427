//! Canned replies for endpoints the sandbox has no state machine for, so a
//! test can check what the SDK sends and that a documented reply decodes.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::codes;
use super::params::query_param;
use super::record::RecordedRequest;
use super::reply::{ApiError, Reply};
use super::tokens::{TokenState, TokenStore};

/// The query parameters a WeCom token can travel under.
const TOKEN_PARAMS: [&str; 3] = ["access_token", "provider_access_token", "suite_access_token"];

/// A canned reply for [`Sandbox::stub_with`](super::Sandbox::stub_with).
#[derive(Clone, Debug)]
pub struct Stub {
    body: StubBody,
    needs_token: bool,
}

#[derive(Clone, Debug)]
enum StubBody {
    /// Payload fields, sent after `"errcode":0,"errmsg":"ok"`.
    Json(Map<String, Value>),
    /// A body sent as is, with its content type (an image, a file).
    Binary { content_type: String, body: Vec<u8> },
}

impl Stub {
    /// A JSON reply: `payload`'s fields after `"errcode":0,"errmsg":"ok"`.
    /// A payload that is not a JSON object sends no fields.
    pub fn json(payload: Value) -> Self {
        let fields = match payload {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        Stub {
            body: StubBody::Json(fields),
            needs_token: true,
        }
    }

    /// A binary reply (a media file, an image) with its content type.
    pub fn binary(content_type: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        Stub {
            body: StubBody::Binary {
                content_type: content_type.into(),
                body: body.into(),
            },
            needs_token: true,
        }
    }

    /// Serves requests that carry no token too: for `token = none`
    /// endpoints (a group robot's `webhook/send?key=…`, say).
    pub fn without_token(mut self) -> Self {
        self.needs_token = false;
        self
    }
}

/// Canned replies by path.
#[derive(Debug, Default)]
pub(crate) struct Stubs {
    replies: HashMap<String, Stub>,
}

impl Stubs {
    /// Serves `stub` for every request to `path`.
    pub(crate) fn set(&mut self, path: &str, stub: Stub) {
        self.replies.insert(path.trim_start_matches('/').to_owned(), stub);
    }

    /// The canned reply for `req`, if its path is stubbed. Unless the stub is
    /// [`without_token`](Stub::without_token), the request must carry one
    /// valid token of any kind (missing → 41001, bad → 40014).
    pub(crate) fn answer(&self, tokens: &TokenStore, req: &RecordedRequest, now: i64) -> Option<Reply> {
        let stub = self.replies.get(&req.path)?;
        if let Err(err) = Self::check_token(stub, tokens, req, now) {
            return Some(Reply::error(&err));
        }
        Some(match &stub.body {
            StubBody::Json(payload) => Reply::ok(payload),
            StubBody::Binary { content_type, body } => Reply::bytes(200, content_type, body.clone()),
        })
    }

    fn check_token(
        stub: &Stub,
        tokens: &TokenStore,
        req: &RecordedRequest,
        now: i64,
    ) -> Result<(), ApiError> {
        if !stub.needs_token {
            return Ok(());
        }
        let mut present = TOKEN_PARAMS
            .iter()
            .filter_map(|name| query_param(&req.query, name))
            .filter(|token| !token.is_empty())
            .peekable();
        if present.peek().is_none() {
            return Err(ApiError::new(codes::MISSING_TOKEN, "access_token missing"));
        }
        let valid = present.any(|token| matches!(tokens.check(token, |_| true, now), TokenState::Valid));
        if valid {
            Ok(())
        } else {
            Err(ApiError::new(codes::INVALID_ACCESS_TOKEN, "invalid access_token"))
        }
    }
}
