//! Attachments (`media/upload_attachment`, 上传附件资源) for moments and the
//! product album.
//!
//! The file goes up as `multipart/form-data`, part `media`; the media type
//! and the attachment scene go in the query. The returned `media_id` is
//! valid for three days and feeds
//! [`MomentAttachment`](super::MomentAttachment) (scene
//! [`AttachmentType::Moment`]) or
//! [`ProductAttachment`](super::ProductAttachment) (scene
//! [`AttachmentType::ProductAlbum`]).
//!
//! Temporary media (`media/upload`, whose ids welcome messages, mass
//! messages and group welcome templates take) belong to the media family:
//! [`MediaUploadApi::upload_media`](crate::media::MediaUploadApi::upload_media),
//! re-exported here so that code importing it from this module keeps
//! working; [`AttachmentMediaType`] is that family's
//! [`MediaType`](crate::media::MediaType).

use serde::{Deserialize, Serialize};

use crate::serde_util::int_enum;
use crate::{Result, Upload};

/// Attachment upload (上传附件资源). Takes the corp `access_token`
/// (self-built app configured as 可调用应用, or a third-party / 代开发 token
/// with 「企业客户」).
#[crate::api]
pub trait MediaApi {
    /// 上传附件资源: upload an image, video or file for moments (scene 1,
    /// images and videos only) or the product album (scene 2, images). The
    /// file name in `media` is what WeCom shows. The `media_id` is valid for
    /// 3 days. Files must be larger than 5 bytes; images at most 10 MB
    /// (JPG/PNG), videos at most 10 MB (MP4), files at most 20 MB.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/95098>
    #[post("media/upload_attachment", token = corp)]
    async fn upload_attachment(
        &self,
        #[query] media_type: AttachmentMediaType,
        #[query] attachment_type: AttachmentType,
        #[file = "media"] media: &Upload,
    ) -> Result<UploadedAttachment>;
}

int_enum! {
    /// The scene an attachment is for (附件类型 `attachment_type`).
    pub enum AttachmentType {
        /// 1: customer moments (朋友圈); images and videos only.
        Moment = 1,
        /// 2: product album (商品图册).
        ProductAlbum = 2,
    }
}

/// Media type of an attachment (`media_type`): `image`, `video` or `file`
/// (`voice` is for `media/upload` only). The media family's type, under the
/// name this family has used.
pub type AttachmentMediaType = crate::media::MediaType;

/// `media/upload` (上传临时素材), declared by the media family.
pub use crate::media::MediaUploadApi;

/// Response of `media/upload_attachment`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedAttachment {
    /// Media type (媒体文件类型).
    #[serde(rename = "type", default)]
    pub media_type: AttachmentMediaType,
    /// The media id (媒体文件上传后获取的唯一标识), valid for 3 days.
    #[serde(default)]
    pub media_id: String,
    /// Upload time (unix seconds). WeCom sends a number here (and a string
    /// in `media/upload`); both are accepted.
    #[serde(default, deserialize_with = "crate::serde_util::deserialize_code")]
    pub created_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_type_keeps_unknown_values() {
        let v: Vec<AttachmentMediaType> =
            serde_json::from_str(r#"["image","video","file","thumb"]"#).unwrap();
        assert_eq!(
            v,
            [
                AttachmentMediaType::Image,
                AttachmentMediaType::Video,
                AttachmentMediaType::File,
                AttachmentMediaType::Other("thumb".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"["image","video","file","thumb"]"#
        );
    }

    #[test]
    fn created_at_number_or_string() {
        let a: UploadedAttachment =
            serde_json::from_str(r#"{"type":"image","media_id":"M","created_at":"1380000000"}"#).unwrap();
        assert_eq!(a.created_at, 1_380_000_000);
        let a: UploadedAttachment =
            serde_json::from_str(r#"{"type":"video","media_id":"M","created_at":1380000001}"#).unwrap();
        assert_eq!(
            (a.media_type, a.created_at),
            (AttachmentMediaType::Video, 1_380_000_001)
        );
    }
}
