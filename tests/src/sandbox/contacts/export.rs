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
        let entries = entries(cx.dir, job.kind, job.tagid);
        let key = match job.kind {
            Kind::SimpleUser | Kind::User => "userlist",
            Kind::Department => "department",
            Kind::TagUser => "taguser",
        };
        let chunks: Vec<&[Value]> = if entries.is_empty() {
            vec![&[]]
        } else {
            entries.chunks(job.block_size).collect()
        };
        job.files = chunks
            .into_iter()
            .map(|chunk| {
                let mut file = serde_json::Map::new();
                file.insert(key.to_owned(), Value::from(chunk.to_vec()));
                encrypt(&job.key, Value::Object(file).to_string().as_bytes())
            })
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

/// The entries an export lists, as WeCom's file formats show them.
fn entries(dir: &super::super::directory::CorpDirectory, kind: Kind, tagid: u32) -> Vec<Value> {
    match kind {
        Kind::SimpleUser => dir.users.values().map(|m| member_json(m, false)).collect(),
        Kind::User => dir.users.values().map(|m| member_json(m, true)).collect(),
        Kind::Department => dir
            .subtree(1)
            .into_iter()
            .map(|id| department_json(dir, id))
            .collect(),
        Kind::TagUser => dir
            .tags
            .get(&tagid)
            .map(|tag| {
                tag.users
                    .iter()
                    .map(|u| json!({"userid": u, "type": 1}))
                    .chain(tag.parties.iter().map(|p| json!({"department": p, "type": 2})))
                    .collect()
            })
            .unwrap_or_default(),
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
}
