//! Access tokens: issuing (`gettoken`, `service/get_provider_token`) and checking.
//! Suite tokens (`service/get_suite_token`) and the corp tokens of authorized
//! or downstream corps are issued by `service` and `corpgroup`, and checked here.

use std::collections::HashMap;

use serde_json::json;

use super::codes;
use super::creds;
use super::ids::IdGen;
use super::params::{JsonBody, query_param};
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, fields};

/// Default `expires_in` of new tokens, seconds.
pub(crate) const DEFAULT_TTL: u64 = 7200;

/// Path of the corp-token endpoint.
pub(crate) const GETTOKEN: &str = "gettoken";
/// Path of the provider-token endpoint.
pub(crate) const PROVIDER_TOKEN: &str = "service/get_provider_token";
/// Path of the suite-token endpoint.
pub(crate) const SUITE_TOKEN: &str = "service/get_suite_token";
/// Path of the authorized-corp token endpoint.
pub(crate) const AUTH_CORP_TOKEN: &str = "service/get_corp_token";
/// Path of the downstream-corp token endpoint.
pub(crate) const DOWNSTREAM_TOKEN: &str = "corpgroup/corp/gettoken";

/// WeCom: suite_access_token missing (缺少suite_access_token参数).
pub(crate) const MISSING_SUITE_TOKEN: i64 = 41022;

/// What a token endpoint hands out while the caller's previous token is
/// still valid. WeCom documents the first; tests run the SDK against both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TokenIssue {
    /// The same token, with its remaining `expires_in` (WeCom's behaviour).
    #[default]
    SameWhileValid,
    /// A new token on every fetch (the old one stays valid until it expires).
    NewEachFetch,
}

/// Which `errcode` an expired token gets. WeCom documents 42001 for corp
/// tokens and 42009 for provider and suite tokens; some deployments answer
/// 42001 for every kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExpiredCode {
    /// 42001 for corp tokens, 42009 for provider and suite tokens.
    #[default]
    KindOwn,
    /// 42001 for every kind.
    Always42001,
}

/// Who a token was issued to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum TokenKind {
    /// A corp `access_token` for the given corp.
    Corp(String),
    /// A `provider_access_token`.
    Provider,
    /// A `suite_access_token` of the given suite.
    Suite(String),
}

#[derive(Clone, Debug)]
struct Token {
    kind: TokenKind,
    expires_at: i64,
    force_expired: bool,
}

/// What a token check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenState {
    /// Known, of the right kind, not expired.
    Valid,
    /// Never issued, revoked, or of another kind.
    Invalid,
    /// Issued but expired.
    Expired,
}

/// Every token the sandbox has issued.
#[derive(Debug)]
pub(crate) struct TokenStore {
    tokens: HashMap<String, Token>,
    /// The newest token of each holder (for [`TokenIssue::SameWhileValid`]).
    current: HashMap<TokenKind, String>,
    ttl: u64,
    ids: IdGen,
    pub(crate) issue_mode: TokenIssue,
    pub(crate) expired_code: ExpiredCode,
}

impl TokenStore {
    /// An empty store handing out tokens valid for [`DEFAULT_TTL`].
    pub(crate) fn new() -> Self {
        TokenStore {
            tokens: HashMap::new(),
            current: HashMap::new(),
            ttl: DEFAULT_TTL,
            ids: IdGen::new(),
            issue_mode: TokenIssue::default(),
            expired_code: ExpiredCode::default(),
        }
    }

    /// Sets `expires_in` for tokens issued from now on.
    pub(crate) fn set_ttl(&mut self, secs: u64) {
        self.ttl = secs;
    }

    /// What WeCom answers for a token found in `state` under the query
    /// parameter `param`: nothing when it is valid; for a corp token 40014
    /// (unknown or of another kind) or 42001 (expired); for a provider or
    /// suite token 40082 or the configured expiry code.
    pub(crate) fn state_error(&self, state: TokenState, corp: bool, param: &str) -> Result<(), ApiError> {
        let code = match (state, corp) {
            (TokenState::Valid, _) => return Ok(()),
            (TokenState::Invalid, true) => codes::INVALID_ACCESS_TOKEN,
            (TokenState::Invalid, false) => codes::INVALID_PROVIDER_TOKEN,
            (TokenState::Expired, true) => codes::ACCESS_TOKEN_EXPIRED,
            (TokenState::Expired, false) => self.provider_expired_code(),
        };
        let message = match state {
            TokenState::Expired => format!("{param} expired"),
            _ => format!("invalid {param}"),
        };
        Err(ApiError::new(code, message))
    }

    /// The code for an expired provider or suite token.
    fn provider_expired_code(&self) -> i64 {
        match self.expired_code {
            ExpiredCode::KindOwn => codes::PROVIDER_TOKEN_EXPIRED,
            ExpiredCode::Always42001 => codes::ACCESS_TOKEN_EXPIRED,
        }
    }

    /// A token for `kind` with its `expires_in`: the current one while it is
    /// valid (with what is left of its life) under
    /// [`TokenIssue::SameWhileValid`], else a new one.
    pub(crate) fn issue(&mut self, kind: TokenKind, now: i64) -> (String, u64) {
        if self.issue_mode == TokenIssue::SameWhileValid
            && let Some(current) = self.current.get(&kind)
            && let Some(t) = self.tokens.get(current)
            && !t.force_expired
            && now < t.expires_at
        {
            let left = u64::try_from(t.expires_at - now).unwrap_or(0);
            return (current.clone(), left);
        }
        let token = self.ids.token();
        self.current.insert(kind.clone(), token.clone());
        let ttl = i64::try_from(self.ttl).unwrap_or(i64::MAX);
        self.tokens.insert(
            token.clone(),
            Token {
                kind,
                expires_at: now.saturating_add(ttl),
                force_expired: false,
            },
        );
        (token, self.ttl)
    }

    /// Checks `token` against the kind the caller needs.
    pub(crate) fn check(&self, token: &str, want: impl Fn(&TokenKind) -> bool, now: i64) -> TokenState {
        match self.tokens.get(token) {
            Some(t) if !want(&t.kind) => TokenState::Invalid,
            Some(t) if t.force_expired || now >= t.expires_at => TokenState::Expired,
            Some(_) => TokenState::Valid,
            None => TokenState::Invalid,
        }
    }

    /// The corp a corp `access_token` was issued for (expired or not), if
    /// `token` is one.
    pub(crate) fn corp_of(&self, token: &str) -> Option<&str> {
        match &self.tokens.get(token)?.kind {
            TokenKind::Corp(corpid) => Some(corpid),
            _ => None,
        }
    }

    /// Every token issued so far becomes expired.
    pub(crate) fn expire_all(&mut self) {
        for token in self.tokens.values_mut() {
            token.force_expired = true;
        }
    }

    /// Every token issued so far becomes unknown.
    pub(crate) fn revoke_all(&mut self) {
        self.tokens.clear();
        self.current.clear();
    }
}

/// Whether `path` is a token endpoint (these honour the token delay).
pub(crate) fn is_token_path(path: &str) -> bool {
    matches!(
        path,
        GETTOKEN | PROVIDER_TOKEN | SUITE_TOKEN | AUTH_CORP_TOKEN | DOWNSTREAM_TOKEN
    )
}

/// `GET gettoken?corpid=&corpsecret=`.
pub(crate) fn gettoken(store: &mut TokenStore, req: &RecordedRequest, now: i64) -> ApiResult {
    let corpid = non_empty(query_param(&req.query, "corpid")).ok_or_else(|| ApiError::missing("corpid"))?;
    let secret = non_empty(query_param(&req.query, "corpsecret"))
        .ok_or_else(|| ApiError::new(codes::MISSING_SECRET, "missing corpsecret"))?;
    if corpid != creds::CORPID {
        return Err(ApiError::new(
            codes::INVALID_CORPID,
            format!("invalid corpid {corpid}"),
        ));
    }
    if secret != creds::CORP_SECRET {
        return Err(ApiError::new(
            codes::INVALID_SECRET,
            "invalid credential: corpsecret",
        ));
    }
    let (token, expires_in) = store.issue(TokenKind::Corp(corpid.to_owned()), now);
    Ok(fields(json!({"access_token": token, "expires_in": expires_in})))
}

/// `POST service/get_provider_token` with `{corpid, provider_secret}`.
pub(crate) fn get_provider_token(store: &mut TokenStore, req: &RecordedRequest, now: i64) -> ApiResult {
    let body = JsonBody::parse(&req.body)?;
    let f = body.fields();
    let corpid = f.req_str("corpid")?;
    let secret = f
        .opt_str("provider_secret")?
        .ok_or_else(|| ApiError::new(codes::MISSING_SECRET, "missing provider_secret"))?;
    if corpid != creds::PROVIDER_CORPID {
        return Err(ApiError::new(
            codes::INVALID_CORPID,
            format!("invalid corpid {corpid}"),
        ));
    }
    if secret != creds::PROVIDER_SECRET {
        return Err(ApiError::new(
            codes::INVALID_SECRET,
            "invalid credential: provider_secret",
        ));
    }
    let (token, expires_in) = store.issue(TokenKind::Provider, now);
    Ok(fields(
        json!({"provider_access_token": token, "expires_in": expires_in}),
    ))
}

/// Guard of every `license/*` call: only a valid `provider_access_token`, and no suite token.
pub(crate) fn require_provider(
    store: &TokenStore,
    query: &[(String, String)],
    now: i64,
) -> Result<(), ApiError> {
    if query_param(query, "suite_access_token").is_some() {
        return Err(ApiError::new(
            codes::INVALID_PROVIDER_TOKEN,
            "sandbox: license APIs take provider_access_token only, but the request also carries suite_access_token",
        ));
    }
    let param = "provider_access_token";
    let token = non_empty(query_param(query, param)).ok_or_else(|| missing_token(param))?;
    store.state_error(
        store.check(token, |k| *k == TokenKind::Provider, now),
        false,
        param,
    )
}

/// Guard of corp APIs: a valid `access_token` of corp `corpid`.
pub(crate) fn require_corp(
    store: &TokenStore,
    query: &[(String, String)],
    corpid: &str,
    now: i64,
) -> Result<(), ApiError> {
    let param = "access_token";
    let token = non_empty(query_param(query, param)).ok_or_else(|| missing_token(param))?;
    let state = store.check(token, |k| matches!(k, TokenKind::Corp(c) if c == corpid), now);
    store.state_error(state, true, param)
}

/// Guard of corp APIs that answer for whichever corp the token belongs to
/// (self-built, authorized or downstream): a valid corp `access_token`, as
/// [`require_corp`] checks it. Returns the token's corp.
pub(crate) fn require_any_corp(
    store: &TokenStore,
    query: &[(String, String)],
    now: i64,
) -> Result<String, ApiError> {
    let corpid = query_param(query, "access_token")
        .and_then(|token| store.corp_of(token))
        .unwrap_or_default()
        .to_owned();
    require_corp(store, query, &corpid, now)?;
    Ok(corpid)
}

/// Guard of suite APIs: a valid `suite_access_token` (missing → 41022,
/// unknown or of another kind → 40082, expired → 42009). Returns the suite id.
pub(crate) fn require_suite(
    store: &TokenStore,
    query: &[(String, String)],
    now: i64,
) -> Result<String, ApiError> {
    let param = "suite_access_token";
    let token = non_empty(query_param(query, param)).ok_or_else(|| missing_token(param))?;
    let suite = match store.tokens.get(token) {
        Some(Token {
            kind: TokenKind::Suite(suite),
            ..
        }) => suite.clone(),
        _ => String::new(),
    };
    store
        .state_error(
            store.check(token, |k| matches!(k, TokenKind::Suite(_)), now),
            false,
            param,
        )
        .map(|()| suite)
}

/// What WeCom answers when the token parameter `param` is absent or empty:
/// 41022 for the suite token, 41001 for the others.
pub(crate) fn missing_token(param: &str) -> ApiError {
    let code = if param == "suite_access_token" {
        MISSING_SUITE_TOKEN
    } else {
        codes::MISSING_TOKEN
    };
    ApiError::new(code, format!("{param} missing"))
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn provider_token_lifecycle() {
        let mut store = TokenStore::new();
        let (token, ttl) = store.issue(TokenKind::Provider, 1000);
        assert_eq!(ttl, DEFAULT_TTL);
        let query = q(&[("provider_access_token", &token)]);
        assert!(require_provider(&store, &query, 1000).is_ok());
        let expired_at = 1000 + i64::try_from(DEFAULT_TTL).unwrap_or(0);
        assert_eq!(
            require_provider(&store, &query, expired_at).unwrap_err().code,
            codes::PROVIDER_TOKEN_EXPIRED
        );
        store.expire_all();
        assert_eq!(
            require_provider(&store, &query, 1000).unwrap_err().code,
            codes::PROVIDER_TOKEN_EXPIRED
        );
        store.revoke_all();
        assert_eq!(
            require_provider(&store, &query, 1000).unwrap_err().code,
            codes::INVALID_PROVIDER_TOKEN
        );
        assert_eq!(
            require_provider(&store, &[], 1000).unwrap_err().code,
            codes::MISSING_TOKEN
        );
    }

    #[test]
    fn suite_token_lifecycle_and_kinds() {
        let mut store = TokenStore::new();
        let (suite, _) = store.issue(TokenKind::Suite(creds::SUITE_ID.into()), 1000);
        let (provider, _) = store.issue(TokenKind::Provider, 1000);
        let (corp, _) = store.issue(TokenKind::Corp(creds::CUSTOMER_CORPID.into()), 1000);
        let query = q(&[("suite_access_token", &suite)]);
        assert_eq!(
            require_suite(&store, &query, 1000).as_deref(),
            Ok(creds::SUITE_ID)
        );
        assert_eq!(
            require_suite(&store, &q(&[("suite_access_token", &provider)]), 1000)
                .unwrap_err()
                .code,
            codes::INVALID_PROVIDER_TOKEN
        );
        assert_eq!(
            require_suite(&store, &q(&[("provider_access_token", &suite)]), 1000)
                .unwrap_err()
                .code,
            MISSING_SUITE_TOKEN
        );
        let err = require_provider(&store, &q(&[("provider_access_token", &suite)]), 1000).unwrap_err();
        assert_eq!(err.code, codes::INVALID_PROVIDER_TOKEN);
        assert_eq!(store.corp_of(&corp), Some(creds::CUSTOMER_CORPID));
        assert_eq!(store.corp_of(&suite), None);
        store.expire_all();
        assert_eq!(
            require_suite(&store, &query, 1000).unwrap_err().code,
            codes::PROVIDER_TOKEN_EXPIRED
        );
        store.revoke_all();
        assert_eq!(
            require_suite(&store, &query, 1000).unwrap_err().code,
            codes::INVALID_PROVIDER_TOKEN
        );
    }

    #[test]
    fn a_valid_token_is_handed_out_again_unless_configured_otherwise() {
        let mut store = TokenStore::new();
        let (a, ttl_a) = store.issue(TokenKind::Provider, 1000);
        let (b, ttl_b) = store.issue(TokenKind::Provider, 1100);
        assert_eq!(
            (a.as_str(), ttl_a, ttl_b),
            (b.as_str(), DEFAULT_TTL, DEFAULT_TTL - 100)
        );
        let (other, _) = store.issue(TokenKind::Corp(creds::CORPID.into()), 1100);
        assert_ne!(other, a, "each holder has its own token");
        store.expire_all();
        let (c, ttl_c) = store.issue(TokenKind::Provider, 1200);
        assert!(c != a && ttl_c == DEFAULT_TTL, "an expired token is replaced");
        store.issue_mode = TokenIssue::NewEachFetch;
        assert_ne!(store.issue(TokenKind::Provider, 1300).0, c);
    }

    #[test]
    fn expired_provider_tokens_can_answer_42001() {
        let mut store = TokenStore::new();
        let (token, _) = store.issue(TokenKind::Provider, 0);
        store.expire_all();
        let query = q(&[("provider_access_token", &token)]);
        assert_eq!(
            require_provider(&store, &query, 1).unwrap_err().code,
            codes::PROVIDER_TOKEN_EXPIRED
        );
        store.expired_code = ExpiredCode::Always42001;
        assert_eq!(
            require_provider(&store, &query, 1).unwrap_err().code,
            codes::ACCESS_TOKEN_EXPIRED
        );
    }

    #[test]
    fn token_kinds_do_not_mix() {
        let mut store = TokenStore::new();
        let (corp, _) = store.issue(TokenKind::Corp(creds::CORPID.into()), 0);
        let (provider, _) = store.issue(TokenKind::Provider, 0);
        let err = require_provider(&store, &q(&[("provider_access_token", &corp)]), 1).unwrap_err();
        assert_eq!(err.code, codes::INVALID_PROVIDER_TOKEN);
        let err = require_corp(&store, &q(&[("access_token", &provider)]), creds::CORPID, 1).unwrap_err();
        assert_eq!(err.code, codes::INVALID_ACCESS_TOKEN);
        let with_suite = q(&[("provider_access_token", &provider), ("suite_access_token", "x")]);
        assert_eq!(
            require_provider(&store, &with_suite, 1).unwrap_err().code,
            codes::INVALID_PROVIDER_TOKEN
        );
    }
}
