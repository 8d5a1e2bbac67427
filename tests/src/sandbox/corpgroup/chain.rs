//! Shared apps and the chain's contact book: `list_app_share_info`,
//! `get_chain_list`, `get_chain_group`, `get_chain_corpinfo_list`,
//! `get_chain_corpinfo`, `remove_corp`, `get_chain_user_custom_id`,
//! `get_corp_shared_chain_list`.

use serde_json::{Value, json};

use super::super::codes;
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::{TokenStore, require_any_corp};
use super::model::ChainCorp;
use super::{
    CORP_NOT_IN_CHAIN, CorpGroupState, INVALID_AGENTID, opt_bool, opt_u32, owned_chain, page, upstream_post,
};

/// Most corps per `list_app_share_info` page.
const SHARE_LIMIT: i64 = 100;

/// `POST corpgroup/corp/list_app_share_info` with `{agentid, business_type,
/// corpid?, limit?, cursor?}`: the joined corps the chain's app is shared
/// with; `ending` 1 on the last page.
pub(super) fn list_app_share_info(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let agentid = f.req_int("agentid")?;
    let business_type = f.opt_int("business_type")?.unwrap_or(0);
    if !matches!(business_type, 0 | 1) {
        return Err(ApiError::invalid("business_type must be 0 or 1"));
    }
    let limit = f.non_negative("limit", 0)?;
    if limit > SHARE_LIMIT {
        return Err(ApiError::invalid(format!("limit {limit} exceeds {SHARE_LIMIT}")));
    }
    let only = f.opt_str("corpid")?;
    let cursor = f.opt_str("cursor")?;
    let chains: Vec<_> = state.chains.iter().filter(|c| c.owner == owner).collect();
    if !chains.iter().any(|c| c.agentid == agentid) {
        return Err(ApiError::new(
            INVALID_AGENTID,
            format!("invalid agentid {agentid}: not an app shared into a chain"),
        ));
    }
    // The sandbox has no 企业互联 groups: business_type 0 lists nothing.
    let corps: Vec<Value> = if business_type == 1 {
        chains
            .iter()
            .filter(|c| c.agentid == agentid)
            .flat_map(|c| c.corps.iter())
            .filter(|c| c.is_joined())
            .filter(|c| only.is_none_or(|o| c.corpid.as_deref() == Some(o)))
            .map(|c| {
                json!({
                    "corpid": c.corpid,
                    "corp_name": c.corp_name,
                    "agentid": c.agentid.unwrap_or_default(),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let (items, next) = page(&corps, cursor, usize::try_from(limit).unwrap_or(0))?;
    Ok(fields(json!({
        "ending": i64::from(next.is_empty()),
        "corp_list": items,
        "next_cursor": next,
    })))
}

/// `GET corpgroup/corp/get_chain_list`: the caller's chains (none for a
/// corp that owns no chain).
pub(super) fn get_chain_list(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let corp = require_any_corp(tokens, &req.query, now)?;
    let chains: Vec<Value> = state
        .chains
        .iter()
        .filter(|c| c.owner == corp)
        .map(|c| json!({"chain_id": c.chain_id, "chain_name": c.chain_name}))
        .collect();
    Ok(fields(json!({ "chains": chains })))
}

/// `POST corpgroup/corp/get_chain_group` with `{chain_id, groupid?}`.
pub(super) fn get_chain_group(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let chain = owned_chain(state, &owner, f.req_str("chain_id")?)?;
    let only = opt_u32(&f, "groupid")?;
    if let Some(g) = only
        && !chain.groups.iter().any(|x| x.groupid == g)
    {
        return Err(ApiError::invalid(format!("invalid groupid {g}")));
    }
    let groups: Vec<Value> = chain
        .groups
        .iter()
        .filter(|g| only.is_none_or(|o| o == g.groupid))
        .map(|g| {
            json!({
                "groupid": g.groupid,
                "group_name": g.name,
                "parentid": g.parentid,
                "order": g.order,
            })
        })
        .collect();
    Ok(fields(json!({ "groups": groups })))
}

/// `POST corpgroup/corp/get_chain_corpinfo_list` with `{chain_id,
/// groupid?, need_pending?, cursor?, limit?}`: the corps directly in the
/// group (root by default); `is_joined` as 0/1, `has_more` as a bool.
pub(super) fn get_chain_corpinfo_list(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let chain = owned_chain(state, &owner, f.req_str("chain_id")?)?;
    let groupid = opt_u32(&f, "groupid")?.unwrap_or(1);
    if !chain.has_group(groupid) {
        return Err(ApiError::invalid(format!("invalid groupid {groupid}")));
    }
    let need_pending = opt_bool(&f, "need_pending")?.unwrap_or(false);
    let limit = f.non_negative("limit", 0)?;
    let corps: Vec<Value> = chain
        .corps
        .iter()
        .filter(|c| c.groupid == groupid && (need_pending || c.is_joined()))
        .map(list_item)
        .collect();
    let (items, next) = page(&corps, f.opt_str("cursor")?, usize::try_from(limit).unwrap_or(0))?;
    Ok(fields(json!({
        "has_more": !next.is_empty(),
        "next_cursor": next,
        "group_corps": items,
    })))
}

fn list_item(c: &ChainCorp) -> Value {
    let mut item = json!({
        "groupid": c.groupid,
        "corp_name": c.corp_name,
        "custom_id": c.custom_id,
        "invite_userid": c.invite_userid,
        "is_joined": i64::from(c.is_joined()),
    });
    match (&c.corpid, &c.pending_corpid) {
        (Some(id), _) => item["corpid"] = json!(id),
        (None, Some(pending)) => item["pending_corpid"] = json!(pending),
        (None, None) => {}
    }
    item
}

/// The corp named by `corpid` or `pending_corpid` (corpid wins).
fn addressed_corp(
    f: &super::super::params::Fields<'_>,
) -> Result<(Option<String>, Option<String>), ApiError> {
    let corpid = f.opt_str("corpid")?.map(str::to_owned);
    let pending = f.opt_str("pending_corpid")?.map(str::to_owned);
    if corpid.is_none() && pending.is_none() {
        return Err(ApiError::new(
            codes::MISSING_CORPID,
            "missing corpid or pending_corpid",
        ));
    }
    Ok((corpid, pending))
}

fn not_in_chain(corpid: Option<&str>, pending: Option<&str>) -> ApiError {
    ApiError::new(
        CORP_NOT_IN_CHAIN,
        format!(
            "corp {} is not in the chain",
            corpid.or(pending).unwrap_or_default()
        ),
    )
}

/// `POST corpgroup/corp/get_chain_corpinfo` with `{chain_id, corpid |
/// pending_corpid}`; `is_joined` as a bool, `qualification_status` for
/// joined corps only.
pub(super) fn get_chain_corpinfo(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let chain = owned_chain(state, &owner, f.req_str("chain_id")?)?;
    let (corpid, pending) = addressed_corp(&f)?;
    let corp = chain
        .corps
        .iter()
        .find(|c| c.matches(corpid.as_deref(), pending.as_deref()))
        .ok_or_else(|| not_in_chain(corpid.as_deref(), pending.as_deref()))?;
    let mut out = json!({
        "corp_name": corp.corp_name,
        "custom_id": corp.custom_id,
        "groupid": corp.groupid,
        "is_joined": corp.is_joined(),
    });
    if corp.is_joined() {
        out["qualification_status"] = json!(corp.qualification_status);
    }
    Ok(fields(out))
}

/// `POST corpgroup/corp/remove_corp` with `{chain_id, corpid |
/// pending_corpid}`: the corp leaves the chain (its downstream tokens can no
/// longer be fetched).
pub(super) fn remove_corp(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let chain = owned_chain(state, &owner, f.req_str("chain_id")?)?;
    let (corpid, pending) = addressed_corp(&f)?;
    let pos = chain
        .corps
        .iter()
        .position(|c| c.matches(corpid.as_deref(), pending.as_deref()))
        .ok_or_else(|| not_in_chain(corpid.as_deref(), pending.as_deref()))?;
    chain.corps.remove(pos);
    Ok(fields(json!({})))
}

/// `POST corpgroup/corp/get_chain_user_custom_id` with `{chain_id, corpid,
/// userid}`.
pub(super) fn get_chain_user_custom_id(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let f = body.fields();
    let chain = owned_chain(state, &owner, f.req_str("chain_id")?)?;
    let corpid = f.req_str("corpid")?;
    let userid = f.req_str("userid")?;
    let corp = chain.joined(corpid).ok_or_else(|| {
        ApiError::new(
            codes::INVALID_CORPID,
            format!("corp {corpid} has not joined the chain"),
        )
    })?;
    let member = corp
        .members
        .iter()
        .find(|m| m.userid == userid)
        .ok_or_else(|| ApiError::new(codes::USER_NOT_FOUND, format!("userid not found: {userid}")))?;
    Ok(fields(json!({"user_custom_id": member.user_custom_id})))
}

/// `POST corpgroup/get_corp_shared_chain_list` with `{corpid}`: the
/// caller's chains that corp `corpid` has joined.
pub(super) fn get_corp_shared_chain_list(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let corpid = body.fields().req_str("corpid")?;
    let chains: Vec<Value> = state
        .chains
        .iter()
        .filter(|c| c.owner == owner && c.joined(corpid).is_some())
        .map(|c| json!({"chain_id": c.chain_id, "chain_name": c.chain_name}))
        .collect();
    Ok(fields(json!({ "chains": chains })))
}
