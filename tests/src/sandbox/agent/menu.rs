//! `menu/create`: WeCom's checks of a custom menu.

use serde_json::{Value, json};

use super::super::params::{Fields, JsonBody};
use super::super::reply::{ApiError, ApiResult};
use super::model::App;

/// WeCom: invalid number of buttons (不合法的按钮个数).
const BUTTON_COUNT: i64 = 40016;
/// WeCom: invalid button type (不合法的按钮类型).
const BUTTON_TYPE: i64 = 40017;
/// WeCom: invalid button name length (不合法的按钮名字长度).
const BUTTON_NAME: i64 = 40018;
/// WeCom: invalid button key length (不合法的按钮KEY长度).
const BUTTON_KEY: i64 = 40019;
/// WeCom: invalid button URL length (不合法的按钮URL长度).
const BUTTON_URL: i64 = 40020;
/// WeCom: invalid number of sub-buttons (不合法的子菜单按钮个数).
const SUB_BUTTON_COUNT: i64 = 40023;
/// WeCom: invalid sub-button type (不合法的子菜单按钮类型).
const SUB_BUTTON_TYPE: i64 = 40024;
/// WeCom: invalid sub-button name length (不合法的子菜单按钮名字长度).
const SUB_BUTTON_NAME: i64 = 40025;
/// WeCom: invalid sub-button key length (不合法的子菜单按钮KEY长度).
const SUB_BUTTON_KEY: i64 = 40026;
/// WeCom: invalid sub-button URL length (不合法的子菜单按钮URL长度).
const SUB_BUTTON_URL: i64 = 40027;

/// Button types that carry a `key`.
const KEYED: &[&str] = &[
    "click",
    "scancode_push",
    "scancode_waitmsg",
    "pic_sysphoto",
    "pic_photo_or_album",
    "pic_weixin",
    "location_select",
];

/// `POST menu/create?agentid=` with `{button: [...]}`: replaces the menu.
pub(crate) fn create(app: &mut App, body: &JsonBody) -> ApiResult {
    let f = body.fields();
    let buttons = match f.get("button") {
        Some(Value::Array(list)) => list,
        Some(_) => return Err(ApiError::invalid("button must be an array")),
        None => return Err(ApiError::new(BUTTON_COUNT, "invalid button size: no button")),
    };
    if buttons.is_empty() || buttons.len() > 3 {
        return Err(ApiError::new(
            BUTTON_COUNT,
            format!("invalid button size: {} (1 to 3)", buttons.len()),
        ));
    }
    for button in buttons {
        check(Fields::of(button, "button")?, false)?;
    }
    app.menu = Some(json!(buttons));
    Ok(Default::default())
}

/// Checks one button (`sub`: a sub-button, which may not have sub-buttons
/// of its own, although WeCom's samples send an empty `sub_button`).
fn check(b: Fields<'_>, sub: bool) -> Result<(), ApiError> {
    let (name_code, type_code, key_code, url_code, name_max) = if sub {
        (
            SUB_BUTTON_NAME,
            SUB_BUTTON_TYPE,
            SUB_BUTTON_KEY,
            SUB_BUTTON_URL,
            40,
        )
    } else {
        (BUTTON_NAME, BUTTON_TYPE, BUTTON_KEY, BUTTON_URL, 16)
    };
    let name = b.opt_str("name")?.unwrap_or_default();
    if name.is_empty() || name.len() > name_max {
        return Err(ApiError::new(
            name_code,
            format!(
                "invalid button name size: `{name}` ({} bytes, 1 to {name_max})",
                name.len()
            ),
        ));
    }
    let subs = match b.get("sub_button") {
        None => &[][..],
        Some(Value::Array(list)) => list.as_slice(),
        Some(_) => return Err(ApiError::invalid("sub_button must be an array")),
    };
    let Some(kind) = b.opt_str("type")? else {
        if sub {
            return Err(ApiError::new(type_code, "invalid sub button type: missing"));
        }
        if subs.is_empty() || subs.len() > 5 {
            return Err(ApiError::new(
                SUB_BUTTON_COUNT,
                format!("invalid sub button size: {} (1 to 5)", subs.len()),
            ));
        }
        for s in subs {
            check(Fields::of(s, "sub_button")?, true)?;
        }
        return Ok(());
    };
    if !subs.is_empty() {
        return Err(ApiError::new(
            type_code,
            format!("a `{kind}` button cannot hold sub buttons"),
        ));
    }
    let field = |key: &str| -> Result<&str, ApiError> {
        b.opt_str(key)?
            .ok_or_else(|| ApiError::invalid(format!("a `{kind}` button needs `{key}`")))
    };
    if KEYED.contains(&kind) {
        let key = field("key")?;
        if key.len() > 128 {
            return Err(ApiError::new(
                key_code,
                "invalid button key size (at most 128 bytes)",
            ));
        }
    } else if kind == "view" {
        let url = field("url")?;
        if url.len() > 1024 {
            return Err(ApiError::new(
                url_code,
                "invalid button url size (at most 1024 bytes)",
            ));
        }
    } else if kind == "view_miniprogram" {
        field("pagepath")?;
        field("appid")?;
    } else {
        return Err(ApiError::new(type_code, format!("invalid button type: {kind}")));
    }
    Ok(())
}
