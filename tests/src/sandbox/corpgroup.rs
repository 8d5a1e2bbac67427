//! `corpgroup/corp/gettoken` (获取下级/下游企业的access_token): an upstream
//! corp's app token buys a token for the downstream corp that shares the app.

use serde_json::json;

use super::codes;
use super::creds;
use super::params::{JsonBody, query_param};
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, Reply, fields};
use super::tokens::{DOWNSTREAM_TOKEN, TokenKind, TokenStore, require_corp};

/// Path of the downstream-token endpoint.
pub(crate) const CORP_GETTOKEN: &str = DOWNSTREAM_TOKEN;

/// WeCom: agentid missing (缺少agentid参数).
const MISSING_AGENTID: i64 = 41011;

/// Upstream corps and the downstream corps in their chain.
const CHAINS: &[(&str, &str)] = &[
    (creds::CORPID, creds::DOWNSTREAM_CORPID),
    (creds::CUSTOMER_CORPID, creds::DOWNSTREAM_CORPID),
];

/// Answers `POST corpgroup/corp/gettoken`.
pub(crate) fn handle(tokens: &mut TokenStore, req: &RecordedRequest, now: i64) -> Reply {
    Reply::from_result(gettoken(tokens, req, now))
}

/// `POST corpgroup/corp/gettoken?access_token=UPSTREAM` with
/// `{corpid, agentid, business_type?}`: a corp token for the downstream corp
/// `corpid`, which `user/get` accepts for that corp's members. The upstream
/// token must belong to a corp whose chain holds `corpid` ([`creds::CORPID`]
/// or [`creds::CUSTOMER_CORPID`] upstream of [`creds::DOWNSTREAM_CORPID`]);
/// any positive `agentid` stands for the shared app.
pub(crate) fn gettoken(tokens: &mut TokenStore, req: &RecordedRequest, now: i64) -> ApiResult {
    if req.method != "POST" {
        return Err(ApiError::new(codes::REQUIRE_POST, "require POST method"));
    }
    let upstream = query_param(&req.query, "access_token")
        .and_then(|token| tokens.corp_of(token))
        .unwrap_or(creds::CORPID)
        .to_owned();
    require_corp(tokens, &req.query, &upstream, now)?;
    let body = JsonBody::parse(&req.body)?;
    let f = body.fields();
    let corpid = f.req_str("corpid")?;
    let agentid = f
        .opt_int("agentid")?
        .ok_or_else(|| ApiError::new(MISSING_AGENTID, "missing agentid"))?;
    if agentid <= 0 {
        return Err(ApiError::invalid("agentid must be positive"));
    }
    let business_type = f.opt_int("business_type")?.unwrap_or(0);
    if !matches!(business_type, 0 | 1) {
        return Err(ApiError::invalid("business_type must be 0 or 1"));
    }
    if !CHAINS.contains(&(upstream.as_str(), corpid)) {
        return Err(ApiError::new(
            codes::INVALID_CORPID,
            format!("invalid corpid {corpid}: not downstream of {upstream}"),
        ));
    }
    let (token, expires_in) = tokens.issue(TokenKind::Corp(corpid.to_owned()), now);
    Ok(fields(json!({"access_token": token, "expires_in": expires_in})))
}
