//! 上下游 (`corpgroup/*` and `miniprogram/transfer_session`) in the sandbox.
//!
//! # The chain
//! [`creds::CORPID`] (the brand) owns chain `Chsandbox0000001`
//! 「沙箱品牌经销商网络」, into which its app **1000005** is shared:
//!
//! * groups: 1 (root, implicit), 2 「华东经销商」 (parent 1), 3 「上海门店」
//!   (parent 2), 4 「华北经销商」 (parent 1, empty);
//! * [`creds::DOWNSTREAM_CORPID`] — joined, group 2, custom id `D0001`,
//!   verified, shared agentid 1000002, members `alice` (custom id 1001) and
//!   `bob` (1002);
//! * `wwdownstream0002` 「沙箱二级门店」 — joined, group 3, custom id `D0002`,
//!   certified, shared agentid 1000003, members `carol` (2001) and `dave`;
//! * `wppending0000001` 「待加入门店」 — pending (not joined), group 2.
//!
//! `corpgroup/corp/gettoken` gives a downstream token for a joined corp of
//! the caller's chain (any positive agentid), and also for
//! [`creds::DOWNSTREAM_CORPID`] under [`creds::CUSTOMER_CORPID`].
//!
//! # Behaviour
//! * Upstream endpoints need a corp token of the chain's owner; a token of
//!   a corp that owns no chain gets 48002 (`get_chain_list` answers an
//!   empty list instead). `miniprogram/transfer_session` needs a
//!   **downstream** corp's token (48002 otherwise);
//!   `batch/external_userid_to_pending_id` takes either side (a downstream
//!   corp sees only its own customers).
//! * WeChat users (fans) are registered by unionid/openid on first sight
//!   (`unionid_to_pending_id`, [`Sandbox::add_downstream_customer`]); a
//!   pending_id lasts 90 days of sandbox clock, after which a new one is
//!   issued. `batch/external_userid_to_pending_id` issues one if needed and
//!   leaves unknown external_userids out.
//! * An import job advances one step per `getresult` poll: the first poll
//!   answers status 2, the second 3 with the result, and only then are the
//!   corps added (new ones as pending corps in their `group_path`, groups
//!   created as needed; known `custom_id`s get their contacts replaced).
//!   Contacts with an identity_type other than 1/2 fail with 670016, bad
//!   mobiles with 60103, bad user_custom_ids with 40058; a failing contact
//!   blocks its corp. One job per corp at a time.
//! * Rules must name known members (of the owner) / corps / groups.
//!
//! Error codes: WeCom's 40013 (corp not joined / not in the chain), 40056
//! (agentid is not the chain's app), 40058 (malformed or unknown chain,
//! group, cursor, openid not matching its unionid, more than 100 ids),
//! 41002 (neither corpid nor pending_corpid), 43002 (POST required), 48002
//! (wrong side of the chain), 60103, 60111, 670016. Sandbox-chosen:
//! 670901 an import job is still running, 670902 unknown jobid, 670903
//! corp not in the chain, 670904 unknown rule, 670905 unknown or mismatched
//! mini-program session.
//!
//! [`Sandbox::add_downstream_customer`]: super::Sandbox::add_downstream_customer

mod chain;
pub(crate) mod console;
mod customers;
mod import;
mod model;
mod rules;

use serde_json::{Value, json};

use super::codes;
use super::creds;
use super::params::{Fields, JsonBody};
use super::record::RecordedRequest;
use super::reply::{ApiError, ApiResult, Reply, fields};
use super::tokens::{DOWNSTREAM_TOKEN, TokenKind, TokenStore, require_any_corp};

use model::Chain;
pub(crate) use model::CorpGroupState;

/// Path of the downstream-token endpoint.
pub(crate) const CORP_GETTOKEN: &str = DOWNSTREAM_TOKEN;

/// The chain of [`creds::CORPID`].
pub(crate) const CHAIN_ID: &str = "Chsandbox0000001";
/// Its name.
pub(crate) const CHAIN_NAME: &str = "沙箱品牌经销商网络";
/// The upstream app shared into the chain.
pub(crate) const UPSTREAM_AGENTID: i64 = 1_000_005;
/// The second downstream corp.
pub(crate) const DOWNSTREAM2_CORPID: &str = "wwdownstream0002";
/// Its name.
pub(crate) const DOWNSTREAM2_NAME: &str = "沙箱二级门店";
/// Its members and their custom ids.
pub(crate) const DOWNSTREAM2_USERS: &[(&str, &str)] = &[("carol", "2001"), ("dave", "")];
/// The pending corp of the chain.
pub(crate) const PENDING_CORPID: &str = "wppending0000001";
/// Validity of a pending_id: 90 days.
pub(crate) const PENDING_VALIDITY: i64 = 90 * 86_400;

/// WeCom: agentid missing (缺少agentid参数).
const MISSING_AGENTID: i64 = 41011;
/// WeCom: invalid agentid (不合法的agentid).
const INVALID_AGENTID: i64 = 40056;
/// WeCom: API not allowed for this caller (API接口无权限调用).
const API_FORBIDDEN: i64 = 48002;
/// WeCom: invalid mobile (手机号码不合法).
const INVALID_MOBILE: i64 = 60103;
/// WeCom (getresult example): invalid contact identity.
const INVALID_IDENTITY: i64 = 670_016;
/// Sandbox-chosen: an import job of this corp is still running.
const IMPORT_JOB_RUNNING: i64 = 670_901;
/// Sandbox-chosen: unknown jobid.
const JOB_NOT_FOUND: i64 = 670_902;
/// Sandbox-chosen: the corp is not in the chain.
const CORP_NOT_IN_CHAIN: i64 = 670_903;
/// Sandbox-chosen: unknown rule.
const RULE_NOT_FOUND: i64 = 670_904;
/// Sandbox-chosen: unknown or mismatched mini-program session.
const INVALID_SESSION: i64 = 670_905;

/// Every path this module serves, relative to `/cgi-bin/` (kept beside
/// [`handle`]'s match; a test checks that each one is handled).
pub(crate) const PATHS: &[&str] = &[
    CORP_GETTOKEN,
    "corpgroup/corp/list_app_share_info",
    "corpgroup/corp/get_chain_list",
    "corpgroup/corp/get_chain_group",
    "corpgroup/corp/get_chain_corpinfo_list",
    "corpgroup/corp/get_chain_corpinfo",
    "corpgroup/corp/remove_corp",
    "corpgroup/corp/get_chain_user_custom_id",
    "corpgroup/get_corp_shared_chain_list",
    "corpgroup/unionid_to_external_userid",
    "corpgroup/unionid_to_pending_id",
    "corpgroup/batch/external_userid_to_pending_id",
    "miniprogram/transfer_session",
    "corpgroup/import_chain_contact",
    "corpgroup/getresult",
    "corpgroup/rule/list_ids",
    "corpgroup/rule/get_rule_info",
    "corpgroup/rule/add_rule",
    "corpgroup/rule/modify_rule",
    "corpgroup/rule/delete_rule",
];

/// Answers every `corpgroup/*` path and `miniprogram/transfer_session`.
pub(crate) fn handle(
    state: &mut CorpGroupState,
    tokens: &mut TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    let result = match req.path.as_str() {
        CORP_GETTOKEN => gettoken(state, tokens, req, now),
        "corpgroup/corp/list_app_share_info" => chain::list_app_share_info(state, tokens, req, now),
        "corpgroup/corp/get_chain_list" => chain::get_chain_list(state, tokens, req, now),
        "corpgroup/corp/get_chain_group" => chain::get_chain_group(state, tokens, req, now),
        "corpgroup/corp/get_chain_corpinfo_list" => chain::get_chain_corpinfo_list(state, tokens, req, now),
        "corpgroup/corp/get_chain_corpinfo" => chain::get_chain_corpinfo(state, tokens, req, now),
        "corpgroup/corp/remove_corp" => chain::remove_corp(state, tokens, req, now),
        "corpgroup/corp/get_chain_user_custom_id" => chain::get_chain_user_custom_id(state, tokens, req, now),
        "corpgroup/get_corp_shared_chain_list" => chain::get_corp_shared_chain_list(state, tokens, req, now),
        "corpgroup/unionid_to_external_userid" => {
            customers::unionid_to_external_userid(state, tokens, req, now)
        }
        "corpgroup/unionid_to_pending_id" => customers::unionid_to_pending_id(state, tokens, req, now),
        "corpgroup/batch/external_userid_to_pending_id" => {
            customers::external_userid_to_pending_id(state, tokens, req, now)
        }
        "miniprogram/transfer_session" => customers::transfer_session(state, tokens, req, now),
        "corpgroup/import_chain_contact" => import::import_chain_contact(state, tokens, req, now),
        "corpgroup/getresult" => import::getresult(state, tokens, req, now),
        "corpgroup/rule/list_ids" => rules::list_ids(state, tokens, req, now),
        "corpgroup/rule/get_rule_info" => rules::get_rule_info(state, tokens, req, now),
        "corpgroup/rule/add_rule" => rules::add_rule(state, tokens, req, now),
        "corpgroup/rule/modify_rule" => rules::modify_rule(state, tokens, req, now),
        "corpgroup/rule/delete_rule" => rules::delete_rule(state, tokens, req, now),
        path => return Reply::not_found(path),
    };
    Reply::from_result(result)
}

/// `POST corpgroup/corp/gettoken?access_token=UPSTREAM` with
/// `{corpid, agentid, business_type?}`: a corp token for the downstream corp
/// `corpid`, which `user/get` accepts for that corp's members. The upstream
/// token must belong to a corp whose chain holds `corpid` (joined); any
/// positive `agentid` stands for the shared app.
pub(crate) fn gettoken(
    state: &CorpGroupState,
    tokens: &mut TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let upstream = require_any_corp(tokens, &req.query, now)?;
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
    let customer_chain = upstream == creds::CUSTOMER_CORPID && corpid == creds::DOWNSTREAM_CORPID;
    if !customer_chain && !state.is_downstream_of(&upstream, corpid) {
        return Err(ApiError::new(
            codes::INVALID_CORPID,
            format!("invalid corpid {corpid}: not downstream of {upstream}"),
        ));
    }
    let (token, expires_in) = tokens.issue(TokenKind::Corp(corpid.to_owned()), now);
    Ok(fields(json!({"access_token": token, "expires_in": expires_in})))
}

/// The caller, which must own a chain (else 48002).
fn upstream_caller(
    state: &CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> Result<String, ApiError> {
    let corp = require_any_corp(tokens, &req.query, now)?;
    if !state.is_upstream(&corp) {
        return Err(ApiError::new(
            API_FORBIDDEN,
            format!(
                "api forbidden: {corp} is not the upstream corp of a chain (use the upstream corp's access_token)"
            ),
        ));
    }
    Ok(corp)
}

/// 43002 unless the request is a POST.
/// The entry check of every upstream-only POST: the method, the caller's
/// token (an upstream corp), and the JSON body. Returns the caller and the body.
fn upstream_post(
    state: &CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> Result<(String, JsonBody), ApiError> {
    let owner = upstream_caller(state, tokens, req, now)?;
    Ok((owner, JsonBody::parse(&req.body)?))
}

/// The chain `chain_id` owned by `owner` (40058 otherwise).
fn owned_chain<'s>(
    state: &'s mut CorpGroupState,
    owner: &str,
    chain_id: &str,
) -> Result<&'s mut Chain, ApiError> {
    state
        .chains
        .iter_mut()
        .find(|c| c.chain_id == chain_id && c.owner == owner)
        .ok_or_else(|| ApiError::invalid(format!("invalid chain_id {chain_id}")))
}

/// An optional bool field: `true`/`false`, or `0`/`1`.
fn opt_bool(f: &Fields<'_>, key: &str) -> Result<Option<bool>, ApiError> {
    match f.get(key) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(v) => match v.as_i64() {
            Some(n) => Ok(Some(n != 0)),
            None => Err(ApiError::invalid(format!("{key} must be a bool"))),
        },
    }
}

/// An optional non-negative integer field that fits `u32`.
fn opt_u32(f: &Fields<'_>, key: &str) -> Result<Option<u32>, ApiError> {
    match f.opt_int(key)? {
        None => Ok(None),
        Some(n) => u32::try_from(n)
            .map(Some)
            .map_err(|_| ApiError::invalid(format!("{key} out of range"))),
    }
}

/// Offset paging with the cursor as a decimal offset string: the page and
/// the next cursor (empty at the end).
fn page<T: Clone>(items: &[T], cursor: Option<&str>, limit: usize) -> Result<(Vec<T>, String), ApiError> {
    let start = match cursor {
        None => 0,
        Some(c) => c
            .parse::<usize>()
            .ok()
            .filter(|&n| n <= items.len())
            .ok_or_else(|| ApiError::invalid(format!("invalid cursor {c}")))?,
    };
    if limit == 0 {
        return Ok((items[start..].to_vec(), String::new()));
    }
    let end = (start + limit).min(items.len());
    let next = if end < items.len() {
        end.to_string()
    } else {
        String::new()
    };
    Ok((items[start..end].to_vec(), next))
}
