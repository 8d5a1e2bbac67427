//! 互联企业消息推送: `linkedcorp/message/send`.

use serde_json::json;

use super::super::params::JsonBody;
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::require_any_corp;
use super::content::{self, LINKEDCORP_TYPES};
use super::model::{Channel, MessageState, SentMessage};
use super::recipients::resolve;
use super::{Env, agentid, app, codes, has_media};

/// `POST linkedcorp/message/send` with `{touser[], toparty[], totag[],
/// toall, msgtype, agentid, <msgtype>, safe}`. `CorpId/userid` and
/// `LinkedId/partyid` address another corp the sandbox knows; bare ids the
/// caller's own corp.
pub(super) fn send(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let f = body.fields();
    let (media, now) = (env.media, env.now);
    let (msgtype, content) = content::check(&f, LINKEDCORP_TYPES, &|id, kind| {
        has_media(media, &corpid, id, kind, now)
    })?;
    let agentid = agentid(state, &corpid, &f)?;
    let safe = content::safe(&f, &msgtype)?;
    let toall = f.opt_int("toall")?.unwrap_or(0) == 1;
    let mut touser = content::string_list(&f, "touser")?;
    let toparty = content::string_list(&f, "toparty")?;
    let totag = content::string_list(&f, "totag")?;
    if toall {
        touser = vec!["@all".to_owned()];
    } else {
        app::check_counts(&touser, &toparty, &totag)?;
    }
    let mut delivered = std::collections::BTreeSet::new();
    let (mut invalid_users, mut invalid_parties) = (Vec::new(), Vec::new());
    let mut any_valid = false;
    for (ids, is_user) in [(&touser, true), (&toparty, false)] {
        for id in ids {
            let (corp, local) = match id.split_once('/') {
                Some((corp, local)) if corp != corpid => (corp.to_owned(), local.to_owned()),
                Some((_, local)) => (corpid.clone(), local.to_owned()),
                None => (corpid.clone(), id.clone()),
            };
            let reached = env.directory.corp(&corp).map(|dir| {
                if is_user {
                    resolve(dir, std::slice::from_ref(&local), &[], &[])
                } else {
                    resolve(dir, &[], std::slice::from_ref(&local), &[])
                }
            });
            match reached.filter(|r| r.any_valid) {
                Some(r) => {
                    any_valid = true;
                    let own = corp == corpid;
                    delivered.extend(
                        r.delivered
                            .into_iter()
                            .map(|u| if own { u } else { format!("{corp}/{u}") }),
                    );
                }
                None if is_user => invalid_users.push(id.clone()),
                None => invalid_parties.push(id.clone()),
            }
        }
    }
    let own = env
        .directory
        .corp(&corpid)
        .ok_or_else(|| ApiError::invalid(format!("unknown corp {corpid}")))?;
    let tags = resolve(own, &[], &[], &totag);
    any_valid |= tags.any_valid;
    delivered.extend(tags.delivered);
    if !any_valid {
        return Err(ApiError::new(
            codes::ALL_RECIPIENTS_INVALID,
            "all touser, toparty and totag invalid",
        ));
    }
    let msgid = state.ids.tagged("lnk");
    state.sent.push(SentMessage {
        msgid,
        corpid,
        agentid: Some(agentid),
        channel: Channel::LinkedCorp,
        msgtype,
        content,
        touser,
        toparty,
        totag,
        delivered_to: delivered.into_iter().collect(),
        invaliduser: invalid_users.clone(),
        invalidparty: invalid_parties.clone(),
        invalidtag: tags.invalid_tags.clone(),
        safe,
        response_code: None,
        sent_at: now,
        recalled: false,
        card_updates: Vec::new(),
    });
    Ok(fields(json!({
        "invaliduser": invalid_users,
        "invalidparty": invalid_parties,
        "invalidtag": tags.invalid_tags,
    })))
}
