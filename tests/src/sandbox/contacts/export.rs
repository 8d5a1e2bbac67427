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

/// MD5 (RFC 1321) in hex, for `data_list.md5`.
fn md5_hex(data: &[u8]) -> String {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15,
        21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: Vec<u32> = (0..64)
        .map(|i: i32| ((f64::from(i) + 1.0).sin().abs() * 4_294_967_296.0) as u32)
        .collect();
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_le_bytes());
    let mut h: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    for chunk in msg.chunks(64) {
        let m: Vec<u32> = chunk
            .chunks(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let rotated = a
                .wrapping_add(f)
                .wrapping_add(k[i])
                .wrapping_add(m[g])
                .rotate_left(S[i]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(rotated);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter()
        .flat_map(|x| x.to_le_bytes())
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_matches_rfc_1321() {
        assert_eq!(md5_hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5_hex(b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            md5_hex(b"12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a"
        );
    }

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
