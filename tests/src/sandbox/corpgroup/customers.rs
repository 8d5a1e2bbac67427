//! WeChat users across the chain: `unionid_to_external_userid`,
//! `unionid_to_pending_id`, `batch/external_userid_to_pending_id`, and the
//! downstream mini-program session (`miniprogram/transfer_session`).

use serde_json::{Value, json};

use super::super::params::JsonBody;
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::TokenStore;
use super::super::tokens::require_any_corp;
use super::{API_FORBIDDEN, CorpGroupState, INVALID_SESSION, upstream_post};

/// Most external_userids per `batch/external_userid_to_pending_id`.
const MAX_EXTERNAL_USERIDS: usize = 100;

/// `POST corpgroup/unionid_to_external_userid` with `{unionid, openid,
/// corpid?, mass_call_ticket?}`: the fan's external_userid in each joined
/// corp of the caller's chains where it is a customer.
pub(super) fn unionid_to_external_userid(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let unionid = f.req_str("unionid")?;
    let openid = f.req_str("openid")?;
    let only = f.opt_str("corpid")?;
    state.fan(unionid, openid).map_err(ApiError::invalid)?;
    let info: Vec<Value> = state
        .customers
        .iter()
        .filter(|c| c.unionid == unionid && only.is_none_or(|o| o == c.corpid))
        .filter(|c| state.is_downstream_of(&owner, &c.corpid))
        .map(|c| json!({"corpid": c.corpid, "external_userid": c.external_userid}))
        .collect();
    Ok(fields(json!({ "external_userid_info": info })))
}

/// `POST corpgroup/unionid_to_pending_id` with `{unionid, openid}`.
pub(super) fn unionid_to_pending_id(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (_, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let unionid = f.req_str("unionid")?;
    let openid = f.req_str("openid")?;
    state.fan(unionid, openid).map_err(ApiError::invalid)?;
    let pending_id = state.pending_id(unionid, now).unwrap_or_default();
    Ok(fields(json!({ "pending_id": pending_id })))
}

/// `POST corpgroup/batch/external_userid_to_pending_id` with
/// `{external_userid: [..≤100], chat_id?}`, upstream or downstream token.
/// `chat_id` is accepted and not checked.
pub(super) fn external_userid_to_pending_id(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let corp = require_any_corp(tokens, &req.query, now)?;
    let upstream = state.is_upstream(&corp);
    if !upstream && !state.is_downstream(&corp) {
        return Err(ApiError::new(
            API_FORBIDDEN,
            format!("api forbidden: {corp} is in no chain"),
        ));
    }
    let body = JsonBody::parse(&req.body)?;
    let f = body.fields();
    f.opt_str("chat_id")?;
    let list = f.req_list("external_userid", MAX_EXTERNAL_USERIDS)?;
    let mut wanted = Vec::with_capacity(list.len());
    for item in list {
        let id = item
            .as_str()
            .ok_or_else(|| ApiError::invalid("external_userid must hold strings"))?;
        wanted.push(id.to_owned());
    }
    let mut result = Vec::new();
    for external_userid in wanted {
        let Some(customer) = state
            .customers
            .iter()
            .find(|c| c.external_userid == external_userid)
        else {
            continue;
        };
        let visible = if upstream {
            state.is_downstream_of(&corp, &customer.corpid) || customer.corpid == corp
        } else {
            customer.corpid == corp
        };
        if !visible {
            continue;
        }
        let unionid = customer.unionid.clone();
        if let Some(pending_id) = state.pending_id(&unionid, now) {
            result.push(json!({"external_userid": external_userid, "pending_id": pending_id}));
        }
    }
    Ok(fields(json!({ "result": result })))
}

/// `POST miniprogram/transfer_session` with `{userid, session_key}` and a
/// downstream corp's token: the member's userid in that corp and a session
/// key of its own.
pub(super) fn transfer_session(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let corp = require_any_corp(tokens, &req.query, now)?;
    if !state.is_downstream(&corp) {
        return Err(ApiError::new(
            API_FORBIDDEN,
            format!(
                "api forbidden: {corp} is not a downstream corp; use its access_token from corpgroup/corp/gettoken"
            ),
        ));
    }
    let body = JsonBody::parse(&req.body)?;
    let f = body.fields();
    let userid = f.req_str("userid")?;
    let session_key = f.req_str("session_key")?;
    let member = state
        .sessions
        .iter()
        .find(|s| s.encrypted_userid == userid && s.session_key == session_key && s.corpid == corp)
        .ok_or_else(|| ApiError::new(INVALID_SESSION, "invalid userid or session_key for this corp"))?
        .userid
        .clone();
    let n = state.ids.next();
    let key = format!("dn{:016x}{n:04x}==", state.ids.noise(n, 21));
    Ok(fields(json!({"userid": member, "session_key": key})))
}
