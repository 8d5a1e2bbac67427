//! The workbench template and member data of an app.

use serde_json::{Map, Value, json};

use super::super::directory::Directory;
use super::super::params::Fields;
use super::super::reply::{ApiError, ApiResult, fields};
use super::model::App;
use super::{NO_PRIVILEGE, USER_NOT_FOUND};

/// The template types and how many items each takes at most (`None`: no items).
const TYPES: &[(&str, Option<usize>)] = &[
    ("keydata", Some(4)),
    ("image", None),
    ("list", Some(3)),
    ("webview", None),
    ("normal", None),
];

/// Reads `type` and its content from a request: `{type, <type>: {...}}`.
fn content(f: Fields<'_>) -> Result<Map<String, Value>, ApiError> {
    let kind = f
        .opt_str("type")?
        .ok_or_else(|| ApiError::invalid("missing type"))?;
    let Some((_, max_items)) = TYPES.iter().find(|(t, _)| *t == kind) else {
        return Err(ApiError::invalid(format!("invalid workbench type `{kind}`")));
    };
    let mut out = Map::new();
    out.insert("type".into(), json!(kind));
    if kind == "normal" {
        return Ok(out);
    }
    let data = f.req_obj(kind)?;
    if let Some(max) = max_items {
        let items = data.req_list("items", *max)?;
        for item in items {
            let item = Fields::of(item, "items")?;
            let text = if kind == "keydata" { "data" } else { "title" };
            item.req_str(text)?;
        }
    } else {
        data.req_str("url")?;
    }
    if let Some(Value::Object(raw)) = f.get(kind) {
        out.insert(kind.to_owned(), Value::Object(raw.clone()));
    }
    Ok(out)
}

/// `POST agent/set_workbench_template`.
pub(crate) fn set_template(app: &mut App, f: Fields<'_>) -> ApiResult {
    let mut template = content(f)?;
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

/// `POST agent/set_workbench_data`.
pub(crate) fn set_data(app: &mut App, directory: &mut Directory, corpid: &str, f: Fields<'_>) -> ApiResult {
    let userid = f.req_str("userid")?;
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
    let data = content(f)?;
    let template_kind = app
        .template
        .as_ref()
        .and_then(|t| t.get("type"))
        .and_then(Value::as_str)
        .unwrap_or("normal");
    let kind = data.get("type").and_then(Value::as_str).unwrap_or_default();
    if kind != template_kind || kind == "normal" {
        return Err(ApiError::invalid(format!(
            "data of type `{kind}` does not fit the app's `{template_kind}` template"
        )));
    }
    app.user_data.insert(userid.to_owned(), data);
    Ok(Map::new())
}
