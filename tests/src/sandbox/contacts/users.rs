//! 成员管理: `user/*`, `batch/invite` and `corp/get_join_qrcode`.

use serde_json::{Map, Value, json};

use super::super::directory::{CorpDirectory, Member};
use super::super::params::{Fields, JsonBody, query_param};
use super::super::reply::{ApiError, ApiResult, fields};
use super::*;

/// Body fields `user/create` / `user/update` handle themselves; every other
/// field is kept as sent (`Member::extra`).
const OWN_FIELDS: &[&str] = &[
    "userid",
    "new_userid",
    "name",
    "department",
    "mobile",
    "email",
    "enable",
    "to_invite",
];

/// `POST user/create`.
pub(super) fn create(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let userid = f.req_str("userid")?;
    check_userid(userid)?;
    if let Some(existing) = cx.dir.find_user(userid) {
        return Err(ApiError::new(
            USERID_EXISTS,
            format!("userid existed: {existing}"),
        ));
    }
    let name = check_name(f.opt_str("name")?)?;
    let department = departments_of(cx.dir, &f)?.ok_or_else(missing_department)?;
    let mobile = f.opt_str("mobile")?.map(str::to_owned);
    let email = f.opt_str("email")?.map(str::to_owned);
    check_contact(cx.dir, None, mobile.as_deref(), email.as_deref())?;
    if mobile.is_none() && email.is_none() {
        return Err(ApiError::new(
            NO_MOBILE_NOR_EMAIL,
            "mobile and email can not be both empty",
        ));
    }
    let extra = extra_fields(cx.dir, &f, &department)?;
    check_avatar(cx, &extra)?;
    let status = match f.opt_int("enable")? {
        Some(0) => 2,
        Some(1) | None => 4,
        Some(_) => return Err(invalid("enable must be 0 or 1")),
    };
    cx.dir.users.insert(
        userid.to_owned(),
        Member {
            userid: userid.to_owned(),
            name: name.to_owned(),
            department,
            mobile: mobile.unwrap_or_default(),
            email: email.unwrap_or_default(),
            status,
            extra,
        },
    );
    Ok(Map::new())
}

/// `GET user/get?userid=`.
pub(super) fn get(cx: &mut Ctx<'_>) -> ApiResult {
    let userid = query_userid(cx)?;
    let member = &cx.dir.users[&userid];
    Ok(fields(member_json(member, true)))
}

/// `POST user/update`.
pub(super) fn update(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let userid = existing_user(cx.dir, f.req_str("userid")?)?;
    let mut key = userid.clone();
    if let Some(new_userid) = f.opt_str("new_userid")? {
        check_userid(new_userid)?;
        if cx.dir.find_user(new_userid).is_some_and(|u| u != userid) {
            return Err(ApiError::new(
                USERID_EXISTS,
                format!("userid existed: {new_userid}"),
            ));
        }
        key = new_userid.to_owned();
    }
    let name = match f.get("name") {
        Some(_) => Some(check_name(f.opt_str("name")?)?.to_owned()),
        None => None,
    };
    let department = departments_of(cx.dir, &f)?;
    let mobile = f.opt_str("mobile")?;
    let email = f.opt_str("email")?;
    check_contact(cx.dir, Some(&userid), mobile, email)?;
    let current = cx.dir.users[&userid].department.clone();
    let extra = extra_fields(cx.dir, &f, department.as_ref().unwrap_or(&current))?;
    check_avatar(cx, &extra)?;
    let enable = f.opt_int("enable")?;
    if !matches!(enable, None | Some(0 | 1)) {
        return Err(invalid("enable must be 0 or 1"));
    }
    let Some(mut member) = cx.dir.users.remove(&userid) else {
        return Err(not_found(&userid));
    };
    if let Some(name) = name {
        member.name = name;
    }
    if let Some(department) = department {
        member.department = department;
    }
    if let Some(mobile) = mobile {
        member.mobile = mobile.to_owned();
    }
    if let Some(email) = email {
        member.email = email.to_owned();
    }
    match enable {
        Some(0) => member.status = 2,
        Some(1) if member.status == 2 => member.status = 1,
        _ => {}
    }
    member.extra.extend(extra);
    if key != userid {
        member.userid = key.clone();
        rename_references(cx.dir, &userid, &key);
    }
    cx.dir.users.insert(key, member);
    Ok(Map::new())
}

/// `GET user/delete?userid=`.
pub(super) fn delete(cx: &mut Ctx<'_>) -> ApiResult {
    let userid = query_userid(cx)?;
    cx.dir.remove_member(&userid, cx.now);
    Ok(Map::new())
}

/// `POST user/batchdelete` with `{useridlist}`: all or nothing.
pub(super) fn batch_delete(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let list = match body.fields().get("useridlist") {
        Some(Value::Array(items)) if !items.is_empty() => items.clone(),
        _ => {
            return Err(ApiError::new(
                INVALID_USERID_LIST,
                "invalid useridlist: a non-empty array is required",
            ));
        }
    };
    if list.len() > 200 {
        return Err(ApiError::new(
            INVALID_USERID_LIST_LEN,
            "useridlist: at most 200 userids",
        ));
    }
    let mut found = Vec::new();
    for item in &list {
        let userid = item
            .as_str()
            .ok_or_else(|| ApiError::new(INVALID_USERID_LIST, "useridlist holds strings"))?;
        found.push(existing_user(cx.dir, userid)?);
    }
    for userid in found {
        cx.dir.remove_member(&userid, cx.now);
    }
    Ok(Map::new())
}

/// `GET user/simplelist?department_id=&fetch_child=`.
pub(super) fn simple_list(cx: &mut Ctx<'_>) -> ApiResult {
    let members = department_members(cx)?;
    let list: Vec<Value> = members.iter().map(|m| member_json(m, false)).collect();
    Ok(fields(json!({ "userlist": list })))
}

/// `GET user/list?department_id=&fetch_child=`.
pub(super) fn list(cx: &mut Ctx<'_>) -> ApiResult {
    let members = department_members(cx)?;
    let list: Vec<Value> = members.iter().map(|m| member_json(m, true)).collect();
    Ok(fields(json!({ "userlist": list })))
}

/// `POST user/list_id` with `{cursor?, limit?}`.
pub(super) fn list_id(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let limit = match f.opt_int("limit")? {
        None => 10_000,
        Some(n @ 1..=10_000) => n as usize,
        Some(n) => return Err(invalid(format!("limit {n}: 1 to 10000"))),
    };
    let pairs: Vec<(String, u32)> = cx
        .dir
        .users
        .values()
        .flat_map(|m| m.department.iter().map(|d| (m.userid.clone(), *d)))
        .collect();
    let start = match f.opt_str("cursor")? {
        None => 0,
        Some(cursor) => cursor
            .strip_prefix("sbxcursor")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&n| n > 0 && n < pairs.len())
            .ok_or_else(|| ApiError::new(INVALID_CURSOR, format!("invalid cursor {cursor}")))?,
    };
    let end = (start + limit).min(pairs.len());
    let next = if end < pairs.len() {
        format!("sbxcursor{end}")
    } else {
        String::new()
    };
    let page: Vec<Value> = pairs[start..end]
        .iter()
        .map(|(userid, department)| json!({"userid": userid, "department": department}))
        .collect();
    Ok(fields(json!({"next_cursor": next, "dept_user": page})))
}

/// `POST user/convert_to_openid` with `{userid}`.
pub(super) fn convert_to_openid(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let userid = existing_user(cx.dir, body.fields().req_str("userid")?)?;
    let owner = (cx.corpid.clone(), userid);
    let known = cx
        .state
        .openids
        .iter()
        .find(|(_, v)| **v == owner)
        .map(|(k, _)| k.clone());
    let openid = match known {
        Some(openid) => openid,
        None => {
            let openid = format!("oSbx{}", &cx.state.ids.token()[..24]);
            cx.state.openids.insert(openid.clone(), owner);
            openid
        }
    };
    Ok(fields(json!({ "openid": openid })))
}

/// `POST user/convert_to_userid` with `{openid}`.
pub(super) fn convert_to_userid(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let openid = body.fields().req_str("openid")?;
    match cx.state.openids.get(openid) {
        Some((corp, userid)) if *corp == cx.corpid && cx.dir.has_user(userid) => {
            Ok(fields(json!({ "userid": userid })))
        }
        _ => Err(ApiError::new(INVALID_OPENID, format!("invalid openid {openid}"))),
    }
}

/// `GET user/authsucc?userid=`: the member passed the second verification.
pub(super) fn authsucc(cx: &mut Ctx<'_>) -> ApiResult {
    let userid = query_userid(cx)?;
    if let Some(member) = cx.dir.users.get_mut(&userid)
        && member.status == 4
    {
        member.status = 1;
    }
    Ok(Map::new())
}

/// `POST user/getuserid` with `{mobile}`.
pub(super) fn getuserid(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let mobile = body
        .fields()
        .opt_str("mobile")?
        .ok_or_else(|| ApiError::new(INVALID_MOBILE, "missing mobile"))?;
    let wanted = normalize_mobile(mobile);
    cx.dir
        .users
        .values()
        .find(|m| !m.mobile.is_empty() && normalize_mobile(&m.mobile) == wanted)
        .map(|m| fields(json!({"userid": m.userid})))
        .ok_or_else(|| ApiError::new(USER_NOT_EXIST, "user no exist"))
}

/// `POST user/get_userid_by_email` with `{email, email_type?}`: 1 (the
/// default) looks at the corp mailbox (`biz_mail`), 2 at the personal email.
pub(super) fn get_userid_by_email(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let email = f
        .opt_str("email")?
        .ok_or_else(|| ApiError::new(INVALID_EMAIL, "missing email"))?;
    let personal = match f.opt_int("email_type")? {
        None | Some(1) => false,
        Some(2) => true,
        Some(n) => return Err(invalid(format!("email_type {n}: 1 or 2"))),
    };
    cx.dir
        .users
        .values()
        .find(|m| {
            let mail = if personal {
                m.email.as_str()
            } else {
                m.extra
                    .get("biz_mail")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
            };
            !mail.is_empty() && mail.eq_ignore_ascii_case(email)
        })
        .map(|m| fields(json!({"userid": m.userid})))
        .ok_or_else(|| ApiError::new(USER_NOT_EXIST, "user no exist"))
}

/// `POST user/get_active_stat` with `{date}`: the active members (status
/// 1), for a day within the last 30.
pub(super) fn get_active_stat(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let date = body.fields().req_str("date")?;
    let day = parse_date(date).ok_or_else(|| invalid(format!("date {date}: YYYY-MM-DD")))?;
    let today = cx.now.div_euclid(86_400);
    if day > today || day < today - 30 {
        return Err(invalid(format!("date {date}: only the last 30 days")));
    }
    let active = cx.dir.users.values().filter(|m| m.status == 1).count();
    Ok(fields(json!({ "active_cnt": active })))
}

/// `POST batch/invite` with `{user?, party?, tag?}`.
pub(super) fn invite(cx: &mut Ctx<'_>) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let users = string_list(&f, "user")?;
    let parties = id_list(&f, "party")?;
    let tags = id_list(&f, "tag")?;
    if users.is_empty() && parties.is_empty() && tags.is_empty() {
        return Err(ApiError::new(
            INVITE_ALL_EMPTY,
            "user, party and tag are all empty",
        ));
    }
    if users.len() > 1000 {
        return Err(ApiError::new(INVALID_USERID_LIST_LEN, "user: at most 1000"));
    }
    if parties.len() > 100 {
        return Err(ApiError::new(INVALID_PARTY_LIST_LEN, "party: at most 100"));
    }
    if tags.len() > 100 {
        return Err(ApiError::new(INVALID_TAG_LIST_LEN, "tag: at most 100"));
    }
    let invaliduser: Vec<&String> = users.iter().filter(|u| cx.dir.find_user(u).is_none()).collect();
    let invalidparty: Vec<u32> = parties
        .iter()
        .copied()
        .filter(|p| !cx.dir.departments.contains_key(p))
        .collect();
    let invalidtag: Vec<u32> = tags
        .iter()
        .copied()
        .filter(|t| !cx.dir.tags.contains_key(t))
        .collect();
    Ok(fields(json!({
        "invaliduser": invaliduser,
        "invalidparty": invalidparty,
        "invalidtag": invalidtag,
    })))
}

/// `GET corp/get_join_qrcode?size_type=`.
pub(super) fn get_join_qrcode(cx: &mut Ctx<'_>) -> ApiResult {
    let size = query_u32(cx.req, "size_type")?.unwrap_or(2);
    if !(1..=4).contains(&size) {
        return Err(invalid(format!("size_type {size}: 1 to 4")));
    }
    let vcode = cx.state.ids.token();
    Ok(fields(json!({
        "join_qrcode": format!(
            "https://work.weixin.qq.com/wework_admin/genqrcode?action=join&vcode={}&r=hb_share_api_mjoin&qr_size={size}",
            &vcode[..29]
        )
    })))
}

// ---------------------------------------------------------------------------
// Shared with the batch jobs and exports
// ---------------------------------------------------------------------------

/// A member as WeCom shows it: `detail` for `user/get` / `user/list`, else
/// the four fields of `user/simplelist`.
pub(super) fn member_json(m: &Member, detail: bool) -> Value {
    if !detail {
        return json!({
            "userid": m.userid,
            "name": m.name,
            "department": m.department,
            "open_userid": open_userid(&m.userid),
        });
    }
    let mut out: Map<String, Value> = m
        .extra
        .iter()
        .filter(|(k, _)| k.as_str() != "avatar_mediaid")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let zeros = || Value::from(vec![0; m.department.len()]);
    out.entry("order").or_insert_with(zeros);
    out.entry("is_leader_in_dept").or_insert_with(zeros);
    out.entry("gender").or_insert_with(|| Value::from("0"));
    out.entry("main_department")
        .or_insert_with(|| Value::from(m.department.first().copied().unwrap_or(1)));
    for key in ["position", "telephone", "alias", "address", "biz_mail"] {
        out.entry(key).or_insert_with(|| Value::from(""));
    }
    out.insert("userid".into(), m.userid.clone().into());
    out.insert("name".into(), m.name.clone().into());
    out.insert("department".into(), m.department.clone().into());
    out.insert("mobile".into(), m.mobile.clone().into());
    out.insert("email".into(), m.email.clone().into());
    out.insert("status".into(), m.status.into());
    out.insert("open_userid".into(), open_userid(&m.userid).into());
    Value::Object(out)
}

/// A stable cross-corp id for a userid (what a third-party app would see).
fn open_userid(userid: &str) -> String {
    let sum = userid.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("wosbx{sum:016x}")
}

/// Validates a userid's format (40003).
pub(super) fn check_userid(userid: &str) -> Result<(), ApiError> {
    let ok = (1..=64).contains(&userid.len())
        && userid.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && userid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '@' | '.'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            INVALID_USERID,
            format!("invalid userid {userid:?}"),
        ))
    }
}

/// Validates a member's name (60112).
pub(super) fn check_name(name: Option<&str>) -> Result<&str, ApiError> {
    match name {
        Some(n) if (1..=64).contains(&n.chars().count()) => Ok(n),
        _ => Err(ApiError::new(INVALID_NAME, "invalid name: 1 to 64 characters")),
    }
}

/// Validates mobile and email and checks they are not another member's.
pub(super) fn check_contact(
    dir: &CorpDirectory,
    myself: Option<&str>,
    mobile: Option<&str>,
    email: Option<&str>,
) -> Result<(), ApiError> {
    let others = || {
        dir.users
            .values()
            .filter(move |m| Some(m.userid.as_str()) != myself)
    };
    if let Some(mobile) = mobile {
        let digits = mobile.chars().filter(char::is_ascii_digit).count();
        let ok = mobile.len() <= 32
            && digits >= 5
            && mobile
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' '));
        if !ok {
            return Err(ApiError::new(INVALID_MOBILE, format!("invalid mobile {mobile}")));
        }
        let wanted = normalize_mobile(mobile);
        if others().any(|m| !m.mobile.is_empty() && normalize_mobile(&m.mobile) == wanted) {
            return Err(ApiError::new(MOBILE_EXISTS, format!("mobile existed: {mobile}")));
        }
    }
    if let Some(email) = email {
        let ok = (6..=64).contains(&email.len())
            && email.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty() && domain.contains('.') && !domain.contains('@')
            });
        if !ok {
            return Err(ApiError::new(INVALID_EMAIL, format!("invalid email {email}")));
        }
        if others().any(|m| m.email.eq_ignore_ascii_case(email)) {
            return Err(ApiError::new(EMAIL_EXISTS, format!("email existed: {email}")));
        }
    }
    Ok(())
}

/// The stored userid matching `userid` (60111 when none).
pub(super) fn existing_user(dir: &CorpDirectory, userid: &str) -> Result<String, ApiError> {
    dir.find_user(userid)
        .map(str::to_owned)
        .ok_or_else(|| not_found(userid))
}

fn not_found(userid: &str) -> ApiError {
    ApiError::new(USER_NOT_FOUND, format!("userid not found: {userid}"))
}

fn invalid(msg: impl std::fmt::Display) -> ApiError {
    ApiError::new(INVALID_PARAMETER, format!("invalid parameter: {msg}"))
}

fn missing_department() -> ApiError {
    ApiError::new(MISSING_DEPARTMENT, "missing department")
}

/// 40007 unless `avatar_mediaid` (when given) is a medium of the caller's corp.
fn check_avatar(cx: &Ctx<'_>, extra: &Map<String, Value>) -> Result<(), ApiError> {
    match extra.get("avatar_mediaid") {
        None => Ok(()),
        Some(Value::String(id)) if cx.media.get(&cx.corpid, id, cx.now).is_some() => Ok(()),
        Some(id) => Err(ApiError::new(INVALID_MEDIA_ID, format!("invalid media_id {id}"))),
    }
}

/// The `userid` query parameter of an existing member.
fn query_userid(cx: &Ctx<'_>) -> Result<String, ApiError> {
    let userid = query_param(&cx.req.query, "userid")
        .filter(|u| !u.is_empty())
        .ok_or_else(|| ApiError::new(MISSING_USERID, "missing userid"))?;
    existing_user(cx.dir, userid)
}

/// The `department` field: existing ids, 1–100 of them (`None` if absent).
fn departments_of(dir: &CorpDirectory, f: &Fields<'_>) -> Result<Option<Vec<u32>>, ApiError> {
    let Some(value) = f.get("department") else {
        return Ok(None);
    };
    let ids = match value {
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()))
            .collect::<Option<Vec<u32>>>()
            .ok_or_else(|| ApiError::new(INVALID_PARTY, "department holds department ids"))?,
        _ => return Err(ApiError::new(INVALID_PARTY, "department must be an array of ids")),
    };
    if ids.is_empty() {
        return Err(missing_department());
    }
    if ids.len() > 100 {
        return Err(ApiError::new(TOO_MANY_DEPARTMENTS, "at most 100 departments"));
    }
    if let Some(bad) = ids.iter().find(|d| !dir.departments.contains_key(d)) {
        return Err(ApiError::new(
            INVALID_PARTY,
            format!("invalid department id {bad}"),
        ));
    }
    Ok(Some(ids))
}

/// The fields kept as sent, checked against the member's departments.
fn extra_fields(
    dir: &CorpDirectory,
    f: &Fields<'_>,
    department: &[u32],
) -> Result<Map<String, Value>, ApiError> {
    let mut extra = Map::new();
    for key in [
        "alias",
        "order",
        "position",
        "gender",
        "biz_mail",
        "is_leader_in_dept",
        "direct_leader",
        "avatar_mediaid",
        "telephone",
        "address",
        "main_department",
        "extattr",
        "external_position",
        "external_profile",
    ] {
        if OWN_FIELDS.contains(&key) {
            continue;
        }
        if let Some(value) = f.get(key) {
            extra.insert(key.to_owned(), value.clone());
        }
    }
    let count = |key: &str| extra.get(key).map(|v| v.as_array().map_or(usize::MAX, Vec::len));
    if count("order").is_some_and(|n| n != department.len()) {
        return Err(invalid("order must have one entry per department"));
    }
    if count("is_leader_in_dept").is_some_and(|n| n != department.len()) {
        return Err(ApiError::new(
            LEADER_COUNT_MISMATCH,
            "is_leader_in_dept and department differ in length",
        ));
    }
    if let Some(gender) = extra.get_mut("gender") {
        let code = match gender {
            Value::String(s) => s.parse::<u8>().ok(),
            Value::Number(n) => n.as_u64().and_then(|n| u8::try_from(n).ok()),
            _ => None,
        };
        match code {
            Some(c @ 0..=2) => *gender = Value::from(c.to_string()),
            _ => return Err(invalid("gender must be 1 or 2")),
        }
    }
    if let Some(main) = extra.get("main_department") {
        let main = main.as_u64().and_then(|n| u32::try_from(n).ok());
        if !main.is_some_and(|m| department.contains(&m)) {
            return Err(invalid("main_department must be one of department"));
        }
    }
    if let Some(leaders) = extra.get("direct_leader") {
        let leaders = leaders
            .as_array()
            .ok_or_else(|| invalid("direct_leader must be an array"))?;
        if leaders.len() > 5 {
            return Err(invalid("direct_leader: at most 5"));
        }
        for leader in leaders {
            let leader = leader.as_str().unwrap_or_default();
            if dir.find_user(leader).is_none() {
                return Err(not_found(leader));
            }
        }
    }
    Ok(extra)
}

/// The members of the `department_id` query parameter's department (and
/// of its sub-departments with `fetch_child=1`).
fn department_members<'c>(cx: &'c Ctx<'_>) -> Result<Vec<&'c Member>, ApiError> {
    let id = query_u32(cx.req, "department_id")?.ok_or_else(missing_department)?;
    if !cx.dir.departments.contains_key(&id) {
        return Err(ApiError::new(
            INVALID_PARTY,
            format!("invalid department id {id}"),
        ));
    }
    let fetch_child = match query_u32(cx.req, "fetch_child")? {
        None | Some(0) => false,
        Some(1) => true,
        Some(n) => return Err(invalid(format!("fetch_child {n}: 0 or 1"))),
    };
    let scope = if fetch_child { cx.dir.subtree(id) } else { vec![id] };
    Ok(cx
        .dir
        .users
        .values()
        .filter(|m| m.department.iter().any(|d| scope.contains(d)))
        .collect())
}

fn rename_references(dir: &mut CorpDirectory, from: &str, to: &str) {
    for tag in dir.tags.values_mut() {
        for u in &mut tag.users {
            if u == from {
                to.clone_into(u);
            }
        }
    }
    for dep in dir.departments.values_mut() {
        for u in &mut dep.leaders {
            if u == from {
                to.clone_into(u);
            }
        }
    }
}

/// A mobile without spaces, dashes and a `+86` prefix.
fn normalize_mobile(mobile: &str) -> String {
    let digits: String = mobile
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    digits.strip_prefix("+86").unwrap_or(&digits).to_owned()
}

fn string_list(f: &Fields<'_>, key: &str) -> Result<Vec<String>, ApiError> {
    match f.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| invalid(format!("{key} holds strings"))),
        Some(_) => Err(invalid(format!("{key} must be an array"))),
    }
}

fn id_list(f: &Fields<'_>, key: &str) -> Result<Vec<u32>, ApiError> {
    match f.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| invalid(format!("{key} holds ids"))),
        Some(_) => Err(invalid(format!("{key} must be an array"))),
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn parse_date(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_since_the_epoch() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2020-03-27"), Some(18_348));
        assert_eq!(parse_date("2020-3-27"), None);
        assert_eq!(parse_date("2020-13-01"), None);
    }

    #[test]
    fn userids_follow_wecom_rules() {
        assert!(check_userid("zhang.san-01@x").is_ok());
        assert_eq!(check_userid("_x").unwrap_err().code, INVALID_USERID);
        assert_eq!(check_userid("a b").unwrap_err().code, INVALID_USERID);
        assert_eq!(check_userid(&"a".repeat(65)).unwrap_err().code, INVALID_USERID);
    }
}
