//! Chain rules: `corpgroup/rule/{list_ids,get_rule_info,add_rule,modify_rule,delete_rule}`.

use serde_json::{Map, Value, json};

use super::super::codes;
use super::super::creds;
use super::super::params::{Fields, JsonBody};
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::TokenStore;
use super::model::Chain;
use super::{CorpGroupState, RULE_NOT_FOUND, owned_chain, upstream_post};

/// Checks the call, parses the body and finds the caller's chain.
fn with_chain<'s>(
    state: &'s mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> Result<(&'s mut Chain, JsonBody), ApiError> {
    let (owner, body) = upstream_post(state, tokens, req, now)?;
    let chain = owned_chain(state, &owner, body.fields().req_str("chain_id")?)?;
    Ok((chain, body))
}

fn rule_id(f: &Fields<'_>) -> Result<i64, ApiError> {
    f.req_int("rule_id")
}

fn not_found(rule_id: i64) -> ApiError {
    ApiError::new(RULE_NOT_FOUND, format!("rule not found: {rule_id}"))
}

/// `{chain_id}` → `rule_ids`.
pub(super) fn list_ids(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (chain, _) = with_chain(state, tokens, req, now)?;
    let ids: Vec<i64> = chain.rules.iter().map(|r| r.rule_id).collect();
    Ok(fields(json!({ "rule_ids": ids })))
}

/// `{chain_id, rule_id}` → `rule_info`.
pub(super) fn get_rule_info(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (chain, body) = with_chain(state, tokens, req, now)?;
    let id = rule_id(&body.fields())?;
    let rule = chain
        .rules
        .iter()
        .find(|r| r.rule_id == id)
        .ok_or_else(|| not_found(id))?;
    Ok(fields(json!({ "rule_info": rule.rule_info })))
}

/// `{chain_id, rule_info}` → `rule_id`.
pub(super) fn add_rule(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (chain, body) = with_chain(state, tokens, req, now)?;
    let info = rule_info(chain, &body.fields())?;
    let id = chain.next_rule_id;
    chain.next_rule_id += 1;
    chain.rules.push(super::model::Rule {
        rule_id: id,
        rule_info: info,
    });
    Ok(fields(json!({ "rule_id": id })))
}

/// `{chain_id, rule_id, rule_info}`.
pub(super) fn modify_rule(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (chain, body) = with_chain(state, tokens, req, now)?;
    let f = body.fields();
    let id = rule_id(&f)?;
    let info = rule_info(chain, &f)?;
    let rule = chain
        .rules
        .iter_mut()
        .find(|r| r.rule_id == id)
        .ok_or_else(|| not_found(id))?;
    rule.rule_info = info;
    Ok(fields(json!({})))
}

/// `{chain_id, rule_id}`.
pub(super) fn delete_rule(
    state: &mut CorpGroupState,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let (chain, body) = with_chain(state, tokens, req, now)?;
    let id = rule_id(&body.fields())?;
    let pos = chain
        .rules
        .iter()
        .position(|r| r.rule_id == id)
        .ok_or_else(|| not_found(id))?;
    chain.rules.remove(pos);
    Ok(fields(json!({})))
}

/// Validates `rule_info` and returns it normalised (only the known keys).
fn rule_info(chain: &Chain, f: &Fields<'_>) -> Result<Map<String, Value>, ApiError> {
    let info = f.req_obj("rule_info")?;
    let owner = info.req_obj("owner_corp_range")?;
    let member = info.req_obj("member_corp_range")?;
    let userids = strings(&owner, "userids")?;
    let departmentids = numbers(&owner, "departmentids")?;
    if userids.is_empty() && departmentids.is_empty() {
        return Err(ApiError::invalid(
            "owner_corp_range needs userids or departmentids",
        ));
    }
    let members = creds::users_of(&chain.owner).unwrap_or_default();
    if let Some(u) = userids.iter().find(|u| !members.contains(&u.as_str())) {
        return Err(ApiError::new(
            codes::USER_NOT_FOUND,
            format!("userid not found: {u}"),
        ));
    }
    let corpids = strings(&member, "corpids")?;
    let groupids = numbers(&member, "groupids")?;
    if corpids.is_empty() && groupids.is_empty() {
        return Err(ApiError::invalid("member_corp_range needs corpids or groupids"));
    }
    if let Some(c) = corpids.iter().find(|c| chain.joined(c).is_none()) {
        return Err(ApiError::new(
            codes::INVALID_CORPID,
            format!("corp {c} has not joined the chain"),
        ));
    }
    if let Some(g) = groupids
        .iter()
        .find(|&&g| u32::try_from(g).map_or(true, |g| !chain.has_group(g)))
    {
        return Err(ApiError::invalid(format!("invalid groupid {g}")));
    }
    let mut owner_out = Map::new();
    if !userids.is_empty() {
        owner_out.insert("userids".into(), json!(userids));
    }
    if !departmentids.is_empty() {
        owner_out.insert("departmentids".into(), json!(departmentids));
    }
    let mut member_out = Map::new();
    if !corpids.is_empty() {
        member_out.insert("corpids".into(), json!(corpids));
    }
    if !groupids.is_empty() {
        member_out.insert("groupids".into(), json!(groupids));
    }
    Ok(fields(json!({
        "owner_corp_range": owner_out,
        "member_corp_range": member_out,
    })))
}

fn strings(f: &Fields<'_>, key: &str) -> Result<Vec<String>, ApiError> {
    match f.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| ApiError::invalid(format!("{key} must hold strings")))
            })
            .collect(),
        Some(_) => Err(ApiError::invalid(format!("{key} must be an array"))),
    }
}

fn numbers(f: &Fields<'_>, key: &str) -> Result<Vec<i64>, ApiError> {
    match f.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_i64()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| ApiError::invalid(format!("{key} must hold positive integers")))
            })
            .collect(),
        Some(_) => Err(ApiError::invalid(format!("{key} must be an array"))),
    }
}
