//! 群机器人: `webhook/send?key=` and `webhook/upload_media?key=&type=`.

use base64::Engine as _;
use serde_json::{Value, json};

use super::super::multipart::find_part;
use super::super::params::{Fields, JsonBody, query_param};
use super::super::reply::{ApiError, ApiResult, fields};
use super::content::{self, WEBHOOK_TYPES};
use super::model::{ChatMessageRecord, MessageState, Robot, RobotMedia};
use super::{Env, codes};

/// Messages a robot may send per minute.
const PER_MINUTE: usize = 20;
/// Largest image, before base64.
const IMAGE_MAX: usize = 2 * 1024 * 1024;
/// A robot's upload lasts 3 days.
const MEDIA_LIFETIME: i64 = 3 * 24 * 3600;

/// The robot of the request's `key` (93000 when missing, unknown or removed).
fn robot<'s>(state: &'s mut MessageState, env: &Env<'_>) -> Result<(String, &'s mut Robot), ApiError> {
    let key = query_param(&env.req.query, "key").filter(|k| !k.is_empty());
    let invalid = || ApiError::new(codes::INVALID_WEBHOOK, "invalid webhook url");
    let key = key.ok_or_else(invalid)?.to_owned();
    let robot = state
        .robots
        .get_mut(&key)
        .filter(|r| !r.removed)
        .ok_or_else(invalid)?;
    Ok((key, robot))
}

/// `POST webhook/send?key=KEY`.
pub(super) fn send(state: &mut MessageState, env: &Env<'_>) -> ApiResult {
    let now = env.now;
    let (key, _) = robot(state, env)?;
    let body = JsonBody::parse(&env.req.body)?;
    let f = body.fields();
    let uploads = &state.robot_media;
    let (msgtype, content) = content::check(&f, WEBHOOK_TYPES, &|id, kind| {
        uploads
            .get(id)
            .is_some_and(|m| m.key == key && m.media_type == kind && now - m.created_at < MEDIA_LIFETIME)
    })?;
    match msgtype.as_str() {
        "image" => image(&Fields::of(&content, "image")?)?,
        "text" => {
            let t = Fields::of(&content, "text")?;
            content::string_list(&t, "mentioned_list")?;
            content::string_list(&t, "mentioned_mobile_list")?;
        }
        _ => {}
    }
    let (_, robot) = robot(state, env)?;
    let recent = robot.messages.iter().filter(|m| now - m.sent_at < 60).count();
    if recent >= PER_MINUTE {
        return Err(ApiError::new(
            codes::RATE_LIMITED,
            "api freq out of limit: at most 20 messages a minute",
        ));
    }
    robot.messages.push(ChatMessageRecord {
        msgtype,
        content,
        safe: 0,
        sent_at: now,
    });
    Ok(fields(json!({})))
}

/// An image message: `base64` decodes to at most 2 MB whose MD5 is `md5`.
fn image(f: &Fields<'_>) -> Result<(), ApiError> {
    let data = f.req_str("base64")?;
    let md5 = f.req_str("md5")?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| ApiError::invalid("image.base64 is not base64"))?;
    if bytes.is_empty() || bytes.len() > IMAGE_MAX {
        return Err(ApiError::new(
            codes::INVALID_IMAGE_SIZE,
            "an image is 1 B to 2 MB",
        ));
    }
    // The SDK's MD5 (checked there against RFC 1321's vectors).
    let expected = wecom_apis::message::WebhookImage::from_bytes(&bytes).md5;
    if !md5.eq_ignore_ascii_case(&expected) {
        return Err(ApiError::invalid("image.md5 does not match the image"));
    }
    Ok(())
}

/// `POST webhook/upload_media?key=KEY&type=file|voice` with a multipart `media` part.
pub(super) fn upload_media(state: &mut MessageState, env: &Env<'_>) -> ApiResult {
    let (key, _) = robot(state, env)?;
    let media_type = match query_param(&env.req.query, "type") {
        Some(t @ ("file" | "voice")) => t.to_owned(),
        _ => return Err(ApiError::new(codes::INVALID_TYPE, "invalid type: file or voice")),
    };
    let part = find_part(env.req, "media")
        .filter(|p| !p.bytes.is_empty())
        .ok_or_else(|| ApiError::new(codes::EMPTY_MEDIA, "empty media: no `media` part"))?;
    let max = if media_type == "voice" {
        2 * 1024 * 1024
    } else {
        20 * 1024 * 1024
    };
    if part.bytes.len() < 5 || part.bytes.len() > max {
        return Err(ApiError::new(
            codes::INVALID_FILE_SIZE,
            format!("a {media_type} is 5 B to {max} B"),
        ));
    }
    let media_id = state.ids.tagged("3wh");
    state.robot_media.insert(
        media_id.clone(),
        RobotMedia {
            key,
            media_type: media_type.clone(),
            filename: part.filename.unwrap_or_default(),
            size: part.bytes.len(),
            created_at: env.now,
        },
    );
    Ok(fields(json!({
        "type": media_type,
        "media_id": media_id,
        "created_at": Value::from(env.now.to_string()),
    })))
}
