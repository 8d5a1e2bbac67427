//! Checks that tests — the workspace's and an app's — make again and again:
//! the errcode of a call that must fail, and what the sandbox received.

use std::fmt::Debug;

use serde_json::Value;

use crate::sandbox::{RecordedRequest, Sandbox};

/// The WeCom `errcode` of a call that must fail.
///
/// # Panics
/// If the call succeeded, or failed without a WeCom errcode (a transport
/// error, say); `what` names the call in the message.
#[track_caller]
pub fn errcode<T: Debug>(result: wecom_core::Result<T>, what: &str) -> i64 {
    let err = result.expect_err(what);
    err.code()
        .unwrap_or_else(|| panic!("{what}: expected a WeCom errcode, got {err:?}"))
}

impl Sandbox {
    /// The last request `path` received.
    ///
    /// # Panics
    /// If it received none.
    #[track_caller]
    pub fn last_request(&self, path: &str) -> RecordedRequest {
        self.requests(path)
            .pop()
            .unwrap_or_else(|| panic!("{path}: no request"))
    }

    /// The last request `path` received, checked to be `method` with a
    /// non-empty corp `access_token` and no other kind of token.
    ///
    /// # Panics
    /// If there is none, or it does not pass those checks.
    #[track_caller]
    pub fn last_corp_request(&self, path: &str, method: &str) -> RecordedRequest {
        let req = self.last_request(path);
        assert_eq!(req.method, method, "{path}: method");
        assert!(
            req.query_param("access_token").is_some_and(|t| !t.is_empty()),
            "{path}: access_token missing from {:?}",
            req.query
        );
        for other in ["provider_access_token", "suite_access_token"] {
            assert!(req.query_param(other).is_none(), "{path}: {other} sent too");
        }
        req
    }

    /// The last request `path` received: a POST with the corp token and
    /// exactly `body` as its JSON.
    ///
    /// # Panics
    /// As [`last_corp_request`](Self::last_corp_request), or if the body differs.
    #[track_caller]
    pub fn assert_posted(&self, path: &str, body: Value) -> RecordedRequest {
        let req = self.last_corp_request(path, "POST");
        assert_eq!(req.json(), Some(body), "{path}: JSON body");
        req
    }

    /// The last request `path` received: a GET whose query is the corp token
    /// plus exactly `params` (in any order).
    ///
    /// # Panics
    /// As [`last_corp_request`](Self::last_corp_request), or if the query differs.
    #[track_caller]
    pub fn assert_got(&self, path: &str, params: &[(&str, &str)]) -> RecordedRequest {
        let req = self.last_corp_request(path, "GET");
        let mut others: Vec<(&str, &str)> = req
            .query
            .iter()
            .filter(|(k, _)| k != "access_token")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        others.sort_unstable();
        let mut want = params.to_vec();
        want.sort_unstable();
        assert_eq!(others, want, "{path}: query");
        assert!(req.body.is_empty(), "{path}: a GET has no body");
        req
    }
}
