//! Validation of a message's `msgtype` and its same-named object, with
//! WeCom's codes: 40008 unknown msgtype, 44004 empty content, 45002 too
//! long (an app's text is cut at 2048 bytes instead; a robot's long text
//! is 40058), 41006 / 40007 missing / unknown media_id, 41016 / 41033 / 41010
//! missing title / description / url, 45008 article count, 90200 / 90201
//! mini-program notice, 42014 bad task_id, 40058 for the rest.

use serde_json::{Map, Value};

use super::super::params::Fields;
use super::super::reply::ApiError;
use super::codes;

/// Every `msgtype` of `message/send`.
pub(crate) const APP_TYPES: &[&str] = &[
    "text",
    "image",
    "voice",
    "video",
    "file",
    "textcard",
    "news",
    "mpnews",
    "markdown",
    "miniprogram_notice",
    "template_card",
];
/// `appchat/send`'s.
pub(crate) const APPCHAT_TYPES: &[&str] = &[
    "text", "image", "voice", "video", "file", "textcard", "news", "mpnews", "markdown",
];
/// `linkedcorp/message/send`'s.
pub(crate) const LINKEDCORP_TYPES: &[&str] = &[
    "text",
    "image",
    "voice",
    "video",
    "file",
    "textcard",
    "news",
    "mpnews",
    "markdown",
    "miniprogram_notice",
];
/// `webhook/send`'s.
pub(crate) const WEBHOOK_TYPES: &[&str] = &[
    "text",
    "markdown",
    "markdown_v2",
    "image",
    "news",
    "file",
    "voice",
    "template_card",
];

/// Longest text / markdown of an app message, in bytes.
const APP_TEXT_MAX: usize = 2048;

/// Where a message's media ids must be found: `(media_id, type) -> known`.
pub(crate) type MediaLookup<'a> = &'a dyn Fn(&str, &str) -> bool;

/// The message of `body` (`msgtype` and its object), checked: its type is
/// one of `allowed` and its object is complete.
pub(crate) fn check(
    body: &Fields<'_>,
    allowed: &[&str],
    media: MediaLookup<'_>,
) -> Result<(String, Value), ApiError> {
    let msgtype = body
        .opt_str("msgtype")?
        .filter(|t| allowed.contains(t))
        .ok_or_else(|| ApiError::new(codes::INVALID_MSGTYPE, "invalid message type"))?;
    let mut content = body.get(msgtype).ok_or_else(|| missing_content(msgtype))?.clone();
    let robot = allowed == WEBHOOK_TYPES;
    let f = Fields::of(&content, msgtype)?;
    match msgtype {
        // A robot refuses a long text (40058 "exceed max length"); an app's
        // text is cut at 2048 bytes, as the 发送应用消息 page says.
        "text" if robot => text(&f, APP_TEXT_MAX, codes::ROBOT_TOO_LONG)?,
        "text" => {
            text(&f, usize::MAX, codes::CONTENT_TOO_LONG)?;
            truncate(&mut content, "content", APP_TEXT_MAX);
        }
        "markdown" | "markdown_v2" if robot => text(&f, 4096, codes::ROBOT_TOO_LONG)?,
        "markdown" => text(&f, APP_TEXT_MAX, codes::CONTENT_TOO_LONG)?,
        // A robot's image is the image itself (checked by the webhook module).
        "image" if allowed == WEBHOOK_TYPES => {}
        "image" | "voice" | "file" => media_id(&f, msgtype, media)?,
        "video" => {
            media_id(&f, "video", media)?;
            max_bytes(&f, "title", 128)?;
            max_bytes(&f, "description", 512)?;
        }
        "textcard" => textcard(&f)?,
        "news" => news(&f)?,
        "mpnews" => mpnews(&f, media)?,
        "miniprogram_notice" => miniprogram_notice(&f)?,
        "template_card" => template_card(&f, allowed == WEBHOOK_TYPES)?,
        _ => {}
    }
    Ok((msgtype.to_owned(), content))
}

fn missing_content(msgtype: &str) -> ApiError {
    match msgtype {
        "text" | "markdown" | "markdown_v2" => ApiError::new(codes::EMPTY_CONTENT, "empty content"),
        "voice" | "video" | "file" => ApiError::new(codes::MISSING_MEDIA_ID, "missing media_id"),
        "image" => ApiError::new(codes::MISSING_MEDIA_ID, "missing image"),
        _ => ApiError::invalid(format!("missing {msgtype}")),
    }
}

fn text(f: &Fields<'_>, max: usize, code: i64) -> Result<(), ApiError> {
    let content = f
        .opt_str("content")?
        .ok_or_else(|| ApiError::new(codes::EMPTY_CONTENT, "empty content"))?;
    if content.len() > max {
        return Err(ApiError::new(code, format!("content exceed max length {max}")));
    }
    Ok(())
}

/// Cuts the string `key` of `object` to at most `max` bytes, at a character boundary.
fn truncate(object: &mut Value, key: &str, max: usize) {
    if let Some(Value::String(s)) = object.get_mut(key)
        && s.len() > max
    {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
}

fn too_long(key: &str, max: usize) -> ApiError {
    ApiError::new(codes::CONTENT_TOO_LONG, format!("{key} exceeds {max} bytes"))
}

fn max_bytes(f: &Fields<'_>, key: &str, max: usize) -> Result<(), ApiError> {
    match f.opt_str(key)? {
        Some(v) if v.len() > max => Err(too_long(key, max)),
        _ => Ok(()),
    }
}

fn media_id(f: &Fields<'_>, media_type: &str, media: MediaLookup<'_>) -> Result<(), ApiError> {
    let id = f
        .opt_str("media_id")?
        .ok_or_else(|| ApiError::new(codes::MISSING_MEDIA_ID, "missing media_id"))?;
    if !media(id, media_type) {
        return Err(ApiError::new(
            codes::INVALID_MEDIA_ID,
            format!("invalid media_id {id} (no {media_type} with that id)"),
        ));
    }
    Ok(())
}

fn required(f: &Fields<'_>, key: &str, code: i64) -> Result<(), ApiError> {
    match f.opt_str(key)? {
        Some(_) => Ok(()),
        None => Err(ApiError::new(code, format!("missing {key}"))),
    }
}

fn textcard(f: &Fields<'_>) -> Result<(), ApiError> {
    required(f, "title", codes::MISSING_TITLE)?;
    required(f, "description", codes::MISSING_DESCRIPTION)?;
    required(f, "url", codes::MISSING_URL)?;
    max_bytes(f, "title", 128)?;
    max_bytes(f, "description", 512)?;
    max_bytes(f, "url", 2048)?;
    if f.opt_str("btntxt")?.is_some_and(|b| b.chars().count() > 4) {
        return Err(ApiError::invalid("btntxt exceeds 4 characters"));
    }
    Ok(())
}

fn articles<'a>(f: &Fields<'a>) -> Result<&'a [Value], ApiError> {
    match f.get("articles") {
        Some(Value::Array(list)) if (1..=8).contains(&list.len()) => Ok(list.as_slice()),
        Some(Value::Array(_)) | None => Err(ApiError::new(
            codes::ARTICLE_COUNT,
            "articles must hold 1 to 8 articles",
        )),
        Some(_) => Err(ApiError::invalid("articles must be an array")),
    }
}

fn news(f: &Fields<'_>) -> Result<(), ApiError> {
    for article in articles(f)? {
        let a = Fields::of(article, "article")?;
        required(&a, "title", codes::MISSING_TITLE)?;
        if a.opt_str("url")?.is_none() && a.opt_str("appid")?.is_none() {
            return Err(ApiError::new(codes::MISSING_URL, "missing url"));
        }
        max_bytes(&a, "title", 128)?;
        max_bytes(&a, "description", 512)?;
        max_bytes(&a, "url", 2048)?;
    }
    Ok(())
}

fn mpnews(f: &Fields<'_>, media: MediaLookup<'_>) -> Result<(), ApiError> {
    for article in articles(f)? {
        let a = Fields::of(article, "article")?;
        required(&a, "title", codes::MISSING_TITLE)?;
        let thumb = a
            .opt_str("thumb_media_id")?
            .ok_or_else(|| ApiError::new(codes::MISSING_MEDIA_ID, "missing thumb_media_id"))?;
        if !media(thumb, "image") {
            return Err(ApiError::new(
                codes::INVALID_MEDIA_ID,
                format!("invalid thumb_media_id {thumb}"),
            ));
        }
        if a.opt_str("content")?.is_none() {
            return Err(ApiError::new(codes::EMPTY_CONTENT, "empty content"));
        }
        max_bytes(&a, "title", 128)?;
        max_bytes(&a, "content", 666 * 1024)?;
        max_bytes(&a, "digest", 512)?;
        if a.opt_str("author")?.is_some_and(|v| v.len() > 64) {
            return Err(ApiError::new(codes::AUTHOR_TOO_LONG, "author exceeds 64 bytes"));
        }
    }
    Ok(())
}

fn miniprogram_notice(f: &Fields<'_>) -> Result<(), ApiError> {
    required(f, "appid", codes::MISSING_MINIPROGRAM_APPID)?;
    required(f, "title", codes::MISSING_TITLE)?;
    if let Some(items) = f.get("content_item") {
        let Value::Array(items) = items else {
            return Err(ApiError::invalid("content_item must be an array"));
        };
        if items.len() > 10 {
            return Err(ApiError::new(
                codes::NOTICE_ITEMS,
                "content_item holds more than 10 items",
            ));
        }
    }
    Ok(())
}

/// The object of a template card, checked as WeCom checks it.
pub(crate) fn template_card(f: &Fields<'_>, notices_only: bool) -> Result<(), ApiError> {
    let card_type = f.req_str("card_type")?;
    let interactive = matches!(
        card_type,
        "button_interaction" | "vote_interaction" | "multiple_interaction"
    );
    if !interactive && !matches!(card_type, "text_notice" | "news_notice") || notices_only && interactive {
        return Err(ApiError::new(
            codes::INVALID_CARD_TYPE,
            format!("invalid card_type {card_type}"),
        ));
    }
    let task_id = f.opt_str("task_id")?;
    if (interactive || f.get("action_menu").is_some()) && task_id.is_none() {
        return Err(ApiError::invalid(format!("{card_type} needs a task_id")));
    }
    if let Some(task_id) = task_id
        && (task_id.len() > 128
            || !task_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '@')))
    {
        return Err(ApiError::new(
            codes::INVALID_TASK_ID,
            format!("invalid task_id {task_id}"),
        ));
    }
    let title = f
        .get("main_title")
        .map(|t| Fields::of(t, "main_title"))
        .transpose()?
        .map(|t| t.opt_str("title"))
        .transpose()?
        .flatten();
    match card_type {
        "text_notice" => {
            if title.is_none() && f.opt_str("sub_title_text")?.is_none() {
                return Err(ApiError::invalid(
                    "text_notice needs main_title.title or sub_title_text",
                ));
            }
            card_action(f)?;
        }
        "news_notice" => {
            if title.is_none() {
                return Err(ApiError::invalid("news_notice needs main_title.title"));
            }
            if f.get("card_image").is_none() && f.get("image_text_area").is_none() {
                return Err(ApiError::new(
                    codes::INVALID_CARD_IMAGE_URL,
                    "news_notice needs card_image or image_text_area",
                ));
            }
            card_action(f)?;
        }
        "button_interaction" => {
            list(f, "button_list", 1, 6, codes::INVALID_BUTTON_TEXT)?;
            for button in f
                .get("button_list")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let button = Fields::of(button, "button_list")?;
                if button.opt_str("text")?.is_none() {
                    return Err(ApiError::new(
                        codes::INVALID_BUTTON_TEXT,
                        "button_list.text missing",
                    ));
                }
                if button.opt_str("key")?.is_none() {
                    return Err(ApiError::new(
                        codes::INVALID_BUTTON_KEY,
                        "button_list.key missing",
                    ));
                }
            }
        }
        "vote_interaction" => {
            let checkbox = f.req_obj("checkbox")?;
            if checkbox.opt_str("question_key")?.is_none() {
                return Err(ApiError::new(
                    codes::INVALID_QUESTION_KEY,
                    "checkbox.question_key missing",
                ));
            }
            list(&checkbox, "option_list", 1, 20, codes::OPTION_LIST_LENGTH)?;
            submit_button(f)?;
        }
        _ => {
            list(f, "select_list", 1, 3, codes::SELECT_LIST_LENGTH)?;
            submit_button(f)?;
        }
    }
    if interactive && title.is_none() {
        return Err(ApiError::invalid(format!("{card_type} needs main_title.title")));
    }
    Ok(())
}

fn card_action(f: &Fields<'_>) -> Result<(), ApiError> {
    let Some(action) = f.get("card_action") else {
        return Err(ApiError::new(codes::INVALID_CARD_ACTION, "card_action missing"));
    };
    let action = Fields::of(action, "card_action")?;
    match action.opt_int("type")? {
        Some(1) => required(&action, "url", codes::CARD_MISSING_URL),
        Some(2) => required(&action, "appid", codes::CARD_MISSING_APPID),
        _ => Err(ApiError::new(
            codes::INVALID_CARD_ACTION,
            "card_action.type must be 1 (url) or 2 (mini program)",
        )),
    }
}

/// An array of `min..=max` entries under `key` (`code` otherwise: WeCom has
/// one per list, 数组长度不合法).
fn list(f: &Fields<'_>, key: &str, min: usize, max: usize, code: i64) -> Result<(), ApiError> {
    match f.get(key) {
        Some(Value::Array(items)) if (min..=max).contains(&items.len()) => Ok(()),
        _ => Err(ApiError::new(
            code,
            format!("{key} must hold {min} to {max} entries"),
        )),
    }
}

fn submit_button(f: &Fields<'_>) -> Result<(), ApiError> {
    let button = f
        .get("submit_button")
        .map(|b| Fields::of(b, "submit_button"))
        .transpose()?;
    if button
        .as_ref()
        .map(|b| b.opt_str("text"))
        .transpose()?
        .flatten()
        .is_none()
    {
        return Err(ApiError::new(
            codes::INVALID_SUBMIT_TEXT,
            "submit_button.text missing",
        ));
    }
    if button
        .as_ref()
        .map(|b| b.opt_str("key"))
        .transpose()?
        .flatten()
        .is_none()
    {
        return Err(ApiError::new(
            codes::INVALID_SUBMIT_KEY,
            "submit_button.key missing",
        ));
    }
    Ok(())
}

/// `safe` of a request (0 when absent); 40074 for a confidential news message.
pub(crate) fn safe(body: &Fields<'_>, msgtype: &str) -> Result<i64, ApiError> {
    let safe = body.opt_int("safe")?.unwrap_or(0);
    if !(0..=2).contains(&safe) {
        return Err(ApiError::invalid("safe must be 0, 1 or 2"));
    }
    if safe != 0 && msgtype == "news" {
        return Err(ApiError::new(
            codes::NEWS_NOT_CONFIDENTIAL,
            "news message does not support safe",
        ));
    }
    if safe == 2 && msgtype != "mpnews" {
        return Err(ApiError::invalid("safe 2 is for mpnews only"));
    }
    Ok(safe)
}

/// A list field of strings (absent is empty).
pub(crate) fn string_list(f: &Fields<'_>, key: &str) -> Result<Vec<String>, ApiError> {
    match f.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                Value::Number(n) => Ok(n.to_string()),
                _ => Err(ApiError::invalid(format!("{key} must hold strings"))),
            })
            .collect(),
        Some(_) => Err(ApiError::invalid(format!("{key} must be an array"))),
    }
}

/// The object `{key: value}`.
pub(crate) fn object(key: &str, value: Value) -> Value {
    let mut map = Map::new();
    map.insert(key.to_owned(), value);
    Value::Object(map)
}
