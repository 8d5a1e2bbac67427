//! 异步批量接口 (asynchronous batch jobs): apply a CSV file (uploaded with
//! `media/upload`, type `file`) to the directory — add/update members
//! (`batch/syncuser`), replace all members (`batch/replaceuser`) or all
//! departments (`batch/replaceparty`) — and poll the job
//! (`batch/getresult`).
//!
//! Section index: <https://developer.work.weixin.qq.com/document/path/90980>

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

use crate::serde_util::int_enum;
use crate::{Result, Secret};

/// Endpoints of 异步批量接口, on the corp `access_token` (the 通讯录同步
/// secret or an app with 通讯录 edit permission). One job runs at a time
/// per corp; WeCom pushes a `batch_job_result` event to the callback URL
/// given in the request (or the app's) when it is done.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/90980>
#[crate::api]
pub trait BatchApi {
    /// 增量更新成员: members in the CSV are added or updated (only the
    /// columns present change); members not in it stay. Departments are
    /// given by id (`;`-separated, the root is 1); an id the corp lacks
    /// becomes a new department under 「待设置部门」. Rows fail one by one;
    /// see [`get_batch_result`](Self::get_batch_result).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90980>
    #[post("batch/syncuser", token = corp)]
    async fn sync_users(&self, #[body] job: &BatchJobRequest) -> Result<BatchJob>;

    /// 全量覆盖成员: like [`sync_users`](Self::sync_users), and members not
    /// in the CSV are removed. For safety WeCom aborts the job when it
    /// would delete more than 50 members and more than 20% of the current
    /// members, or fewer than 50 but more than 80% of them (page 91131;
    /// the code it answers is not documented).
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90981>
    #[post("batch/replaceuser", token = corp)]
    async fn replace_users(&self, #[body] job: &BatchJobRequest) -> Result<BatchJob>;

    /// 全量覆盖部门: departments in the CSV (name, id, parent id, order)
    /// are added or updated; departments not in it are removed when they
    /// hold no member and no sub-department. `to_invite` does not apply.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90982>
    #[post("batch/replaceparty", token = corp)]
    async fn replace_departments(&self, #[body] job: &BatchJobRequest) -> Result<BatchJob>;

    /// 获取异步任务结果: the state of a job, and the per-row `result` once it
    /// is done. WeCom keeps only the latest jobs' results (40089 once one is
    /// cleared); an unknown jobid is 40088.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/90983>
    #[get("batch/getresult", token = corp)]
    async fn get_batch_result(&self, jobid: &str) -> Result<BatchResult>;
}

int_enum! {
    /// `status` of a batch job (任务状态).
    pub enum BatchStatus {
        /// 0: not reported.
        Unset = 0,
        /// 1: started (任务开始).
        Started = 1,
        /// 2: running (任务进行中).
        Running = 2,
        /// 3: done (任务已完成).
        Done = 3,
    }
}

wecom_core::string_enum! {
    /// `type` of a batch job (操作类型).
    pub enum BatchJobType {
        /// `sync_user`: 增量更新成员.
        SyncUser = "sync_user",
        /// `replace_user`: 全量覆盖成员.
        ReplaceUser = "replace_user",
        /// `invite_user`: 邀请成员.
        InviteUser = "invite_user",
        /// `replace_party`: 全量覆盖部门.
        ReplaceParty = "replace_party",
    }
}

/// Where WeCom reports the end of a job (`callback`): instead of the app's
/// callback URL. Token and key are secrets (never shown by `Debug`).
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct BatchCallback {
    /// The URL (the app's callback URL when `None`).
    pub url: String,
    /// The callback Token.
    #[serde(serialize_with = "expose")]
    pub token: Secret,
    /// The callback EncodingAESKey.
    #[serde(serialize_with = "expose")]
    pub encodingaeskey: Secret,
}

impl fmt::Debug for BatchCallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BatchCallback")
            .field("url", &self.url)
            .field("token", &self.token)
            .field("encodingaeskey", &self.encodingaeskey)
            .finish()
    }
}

/// Puts a [`Secret`] on the wire.
pub(super) fn expose<S: Serializer>(secret: &Secret, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(secret.expose())
}

/// Request of `batch/syncuser`, `batch/replaceuser` and `batch/replaceparty`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BatchJobRequest {
    /// The CSV file's `media_id` (from `media/upload`, type `file`).
    pub media_id: String,
    /// Whether new members are invited (WeCom's default: yes; members only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_invite: Option<bool>,
    /// Where the end of the job is reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback: Option<BatchCallback>,
}

impl BatchJobRequest {
    /// A job on the CSV `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        BatchJobRequest {
            media_id: media_id.into(),
            to_invite: None,
            callback: None,
        }
    }

    /// Whether new members are invited.
    pub fn with_to_invite(mut self, to_invite: bool) -> Self {
        self.to_invite = Some(to_invite);
        self
    }

    /// Reports the end of the job to `url`, signed with `token` and
    /// encrypted with `encodingaeskey`.
    pub fn with_callback(
        mut self,
        url: impl Into<String>,
        token: impl Into<Secret>,
        encodingaeskey: impl Into<Secret>,
    ) -> Self {
        self.callback = Some(BatchCallback {
            url: url.into(),
            token: token.into(),
            encodingaeskey: encodingaeskey.into(),
        });
        self
    }
}

/// Reply of the job submissions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchJob {
    /// The job, at most 64 characters.
    pub jobid: String,
}

/// Reply of `batch/getresult`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchResult {
    /// Started, running or done.
    #[serde(default)]
    pub status: BatchStatus,
    /// Which kind of job.
    #[serde(rename = "type")]
    pub job_type: BatchJobType,
    /// Rows (members or departments) in the job.
    #[serde(default)]
    pub total: u64,
    /// Progress, 0–100.
    #[serde(default)]
    pub percentage: u32,
    /// One entry per row, once the job is done.
    #[serde(default)]
    pub result: Vec<BatchRowResult>,
}

impl BatchResult {
    /// Whether the job has finished.
    pub fn is_done(&self) -> bool {
        self.status == BatchStatus::Done
    }
}

/// The outcome of one row: a member (`userid`) or a department
/// (`partyid`, `action`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRowResult {
    /// The member (member jobs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// The department (department jobs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partyid: Option<u32>,
    /// What was done to the department, bits or-ed together: 1 created,
    /// 2 renamed, 4 moved, 8 reordered (department jobs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<u32>,
    /// 0 when the row was applied.
    #[serde(default)]
    pub errcode: i64,
    /// Why it was not.
    #[serde(default)]
    pub errmsg: String,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The request sample of 增量更新成员 (90980).
    #[test]
    fn encodes_the_syncuser_sample() {
        let job = BatchJobRequest::new("xxxxxx")
            .with_to_invite(true)
            .with_callback("xxx", "xxx", "xxx");
        assert_eq!(
            serde_json::to_value(&job).unwrap(),
            json!({"media_id": "xxxxxx", "to_invite": true, "callback": {"url": "xxx", "token": "xxx", "encodingaeskey": "xxx"}})
        );
        let secret = BatchJobRequest::new("m").with_callback("https://cb", "tok-secret", "key-secret");
        let shown = format!("{secret:?}");
        assert!(
            !shown.contains("tok-secret") && !shown.contains("key-secret"),
            "{shown}"
        );
        assert!(shown.contains("https://cb"), "{shown}");
    }

    /// The reply sample of the job submissions (90980–90982).
    #[test]
    fn decodes_the_submission_sample() {
        let job: BatchJob =
            serde_json::from_value(json!({"errcode": 0, "errmsg": "ok", "jobid": "xxxxx"})).unwrap();
        assert_eq!(job.jobid, "xxxxx");
    }

    /// The reply samples of 获取异步任务结果 (90983): a member job and a
    /// department job.
    #[test]
    fn decodes_the_getresult_samples() {
        let users: BatchResult = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok", "status": 1, "type": "replace_user",
            "total": 3, "percentage": 33,
            "result": [{"userid": "lisi", "errcode": 0, "errmsg": "ok"}, {"userid": "zhangsan", "errcode": 60102, "errmsg": "userid existed"}]
        }))
        .unwrap();
        assert_eq!(users.status, BatchStatus::Started);
        assert_eq!(users.job_type, BatchJobType::ReplaceUser);
        assert_eq!((users.total, users.percentage), (3, 33));
        assert_eq!(users.result[1].userid.as_deref(), Some("zhangsan"));
        assert_eq!(users.result[1].errcode, 60102);
        assert!(!users.is_done());
        let parties: BatchResult = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok", "status": 3, "type": "replace_party",
            "total": 2, "percentage": 100,
            "result": [{"action": 1, "partyid": 1, "errcode": 0, "errmsg": "ok"}]
        }))
        .unwrap();
        assert!(parties.is_done());
        assert_eq!(parties.result[0].partyid, Some(1));
        assert_eq!(parties.result[0].action, Some(1));
    }
}
