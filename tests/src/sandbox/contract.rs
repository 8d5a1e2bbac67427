//! What every request must satisfy before a family sees it, taken from the
//! SDK's registry (`wecom_apis::endpoints()`): the HTTP method and the token
//! parameter each declared endpoint takes. Families then check what only they
//! know (which corp or suite the token belongs to, the body).

use std::collections::HashMap;
use std::sync::LazyLock;

use wecom_apis::{Endpoint, Method};

use super::codes;
use super::params::query_param;
use super::record::RecordedRequest;
use super::reply::ApiError;
use super::tokens::MISSING_SUITE_TOKEN;

/// The declared endpoints by path.
static DECLARED: LazyLock<HashMap<&'static str, &'static Endpoint>> =
    LazyLock::new(|| wecom_apis::endpoints().map(|e| (e.path(), e)).collect());

/// Checks `req` against its endpoint's declaration, if the SDK declares one:
/// a POST endpoint refuses other methods (43002), and the token parameter
/// the endpoint takes must be present (41001, or 41022 for the suite token).
pub(crate) fn check(req: &RecordedRequest) -> Result<(), ApiError> {
    let Some(endpoint) = DECLARED.get(req.path.as_str()) else {
        return Ok(());
    };
    if endpoint.method() == Method::Post && req.method != "POST" {
        return Err(ApiError::new(codes::REQUIRE_POST, "require POST method"));
    }
    if let Some(param) = endpoint.token_param()
        && query_param(&req.query, param).is_none_or(str::is_empty)
    {
        let code = if param == "suite_access_token" {
            MISSING_SUITE_TOKEN
        } else {
            codes::MISSING_TOKEN
        };
        return Err(ApiError::new(code, format!("{param} missing")));
    }
    Ok(())
}
