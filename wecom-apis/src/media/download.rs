//! Downloads (获取临时素材, 获取高清语音素材): a temporary media file back,
//! whole or by byte range, read as it arrives.

use crate::{ByteRange, Download, Result};

/// 获取临时素材 and 获取高清语音素材. Corp `access_token`.
///
/// Both answer the file itself, with `Content-Type`,
/// `Content-Disposition: attachment; filename="…"` and `Content-Length`,
/// and a JSON `{errcode, errmsg}` on error (40007: unknown or expired
/// `media_id`). With a `range`, the request carries `Range: bytes=a-b` and
/// WeCom answers `206 Partial Content` with `Content-Range`
/// ([`Download::is_partial`], [`Download::content_range`]).
#[crate::api]
pub trait MediaDownloadApi {
    /// 获取临时素材: the file stored under `media_id` (any app of the corp
    /// may read it, for 3 days). `range` asks for part of it. A file too
    /// large for one reply is refused with 830002: read it in ranges, of at
    /// most 20 MB for media from `upload_by_url` (required over 20 MB) and
    /// preferably for others (page 90254's two notes).
    /// Read the reply with [`Download::write_to`], [`Download::into_stream`]
    /// or [`Download::bytes`].
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90254>
    #[get("media/get", token = corp)]
    async fn get_media(
        &self,
        media_id: &str,
        #[header = "Range"] range: Option<ByteRange>,
    ) -> Result<Download>;

    /// 获取高清语音素材: the high-quality recording of a voice message that
    /// the JS-SDK's `uploadVoice` uploaded, as speex (16 kHz), under the
    /// `serverId` it returned as `media_id` (`Content-Type: voice/speex`).
    /// The current page does not mention `Range` (older copies did, copied
    /// from `media/get`); pass `None` unless you have checked it works.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90255>
    #[get("media/get/jssdk", token = corp)]
    async fn get_jssdk_media(
        &self,
        media_id: &str,
        #[header = "Range"] range: Option<ByteRange>,
    ) -> Result<Download>;
}
