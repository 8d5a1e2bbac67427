//! Token kinds: which credential an endpoint needs, the query parameter that
//! carries it, and the error codes that mean "this token is no longer good".

/// Static facts about one kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    /// Short name used in errors and traces (`corp`, `provider`, `suite`).
    pub name: &'static str,
    /// The query parameter WeCom expects the token under.
    pub param: &'static str,
    /// `errcode`s after which the cached token is dropped and the call retried once.
    pub invalid_codes: &'static [i64],
}

/// The `errcode`s that mean "this token is no longer valid", for every kind.
///
/// WeCom documents 40014/42001 for corp tokens and 40082/42009 for provider
/// and suite tokens, but deployments have been seen answering 42001 for an
/// expired provider token too, so each kind treats all four as a stale token
/// (compare-and-invalidate, then one retry). 40001 means a wrong *secret*,
/// not a stale token, and is never retried.
pub const STALE_TOKEN_CODES: &[i64] = &[40014, 42001, 40082, 42009];

/// A kind of access token. Implemented by the marker types [`Corp`],
/// [`Provider`] and [`Suite`]; used as the parameter of
/// [`HasToken`](crate::HasToken).
pub trait TokenKind: Send + Sync + 'static {
    /// The facts about this kind.
    const INFO: KindInfo;
}

/// The corp `access_token` (self-built app via `gettoken`, an authorized
/// customer corp via `service/get_corp_token`, a downstream corp via
/// `corpgroup/corp/gettoken`). Expired: 42001; invalid: 40014 (see
/// [`STALE_TOKEN_CODES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Corp {}

/// The service provider's `provider_access_token` from
/// `service/get_provider_token`. Expired: 42009; invalid: 40082.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {}

/// A third-party suite's `suite_access_token` from `service/get_suite_token`.
/// Expired: 42009; invalid: 40082.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Suite {}

impl TokenKind for Corp {
    const INFO: KindInfo = KindInfo {
        name: "corp",
        param: "access_token",
        invalid_codes: STALE_TOKEN_CODES,
    };
}

impl TokenKind for Provider {
    const INFO: KindInfo = KindInfo {
        name: "provider",
        param: "provider_access_token",
        invalid_codes: STALE_TOKEN_CODES,
    };
}

impl TokenKind for Suite {
    const INFO: KindInfo = KindInfo {
        name: "suite",
        param: "suite_access_token",
        invalid_codes: STALE_TOKEN_CODES,
    };
}
