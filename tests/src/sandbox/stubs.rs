//! Canned replies for endpoints the sandbox has no state machine for, so a
//! test can check what the SDK sends and that a documented reply decodes.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::codes;
use super::params::query_param;
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult};
use super::tokens::{TokenState, TokenStore};

/// The query parameters a WeCom token can travel under.
const TOKEN_PARAMS: [&str; 3] = ["access_token", "provider_access_token", "suite_access_token"];

/// Canned payloads by path.
#[derive(Debug, Default)]
pub(crate) struct Stubs {
    replies: HashMap<String, Map<String, Value>>,
}

impl Stubs {
    /// Serves `payload` (merged after `errcode`/`errmsg`) for every request to `path`.
    pub(crate) fn set(&mut self, path: &str, payload: Map<String, Value>) {
        self.replies
            .insert(path.trim_start_matches('/').to_owned(), payload);
    }

    /// The canned reply for `req`, if its path is stubbed. The request must
    /// carry one valid token of any kind (missing → 41001, bad → 40014).
    pub(crate) fn answer(&self, tokens: &TokenStore, req: &RecordedRequest, now: i64) -> Option<ApiResult> {
        let payload = self.replies.get(&req.path)?;
        let mut present = TOKEN_PARAMS
            .iter()
            .filter_map(|name| query_param(&req.query, name))
            .filter(|token| !token.is_empty())
            .peekable();
        if present.peek().is_none() {
            return Some(Err(ApiError::new(codes::MISSING_TOKEN, "access_token missing")));
        }
        let valid = present.any(|token| matches!(tokens.check(token, |_| true, now), TokenState::Valid));
        Some(if valid {
            Ok(payload.clone())
        } else {
            Err(ApiError::new(codes::INVALID_ACCESS_TOKEN, "invalid access_token"))
        })
    }
}
