//! 素材管理 (`media/*`) in the sandbox, on the shared media store
//! ([`MediaStore`], `State.media`), per corp.
//!
//! Any valid corp `access_token` (self-built, authorized or downstream)
//! works; a `media_id` belongs to the corp that uploaded it and expires 3
//! days (sandbox clock) after its upload.
//!
//! * `media/upload` and `media/upload_attachment` take a
//!   `multipart/form-data` body with part `media` and check the file as
//!   WeCom does: more than 5 bytes; images JPG/PNG ≤ 10 MB, voice AMR ≤ 2 MB,
//!   videos MP4 ≤ 10 MB, files ≤ 20 MB (formats by their magic bytes).
//!   Attachments are images, videos or files; scene 1 (moments) takes
//!   images and videos, scene 2 (product album) images.
//! * `media/uploadimg` takes a JPG/PNG of 5 B – 2 MB and answers a URL.
//! * `media/get` answers the file with its `Content-Type`,
//!   `Content-Disposition: attachment; filename="…"` and `Content-Length`;
//!   a `Range: bytes=a-b` (or `a-`, `-n`) is answered `206 Partial Content`
//!   with `Content-Range` and `Accept-Ranges`, an unsatisfiable one 416. A
//!   file over 20 MB must be read with Range (830002); pieces of at most
//!   20 MB are required for media `upload_by_url` fetched, as page 90254
//!   says, and merely advised for others.
//! * `media/get/jssdk` answers the speex recordings a test added with
//!   [`MediaSandbox::add_jssdk_voice`](console::MediaSandbox::add_jssdk_voice).
//! * `media/upload_by_url` fetches the URL in the background — only from
//!   loopback (127.0.0.0/8, `localhost`, `[::1]`): the sandbox never reaches
//!   out — and `media/get_upload_by_url_result` answers status 1 until the
//!   fetch is over, then 2 with the new `media_id` (stored on that first
//!   poll) or 3 with the reason in `detail`.
//!
//! Error codes (WeCom's global list, path 90313): 40004 a format the type
//! does not take, 40005 bad `type`, 40006 bad size (≤ 5 bytes, a file too
//! large, and — WeCom's list has no voice code — a voice over 2 MB), 40007
//! unknown or expired `media_id`, 40009 / 40011 image / video too large,
//! 41005 no `media` part, 41006 no `media_id`, 40058 bad fields, 830002 a
//! download too large for one reply. Job details (page 96219's table):
//! 830001 URL refused, 830003 fetch failed, 45001 not within 5 B – 200 MB,
//! 301019 MD5 mismatch; sandbox-chosen 830902 unknown jobid.

pub(crate) mod by_url;
pub(crate) mod console;
mod download;
pub(crate) mod md5;
mod upload;

use std::collections::BTreeSet;

use super::media_store::MediaStore;
use super::record::RecordedRequest;
use super::reply::Reply;
use super::tokens::{TokenStore, require_any_corp};

/// WeCom 40004: the file is not of a format its type takes.
const INVALID_MEDIA_FORMAT: i64 = 40_004;
/// WeCom 40005: invalid `type`.
const INVALID_TYPE: i64 = 40_005;
/// WeCom 40006: invalid file size.
const INVALID_FILE_SIZE: i64 = 40_006;
/// WeCom 40007: invalid media_id.
const INVALID_MEDIA_ID: i64 = 40_007;
/// WeCom 40009: invalid image size.
const INVALID_IMAGE_SIZE: i64 = 40_009;
/// WeCom 40011: invalid video size.
const INVALID_VIDEO_SIZE: i64 = 40_011;
/// WeCom 41005: media data missing.
const MISSING_MEDIA: i64 = 41_005;
/// WeCom 41006: media_id missing.
const MISSING_MEDIA_ID: i64 = 41_006;
/// WeCom 830002: a file over 20 MB must be downloaded in ranges of at most 20 MB.
const RANGE_REQUIRED: i64 = 830_002;

/// Every path this module serves (`media/upload_attachment` is declared by
/// the external-contact family, its store is this one).
pub(crate) const PATHS: &[&str] = &[
    "media/upload",
    "media/uploadimg",
    "media/upload_attachment",
    "media/get",
    "media/get/jssdk",
    "media/upload_by_url",
    "media/get_upload_by_url_result",
];

/// What the media family keeps beside the store: jobs, and which ids are
/// JS-SDK recordings.
#[derive(Debug, Default)]
pub(crate) struct MediaState {
    /// `media/upload_by_url` jobs.
    pub(crate) jobs: by_url::Jobs,
    /// Media ids of the JS-SDK's voice recordings (`media/get/jssdk`).
    pub(crate) jssdk: BTreeSet<String>,
    /// Media ids `upload_by_url` fetched: over 20 MB they must be read in
    /// pieces of at most 20 MB.
    pub(crate) by_url: BTreeSet<String>,
    /// How many images `media/uploadimg` stored.
    pub(crate) images: u64,
}

/// Answers a `media/*` request.
pub(crate) fn handle(
    state: &mut MediaState,
    store: &mut MediaStore,
    tokens: &TokenStore,
    req: &RecordedRequest,
    now: i64,
) -> Reply {
    let corpid = match require_any_corp(tokens, &req.query, now) {
        Ok(corpid) => corpid,
        Err(err) => return Reply::error(&err),
    };
    let result = match req.path.as_str() {
        "media/upload" => upload::upload(store, &corpid, req, now),
        "media/upload_attachment" => upload::upload_attachment(store, &corpid, req, now),
        "media/uploadimg" => upload::uploadimg(state, req),
        "media/get" => return download::get(store, state, &corpid, req, now, false),
        "media/get/jssdk" => return download::get(store, state, &corpid, req, now, true),
        "media/upload_by_url" => by_url::upload_by_url(state, &corpid, req),
        "media/get_upload_by_url_result" => by_url::get_result(state, store, &corpid, req, now),
        path => return Reply::not_found(path),
    };
    Reply::from_result(result)
}
