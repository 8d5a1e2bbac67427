//! JS-SDK tickets in the sandbox: `get_jsapi_ticket` (the corp's) and
//! `ticket/get?type=agent_config` (the app's — the app the corp token acts
//! as, see `agent::token_agent`).
//!
//! Tickets behave like tokens: valid 7200 s of sandbox clock (settable);
//! while one is valid a fetch returns it with its remaining life
//! ([`TokenIssue::SameWhileValid`], WeCom's behaviour) or a new one
//! ([`TokenIssue::NewEachFetch`]); every fetch is counted per corp and app.
//! [`JsSdkSandbox::verify`] checks a page signature the way the JS-SDK does
//! when the page calls `wx.config` / `wx.agentConfig`: against a ticket of
//! that corp (or app) that is still valid.
//!
//! WeCom's frequency limits hold: within an hour at most 400 fetches of a
//! corp's ticket, no more than 100 of them by one app (each sandbox token
//! is one app's, so 100 binds), and 100 of an app's ticket; past them 45009
//! (an SDK that does not cache tickets hits it).
//!
//! Error codes: 40058 for a `type` other than `agent_config`; 301002 when
//! the token acts as no app; 45009 over the hourly limit.

pub(crate) mod console;

use std::collections::{HashMap, VecDeque};

use serde_json::json;
use sha1::{Digest, Sha1};

use super::agent::token_agent;
use super::ids::IdGen;
use super::params::query_param;
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, Reply, fields};
use super::tokens::require_any_corp;
use super::tokens::{DEFAULT_TTL, TokenIssue, TokenStore};

/// WeCom: no privilege to operate on this app.
const NO_APP_PRIVILEGE: i64 = 301_002;
/// WeCom: API frequency limit exceeded (接口调用超过限制).
const FREQ_OUT_OF_LIMIT: i64 = 45_009;
/// Fetches of a corp's ticket allowed per hour: 400 per corp, and no app
/// more than 100 ("一个企业最多可获取400次，且单个应用不能超过100次"). Each
/// sandbox token is one app's, so the per-app 100 binds first.
const CORP_TICKETS_PER_HOUR: usize = 400;
/// Fetches of a corp's ticket one app may make per hour.
const CORP_TICKETS_PER_APP_HOUR: usize = 100;
/// Fetches of an app's ticket allowed per hour.
const APP_TICKETS_PER_HOUR: usize = 100;

/// Every path this module serves, relative to `/cgi-bin/`.
pub(crate) const PATHS: &[&str] = &["get_jsapi_ticket", "ticket/get"];

/// Whose ticket: a corp's (`None`) or one of its apps'.
pub(crate) type Scope = (String, Option<i64>);

#[derive(Debug, Clone)]
struct Ticket {
    scope: Scope,
    expires_at: i64,
}

/// Every ticket handed out, and the fetch counters.
#[derive(Debug)]
pub(crate) struct JsSdkState {
    tickets: HashMap<String, Ticket>,
    current: HashMap<Scope, String>,
    fetches: HashMap<Scope, usize>,
    /// When each scope's ticket was fetched within the last hour.
    recent: HashMap<Scope, VecDeque<i64>>,
    pub(crate) ttl: u64,
    pub(crate) issue_mode: TokenIssue,
    ids: IdGen,
}

impl Default for JsSdkState {
    fn default() -> Self {
        JsSdkState {
            tickets: HashMap::new(),
            current: HashMap::new(),
            fetches: HashMap::new(),
            recent: HashMap::new(),
            ttl: DEFAULT_TTL,
            issue_mode: TokenIssue::default(),
            ids: IdGen::new(),
        }
    }
}

impl JsSdkState {
    /// A ticket for `scope` and its `expires_in`, counted as a fetch
    /// (45009 past the hourly limit).
    fn issue(&mut self, scope: Scope, now: i64) -> Result<(String, u64), ApiError> {
        *self.fetches.entry(scope.clone()).or_default() += 1;
        let recent = self.recent.entry(scope.clone()).or_default();
        while recent.front().is_some_and(|&at| at <= now - 3600) {
            recent.pop_front();
        }
        let limit = if scope.1.is_some() {
            APP_TICKETS_PER_HOUR
        } else {
            CORP_TICKETS_PER_HOUR.min(CORP_TICKETS_PER_APP_HOUR)
        };
        if recent.len() >= limit {
            return Err(ApiError::new(
                FREQ_OUT_OF_LIMIT,
                format!("api freq out of limit: {limit} tickets per hour"),
            ));
        }
        recent.push_back(now);
        Ok(self.issue_unlimited(scope, now))
    }

    fn issue_unlimited(&mut self, scope: Scope, now: i64) -> (String, u64) {
        if self.issue_mode == TokenIssue::SameWhileValid
            && let Some(current) = self.current.get(&scope)
            && let Some(t) = self.tickets.get(current)
            && now < t.expires_at
        {
            return (current.clone(), u64::try_from(t.expires_at - now).unwrap_or(0));
        }
        let ticket = format!("sbxticket{}", self.ids.token());
        let ttl = i64::try_from(self.ttl).unwrap_or(i64::MAX);
        self.tickets.insert(
            ticket.clone(),
            Ticket {
                scope: scope.clone(),
                expires_at: now.saturating_add(ttl),
            },
        );
        self.current.insert(scope, ticket.clone());
        (ticket, self.ttl)
    }

    /// How many times `scope`'s ticket was fetched.
    pub(crate) fn fetches(&self, scope: &Scope) -> usize {
        self.fetches.get(scope).copied().unwrap_or(0)
    }

    /// Whether `signature` signs page `url` with a still-valid ticket of `scope`.
    pub(crate) fn verify(
        &self,
        scope: &Scope,
        url: &str,
        noncestr: &str,
        timestamp: i64,
        signature: &str,
        now: i64,
    ) -> bool {
        let url = url.split_once('#').map_or(url, |(page, _)| page);
        self.tickets.iter().any(|(ticket, t)| {
            &t.scope == scope && now < t.expires_at && sign(ticket, noncestr, timestamp, url) == signature
        })
    }

    /// Every ticket handed out so far expires.
    pub(crate) fn expire_all(&mut self) {
        for t in self.tickets.values_mut() {
            t.expires_at = i64::MIN;
        }
    }

    /// The current ticket of `scope`, if still valid.
    pub(crate) fn current(&self, scope: &Scope, now: i64) -> Option<String> {
        let ticket = self.current.get(scope)?;
        self.tickets
            .get(ticket)
            .filter(|t| now < t.expires_at)
            .map(|_| ticket.clone())
    }
}

/// The JS-SDK signature, computed independently of the SDK.
fn sign(ticket: &str, noncestr: &str, timestamp: i64, url: &str) -> String {
    let plain = format!("jsapi_ticket={ticket}&noncestr={noncestr}&timestamp={timestamp}&url={url}");
    hex::encode(Sha1::digest(plain.as_bytes()))
}

/// Answers `get_jsapi_ticket` and `ticket/get`.
pub(crate) fn handle(state: &mut JsSdkState, tokens: &TokenStore, req: &RecordedRequest, now: i64) -> Reply {
    Reply::from_result(answer(state, tokens, req, now))
}

fn answer(state: &mut JsSdkState, tokens: &TokenStore, req: &RecordedRequest, now: i64) -> ApiResult {
    let corpid = require_any_corp(tokens, &req.query, now)?;
    let scope = if req.path == "ticket/get" {
        match query_param(&req.query, "type") {
            Some("agent_config") => {}
            Some(other) => return Err(ApiError::invalid(format!("invalid type `{other}`"))),
            None => return Err(ApiError::invalid("missing type")),
        }
        let agentid = token_agent(&corpid)
            .ok_or_else(|| ApiError::new(NO_APP_PRIVILEGE, "the access_token belongs to no app"))?;
        (corpid, Some(agentid))
    } else {
        (corpid, None)
    };
    let (ticket, expires_in) = state.issue(scope, now)?;
    Ok(fields(json!({"ticket": ticket, "expires_in": expires_in})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_signs_like_the_documentation() {
        assert_eq!(
            sign(
                "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
                "Wm3WZYTPz0wzccnW",
                1414587457,
                "http://mp.weixin.qq.com?params=value"
            ),
            "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
        );
    }

    #[test]
    fn tickets_are_the_same_while_valid_and_expire() {
        let mut s = JsSdkState::default();
        let scope: Scope = ("ww".into(), None);
        let (a, ttl) = s.issue(scope.clone(), 1000).unwrap();
        assert_eq!(ttl, DEFAULT_TTL);
        let (b, left) = s.issue(scope.clone(), 1100).unwrap();
        assert_eq!((a.as_str(), left), (b.as_str(), DEFAULT_TTL - 100));
        let (c, _) = s.issue(scope.clone(), 1000 + 7200).unwrap();
        assert_ne!(a, c);
        assert_eq!(s.fetches(&scope), 3);
        let sig = sign(&c, "n", 1, "https://a.example.com/");
        assert!(s.verify(&scope, "https://a.example.com/#x", "n", 1, &sig, 9000));
        assert!(!s.verify(
            &("ww".into(), Some(1)),
            "https://a.example.com/",
            "n",
            1,
            &sig,
            9000
        ));
        s.expire_all();
        assert!(!s.verify(&scope, "https://a.example.com/", "n", 1, &sig, 9000));
    }

    #[test]
    fn fetching_is_limited_per_hour() {
        let mut s = JsSdkState::default();
        let app: Scope = ("ww".into(), Some(1));
        for i in 0..100 {
            assert!(s.issue(app.clone(), 1000 + i).is_ok());
        }
        assert_eq!(s.issue(app.clone(), 2000).unwrap_err().code, FREQ_OUT_OF_LIMIT);
        assert!(
            s.issue(app.clone(), 1000 + 3600).is_ok(),
            "the oldest fetch left the hour"
        );
        // The corp's ticket, fetched by one app (every sandbox token is one
        // app's): that app's 100 of the corp's 400.
        let corp: Scope = ("ww".into(), None);
        for _ in 0..100 {
            assert!(s.issue(corp.clone(), 5000).is_ok());
        }
        assert!(s.issue(corp, 5000).is_err());
    }
}
