//! 发送应用消息, 撤回应用消息, 更新模版卡片消息 and 查询应用消息发送统计.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::super::params::{Fields, JsonBody};
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::require_any_corp;
use super::content::{self, APP_TYPES};
use super::model::{CardUpdateRecord, Channel, MessageState, SentMessage};
use super::recipients::{members_under, resolve, split_pipes};
use super::{Env, agentid, codes, has_media};

/// A message can be recalled for 24 hours.
const RECALL_WINDOW: i64 = 24 * 3600;
/// A response code lasts 72 hours.
const RESPONSE_CODE_LIFETIME: i64 = 72 * 3600;
/// Default and longest duplicate-check window.
const DUPLICATE_DEFAULT: i64 = 1800;
const DUPLICATE_MAX: i64 = 4 * 3600;

/// `POST message/send`.
pub(super) fn send(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let f = body.fields();
    let (media, now) = (env.media, env.now);
    let (msgtype, content) = content::check(&f, APP_TYPES, &|id, kind| {
        has_media(media, &corpid, id, kind, now)
    })?;
    let agentid = if msgtype == "miniprogram_notice" {
        None
    } else {
        Some(agentid(state, &corpid, &f)?)
    };
    let safe = content::safe(&f, &msgtype)?;
    let touser = split_pipes(f.opt_str("touser")?);
    let toparty = split_pipes(f.opt_str("toparty")?);
    let totag = split_pipes(f.opt_str("totag")?);
    check_counts(&touser, &toparty, &totag)?;
    let dedup = duplicate_window(&f)?;
    let task_id = card_task_id(&msgtype, &content);
    if let (Some(agent), Some(task_id)) = (agentid, &task_id)
        && state
            .task_ids
            .get(&(corpid.clone(), agent))
            .is_some_and(|ids| ids.contains(task_id))
    {
        return Err(ApiError::new(
            codes::DUPLICATE_TASK_ID,
            format!("task_id {task_id} was used before"),
        ));
    }
    let dir = env
        .directory
        .corp(&corpid)
        .ok_or_else(|| ApiError::invalid(format!("unknown corp {corpid}")))?;
    let resolved = resolve(dir, &touser, &toparty, &totag);
    if !resolved.any_valid {
        return Err(ApiError::new(
            codes::ALL_RECIPIENTS_INVALID,
            "all touser, toparty and totag invalid",
        ));
    }
    if let Some(window) = dedup
        && let Some(first) = state.sent.iter().rev().find(|m| {
            m.channel == Channel::App
                && m.corpid == corpid
                && m.agentid == agentid
                && m.msgtype == msgtype
                && m.content == content
                && m.touser == touser
                && m.toparty == toparty
                && m.totag == totag
                && now - m.sent_at < window
        })
    {
        return Ok(fields(json!({
            "invaliduser": first.invaliduser.join("|"),
            "invalidparty": first.invalidparty.join("|"),
            "invalidtag": first.invalidtag.join("|"),
            "unlicenseduser": "",
            "msgid": first.msgid,
        })));
    }
    let msgid = state.ids.tagged("msg");
    let interactive = msgtype == "template_card"
        && content["card_type"]
            .as_str()
            .is_some_and(|t| t.ends_with("_interaction"));
    let response_code = interactive.then(|| state.issue_response_code(&msgid, now));
    if let (Some(agent), Some(task_id)) = (agentid, task_id) {
        state
            .task_ids
            .entry((corpid.clone(), agent))
            .or_default()
            .push(task_id);
    }
    let message = SentMessage {
        msgid: msgid.clone(),
        corpid,
        agentid,
        channel: Channel::App,
        msgtype,
        content,
        touser,
        toparty,
        totag,
        delivered_to: resolved.delivered.into_iter().collect(),
        invaliduser: resolved.invalid_users,
        invalidparty: resolved.invalid_parties,
        invalidtag: resolved.invalid_tags,
        safe,
        response_code: response_code.clone(),
        sent_at: now,
        recalled: false,
        card_updates: Vec::new(),
    };
    let mut reply = fields(json!({
        "invaliduser": message.invaliduser.join("|"),
        "invalidparty": message.invalidparty.join("|"),
        "invalidtag": message.invalidtag.join("|"),
        "unlicenseduser": "",
        "msgid": msgid,
    }));
    if let Some(code) = response_code {
        reply.insert("response_code".into(), Value::from(code));
    }
    state.sent.push(message);
    Ok(reply)
}

/// At most 1000 members (40032), 100 departments (82002) and 100 tags
/// (82003); at least one of them (82001).
pub(super) fn check_counts(touser: &[String], toparty: &[String], totag: &[String]) -> Result<(), ApiError> {
    if touser.is_empty() && toparty.is_empty() && totag.is_empty() {
        return Err(ApiError::new(
            codes::NO_RECIPIENTS,
            "touser, toparty and totag are all empty",
        ));
    }
    if touser.len() > 1000 {
        return Err(ApiError::new(codes::USER_LIST_LENGTH, "more than 1000 users"));
    }
    if toparty.len() > 100 {
        return Err(ApiError::new(codes::PARTY_LIST_LENGTH, "more than 100 parties"));
    }
    if totag.len() > 100 {
        return Err(ApiError::new(codes::TAG_LIST_LENGTH, "more than 100 tags"));
    }
    Ok(())
}

/// The duplicate-check window, if the check is on.
fn duplicate_window(f: &Fields<'_>) -> Result<Option<i64>, ApiError> {
    if f.opt_int("enable_duplicate_check")?.unwrap_or(0) == 0 {
        return Ok(None);
    }
    let window = f
        .opt_int("duplicate_check_interval")?
        .unwrap_or(DUPLICATE_DEFAULT);
    if !(0..=DUPLICATE_MAX).contains(&window) {
        return Err(ApiError::invalid(format!(
            "duplicate_check_interval must be at most {DUPLICATE_MAX}"
        )));
    }
    Ok(Some(window))
}

fn card_task_id(msgtype: &str, content: &Value) -> Option<String> {
    (msgtype == "template_card")
        .then(|| content["task_id"].as_str().map(str::to_owned))
        .flatten()
}

/// `POST message/recall` with `{msgid}`.
pub(super) fn recall(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let msgid = body.fields().req_str("msgid")?;
    let message = state
        .message_mut(&corpid, msgid)
        .ok_or_else(|| ApiError::new(codes::MSGID_NOT_FOUND, format!("invalid msgid {msgid}")))?;
    if message.recalled {
        return Err(ApiError::new(
            codes::ALREADY_RECALLED,
            format!("msgid {msgid} already recalled"),
        ));
    }
    if env.now - message.sent_at > RECALL_WINDOW {
        return Err(ApiError::new(
            codes::RECALL_TOO_LATE,
            format!("msgid {msgid} was sent more than 24 hours ago"),
        ));
    }
    message.recalled = true;
    Ok(fields(json!({})))
}

/// `POST message/update_template_card`.
pub(super) fn update_template_card(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let f = body.fields();
    let agentid = agentid(state, &corpid, &f)?;
    let code = f.req_str("response_code")?;
    let update = match (f.get("button"), f.get("template_card")) {
        (Some(button), None) => {
            let b = Fields::of(button, "button")?;
            let name = b.req_str("replace_name")?;
            if name.len() > 20 {
                return Err(ApiError::invalid("replace_name exceeds 20 bytes"));
            }
            content::object("button", button.clone())
        }
        (None, Some(card)) => {
            content::template_card(&Fields::of(card, "template_card")?, false)?;
            content::object("template_card", card.clone())
        }
        _ => return Err(ApiError::invalid("give exactly one of button and template_card")),
    };
    let now = env.now;
    let issued = state
        .response_codes
        .get(code)
        .filter(|c| !c.used && now - c.issued_at <= RESPONSE_CODE_LIFETIME)
        .cloned()
        .ok_or_else(|| {
            ApiError::new(
                codes::INVALID_RESPONSE_CODE,
                "invalid response_code: unknown, used or expired",
            )
        })?;
    let dir = env
        .directory
        .corp(&corpid)
        .ok_or_else(|| ApiError::invalid(format!("unknown corp {corpid}")))?;
    let message = state
        .sent
        .iter()
        .find(|m| m.msgid == issued.msgid && m.corpid == corpid)
        .ok_or_else(|| ApiError::new(codes::INVALID_RESPONSE_CODE, "invalid response_code"))?;
    if message.agentid != Some(agentid) {
        return Err(ApiError::new(
            codes::UPDATE_AGENT_MISMATCH,
            "the card was sent by another app",
        ));
    }
    let got: BTreeSet<&String> = message.delivered_to.iter().collect();
    let mut affected = BTreeSet::new();
    let mut invalid: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    if f.opt_int("atall")?.unwrap_or(0) == 1 {
        affected.extend(got.iter().map(|u| (*u).clone()));
    } else {
        let userids = content::string_list(&f, "userids")?;
        let partyids = content::string_list(&f, "partyids")?;
        let tagids = content::string_list(&f, "tagids")?;
        if userids.is_empty() && partyids.is_empty() && tagids.is_empty() {
            return Err(ApiError::new(
                codes::NO_RECIPIENTS,
                "userids, partyids and tagids are all empty",
            ));
        }
        for userid in userids {
            if got.contains(&userid) {
                affected.insert(userid);
            } else {
                invalid.entry("invaliduser").or_default().push(userid);
            }
        }
        for party in partyids {
            match party
                .parse::<u32>()
                .ok()
                .filter(|id| dir.departments.contains_key(id))
            {
                Some(id) => affected.extend(members_under(dir, id).into_iter().filter(|u| got.contains(u))),
                None => invalid.entry("invalidparty").or_default().push(party),
            }
        }
        for tag in tagids {
            let resolved = resolve(dir, &[], &[], std::slice::from_ref(&tag));
            if resolved.any_valid {
                affected.extend(resolved.delivered.into_iter().filter(|u| got.contains(u)));
            } else {
                invalid.entry("invalidtag").or_default().push(tag);
            }
        }
    }
    if let Some(c) = state.response_codes.get_mut(code) {
        c.used = true;
    }
    if let Some(message) = state.sent.iter_mut().find(|m| m.msgid == issued.msgid) {
        message.card_updates.push(CardUpdateRecord {
            response_code: code.to_owned(),
            userids: affected.into_iter().collect(),
            update,
            at: now,
        });
    }
    let mut reply = serde_json::Map::new();
    for (key, ids) in invalid {
        reply.insert(key.to_owned(), json!(ids));
    }
    Ok(reply)
}

/// `POST message/get_statistics` with `{time_type}`.
pub(super) fn get_statistics(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let time_type = body.fields().opt_int("time_type")?.unwrap_or(0);
    if !matches!(time_type, 0 | 1) {
        return Err(ApiError::invalid("time_type must be 0 or 1"));
    }
    let day = beijing_day(env.now) - time_type;
    let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
    for m in state
        .sent
        .iter()
        .filter(|m| m.corpid == corpid && beijing_day(m.sent_at) == day)
    {
        if let Some(agent) = m.agentid {
            *counts.entry(agent).or_default() += i64::try_from(m.delivered_to.len()).unwrap_or(i64::MAX);
        }
    }
    let statistics: Vec<Value> = counts
        .into_iter()
        .map(|(agentid, count)| {
            json!({
                "agentid": agentid,
                "app_name": state.agent_name(&corpid, agentid).unwrap_or_default(),
                "count": count,
            })
        })
        .collect();
    Ok(fields(json!({ "statistics": statistics })))
}

/// The day number of unix time `t` in UTC+8 (WeCom counts in Beijing time).
fn beijing_day(t: i64) -> i64 {
    (t + 8 * 3600).div_euclid(86_400)
}
