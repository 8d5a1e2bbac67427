//! Uploads (上传临时素材, 上传图片): a temporary `media_id`, or a permanent
//! image URL.

use serde::{Deserialize, Serialize};

use crate::{Result, Upload};

/// 上传临时素材 and 上传图片. Corp `access_token` (any app of the corp; a
/// `media_id` is shared by all of them).
#[crate::api]
pub trait MediaUploadApi {
    /// 上传临时素材: store a file as temporary media and get its `media_id`,
    /// valid for 3 days. Sent as `multipart/form-data`, part `media`; the
    /// part's file name is the name WeCom shows (e.g. in a file message).
    /// Every file is larger than 5 bytes; images ≤ 10 MB (JPG, PNG), voice
    /// ≤ 2 MB (AMR, at most 60 s), videos ≤ 10 MB (MP4), files ≤ 20 MB.
    /// Errors: 40004 (a format the type does not take), 40005 (bad `type`),
    /// 40006 / 40009 / 40011 (size). Larger files go through
    /// [`MediaAsyncUploadApi::upload_by_url`](super::MediaAsyncUploadApi::upload_by_url).
    ///
    /// WeCom sends `created_at` as a string here (a number elsewhere); both
    /// decode.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90253>
    #[post("media/upload", token = corp)]
    async fn upload_media(
        &self,
        #[query = "type"] media_type: MediaType,
        #[file = "media"] media: &Upload,
    ) -> Result<UploadedMedia>;

    /// 上传图片: store an image (5 B – 2 MB; JPG or PNG in practice, the page
    /// names no formats) for good and get its URL, for mpnews bodies and
    /// customer welcome messages (which take only URLs from this endpoint;
    /// outside WeCom the image is blocked). Part `media`. At most 1000
    /// images a day and 3000 a month per corp.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90256>
    #[post("media/uploadimg", token = corp)]
    async fn uploadimg(&self, #[file = "media"] media: &Upload) -> Result<UploadedImage>;
}

wecom_core::string_enum! {
    /// Media type (媒体文件类型 `type`).
    pub enum MediaType {
        /// `image` (图片): JPG or PNG, ≤ 10 MB.
        Image = "image",
        /// `voice` (语音): AMR, ≤ 2 MB, at most 60 s.
        Voice = "voice",
        /// `video` (视频): MP4, ≤ 10 MB (≤ 200 MB through `upload_by_url`).
        Video = "video",
        /// `file` (普通文件): ≤ 20 MB (≤ 200 MB through `upload_by_url`).
        File = "file",
    }
}

impl Default for MediaType {
    /// `image`, the first of WeCom's types.
    fn default() -> Self {
        MediaType::Image
    }
}

/// Reply of `media/upload`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedMedia {
    /// The media type (媒体文件类型).
    #[serde(rename = "type", default)]
    pub media_type: MediaType,
    /// The media id (媒体文件上传后获取的唯一标识), valid for 3 days.
    #[serde(default)]
    pub media_id: String,
    /// Upload time (unix seconds), sent as a string.
    #[serde(default, deserialize_with = "crate::serde_util::deserialize_code")]
    pub created_at: i64,
}

/// Reply of `media/uploadimg`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedImage {
    /// The image's permanent URL (上传后得到的图片URL).
    #[serde(default)]
    pub url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_reply_decodes_the_documented_sample() {
        // https://developer.work.weixin.qq.com/document/path/90253
        let reply: UploadedMedia = serde_json::from_str(
            r#"{
               "errcode": 0,
               "errmsg": "",
               "type": "image",
               "media_id": "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0",
               "created_at": "1380000000"
            }"#,
        )
        .unwrap();
        assert_eq!(reply.media_type, MediaType::Image);
        assert_eq!(reply.media_id, "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0");
        assert_eq!(reply.created_at, 1_380_000_000);
    }

    #[test]
    fn uploadimg_reply_decodes_the_documented_sample() {
        // https://developer.work.weixin.qq.com/document/path/90256
        let reply: UploadedImage = serde_json::from_str(
            r#"{
               "errcode": 0,
               "errmsg": "",
               "url" : "http://p.qpic.cn/pic_wework/3474110808/7a7c8471673ff0f178f63447935d35a5c1247a7f31d9c060/0"
            }"#,
        )
        .unwrap();
        assert_eq!(
            reply.url,
            "http://p.qpic.cn/pic_wework/3474110808/7a7c8471673ff0f178f63447935d35a5c1247a7f31d9c060/0"
        );
    }

    #[test]
    fn media_types_round_trip_and_keep_unknown_values() {
        let v: Vec<MediaType> = serde_json::from_str(r#"["image","voice","video","file","thumb"]"#).unwrap();
        assert_eq!(
            v,
            [
                MediaType::Image,
                MediaType::Voice,
                MediaType::Video,
                MediaType::File,
                MediaType::Other("thumb".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"["image","voice","video","file","thumb"]"#
        );
    }
}
