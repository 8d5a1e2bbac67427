//! `media/upload_by_url` and `media/get_upload_by_url_result`: WeCom fetches
//! a file from a URL in the background; a job reports the `media_id`.
//!
//! The fetch runs in a task on the sandbox's runtime and writes into the
//! job table only (never the sandbox state), so it holds no lock across an
//! `.await`; the first poll after it finished stores the file.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::json;

use super::super::media_store::{MediaStore, StoredMedia};
use super::super::params::JsonBody;
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, ApiResult, fields};
use super::md5::md5_hex;
use super::upload::format_of;
use super::{INVALID_MEDIA_FORMAT, INVALID_TYPE, MediaState};

/// The largest file `upload_by_url` takes: 200 MB.
const MAX_SIZE: usize = 200 << 20;
/// WeCom (detail.errcode): the URL is not acceptable (the sandbox: not loopback).
const URL_REFUSED: i64 = 830_001;
/// WeCom (detail.errcode): downloading the URL failed.
const FETCH_FAILED: i64 = 830_003;
/// WeCom (detail.errcode): the fetched file's MD5 differs from `md5`
/// (文件MD5不匹配).
const MD5_MISMATCH: i64 = 301_019;
/// WeCom (detail.errcode): the file is not within 5 B – 200 MB
/// (文件大小超过限制).
const SIZE_LIMIT: i64 = 45_001;
/// Sandbox-chosen: no job with that jobid for this corp.
const JOB_NOT_FOUND: i64 = 830_902;

/// The jobs, shared with the fetch tasks.
#[derive(Debug, Default, Clone)]
pub(crate) struct Jobs(Arc<Mutex<JobTable>>);

#[derive(Debug, Default)]
struct JobTable {
    next: u64,
    jobs: BTreeMap<String, Job>,
}

#[derive(Debug)]
struct Job {
    corpid: String,
    media_type: String,
    filename: String,
    state: JobState,
}

#[derive(Debug)]
enum JobState {
    /// The fetch is running.
    Fetching,
    /// Fetched and checked; stored on the next poll.
    Fetched(Vec<u8>),
    /// Stored under `media_id`.
    Done {
        media_id: String,
        created_at: i64,
    },
    Failed {
        code: i64,
        message: String,
    },
}

impl Jobs {
    fn lock(&self) -> MutexGuard<'_, JobTable> {
        // A fetch task that panicked leaves its job fetching; the table is still sound.
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn finish(&self, jobid: &str, state: JobState) {
        if let Some(job) = self.lock().jobs.get_mut(jobid) {
            job.state = state;
        }
    }
}

/// `POST media/upload_by_url` with `{scene, type, filename, url, md5}`: `{jobid}`.
pub(super) fn upload_by_url(state: &mut MediaState, corpid: &str, req: &RecordedRequest) -> ApiResult {
    let body = JsonBody::parse(&req.body)?;
    let f = body.fields();
    let scene = f.opt_int("scene")?.ok_or_else(|| ApiError::missing("scene"))?;
    if scene != 1 {
        return Err(ApiError::invalid(format!(
            "scene {scene}: only 1 (group welcome) is supported"
        )));
    }
    let media_type = f.req_str("type")?;
    if !matches!(media_type, "video" | "file") {
        return Err(ApiError::new(
            INVALID_TYPE,
            format!("invalid type `{media_type}`: video or file"),
        ));
    }
    let filename = bounded(f.req_str("filename")?, "filename", 128)?;
    let url = bounded(f.req_str("url")?, "url", 1024)?;
    let md5 = bounded(f.req_str("md5")?, "md5", 32)?.to_ascii_lowercase();
    let jobs = state.jobs.clone();
    let jobid = {
        let mut table = jobs.lock();
        table.next += 1;
        let jobid = format!("jobid_sandbox_{:06}", table.next);
        table.jobs.insert(
            jobid.clone(),
            Job {
                corpid: corpid.to_owned(),
                media_type: media_type.to_owned(),
                filename: filename.to_owned(),
                state: JobState::Fetching,
            },
        );
        jobid
    };
    match (loopback_url(url), tokio::runtime::Handle::try_current()) {
        (Err(message), _) => jobs.finish(
            &jobid,
            JobState::Failed {
                code: URL_REFUSED,
                message,
            },
        ),
        (Ok(url), Ok(runtime)) => {
            let (jobid, media_type) = (jobid.clone(), media_type.to_owned());
            runtime.spawn(async move {
                let state = fetch(url, &media_type, &md5).await;
                jobs.finish(&jobid, state);
            });
        }
        (Ok(_), Err(_)) => jobs.finish(
            &jobid,
            JobState::Failed {
                code: FETCH_FAILED,
                message: "sandbox: no runtime to fetch on".into(),
            },
        ),
    }
    Ok(fields(json!({"jobid": jobid})))
}

/// `POST media/get_upload_by_url_result` with `{jobid}`: `{status, detail}`.
pub(super) fn get_result(
    state: &mut MediaState,
    store: &mut MediaStore,
    corpid: &str,
    req: &RecordedRequest,
    now: i64,
) -> ApiResult {
    let body = JsonBody::parse(&req.body)?;
    let jobid = body.fields().req_str("jobid")?;
    let mut table = state.jobs.lock();
    let Some(job) = table.jobs.get_mut(jobid).filter(|job| job.corpid == corpid) else {
        return Err(ApiError::new(JOB_NOT_FOUND, format!("invalid jobid {jobid}")));
    };
    if let JobState::Fetched(bytes) = &mut job.state {
        let media_id = store.insert(StoredMedia {
            corpid: job.corpid.clone(),
            media_type: job.media_type.clone(),
            filename: job.filename.clone(),
            content_type: if job.media_type == "video" {
                "video/mp4"
            } else {
                "application/octet-stream"
            }
            .to_owned(),
            bytes: std::mem::take(bytes),
            created_at: now,
        });
        state.by_url.insert(media_id.clone());
        job.state = JobState::Done {
            media_id,
            created_at: now,
        };
    }
    Ok(fields(match &job.state {
        JobState::Fetching | JobState::Fetched(_) => json!({"status": 1}),
        JobState::Done { media_id, created_at } => json!({
            "status": 2,
            "detail": {"errcode": 0, "errmsg": "ok", "media_id": media_id, "created_at": created_at.to_string()},
        }),
        JobState::Failed { code, message } => json!({
            "status": 3,
            "detail": {"errcode": code, "errmsg": message},
        }),
    }))
}

/// A string field of at most `max` bytes (40058 otherwise).
fn bounded<'a>(value: &'a str, field: &str, max: usize) -> Result<&'a str, ApiError> {
    if value.len() > max {
        return Err(ApiError::invalid(format!("{field} is longer than {max} bytes")));
    }
    Ok(value)
}

/// The URL, if it is http(s) on a loopback host: the sandbox fetches from
/// nowhere else.
fn loopback_url(url: &str) -> Result<reqwest::Url, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("invalid url: {e}"))?;
    let host = parsed.host_str().unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let loopback =
        host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if !matches!(parsed.scheme(), "http" | "https") || !loopback {
        return Err(format!(
            "sandbox: url {url} refused: only http(s) URLs on loopback are fetched"
        ));
    }
    Ok(parsed)
}

/// Fetches and checks the file: what the job becomes.
async fn fetch(url: reqwest::Url, media_type: &str, md5: &str) -> JobState {
    let failed = |code, message: String| JobState::Failed { code, message };
    let client = match reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
    {
        Ok(client) => client,
        Err(e) => return failed(FETCH_FAILED, format!("url download fail: {e}")),
    };
    let mut response = match client.get(url).send().await {
        Ok(r) if r.status().is_success() => r,
        Ok(r) => return failed(FETCH_FAILED, format!("url download fail: HTTP {}", r.status())),
        Err(e) => return failed(FETCH_FAILED, format!("url download fail: {e}")),
    };
    let mut bytes = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) if bytes.len() + chunk.len() > MAX_SIZE => {
                return failed(SIZE_LIMIT, "file size out of limit: at most 200 MB".into());
            }
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            Ok(None) => break,
            Err(e) => return failed(FETCH_FAILED, format!("url download fail: {e}")),
        }
    }
    if bytes.len() <= 5 {
        return failed(SIZE_LIMIT, "file size out of limit: more than 5 bytes".into());
    }
    if media_type == "video" && format_of(&bytes) != Some("video") {
        return failed(INVALID_MEDIA_FORMAT, "invalid media type: video takes MP4".into());
    }
    let actual = md5_hex(&bytes);
    if actual != md5 {
        return failed(MD5_MISMATCH, format!("md5 mismatch: the file's is {actual}"));
    }
    JobState::Fetched(bytes)
}

#[cfg(test)]
mod tests {
    use super::loopback_url;

    #[test]
    fn only_loopback_is_fetched() {
        assert!(loopback_url("http://127.0.0.1:8080/a.mp4").is_ok());
        assert!(loopback_url("http://localhost/a.mp4").is_ok());
        assert!(loopback_url("http://[::1]:9/a").is_ok());
        assert!(loopback_url("https://example.com/a.mp4").is_err());
        assert!(loopback_url("http://10.0.0.1/a").is_err());
        assert!(loopback_url("ftp://127.0.0.1/a").is_err());
        assert!(loopback_url("not a url").is_err());
    }
}
