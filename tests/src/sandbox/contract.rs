//! What every request must satisfy before a family sees it, taken from the
//! SDK's registry (`wecom_apis::endpoints()`): the HTTP method, the token
//! parameter each declared endpoint takes, and that the token there is a
//! valid one of the declared kind. Families then check what only they know
//! (which corp or suite the token belongs to, the body).

use std::collections::HashMap;
use std::sync::LazyLock;

use wecom_apis::{Corp, Endpoint, Method, Provider, Suite, TokenKind as _};

use super::codes;
use super::params::query_param;
use super::record::RecordedRequest;
use super::reply::ApiError;
use super::tokens::{TokenKind, TokenStore, missing_token};

/// The declared endpoints by path.
static DECLARED: LazyLock<HashMap<&'static str, &'static Endpoint>> =
    LazyLock::new(|| wecom_apis::endpoints().map(|e| (e.path(), e)).collect());

/// Checks `req` against its endpoint's declaration, if the SDK declares one:
/// a POST endpoint refuses other methods (43002); the token parameter the
/// endpoint takes must be present (41001, or 41022 for the suite token) and
/// hold a token of the declared kind (40014 / 40082 when unknown or of
/// another kind; 42001 / 42009 when expired, as the sandbox is configured).
pub(crate) fn check(req: &RecordedRequest, tokens: &TokenStore, now: i64) -> Result<(), ApiError> {
    let Some(endpoint) = DECLARED.get(req.path.as_str()) else {
        return Ok(());
    };
    if endpoint.method() == Method::Post && req.method != "POST" {
        return Err(ApiError::new(codes::REQUIRE_POST, "require POST method"));
    }
    let (Some(param), Some(kind)) = (endpoint.token_param(), endpoint.token_kind()) else {
        return Ok(());
    };
    let token = query_param(&req.query, param)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| missing_token(param))?;
    let (is_corp, is_provider) = (kind == &Corp::INFO, kind == &Provider::INFO);
    let state = tokens.check(
        token,
        |issued| match issued {
            TokenKind::Corp(_) => is_corp,
            TokenKind::Provider => is_provider,
            TokenKind::Suite(_) => kind == &Suite::INFO,
        },
        now,
    );
    tokens.state_error(state, is_corp, param)
}
