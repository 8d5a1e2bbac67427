//! The workbench template and member data of an app, with WeCom's 940xx
//! codes (global error-code page 90313).

use serde_json::{Map, Value, json};

use super::super::directory::Directory;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::model::App;
use super::{NO_PRIVILEGE, USER_NOT_FOUND};

/// WeCom: the custom workbench is off in the admin console (应用未开启工作台自定义模式).
const CUSTOM_MODE_OFF: i64 = 94_000;
/// WeCom: invalid `type` (不合法的type类型).
const INVALID_TYPE: i64 = 94_001;
/// WeCom: `keydata` missing (缺少keydata字段).
const MISSING_KEYDATA: i64 = 94_002;
/// WeCom: too many `keydata` items (keydata的items列表长度超出限制).
const TOO_MANY_KEYDATA: i64 = 94_003;
/// WeCom: `list` missing (缺少list字段).
const MISSING_LIST: i64 = 94_005;
/// WeCom: too many `list` items (list的items列表长度超出限制).
const TOO_MANY_LIST: i64 = 94_006;
/// WeCom: `webview` missing (缺少webview字段).
const MISSING_WEBVIEW: i64 = 94_007;
/// WeCom: no custom template type set (应用未设置自定义工作台模版类型).
const NO_TEMPLATE: i64 = 94_008;
/// `userid_list` of `agent/batch_set_workbench_data`: at most this many.
const MAX_BATCH_USERS: usize = 1000;

/// A custom tile type and how WeCom checks its object.
struct Kind {
    name: &'static str,
    /// Items at most, and the code past it (`None`: a `url` object).
    items: Option<(usize, i64)>,
    /// The code when member data lacks the object. 94004 (likely `image`)
    /// is not on the crawled code page, so `image` answers 40058.
    missing: Option<i64>,
}

/// The custom types (`normal` is handled apart: template only).
const KINDS: &[Kind] = &[
    Kind {
        name: "keydata",
        items: Some((4, TOO_MANY_KEYDATA)),
        missing: Some(MISSING_KEYDATA),
    },
    Kind {
        name: "image",
        items: None,
        missing: None,
    },
    Kind {
        name: "list",
        items: Some((3, TOO_MANY_LIST)),
        missing: Some(MISSING_LIST),
    },
    Kind {
        name: "webview",
        items: None,
        missing: Some(MISSING_WEBVIEW),
    },
];

/// Reads `type` and its object from `{type, <type>: {...}}`. A template
/// may leave the object out (no default data) and may be `normal`; member
/// data needs the object and a custom type.
fn content(f: Fields<'_>, template: bool) -> Result<Map<String, Value>, ApiError> {
    let kind = match f.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        other => {
            let shown = other.map_or_else(|| "missing".to_owned(), Value::to_string);
            return Err(ApiError::new(INVALID_TYPE, format!("invalid type: {shown}")));
        }
    };
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    if kind == "normal" && template {
        return Ok(out);
    }
    let Some(spec) = KINDS.iter().find(|k| k.name == kind) else {
        return Err(ApiError::new(INVALID_TYPE, format!("invalid type: {kind}")));
    };
    let Some(raw) = f.get(kind) else {
        if template {
            return Ok(out);
        }
        return Err(match spec.missing {
            Some(code) => ApiError::new(code, format!("missing {kind}")),
            None => ApiError::invalid(format!("missing {kind}")),
        });
    };
    let object = Fields::of(raw, kind)?;
    match spec.items {
        Some((max, too_many)) => {
            let items = match object.get("items") {
                Some(Value::Array(items)) if !items.is_empty() => items,
                _ => {
                    return Err(ApiError::invalid(format!(
                        "{kind}.items must be a non-empty array"
                    )));
                }
            };
            if items.len() > max {
                return Err(ApiError::new(
                    too_many,
                    format!("{kind}.items has {} entries, at most {max}", items.len()),
                ));
            }
            let text = if kind == "keydata" { "data" } else { "title" };
            for item in items {
                Fields::of(item, "items")?.req_str(text)?;
            }
        }
        None => {
            object.req_str("url")?;
        }
    }
    out.insert(kind.to_owned(), raw.clone());
    Ok(out)
}

/// 94000 unless an admin enabled the custom workbench.
fn custom_mode(app: &App) -> Result<(), ApiError> {
    if app.custom_workbench {
        Ok(())
    } else {
        Err(ApiError::new(
            CUSTOM_MODE_OFF,
            "the app's custom workbench is not enabled in the admin console",
        ))
    }
}

/// `POST agent/set_workbench_template`.
pub(crate) fn set_template(app: &mut App, f: Fields<'_>) -> ApiResult {
    custom_mode(app)?;
    let mut template = content(f, true)?;
    let replace = match f.get("replace_user_data") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(ApiError::invalid("replace_user_data must be a boolean")),
    };
    let kind = template.get("type").cloned();
    // A new type makes the members' data of the old type meaningless.
    let old_kind = app.template.as_ref().and_then(|t| t.get("type").cloned());
    if replace || old_kind != kind {
        app.user_data.clear();
    }
    template.insert("replace_user_data".into(), json!(replace));
    app.template = Some(template);
    Ok(Map::new())
}

/// `POST agent/get_workbench_template`: `normal` until one is set.
pub(crate) fn get_template(app: &App) -> Map<String, Value> {
    app.template
        .clone()
        .unwrap_or_else(|| fields(json!({"type": "normal", "replace_user_data": false})))
}

/// The custom template's type (94008 while there is none).
fn template_kind(app: &App) -> Result<&str, ApiError> {
    app.template
        .as_ref()
        .and_then(|t| t.get("type"))
        .and_then(Value::as_str)
        .filter(|kind| *kind != "normal")
        .ok_or_else(|| ApiError::new(NO_TEMPLATE, "the app has no custom workbench template"))
}

/// Checks member data against the app: custom mode, a custom template,
/// the template's type.
fn check_data(app: &App, f: Fields<'_>) -> Result<Map<String, Value>, ApiError> {
    custom_mode(app)?;
    let data = content(f, false)?;
    let template_kind = template_kind(app)?;
    let kind = data.get("type").and_then(Value::as_str).unwrap_or_default();
    if kind != template_kind {
        return Err(ApiError::invalid(format!(
            "data of type `{kind}` does not fit the app's `{template_kind}` template"
        )));
    }
    Ok(data)
}

/// 60111 for a corp member that does not exist, 60011 outside the app's
/// visible range.
fn check_member(app: &App, directory: &mut Directory, corpid: &str, userid: &str) -> Result<(), ApiError> {
    let is_member = directory.corp(corpid).is_some_and(|d| d.has_user(userid));
    if !is_member {
        return Err(ApiError::new(
            USER_NOT_FOUND,
            format!("userid not found: {userid}"),
        ));
    }
    if !app.sees(directory, corpid, userid) {
        return Err(ApiError::new(
            NO_PRIVILEGE,
            format!("{userid} is outside the app's visible range"),
        ));
    }
    Ok(())
}

/// `POST agent/set_workbench_data`: `{agentid, userid, type, <type>}`.
pub(crate) fn set_data(app: &mut App, directory: &mut Directory, corpid: &str, f: Fields<'_>) -> ApiResult {
    let userid = f.req_str("userid")?;
    let data = check_data(app, f)?;
    check_member(app, directory, corpid, userid)?;
    app.user_data.insert(userid.to_owned(), data);
    Ok(Map::new())
}

/// `POST agent/batch_set_workbench_data`: `{agentid, userid_list, data:
/// {type, <type>}}`. All or nothing: one unknown member or one outside the
/// visible range fails the call and nothing is stored.
pub(crate) fn batch_set_data(
    app: &mut App,
    directory: &mut Directory,
    corpid: &str,
    f: Fields<'_>,
) -> ApiResult {
    let userids = f.req_str_list("userid_list", MAX_BATCH_USERS)?;
    let data = check_data(app, f.req_obj("data")?)?;
    for userid in &userids {
        check_member(app, directory, corpid, userid)?;
    }
    for userid in userids {
        app.user_data.insert(userid.to_owned(), data.clone());
    }
    Ok(Map::new())
}

/// `POST agent/get_workbench_data`: the member's own data, else the
/// template's default data, as `data`; no `data` when there is neither.
pub(crate) fn get_data(app: &App, directory: &mut Directory, corpid: &str, f: Fields<'_>) -> ApiResult {
    let userid = f.req_str("userid")?;
    check_member(app, directory, corpid, userid)?;
    let data = app.user_data.get(userid).cloned().or_else(|| default_data(app));
    let mut out = Map::new();
    if let Some(data) = data {
        out.insert("data".into(), Value::Object(data));
    }
    Ok(out)
}

/// The template's default data (`type` and its object), if it has some.
fn default_data(app: &App) -> Option<Map<String, Value>> {
    let template = app.template.as_ref()?;
    let kind = template.get("type")?.as_str()?;
    let object = template.get(kind)?;
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    out.insert(kind.to_owned(), object.clone());
    Some(out)
}
