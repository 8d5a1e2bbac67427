//! Asynchronous upload (异步上传临时素材): WeCom fetches a large file
//! (up to 200 MB) from a URL, and a job reports its `media_id`.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::serde_util::int_enum;

use super::MediaType;

/// 异步上传临时素材: 生成异步上传任务 and 查询异步任务结果. Corp
/// `access_token` of an app with 客户联系 permission.
///
/// WeCom downloads the file from `url` (which must support `Range`
/// requests) and checks its MD5; when done it pushes an
/// `upload_media_job_finish` event and
/// [`get_upload_by_url_result`](Self::get_upload_by_url_result) reports the
/// `media_id` (valid for 3 days, shared by the corp's apps).
///
/// <https://developer.work.weixin.qq.com/document/path/96219>
#[crate::api]
pub trait MediaAsyncUploadApi {
    /// 生成异步上传任务: start fetching `request.url` as temporary media of
    /// `request.media_type` (video, MP4, or file; each ≤ 200 MB) for
    /// `request.scene`; the job id to poll. `filename` ≤ 128 bytes, `url`
    /// ≤ 1024 bytes, `md5` the file's MD5 in hex.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96219>
    #[post("media/upload_by_url", token = corp)]
    async fn upload_by_url(&self, #[body] request: &UploadByUrlRequest) -> Result<UploadByUrlJob>;

    /// 查询异步任务结果: the job's status and, once it finished, its
    /// `detail`: the `media_id`, or why it failed (`detail.errcode`: 830001
    /// a URL without Range support, 830003 download failed, 45001 not
    /// within 5 B – 200 MB, 301019 MD5 mismatch). A jobid is valid for 60
    /// minutes.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/96219>
    #[post("media/get_upload_by_url_result", token = corp)]
    async fn get_upload_by_url_result(&self, jobid: &str) -> Result<UploadByUrlResult>;
}

int_enum! {
    /// Where the uploaded media will be used (场景值 `scene`); each scene's
    /// `media_id` works only there.
    pub enum UploadScene {
        /// 1: customer-group welcome messages (客户联系入群欢迎语素材), the only scene today.
        GroupWelcome = 1,
    }
}

int_enum! {
    /// State of an asynchronous upload (任务状态 `status`).
    pub enum UploadJobStatus {
        /// 1: still fetching (处理中).
        Processing = 1,
        /// 2: done (完成); `detail.media_id` is set.
        Finished = 2,
        /// 3: failed (异常失败); `detail.errcode` says why.
        Failed = 3,
    }
}

/// Body of `media/upload_by_url`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadByUrlRequest {
    /// The scene the media is for (场景值).
    pub scene: UploadScene,
    /// The media type (媒体文件类型): `video` or `file` only.
    #[serde(rename = "type")]
    pub media_type: MediaType,
    /// The name WeCom shows (文件名), ≤ 128 bytes.
    pub filename: String,
    /// Where WeCom fetches the file (文件cdn url), ≤ 1024 bytes; the server
    /// must answer `Range` requests.
    pub url: String,
    /// The file's MD5, lowercase hex (文件md5), checked against what WeCom fetched.
    pub md5: String,
}

impl UploadByUrlRequest {
    /// A request for `scene` of the file at `url`, shown as `filename`.
    pub fn new(
        scene: UploadScene,
        media_type: MediaType,
        filename: impl Into<String>,
        url: impl Into<String>,
        md5: impl Into<String>,
    ) -> Self {
        UploadByUrlRequest {
            scene,
            media_type,
            filename: filename.into(),
            url: url.into(),
            md5: md5.into(),
        }
    }
}

/// Reply of `media/upload_by_url`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadByUrlJob {
    /// The job id (任务id, at most 128 bytes, valid 60 minutes), for
    /// `get_upload_by_url_result`.
    #[serde(default)]
    pub jobid: String,
}

/// Reply of `media/get_upload_by_url_result`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadByUrlResult {
    /// The job's state (任务状态).
    #[serde(default)]
    pub status: UploadJobStatus,
    /// The outcome (结果明细), once the job finished or failed.
    #[serde(default)]
    pub detail: UploadJobDetail,
}

impl UploadByUrlResult {
    /// The `media_id`, when the job finished well.
    pub fn media_id(&self) -> Option<&str> {
        (self.status == UploadJobStatus::Finished
            && self.detail.errcode == 0
            && !self.detail.media_id.is_empty())
        .then_some(self.detail.media_id.as_str())
    }
}

/// The outcome of an asynchronous upload (`detail`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadJobDetail {
    /// The job's own result code (任务返回码), 0 on success.
    #[serde(default)]
    pub errcode: i64,
    /// Its description.
    #[serde(default)]
    pub errmsg: String,
    /// The media id (媒体文件上传后获取的唯一标识), valid for 3 days.
    #[serde(default)]
    pub media_id: String,
    /// Upload time (unix seconds); a string or a number.
    #[serde(default, deserialize_with = "crate::serde_util::deserialize_code")]
    pub created_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_encodes_as_the_documented_sample() {
        // https://developer.work.weixin.qq.com/document/path/96219
        let request = UploadByUrlRequest::new(
            UploadScene::GroupWelcome,
            MediaType::Video,
            "video.mp4",
            "https://xxxx",
            "MD5",
        );
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            serde_json::json!({
                "scene": 1,
                "type": "video",
                "filename": "video.mp4",
                "url": "https://xxxx",
                "md5": "MD5"
            })
        );
    }

    #[test]
    fn job_reply_decodes_the_documented_sample() {
        let job: UploadByUrlJob =
            serde_json::from_str(r#"{"errcode": 0, "errmsg": "ok", "jobid": "jobid"}"#).unwrap();
        assert_eq!(job.jobid, "jobid");
    }

    #[test]
    fn result_decodes_the_documented_sample() {
        // https://developer.work.weixin.qq.com/document/path/96219
        let result: UploadByUrlResult = serde_json::from_str(
            r#"{
               "errcode": 0,
               "errmsg": "ok",
               "status": 2,
               "detail": {
                  "errcode": 0,
                  "errmsg": "ok",
                  "media_id": "3*1*G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0",
                  "created_at": "1380000000"
               }
            }"#,
        )
        .unwrap();
        assert_eq!(result.status, UploadJobStatus::Finished);
        assert_eq!(
            result.detail.media_id,
            "3*1*G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0"
        );
        assert_eq!(result.detail.created_at, 1_380_000_000);
        assert_eq!(
            result.media_id(),
            Some("3*1*G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0")
        );

        let running: UploadByUrlResult =
            serde_json::from_str(r#"{"errcode": 0, "errmsg": "ok", "status": 1}"#).unwrap();
        assert_eq!(
            (running.status, running.media_id()),
            (UploadJobStatus::Processing, None)
        );
        let failed: UploadByUrlResult = serde_json::from_str(
            r#"{"errcode": 0, "errmsg": "ok", "status": 3, "detail": {"errcode": 830003, "errmsg": "url download fail"}}"#,
        )
        .unwrap();
        assert_eq!(
            (failed.status, failed.detail.errcode),
            (UploadJobStatus::Failed, 830_003)
        );
        assert_eq!(failed.media_id(), None);
    }
}
