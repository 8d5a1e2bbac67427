//! Media (素材管理): the `media/*` family, with the corp `access_token`.
//!
//! Temporary media are files WeCom keeps for three days under a `media_id`,
//! which messages, welcome messages, group welcome templates and batch jobs
//! refer to; [`MediaUploadApi::upload_media`] stores one (images ≤ 10 MB,
//! voice ≤ 2 MB AMR, video ≤ 10 MB MP4, files ≤ 20 MB),
//! [`MediaUploadApi::uploadimg`] turns an image into a permanent URL for
//! message and mpnews bodies, and [`MediaAsyncUploadApi`] has WeCom fetch a
//! large file (up to 200 MB) from a URL, then pushes
//! [`upload_media_job_finish`](events::UploadMediaJobFinish) to the app's
//! callback URL. A `media_id` is shared by every app of the corp.
//!
//! Downloads ([`MediaDownloadApi`]) are files, not JSON: they return a
//! [`Download`](crate::Download), to be written to any `AsyncWrite` as it
//! arrives ([`Download::write_to`](crate::Download::write_to)), read as a
//! stream, or read whole ([`Download::bytes`](crate::Download::bytes), within
//! the client's `max_response_size`). A byte range (`Range: bytes=a-b`) is
//! asked for with a [`ByteRange`](crate::ByteRange); a file too large for
//! one reply must be read in ranges (else WeCom answers 830002), of at most
//! 20 MB for media from `upload_by_url`. A stale
//! token is refreshed and the call retried, and an unknown or expired
//! `media_id` is `Error::Api` 40007, before any byte is read.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> wecom_apis::Result<()> {
//! use wecom_apis::Upload;
//! use wecom_apis::media::{MediaDownloadApi, MediaType, MediaUploadApi};
//! # let sandbox = wecom_testkit::Sandbox::start().await;
//! # let client = sandbox.corp_client();
//! // `client` holds the corp credential (here: aimed at the sandbox).
//! let report = Upload::new("report.txt", b"quarterly numbers".to_vec());
//! let uploaded = client.upload_media(MediaType::File, &report).await?;
//!
//! let download = client.get_media(&uploaded.media_id, None).await?;
//! assert_eq!(download.file_name(), Some("report.txt"));
//! let mut file = Vec::new(); // or a `tokio::fs::File`
//! download.write_to(&mut file).await?;
//! assert_eq!(file, b"quarterly numbers");
//! # Ok(()) }
//! ```

mod async_upload;
mod download;
pub mod events;
mod upload;

pub use async_upload::*;
pub use download::*;
pub use upload::*;

/// Every endpoint of this family (`media/*`), trait by trait, each in
/// declaration order. [`crate::endpoints`] chains every family's.
pub fn endpoints() -> impl Iterator<Item = &'static crate::Endpoint> {
    LISTS.iter().flat_map(|list| list.iter().copied())
}

/// The endpoint lists of this family's traits.
pub(crate) static LISTS: &[&[&crate::Endpoint]] = &[
    MEDIA_UPLOAD_API_ENDPOINTS,
    MEDIA_DOWNLOAD_API_ENDPOINTS,
    MEDIA_ASYNC_UPLOAD_API_ENDPOINTS,
];
