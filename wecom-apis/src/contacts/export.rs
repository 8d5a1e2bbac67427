//! 异步导出接口 (asynchronous exports): export members, member details,
//! departments or a tag's members into encrypted files, poll the job, and
//! decrypt the downloaded files ([`decrypt_export`], [`parse_export`]).
//!
//! Each file is AES-256-CBC ciphertext under the `encoding_aeskey` given
//! in the request (key = base64-decode(`encoding_aeskey` + "="), IV = the
//! key's first 16 bytes, PKCS#7 padding to 32-byte blocks); decrypted, it
//! is one JSON object: `{"userlist": […]}`, `{"department": […]}` or, for
//! a tag, `{"tagname": …, "userlist": […], "partylist": […]}`.
//!
//! Section index: <https://developer.work.weixin.qq.com/document/path/94849>

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::batch::expose;
use super::department::Department;
use super::tag::TagMembers;
use super::user::{SimpleUser, User};
use crate::callback::CallbackError;
use crate::serde_util::int_enum;
use crate::{Result, Secret};

/// Endpoints of 异步导出接口, on the corp `access_token` (exports list only
/// what the app may see). Poll [`get_export_result`](Self::get_export_result)
/// with the same credential that submitted the job.
///
/// Section index: <https://developer.work.weixin.qq.com/document/path/94849>
#[crate::api]
pub trait ExportApi {
    /// 导出成员: userid, name, departments and open_userid of every member.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94849>
    #[post("export/simple_user", token = corp)]
    async fn export_simple_user(&self, #[body] request: &ExportRequest) -> Result<ExportJob>;

    /// 导出成员详情: every member with the fields of `user/list`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94851>
    #[post("export/user", token = corp)]
    async fn export_user(&self, #[body] request: &ExportRequest) -> Result<ExportJob>;

    /// 导出部门: every department with the fields of `department/list`.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94852>
    #[post("export/department", token = corp)]
    async fn export_department(&self, #[body] request: &ExportRequest) -> Result<ExportJob>;

    /// 导出标签成员: the members and departments of tag `tagid` (unknown
    /// tag: 40068); `block_size` counts both.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94853>
    #[post("export/taguser", token = corp)]
    async fn export_tag_user(&self, #[body] request: &ExportTagUserRequest) -> Result<ExportJob>;

    /// 获取导出结果: the state of an export job and, once done, its files:
    /// download each `url` (valid 2 hours, `Range` supported), then
    /// [`parse_export`] it with the job's key.
    ///
    /// <https://developer.work.weixin.qq.com/document/path/94854>
    #[get("export/get_result", token = corp)]
    async fn get_export_result(&self, jobid: &str) -> Result<ExportResult>;
}

/// Request of `export/simple_user`, `export/user` and `export/department`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportRequest {
    /// The EncodingAESKey the files are encrypted with: 43 characters of
    /// `a-zA-Z0-9` (never shown by `Debug`).
    #[serde(serialize_with = "expose")]
    pub encoding_aeskey: Secret,
    /// Entries per file, 10⁴–10⁶ (WeCom's default 10⁶).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_size: Option<u32>,
}

impl ExportRequest {
    /// An export encrypted with `encoding_aeskey`.
    pub fn new(encoding_aeskey: impl Into<Secret>) -> Self {
        ExportRequest {
            encoding_aeskey: encoding_aeskey.into(),
            block_size: None,
        }
    }

    /// Entries per file.
    pub fn with_block_size(mut self, block_size: u32) -> Self {
        self.block_size = Some(block_size);
        self
    }
}

/// Request of `export/taguser`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportTagUserRequest {
    /// The tag.
    pub tagid: u32,
    /// The EncodingAESKey of the files (never shown by `Debug`).
    #[serde(serialize_with = "expose")]
    pub encoding_aeskey: Secret,
    /// Members plus departments per file, 10⁴–10⁶.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_size: Option<u32>,
}

impl ExportTagUserRequest {
    /// The members of tag `tagid`, encrypted with `encoding_aeskey`.
    pub fn new(tagid: u32, encoding_aeskey: impl Into<Secret>) -> Self {
        ExportTagUserRequest {
            tagid,
            encoding_aeskey: encoding_aeskey.into(),
            block_size: None,
        }
    }
}

/// Reply of the export submissions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportJob {
    /// The job.
    pub jobid: String,
}

int_enum! {
    /// `status` of an export job (任务状态).
    pub enum ExportStatus {
        /// 0: not started (未处理).
        Pending = 0,
        /// 1: running (处理中).
        Running = 1,
        /// 2: done (完成); `data_list` holds the files.
        Done = 2,
        /// 3: failed (异常失败).
        Failed = 3,
    }
}

/// Reply of `export/get_result`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportResult {
    /// The job's state.
    #[serde(default)]
    pub status: ExportStatus,
    /// The files, once done.
    #[serde(default)]
    pub data_list: Vec<ExportFile>,
}

/// One encrypted file of an export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFile {
    /// Where to download it (valid 2 hours).
    pub url: String,
    /// Its size in bytes (of the ciphertext).
    #[serde(default)]
    pub size: u64,
    /// The ciphertext's MD5, in hex.
    #[serde(default)]
    pub md5: String,
}

// ---------------------------------------------------------------------------
// The files
// ---------------------------------------------------------------------------

/// A decrypted file of `export/simple_user`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedSimpleUsers {
    /// The members (as `user/simplelist` gives them).
    #[serde(default)]
    pub userlist: Vec<SimpleUser>,
}

/// A decrypted file of `export/user`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedUsers {
    /// The members (as `user/list` gives them).
    #[serde(default)]
    pub userlist: Vec<User>,
}

/// A decrypted file of `export/department`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedDepartments {
    /// The departments (as `department/list` gives them).
    #[serde(default)]
    pub department: Vec<Department>,
}

/// A decrypted file of `export/taguser`: the tag's name, members and
/// departments, in the shape of the `tag/get` reply (获取导出结果, section
/// 标签成员: "userlist和partylist内容与获取标签成员接口一致"). A tag larger
/// than `block_size` members and departments spans several files.
pub type ExportedTagUsers = TagMembers;

/// Why an export file could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExportFileError {
    /// Not decryptable with the key (wrong key, truncated download …).
    Decrypt(CallbackError),
    /// Decrypted, but not the JSON expected.
    Decode(serde_json::Error),
}

impl fmt::Display for ExportFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportFileError::Decrypt(err) => write!(f, "cannot decrypt the export file: {err}"),
            ExportFileError::Decode(err) => write!(f, "cannot parse the decrypted export file: {err}"),
        }
    }
}

impl std::error::Error for ExportFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportFileError::Decrypt(err) => Some(err),
            ExportFileError::Decode(err) => Some(err),
        }
    }
}

/// Decrypts a downloaded export file with the `encoding_aeskey` of its job
/// and returns the plaintext (JSON text).
///
/// # Errors
/// [`ExportFileError::Decrypt`] for a key that is not 43 base64 characters,
/// a body that is not whole AES blocks, or bad padding (a wrong key).
pub fn decrypt_export(
    encoding_aeskey: &Secret,
    data: &[u8],
) -> std::result::Result<Vec<u8>, ExportFileError> {
    wecom_core::callback::decrypt_with_aes_key(encoding_aeskey.expose(), data)
        .map_err(ExportFileError::Decrypt)
}

/// Decrypts a downloaded export file and parses it as `T`
/// ([`ExportedSimpleUsers`], [`ExportedUsers`], [`ExportedDepartments`] or
/// [`ExportedTagUsers`]).
///
/// # Errors
/// As [`decrypt_export`], and [`ExportFileError::Decode`] when the
/// plaintext is not `T`'s JSON.
pub fn parse_export<T: DeserializeOwned>(
    encoding_aeskey: &Secret,
    data: &[u8],
) -> std::result::Result<T, ExportFileError> {
    let plain = decrypt_export(encoding_aeskey, data)?;
    serde_json::from_slice(&plain).map_err(ExportFileError::Decode)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const KEY: &str = "IJUiXNpvGbODwKEBSEsAeOAPAhkqHqNCF6g19t9wfg2";

    /// The request samples of 导出成员 (94849) and 导出标签成员 (94853).
    #[test]
    fn encodes_the_request_samples() {
        let req = ExportRequest::new(KEY).with_block_size(1_000_000);
        assert_eq!(
            serde_json::to_value(&req).unwrap(),
            json!({"encoding_aeskey": KEY, "block_size": 1_000_000})
        );
        assert!(!format!("{req:?}").contains(KEY));
        let mut tag = ExportTagUserRequest::new(1, KEY);
        tag.block_size = Some(1_000_000);
        assert_eq!(
            serde_json::to_value(&tag).unwrap(),
            json!({"tagid": 1, "encoding_aeskey": KEY, "block_size": 1_000_000})
        );
    }

    /// The reply samples of the submissions and 获取导出结果 (94854), and
    /// its file formats.
    #[test]
    fn decodes_the_reply_and_file_samples() {
        let job: ExportJob =
            serde_json::from_value(json!({"errcode": 0, "errmsg": "ok", "jobid": "jobid_xxxxxxxxx"}))
                .unwrap();
        assert_eq!(job.jobid, "jobid_xxxxxxxxx");
        let result: ExportResult = serde_json::from_value(json!({
            "errcode": 0, "errmsg": "ok", "status": 2,
            "data_list": [
                {"url": "https://xxxxx", "size": 100, "md5": "xxxxxxxxx"},
                {"url": "https://xxxxx", "size": 200, "md5": "xxxxxxxx"}
            ]
        }))
        .unwrap();
        assert_eq!(result.status, ExportStatus::Done);
        assert_eq!(result.data_list[1].size, 200);
        let users: ExportedSimpleUsers = serde_json::from_value(json!({
            "userlist": [
                {"userid": "zhangsan", "name": "张三", "department": [1, 2], "open_userid": "xxxxxx"},
                {"userid": "lisi", "name": "李四", "department": [1, 2], "open_userid": "xxxxxx"}
            ]
        }))
        .unwrap();
        assert_eq!(users.userlist[1].name, "李四");
        // The file samples of 获取导出结果 (path 94854), section by section.
        let departments: ExportedDepartments = serde_json::from_value(json!({
            "department": [
                {"id": 2, "name": "广州研发中心", "name_en": "RDGZ", "parentid": 1, "order": 10},
                {"id": 3, "name": "邮箱产品部", "name_en": "mail", "parentid": 2, "order": 40}
            ]
        }))
        .unwrap();
        assert_eq!(departments.department[1].name_en, "mail");
        assert_eq!(
            (
                departments.department[1].parentid,
                departments.department[1].order
            ),
            (2, 40)
        );
        let tag: ExportedTagUsers = serde_json::from_value(json!({
            "tagname": "乒乓球协会",
            "userlist": [{"userid": "zhangsan", "name": "李四"}],
            "partylist": [2]
        }))
        .unwrap();
        assert_eq!(tag.tagname, "乒乓球协会");
        assert_eq!(tag.userlist[0].userid, "zhangsan");
        assert_eq!(tag.userlist[0].name, "李四");
        assert_eq!(tag.partylist, [2]);
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        let key = Secret::new(KEY);
        assert!(matches!(
            decrypt_export(&key, b""),
            Err(ExportFileError::Decrypt(_))
        ));
        assert!(matches!(
            decrypt_export(&key, &[0u8; 15]),
            Err(ExportFileError::Decrypt(_))
        ));
        assert!(matches!(
            decrypt_export(&Secret::new("short"), &[0u8; 32]),
            Err(ExportFileError::Decrypt(CallbackError::BadAesKey(_)))
        ));
        let err = parse_export::<ExportedUsers>(&key, &[7u8; 32]).expect_err("garbage");
        assert!(!err.to_string().contains(KEY), "{err}");
    }
}
