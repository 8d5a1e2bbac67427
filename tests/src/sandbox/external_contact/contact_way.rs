//! 「联系我」 contact ways and `close_temp_chat`.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::input::{Page, opt_bool, opt_int_list, opt_text};
use super::staff::Staff;
use super::{
    DAY, ExternalContactState, INVALID_CONFIG_ID, INVALID_WAY_SCENE, INVALID_WAY_TYPE, MISSING_CONFIG_ID,
    MISSING_EXTERNAL_USERID, MISSING_WAY_SCENE, MISSING_WAY_TYPE, WAY_TOO_MANY_USERS,
};

/// Members per contact way, departments expanded.
const MAX_USERS: usize = 100;
/// Longest remark / state.
const MAX_TEXT: usize = 30;
/// Longest validity of a temporary way (14 days).
const MAX_EXPIRY: i64 = 14 * DAY;

/// A configured contact way.
#[derive(Debug, Clone)]
struct Way {
    config_id: String,
    created: i64,
    way_type: i64,
    scene: i64,
    style: Option<i64>,
    remark: String,
    skip_verify: bool,
    state: String,
    user: Vec<String>,
    party: Vec<i64>,
    is_temp: bool,
    expires_in: i64,
    chat_expires_in: i64,
    unionid: Option<String>,
    is_exclusive: bool,
    /// As configured (image `media_id`s are shown back as `pic_url`).
    conclusions: Option<Value>,
}

/// Every contact way, in creation order.
#[derive(Debug, Default)]
pub(super) struct ContactWays {
    ways: Vec<Way>,
    next: u64,
}

impl ContactWays {
    fn find_mut(&mut self, config_id: &str) -> Result<&mut Way, ApiError> {
        self.ways
            .iter_mut()
            .find(|w| w.config_id == config_id)
            .ok_or_else(|| invalid_config(config_id))
    }
}

fn invalid_config(config_id: &str) -> ApiError {
    ApiError::new(INVALID_CONFIG_ID, format!("invalid config_id: {config_id}"))
}

fn config_id(f: &Fields<'_>) -> Result<String, ApiError> {
    f.opt_str("config_id")?
        .map(str::to_owned)
        .ok_or_else(|| ApiError::new(MISSING_CONFIG_ID, "missing config_id"))
}

/// The settable fields of add/update, validated.
#[derive(Default)]
struct Settings {
    style: Option<i64>,
    remark: Option<String>,
    skip_verify: Option<bool>,
    state: Option<String>,
    user: Option<Vec<String>>,
    party: Option<Vec<i64>>,
    expires_in: Option<i64>,
    chat_expires_in: Option<i64>,
    unionid: Option<String>,
    is_exclusive: Option<bool>,
    conclusions: Option<Value>,
}

fn read_settings(f: &Fields<'_>) -> Result<Settings, ApiError> {
    let expiry = |key: &str| -> Result<Option<i64>, ApiError> {
        match f.opt_int(key)? {
            Some(secs) if !(1..=MAX_EXPIRY).contains(&secs) => Err(ApiError::invalid(format!(
                "{key} must be between 1 and {MAX_EXPIRY}"
            ))),
            other => Ok(other),
        }
    };
    let conclusions = match f.get("conclusions") {
        None => None,
        Some(v @ Value::Object(_)) => Some(v.clone()),
        Some(_) => return Err(ApiError::invalid("conclusions must be an object")),
    };
    Ok(Settings {
        style: f.opt_int("style")?,
        remark: opt_text(f, "remark", MAX_TEXT)?.map(str::to_owned),
        skip_verify: opt_bool(f, "skip_verify")?,
        state: opt_text(f, "state", MAX_TEXT)?.map(str::to_owned),
        // Counted against the limit after departments are expanded.
        user: f
            .opt_str_list("user", usize::MAX)?
            .map(|u| u.into_iter().map(str::to_owned).collect()),
        party: opt_int_list(f, "party")?,
        expires_in: expiry("expires_in")?,
        chat_expires_in: expiry("chat_expires_in")?,
        unionid: f.opt_str("unionid")?.map(str::to_owned),
        is_exclusive: opt_bool(f, "is_exclusive")?,
        conclusions,
    })
}

/// Checks a way's members: at most 100 distinct members with departments
/// expanded (41041); single ways exactly one user and no departments; every
/// member known and active.
fn check_members(staff: Staff<'_>, way_type: i64, user: &[String], party: &[i64]) -> Result<(), ApiError> {
    let mut members: BTreeSet<&str> = user.iter().map(String::as_str).collect();
    for department in party {
        let in_department = staff
            .department_members(*department)
            .ok_or_else(|| ApiError::invalid(format!("invalid party id {department}")))?;
        members.extend(in_department);
    }
    if members.len() > MAX_USERS {
        return Err(ApiError::new(
            WAY_TOO_MANY_USERS,
            format!(
                "contact way has {} members, at most {MAX_USERS} allowed",
                members.len()
            ),
        ));
    }
    if way_type == 1 && (user.len() != 1 || !party.is_empty()) {
        return Err(ApiError::invalid(
            "a single-member contact way takes exactly one user and no party",
        ));
    }
    if members.is_empty() {
        return Err(ApiError::invalid("user or party is required"));
    }
    for userid in user {
        staff.require_active(userid)?;
    }
    Ok(())
}

/// `add_contact_way {type, scene, …}` → `{config_id, qr_code?}`.
pub(super) fn add_contact_way(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    now: i64,
) -> ApiResult {
    let way_type = f
        .opt_int("type")?
        .ok_or_else(|| ApiError::new(MISSING_WAY_TYPE, "missing contact way type"))?;
    if !matches!(way_type, 1 | 2) {
        return Err(ApiError::new(
            INVALID_WAY_TYPE,
            format!("invalid contact way type {way_type}"),
        ));
    }
    let scene = f
        .opt_int("scene")?
        .ok_or_else(|| ApiError::new(MISSING_WAY_SCENE, "missing contact way scene"))?;
    if !matches!(scene, 1 | 2) {
        return Err(ApiError::new(
            INVALID_WAY_SCENE,
            format!("invalid contact way scene {scene}"),
        ));
    }
    let is_temp = opt_bool(&f, "is_temp")?.unwrap_or(false);
    let s = read_settings(&f)?;
    let user = s.user.unwrap_or_default();
    let party = s.party.unwrap_or_default();
    check_members(staff, way_type, &user, &party)?;
    if is_temp && way_type != 1 {
        return Err(ApiError::invalid("temporary chat supports a single member only"));
    }
    state.ways.next += 1;
    let config_id = format!("{:024x}{:08x}", 0x5b0c_ec0a_11a5_u64, state.ways.next);
    let way = Way {
        config_id: config_id.clone(),
        created: now,
        way_type,
        scene,
        style: s.style,
        remark: s.remark.unwrap_or_default(),
        skip_verify: s.skip_verify.unwrap_or(true),
        state: s.state.unwrap_or_default(),
        user,
        party,
        is_temp,
        expires_in: s.expires_in.unwrap_or(7 * DAY),
        chat_expires_in: s.chat_expires_in.unwrap_or(DAY),
        unionid: s.unionid,
        is_exclusive: s.is_exclusive.unwrap_or(false),
        conclusions: s.conclusions,
    };
    let mut out = fields(json!({ "config_id": config_id }));
    if let Some(qr) = qr_code(&way) {
        out.insert("qr_code".into(), qr.into());
    }
    state.ways.ways.push(way);
    Ok(out)
}

fn qr_code(way: &Way) -> Option<String> {
    (way.scene == 2).then(|| format!("https://wework.qpic.cn/wwpic/sandbox_{}/0", way.config_id))
}

/// The configured conclusions as `get_contact_way` shows them: image
/// `media_id` becomes `pic_url`.
fn conclusions_json(conclusions: &Value) -> Value {
    let mut out = conclusions.clone();
    if let Some(image) = out.get_mut("image").and_then(Value::as_object_mut)
        && let Some(Value::String(media_id)) = image.remove("media_id")
    {
        image.insert(
            "pic_url".into(),
            format!("https://wework.qpic.cn/wwpic/sandbox_media_{media_id}/0").into(),
        );
    }
    out
}

fn way_json(way: &Way) -> Value {
    let mut out = Map::new();
    out.insert("config_id".into(), way.config_id.clone().into());
    out.insert("type".into(), way.way_type.into());
    out.insert("scene".into(), way.scene.into());
    if let Some(style) = way.style {
        out.insert("style".into(), style.into());
    }
    out.insert("remark".into(), way.remark.clone().into());
    out.insert("skip_verify".into(), way.skip_verify.into());
    out.insert("state".into(), way.state.clone().into());
    if let Some(qr) = qr_code(way) {
        out.insert("qr_code".into(), qr.into());
    }
    out.insert("user".into(), json!(way.user));
    out.insert("party".into(), json!(way.party));
    out.insert("is_temp".into(), way.is_temp.into());
    if way.is_temp {
        out.insert("expires_in".into(), way.expires_in.into());
        out.insert("chat_expires_in".into(), way.chat_expires_in.into());
    }
    if let Some(unionid) = &way.unionid {
        out.insert("unionid".into(), unionid.clone().into());
    }
    out.insert("is_exclusive".into(), way.is_exclusive.into());
    if let Some(conclusions) = &way.conclusions {
        out.insert("conclusions".into(), conclusions_json(conclusions));
    }
    Value::Object(out)
}

/// `get_contact_way {config_id}`.
pub(super) fn get_contact_way(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let config_id = config_id(&f)?;
    let way = state.ways.find_mut(&config_id)?;
    Ok(fields(json!({ "contact_way": way_json(way) })))
}

/// `list_contact_way {start_time?, end_time?, cursor?, limit?}`: ways
/// created in the window (default: the last 90 days), oldest first.
pub(super) fn list_contact_way(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    now: i64,
) -> ApiResult {
    let end = f.opt_int("end_time")?.unwrap_or(now);
    let start = f.opt_int("start_time")?.unwrap_or(end - 90 * DAY);
    if start > end {
        return Err(ApiError::invalid("start_time is after end_time"));
    }
    let page = Page::new(f.opt_str("cursor")?, f.opt_int("limit")?, "limit", 100, 1000)?;
    let matching: Vec<&Way> = state
        .ways
        .ways
        .iter()
        .filter(|w| (start..=end).contains(&w.created))
        .collect();
    let (slice, next_cursor) = page.cut(&matching);
    let ids: Vec<Value> = slice
        .iter()
        .map(|w| json!({ "config_id": w.config_id }))
        .collect();
    Ok(fields(json!({ "contact_way": ids, "next_cursor": next_cursor })))
}

/// `update_contact_way {config_id, …}`: only the fields given change.
pub(super) fn update_contact_way(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let config_id = config_id(&f)?;
    let s = read_settings(&f)?;
    let (way_type, user, party) = {
        let way = state.ways.find_mut(&config_id)?;
        (
            way.way_type,
            s.user.clone().unwrap_or_else(|| way.user.clone()),
            s.party.clone().unwrap_or_else(|| way.party.clone()),
        )
    };
    check_members(staff, way_type, &user, &party)?;
    let way = state.ways.find_mut(&config_id)?;
    way.user = user;
    way.party = party;
    if let Some(style) = s.style {
        way.style = Some(style);
    }
    if let Some(remark) = s.remark {
        way.remark = remark;
    }
    if let Some(skip_verify) = s.skip_verify {
        way.skip_verify = skip_verify;
    }
    if let Some(state) = s.state {
        way.state = state;
    }
    if let Some(secs) = s.expires_in {
        way.expires_in = secs;
    }
    if let Some(secs) = s.chat_expires_in {
        way.chat_expires_in = secs;
    }
    if let Some(unionid) = s.unionid {
        way.unionid = Some(unionid);
    }
    if let Some(is_exclusive) = s.is_exclusive {
        way.is_exclusive = is_exclusive;
    }
    if let Some(conclusions) = s.conclusions {
        way.conclusions = Some(conclusions);
    }
    Ok(fields(json!({})))
}

/// `del_contact_way {config_id}`.
pub(super) fn del_contact_way(
    state: &mut ExternalContactState,
    _staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let config_id = config_id(&f)?;
    let before = state.ways.ways.len();
    state.ways.ways.retain(|w| w.config_id != config_id);
    if state.ways.ways.len() == before {
        return Err(invalid_config(&config_id));
    }
    Ok(fields(json!({})))
}

/// `close_temp_chat {userid, external_userid}`.
pub(super) fn close_temp_chat(
    state: &mut ExternalContactState,
    staff: Staff<'_>,
    f: Fields<'_>,
    _now: i64,
) -> ApiResult {
    let userid = f.req_str("userid")?;
    let external_userid = f
        .opt_str("external_userid")?
        .ok_or_else(|| ApiError::new(MISSING_EXTERNAL_USERID, "missing external_userid"))?;
    staff.require_member(userid)?;
    state.dir.require_customer(external_userid)?;
    Ok(fields(json!({})))
}
