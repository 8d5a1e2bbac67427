//! 异步导出接口: `export/*` submit a job, `export/get_result` finishes it
//! (first poll) and lists its files, which the sandbox serves encrypted
//! with the request's EncodingAESKey under [`FILES_PREFIX`].

use aes::Aes256;
use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockEncryptMut, KeyIvInit};
use base64::Engine;
use serde_json::{Value, json};

use super::super::params::{JsonBody, query_param};
use super::super::reply::{ApiError, ApiResult, Reply, fields};
use super::departments::department_json;
use super::users::member_json;
use super::*;
use crate::sandbox::media::md5::md5_hex;

/// Download links live two hours.
const FILE_LIFETIME_SECS: i64 = 2 * 3600;

/// Which export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    SimpleUser,
    User,
    Department,
    TagUser,
}

/// A submitted export.
#[derive(Debug, Clone)]
pub(crate) struct ExportJob {
    corpid: String,
    kind: Kind,
    tagid: u32,
    key: [u8; 32],
    block_size: usize,
    /// The encrypted files, once the job ran.
    files: Vec<Vec<u8>>,
    done: bool,
    done_at: i64,
}

/// `POST export/<kind>` with `{encoding_aeskey, block_size?}` (and `tagid`
/// for `export/taguser`).
pub(super) fn submit(cx: &mut Ctx<'_>, kind: Kind) -> ApiResult {
    let body = JsonBody::parse(&cx.req.body)?;
    let f = body.fields();
    let tagid = if kind == Kind::TagUser {
        super::tags::existing(cx.dir, f.opt_int("tagid")?)?
    } else {
        0
    };
    let aeskey = f
        .opt_str("encoding_aeskey")?
        .ok_or_else(|| ApiError::new(INVALID_PARAMETER, "missing encoding_aeskey"))?;
    let key = decode_key(aeskey)?;
    let block_size = match f.opt_int("block_size")? {
        None => 1_000_000,
        Some(n @ 10_000..=1_000_000) => n as usize,
        Some(n) => {
            return Err(ApiError::new(
                INVALID_PARAMETER,
                format!("invalid parameter: block_size {n}: 10^4 to 10^6"),
            ));
        }
    };
    let jobid = format!("jobid_{}", cx.state.ids.token());
    cx.state.exports.insert(
        jobid.clone(),
        ExportJob {
            corpid: cx.corpid.clone(),
            kind,
            tagid,
            key,
            block_size,
            files: Vec::new(),
            done: false,
            done_at: 0,
        },
    );
    Ok(fields(json!({ "jobid": jobid })))
}

/// `GET export/get_result?jobid=`.
pub(super) fn get_result(cx: &mut Ctx<'_>) -> ApiResult {
    let jobid = query_param(&cx.req.query, "jobid")
        .filter(|j| !j.is_empty())
        .ok_or_else(|| ApiError::new(INVALID_PARAMETER, "missing jobid"))?
        .to_owned();
    let Some(job) = cx.state.exports.get_mut(&jobid).filter(|j| j.corpid == cx.corpid) else {
        return Err(ApiError::new(JOB_NOT_FOUND, format!("jobid not found: {jobid}")));
    };
    if !job.done {
        job.files = files(cx.dir, job.kind, job.tagid, job.block_size)
            .into_iter()
            .map(|file| encrypt(&job.key, file.to_string().as_bytes()))
            .collect();
        job.done = true;
        job.done_at = cx.now;
    }
    let host = cx.req.header("host").unwrap_or("127.0.0.1");
    let list: Vec<Value> = job
        .files
        .iter()
        .enumerate()
        .map(|(n, file)| {
            json!({
                "url": format!("http://{host}/{FILES_PREFIX}{jobid}/{n}"),
                "size": file.len(),
                "md5": md5_hex(file),
            })
        })
        .collect();
    Ok(fields(json!({"status": 2, "data_list": list})))
}

/// `GET <FILES_PREFIX><jobid>/<n>`: an encrypted file (HTTP 404 when
/// unknown or older than two hours).
pub(super) fn download(state: &ContactsState, file: &str, now: i64) -> Reply {
    let found = file.split_once('/').and_then(|(jobid, n)| {
        let job = state
            .exports
            .get(jobid)
            .filter(|j| j.done && now < j.done_at + FILE_LIFETIME_SECS)?;
        job.files.get(n.parse::<usize>().ok()?)
    });
    match found {
        Some(bytes) => Reply::bytes(200, "application/octet-stream", bytes.clone()),
        None => Reply::bytes(404, "text/plain; charset=utf-8", b"no such file".to_vec()),
    }
}

/// The decrypted files of an export, in WeCom's formats (获取导出结果):
/// `{"userlist": […]}`, `{"department": […]}`, or for a tag the shape of
/// `tag/get` (`{"tagname", "userlist": [{userid, name}], "partylist"}`),
/// at most `block_size` entries (members plus departments) a file.
fn files(
    dir: &super::super::directory::CorpDirectory,
    kind: Kind,
    tagid: u32,
    block_size: usize,
) -> Vec<Value> {
    let block_size = block_size.max(1);
    let list_files = |key: &str, entries: Vec<Value>| -> Vec<Value> {
        if entries.is_empty() {
            return vec![json!({ key: [] })];
        }
        entries
            .chunks(block_size)
            .map(|chunk| json!({ key: chunk }))
            .collect()
    };
    match kind {
        Kind::SimpleUser => list_files(
            "userlist",
            dir.users.values().map(|m| member_json(m, false)).collect(),
        ),
        Kind::User => list_files(
            "userlist",
            dir.users.values().map(|m| member_json(m, true)).collect(),
        ),
        Kind::Department => list_files(
            "department",
            dir.subtree(1)
                .into_iter()
                .map(|id| department_json(dir, id))
                .collect(),
        ),
        Kind::TagUser => {
            let Some(tag) = dir.tags.get(&tagid) else {
                // Deleted since the job was submitted: an empty tag.
                return vec![json!({"tagname": "", "userlist": [], "partylist": []})];
            };
            let users: Vec<Value> = tag
                .users
                .iter()
                .map(|u| {
                    let name = dir.users.get(u).map(|m| m.name.as_str()).unwrap_or_default();
                    json!({"userid": u, "name": name})
                })
                .collect();
            let total = users.len() + tag.parties.len();
            (0..total.div_ceil(block_size).max(1))
                .map(|n| {
                    let (start, end) = (n * block_size, ((n + 1) * block_size).min(total));
                    let in_block = |i: &usize| (start..end).contains(i);
                    let userlist: Vec<&Value> = users
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| in_block(i))
                        .map(|(_, u)| u)
                        .collect();
                    let partylist: Vec<u32> = tag
                        .parties
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| in_block(&(users.len() + i)))
                        .map(|(_, p)| *p)
                        .collect();
                    json!({"tagname": tag.name, "userlist": userlist, "partylist": partylist})
                })
                .collect()
        }
    }
}

/// The AES key of an EncodingAESKey: 43 characters of `A-Za-z0-9`.
fn decode_key(aeskey: &str) -> Result<[u8; 32], ApiError> {
    let bad = || {
        ApiError::new(
            INVALID_PARAMETER,
            "invalid parameter: encoding_aeskey must be 43 characters of a-z, A-Z, 0-9",
        )
    };
    if aeskey.len() != 43 || !aeskey.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(bad());
    }
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true),
    );
    let bytes = engine.decode(format!("{aeskey}=")).map_err(|_| bad())?;
    bytes.try_into().map_err(|_| bad())
}

/// AES-256-CBC, IV = the key's first 16 bytes, PKCS#7 padding to 32 bytes.
fn encrypt(key: &[u8; 32], plain: &[u8]) -> Vec<u8> {
    let mut data = plain.to_vec();
    let pad = 32 - data.len() % 32;
    data.resize(data.len() + pad, pad as u8);
    let len = data.len();
    let mut iv = [0u8; 16];
    iv.copy_from_slice(&key[..16]);
    cbc::Encryptor::<Aes256>::new(key.into(), &iv.into())
        .encrypt_padded_mut::<NoPadding>(&mut data, len)
        .map(<[u8]>::to_vec)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sdk_decrypts_what_the_sandbox_encrypts() {
        let aeskey = "IJUiXNpvGbODwKEBSEsAeOAPAhkqHqNCF6g19t9wfg2";
        let key = decode_key(aeskey).unwrap();
        let file = encrypt(&key, br#"{"userlist":[]}"#);
        assert_eq!(file.len() % 32, 0);
        let plain = wecom_core::callback::decrypt_with_aes_key(aeskey, &file).unwrap();
        assert_eq!(plain, br#"{"userlist":[]}"#);
        assert_eq!(decode_key("short").unwrap_err().code, INVALID_PARAMETER);
    }

    #[test]
    fn a_tag_export_splits_members_then_departments_into_blocks() {
        let mut directory = crate::sandbox::directory::Directory::default();
        let dir = directory.corp(crate::sandbox::creds::CORPID).unwrap();
        let tag = dir.tags.get_mut(&1).unwrap();
        tag.users.push("lisi".to_owned());
        tag.parties = vec![2, 3];
        assert_eq!(
            files(dir, Kind::TagUser, 1, 3),
            [
                json!({"tagname": "管理层", "userlist": [
                    {"userid": "zhangsan", "name": "张三"}, {"userid": "lisi", "name": "李四"}
                ], "partylist": [2]}),
                json!({"tagname": "管理层", "userlist": [], "partylist": [3]}),
            ]
        );
        assert_eq!(
            files(dir, Kind::TagUser, 99, 10),
            [json!({"tagname": "", "userlist": [], "partylist": []})],
            "a tag deleted since the job was submitted"
        );
    }
}
