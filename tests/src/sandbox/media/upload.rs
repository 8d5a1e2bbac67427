//! `media/upload`, `media/upload_attachment` and `media/uploadimg`: the file
//! checked as WeCom checks it, then kept in the store.

use serde_json::json;

use super::super::media_store::{MediaStore, StoredMedia};
use super::super::multipart::{self, Part};
use super::super::params::query_param;
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::{
    INVALID_FILE_SIZE, INVALID_IMAGE_SIZE, INVALID_MEDIA_FORMAT, INVALID_TYPE, INVALID_VIDEO_SIZE,
    MISSING_MEDIA, MediaState,
};

const MB: usize = 1 << 20;

/// The media types, their size limit and the code for a larger file.
const LIMITS: &[(&str, usize, i64)] = &[
    ("image", 10 * MB, INVALID_IMAGE_SIZE),
    // WeCom's list has no voice-size code (40010 is the Official Account's).
    ("voice", 2 * MB, INVALID_FILE_SIZE),
    ("video", 10 * MB, INVALID_VIDEO_SIZE),
    ("file", 20 * MB, INVALID_FILE_SIZE),
];

/// `POST media/upload?type=TYPE`, part `media`: `{type, media_id, created_at}`
/// (`created_at` a string, as WeCom sends it here).
pub(super) fn upload(store: &mut MediaStore, corpid: &str, req: &RecordedRequest, now: i64) -> ApiResult {
    let media_type = media_type(req, "type", &["image", "voice", "video", "file"])?;
    let part = media_part(req)?;
    check_file(media_type, &part.bytes)?;
    let media_id = store.insert(stored(corpid, media_type, part, now));
    Ok(fields(json!({
        "type": media_type,
        "media_id": media_id,
        "created_at": now.to_string(),
    })))
}

/// `POST media/upload_attachment?media_type=TYPE&attachment_type=1|2`, part
/// `media`: `{type, media_id, created_at}` (`created_at` a number). Scene 1
/// (moments) takes images and videos, scene 2 (product album) images.
pub(super) fn upload_attachment(
    store: &mut MediaStore,
    corpid: &str,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let media_type = media_type(req, "media_type", &["image", "video", "file"])?;
    let scene =
        query_param(&req.query, "attachment_type").ok_or_else(|| ApiError::missing("attachment_type"))?;
    let allowed: &[&str] = match scene {
        "1" => &["image", "video"],
        "2" => &["image"],
        other => {
            return Err(ApiError::invalid(format!(
                "attachment_type {other} (1 moments, 2 product album)"
            )));
        }
    };
    if !allowed.contains(&media_type) {
        return Err(ApiError::new(
            INVALID_MEDIA_FORMAT,
            format!(
                "invalid media type: attachment_type {scene} takes {}",
                allowed.join(", ")
            ),
        ));
    }
    let part = media_part(req)?;
    check_file(media_type, &part.bytes)?;
    let media_id = store.insert(stored(corpid, media_type, part, now));
    Ok(fields(
        json!({"type": media_type, "media_id": media_id, "created_at": now}),
    ))
}

/// `POST media/uploadimg`, part `media`: a JPG/PNG of 5 B – 2 MB; `{url}`.
pub(super) fn uploadimg(state: &mut MediaState, req: &RecordedRequest) -> ApiResult {
    let part = media_part(req)?;
    size_at_least(&part.bytes)?;
    if part.bytes.len() > 2 * MB {
        return Err(ApiError::new(
            INVALID_IMAGE_SIZE,
            "invalid image size: at most 2 MB",
        ));
    }
    if format_of(&part.bytes) != Some("image") {
        return Err(ApiError::new(
            INVALID_MEDIA_FORMAT,
            "invalid media type: JPG or PNG only",
        ));
    }
    state.images += 1;
    Ok(fields(json!({
        "url": format!("https://wework.qpic.cn/wwpic/sandbox_img_{:06}/0", state.images),
    })))
}

/// The media type in query parameter `param`, one of `allowed` (40005 otherwise).
fn media_type(
    req: &RecordedRequest,
    param: &str,
    allowed: &[&'static str],
) -> Result<&'static str, ApiError> {
    let value = query_param(&req.query, param).unwrap_or_default();
    allowed.iter().copied().find(|t| *t == value).ok_or_else(|| {
        ApiError::new(
            INVALID_TYPE,
            format!("invalid type `{value}`: {}", allowed.join(", ")),
        )
    })
}

/// The multipart part named `media` (41005 when there is none).
fn media_part(req: &RecordedRequest) -> Result<Part, ApiError> {
    multipart::parts(req)
        .and_then(|parts| parts.into_iter().find(|p| p.name == "media"))
        .ok_or_else(|| {
            ApiError::new(
                MISSING_MEDIA,
                "media data missing: send multipart/form-data with part `media`",
            )
        })
}

/// Size and format rules of `media/upload` for `media_type`.
pub(super) fn check_file(media_type: &str, bytes: &[u8]) -> Result<(), ApiError> {
    size_at_least(bytes)?;
    if let Some((_, limit, code)) = LIMITS.iter().find(|(t, ..)| *t == media_type)
        && bytes.len() > *limit
    {
        return Err(ApiError::new(
            *code,
            format!("invalid {media_type} size: at most {} MB", limit / MB),
        ));
    }
    if media_type != "file" && format_of(bytes) != Some(media_type) {
        let formats = match media_type {
            "image" => "JPG or PNG",
            "voice" => "AMR",
            _ => "MP4",
        };
        return Err(ApiError::new(
            INVALID_MEDIA_FORMAT,
            format!("invalid media type: {media_type} takes {formats}"),
        ));
    }
    Ok(())
}

/// Every file is larger than 5 bytes.
fn size_at_least(bytes: &[u8]) -> Result<(), ApiError> {
    if bytes.len() <= 5 {
        return Err(ApiError::new(
            INVALID_FILE_SIZE,
            "invalid file size: more than 5 bytes",
        ));
    }
    Ok(())
}

/// What the file's magic bytes say it is: `image` (JPG, PNG), `voice` (AMR)
/// or `video` (MP4).
pub(super) fn format_of(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image")
    } else if bytes.starts_with(b"#!AMR") {
        Some("voice")
    } else if bytes.get(4..8) == Some(b"ftyp") {
        Some("video")
    } else {
        None
    }
}

/// The store entry of an uploaded part.
fn stored(corpid: &str, media_type: &str, part: Part, now: i64) -> StoredMedia {
    StoredMedia {
        corpid: corpid.to_owned(),
        media_type: media_type.to_owned(),
        filename: part.filename.unwrap_or_else(|| "media".to_owned()),
        content_type: part
            .content_type
            .unwrap_or_else(|| "application/octet-stream".to_owned()),
        bytes: part.bytes,
        created_at: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_checked_like_wecom() {
        let png = [b"\x89PNG\r\n\x1a\n".as_slice(), &[0; 8]].concat();
        assert!(check_file("image", &png).is_ok());
        assert_eq!(check_file("image", b"12345").unwrap_err().code, INVALID_FILE_SIZE);
        assert_eq!(
            check_file("image", b"GIF89a....").unwrap_err().code,
            INVALID_MEDIA_FORMAT
        );
        assert_eq!(
            check_file("voice", &vec![0; 2 * MB + 1]).unwrap_err().code,
            INVALID_FILE_SIZE
        );
        assert!(check_file("voice", b"#!AMR\n......").is_ok());
        assert!(check_file("video", b"\0\0\0\x18ftypmp42....").is_ok());
        assert!(check_file("file", b"anything at all").is_ok());
        assert_eq!(
            check_file("file", &vec![0; 20 * MB + 1]).unwrap_err().code,
            INVALID_FILE_SIZE
        );
    }
}
