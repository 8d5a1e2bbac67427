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

/// A kind of access token. Implemented by the marker types [`Corp`],
/// [`Provider`] and [`Suite`]; used as the parameter of
/// [`HasToken`](crate::HasToken).
pub trait TokenKind: Send + Sync + 'static {
    /// The facts about this kind.
    const INFO: KindInfo;
}

/// The corp `access_token` (self-built app via `gettoken`, an authorized
/// customer corp via `service/get_corp_token`, a downstream corp via
/// `corpgroup/corp/gettoken`). Expired: 42001; invalid: 40014.
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
        // 40001 means a wrong *secret* in WeCom, not a stale token: never retried.
        invalid_codes: &[40014, 42001],
    };
}

impl TokenKind for Provider {
    const INFO: KindInfo = KindInfo {
        name: "provider",
        param: "provider_access_token",
        invalid_codes: &[40082, 42009],
    };
}

impl TokenKind for Suite {
    const INFO: KindInfo = KindInfo {
        name: "suite",
        param: "suite_access_token",
        invalid_codes: &[40082, 42009],
    };
}
