//! 标签管理: `tag/*`.

use serde_json::{Map, Value, json};

use super::super::directory::{CorpDirectory, Tag};
use super::super::params::{Fields, JsonBody};
use super::super::reply::{ApiError, ApiResult, fields};
use super::*;

/// `POST tag/create` with `{tagname, tagid?}`.
pub(super) fn create(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let name = check_name(f.opt_str("tagname")?)?;
    if cx.dir.tags.values().any(|t| t.name == name) {
        return Err(ApiError::new(
            TAG_NAME_EXISTS,
            format!("tag name existed: {name}"),
        ));
    }
    let tagid = match f.opt_int("tagid")? {
        None => cx
            .dir
            .tags
            .keys()
            .max()
            .copied()
            .unwrap_or(0)
            .checked_add(1)
            .ok_or_else(|| ApiError::new(INVALID_TAGID, "no tag id left"))?,
        Some(n) => {
            let id =
                u32::try_from(n).map_err(|_| ApiError::new(INVALID_TAGID, format!("invalid tagid {n}")))?;
            if cx.dir.tags.contains_key(&id) {
                return Err(ApiError::new(INVALID_TAGID, format!("tagid {id} existed")));
            }
            id
        }
    };
    cx.dir.tags.insert(
        tagid,
        Tag {
            id: tagid,
            name: name.to_owned(),
            users: Vec::new(),
            parties: Vec::new(),
        },
    );
    Ok(fields(json!({ "tagid": tagid })))
}

/// `POST tag/update` with `{tagid, tagname}`.
pub(super) fn update(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let tagid = existing(cx.dir, f.opt_int("tagid")?)?;
    let name = check_name(f.opt_str("tagname")?)?;
    if cx.dir.tags.values().any(|t| t.name == name && t.id != tagid) {
        return Err(ApiError::new(
            TAG_NAME_EXISTS,
            format!("tag name existed: {name}"),
        ));
    }
    if let Some(tag) = cx.dir.tags.get_mut(&tagid) {
        name.clone_into(&mut tag.name);
    }
    Ok(Map::new())
}

/// `GET tag/delete?tagid=`.
pub(super) fn delete(cx: &mut Ctx<'_>) -> ApiResult {
    let tagid = existing(cx.dir, query_u32(cx.req, "tagid")?.map(i64::from))?;
    cx.dir.tags.remove(&tagid);
    Ok(Map::new())
}

/// `GET tag/get?tagid=`.
pub(super) fn get(cx: &mut Ctx<'_>) -> ApiResult {
    let tagid = existing(cx.dir, query_u32(cx.req, "tagid")?.map(i64::from))?;
    let tag = &cx.dir.tags[&tagid];
    let users: Vec<Value> = tag
        .users
        .iter()
        .filter_map(|u| cx.dir.users.get(u))
        .map(|m| json!({"userid": m.userid, "name": m.name}))
        .collect();
    Ok(fields(json!({
        "tagname": tag.name,
        "userlist": users,
        "partylist": tag.parties,
    })))
}

/// `POST tag/addtagusers` with `{tagid, userlist?, partylist?}`.
pub(super) fn add_users(cx: &mut Ctx<'_>) -> ApiResult {
    change_users(cx, true)
}

/// `POST tag/deltagusers` with `{tagid, userlist?, partylist?}`.
pub(super) fn del_users(cx: &mut Ctx<'_>) -> ApiResult {
    change_users(cx, false)
}

/// `GET tag/list`.
pub(super) fn list(cx: &mut Ctx<'_>) -> ApiResult {
    let tags: Vec<Value> = cx
        .dir
        .tags
        .values()
        .map(|t| json!({"tagid": t.id, "tagname": t.name}))
        .collect();
    Ok(fields(json!({ "taglist": tags })))
}

fn change_users(cx: &mut Ctx<'_>, add: bool) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let tagid = existing(cx.dir, f.opt_int("tagid")?)?;
    let users = list_of(&f, "userlist", |v| v.as_str().map(str::to_owned))?;
    let parties = list_of(&f, "partylist", |v| {
        v.as_u64().and_then(|n| u32::try_from(n).ok())
    })?;
    if users.is_empty() && parties.is_empty() {
        return Err(ApiError::new(
            INVALID_PARAM_LISTS,
            "userlist and partylist are both empty",
        ));
    }
    if users.len() > 1000 || parties.len() > 100 {
        return Err(ApiError::new(
            TAG_TOO_MANY,
            "at most 1000 users and 100 departments per call",
        ));
    }
    let (valid_users, invalid_users): (Vec<String>, Vec<String>) =
        users.into_iter().partition(|u| cx.dir.find_user(u).is_some());
    let valid_users: Vec<String> = valid_users
        .iter()
        .filter_map(|u| cx.dir.find_user(u).map(str::to_owned))
        .collect();
    let (valid_parties, invalid_parties): (Vec<u32>, Vec<u32>) = parties
        .into_iter()
        .partition(|p| cx.dir.departments.contains_key(p));
    if valid_users.is_empty() && valid_parties.is_empty() {
        // Page 90214 (add) answers 40070, page 90215 (del) 40031, both
        // "all list invalid".
        let code = if add { TAG_ALL_INVALID } else { INVALID_USERID_LIST };
        return Err(ApiError::new(code, "all list invalid"));
    }
    let Some(tag) = cx.dir.tags.get_mut(&tagid) else {
        return Err(ApiError::new(INVALID_TAGID, format!("invalid tagid {tagid}")));
    };
    if add {
        for u in valid_users {
            if !tag.users.contains(&u) {
                tag.users.push(u);
            }
        }
        for p in valid_parties {
            if !tag.parties.contains(&p) {
                tag.parties.push(p);
            }
        }
    } else {
        tag.users.retain(|u| !valid_users.contains(u));
        tag.parties.retain(|p| !valid_parties.contains(p));
    }
    let mut out = Map::new();
    if !invalid_users.is_empty() {
        out.insert("invalidlist".into(), invalid_users.join("|").into());
    }
    if !invalid_parties.is_empty() {
        out.insert("invalidparty".into(), invalid_parties.into());
    }
    Ok(out)
}

/// Validates a tag name (40072): 1–32 characters.
fn check_name(name: Option<&str>) -> Result<&str, ApiError> {
    match name {
        Some(n) if (1..=32).contains(&n.chars().count()) => Ok(n),
        _ => Err(ApiError::new(
            INVALID_TAG_NAME,
            "invalid tagname: 1 to 32 characters",
        )),
    }
}

/// An existing tag's id (41017 when absent, 40068 when unknown).
pub(super) fn existing(dir: &CorpDirectory, tagid: Option<i64>) -> Result<u32, ApiError> {
    let tagid = tagid.ok_or_else(|| ApiError::new(MISSING_TAGID, "missing tagid"))?;
    u32::try_from(tagid)
        .ok()
        .filter(|id| dir.tags.contains_key(id))
        .ok_or_else(|| ApiError::new(INVALID_TAGID, format!("invalid tagid {tagid}")))
}

fn list_of<T>(f: &Fields<'_>, key: &str, item: impl Fn(&Value) -> Option<T>) -> Result<Vec<T>, ApiError> {
    match f.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(item)
            .collect::<Option<Vec<T>>>()
            .ok_or_else(|| ApiError::new(INVALID_PARAM_LISTS, format!("{key}: wrong item type"))),
        Some(_) => Err(ApiError::new(
            INVALID_PARAM_LISTS,
            format!("{key} must be an array, not a `|`-joined string"),
        )),
    }
}
