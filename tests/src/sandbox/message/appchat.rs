//! 群聊会话: `appchat/create`, `appchat/update`, `appchat/get`, `appchat/send`.

use serde_json::json;

use super::super::params::{JsonBody, query_param};
use super::super::reply::{ApiError, ApiResult, fields};
use super::super::tokens::require_any_corp;
use super::content::{self, APPCHAT_TYPES};
use super::model::{AppChatRecord, ChatMessageRecord, MessageState};
use super::{Env, codes, has_media};

/// Members of a chat: 2 ..= 2000.
const MIN_MEMBERS: usize = 2;
const MAX_MEMBERS: usize = 2000;

/// `POST appchat/create` with `{name?, owner?, userlist, chatid?}`.
pub(super) fn create(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let f = body.fields();
    let name = chat_name(f.opt_str("name")?.unwrap_or_default());
    let mut userlist: Vec<String> = Vec::new();
    for userid in content::string_list(&f, "userlist")? {
        if !userlist.contains(&userid) {
            userlist.push(userid);
        }
    }
    if !(MIN_MEMBERS..=MAX_MEMBERS).contains(&userlist.len()) {
        return Err(ApiError::new(codes::CHAT_SIZE, "a chat has 2 to 2000 members"));
    }
    let dir = env
        .directory
        .corp(&corpid)
        .ok_or_else(|| ApiError::invalid(format!("unknown corp {corpid}")))?;
    if let Some(unknown) = userlist.iter().find(|u| !dir.has_user(u)) {
        return Err(ApiError::new(
            codes::INVALID_CHAT_MEMBER,
            format!("invalid member {unknown}"),
        ));
    }
    let owner = match f.opt_str("owner")? {
        Some(owner) if !dir.has_user(owner) => {
            return Err(ApiError::new(
                codes::INVALID_OWNER,
                format!("invalid owner {owner}"),
            ));
        }
        Some(owner) if !userlist.iter().any(|u| u == owner) => {
            return Err(ApiError::new(
                codes::OWNER_NOT_MEMBER,
                format!("owner {owner} is not a member"),
            ));
        }
        Some(owner) => owner.to_owned(),
        None => userlist[0].clone(),
    };
    let chatid = match f.opt_str("chatid")? {
        Some(id) => {
            if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(ApiError::new(
                    codes::INVALID_CHATID,
                    format!("invalid chatid {id}"),
                ));
            }
            if id.len() > 32 {
                return Err(ApiError::new(
                    codes::CHATID_TOO_LONG,
                    "chatid exceeds 32 characters",
                ));
            }
            if state.chats.contains_key(id) {
                return Err(ApiError::new(codes::CHATID_EXISTS, format!("chatid {id} exists")));
            }
            id.to_owned()
        }
        None => state.ids.tagged("wr"),
    };
    state.chats.insert(
        chatid.clone(),
        AppChatRecord {
            chatid: chatid.clone(),
            corpid,
            name,
            owner,
            userlist,
            messages: Vec::new(),
        },
    );
    Ok(fields(json!({ "chatid": chatid })))
}

/// A chat name as WeCom keeps it: "最多50个utf8字符，超过将截断".
fn chat_name(name: &str) -> String {
    name.chars().take(50).collect()
}

/// The chat `chatid` of `corpid` (86201 without an id, 86003 unknown or another corp's).
fn chat_mut<'s>(
    state: &'s mut MessageState,
    corpid: &str,
    chatid: Option<&str>,
) -> Result<&'s mut AppChatRecord, ApiError> {
    let chatid = chatid.ok_or_else(|| ApiError::new(codes::MISSING_CHATID, "missing chatid"))?;
    state
        .chats
        .get_mut(chatid)
        .filter(|c| c.corpid == corpid)
        .ok_or_else(|| ApiError::new(codes::CHAT_NOT_FOUND, format!("chatid {chatid} not found")))
}

/// `POST appchat/update` with `{chatid, name?, owner?, add_user_list?, del_user_list?}`.
pub(super) fn update(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let f = body.fields();
    let dir = env
        .directory
        .corp(&corpid)
        .ok_or_else(|| ApiError::invalid(format!("unknown corp {corpid}")))?;
    let chat = chat_mut(state, &corpid, f.opt_str("chatid")?)?;
    let name = f.opt_str("name")?.map(chat_name);
    let mut members = chat.userlist.clone();
    for userid in content::string_list(&f, "del_user_list")? {
        let Some(at) = members.iter().position(|u| *u == userid) else {
            return Err(ApiError::new(
                codes::INVALID_SESSION_MEMBER,
                format!("{userid} is not a member of the chat"),
            ));
        };
        members.remove(at);
    }
    for userid in content::string_list(&f, "add_user_list")? {
        if !dir.has_user(&userid) {
            return Err(ApiError::new(
                codes::INVALID_SESSION_MEMBER,
                format!("invalid member {userid}"),
            ));
        }
        if !members.contains(&userid) {
            members.push(userid);
        }
    }
    if !(MIN_MEMBERS..=MAX_MEMBERS).contains(&members.len()) {
        return Err(ApiError::new(codes::CHAT_SIZE, "a chat has 2 to 2000 members"));
    }
    let owner = match f.opt_str("owner")? {
        Some(owner) if !dir.has_user(owner) => {
            return Err(ApiError::new(
                codes::INVALID_OWNER,
                format!("invalid owner {owner}"),
            ));
        }
        Some(owner) if !members.iter().any(|u| u == owner) => {
            return Err(ApiError::new(
                codes::OWNER_NOT_MEMBER,
                format!("owner {owner} is not a member"),
            ));
        }
        Some(owner) => owner.to_owned(),
        // The owner left without a successor: the first member takes over.
        None if !members.contains(&chat.owner) => members[0].clone(),
        None => chat.owner.clone(),
    };
    if let Some(name) = name {
        chat.name = name;
    }
    chat.owner = owner;
    chat.userlist = members;
    Ok(fields(json!({})))
}

/// `GET appchat/get?chatid=`.
pub(super) fn get(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let chatid = query_param(&env.req.query, "chatid").filter(|c| !c.is_empty());
    let chat = chat_mut(state, &corpid, chatid)?;
    Ok(fields(json!({
        "chat_info": {
            "chatid": chat.chatid,
            "name": chat.name,
            "owner": chat.owner,
            "userlist": chat.userlist,
            "chat_type": 0,
        }
    })))
}

/// `POST appchat/send` with `{chatid, msgtype, <msgtype>, safe?}`.
pub(super) fn send(state: &mut MessageState, env: Env<'_>) -> ApiResult {
    let corpid = require_any_corp(env.tokens, &env.req.query, env.now)?;
    let body = JsonBody::parse(&env.req.body)?;
    let f = body.fields();
    let (media, now) = (env.media, env.now);
    let chat = chat_mut(state, &corpid, f.opt_str("chatid")?)?;
    let (msgtype, content) = content::check(&f, APPCHAT_TYPES, &|id, kind| {
        has_media(media, &corpid, id, kind, now)
    })?;
    let safe = content::safe(&f, &msgtype)?;
    chat.messages.push(ChatMessageRecord {
        msgtype,
        content,
        safe,
        sent_at: now,
    });
    Ok(fields(json!({})))
}
