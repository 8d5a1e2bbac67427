//! The media (素材管理, `media/*`) family end to end against the sandbox's
//! media store: uploads of every type read back byte for byte, a large file
//! streamed to a writer piece by piece, ranged downloads (206), JSON errors
//! on a download (40007), a stale token refreshed and the download retried,
//! and `upload_by_url` fetching a file this test serves on loopback.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::TryStreamExt;
use serde_json::json;
use wecom_apis::external_contact::{AttachmentType, MediaApi};
use wecom_apis::media::*;
use wecom_apis::{ByteRange, Client, CorpClient, Error, Upload};
use wecom_testkit::{Sandbox, creds, errcode};

// WeCom's documented codes.
/// 40004: the file is not of a format its type takes.
const INVALID_MEDIA_FORMAT: i64 = 40_004;
/// 40005: invalid `type`.
const INVALID_TYPE: i64 = 40_005;
/// 40006: invalid file size.
const INVALID_FILE_SIZE: i64 = 40_006;
/// 40007: invalid media_id.
const INVALID_MEDIA_ID: i64 = 40_007;
/// 40009: invalid image size.
const INVALID_IMAGE_SIZE: i64 = 40_009;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
const AMR: &[u8] = b"#!AMR\n\x3c\x55\x00\x88\xb6\x66\x79\xe1";
const MP4: &[u8] = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom";

/// `len` bytes that differ from place to place, so a misplaced piece shows.
fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
}

#[tokio::test]
async fn every_type_uploads_and_comes_back_byte_identical() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let files = [
        (MediaType::Image, "logo.png", "image/png", PNG.to_vec()),
        (MediaType::Voice, "memo.amr", "audio/amr", AMR.to_vec()),
        (MediaType::Video, "clip.mp4", "video/mp4", MP4.to_vec()),
        (MediaType::File, "报告.csv", "text/csv", b"a,b\n1,2\n".to_vec()),
    ];
    for (media_type, name, content_type, bytes) in files {
        let upload = Upload::new(name, bytes.clone()).with_content_type(content_type);
        let uploaded = client
            .upload_media(media_type.clone(), &upload)
            .await
            .expect("upload");
        assert_eq!(uploaded.media_type, media_type);
        assert!(!uploaded.media_id.is_empty());
        assert!((uploaded.created_at - sb.now()).abs() <= 2, "created_at is now");
        let req = sb.last_corp_request("media/upload", "POST");
        assert_eq!(req.query_param("type"), Some(media_type.as_str()));
        assert!(req.body.contains("name=\"media\""), "{}", req.body);

        let download = client.get_media(&uploaded.media_id, None).await.expect("get");
        assert!(!download.is_partial());
        assert_eq!(download.content_type(), Some(content_type));
        assert_eq!(download.content_length(), Some(bytes.len() as u64));
        let file = download.bytes().await.expect("bytes");
        assert_eq!(file.bytes, bytes, "{name}: byte for byte");
        assert_eq!(file.content_type.as_deref(), Some(content_type));
        sb.assert_got("media/get", &[("media_id", &uploaded.media_id)]);
        assert_eq!(sb.last_request("media/get").header("range"), None);
        if name.is_ascii() {
            assert_eq!(file.file_name.as_deref(), Some(name));
        }
    }
}

#[tokio::test]
async fn uploads_are_checked_as_wecom_checks_them() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let upload = |name: &str, bytes: Vec<u8>| Upload::new(name, bytes);
    let code = errcode(
        client
            .upload_media(MediaType::File, &upload("tiny.txt", b"12345".to_vec()))
            .await,
        "5 bytes",
    );
    assert_eq!(code, INVALID_FILE_SIZE);
    let code = errcode(
        client
            .upload_media(MediaType::Image, &upload("a.gif", b"GIF89a......".to_vec()))
            .await,
        "a GIF as an image",
    );
    assert_eq!(code, INVALID_MEDIA_FORMAT);
    let code = errcode(
        client
            .upload_media(MediaType::Other("thumb".into()), &upload("t.jpg", PNG.to_vec()))
            .await,
        "an unknown type",
    );
    assert_eq!(code, INVALID_TYPE);
    let mut voice = AMR.to_vec();
    voice.resize(2 * 1024 * 1024 + 1, 0);
    let code = errcode(
        client
            .upload_media(MediaType::Voice, &upload("long.amr", voice))
            .await,
        "voice over 2 MB",
    );
    // WeCom lists no voice-size code; the sandbox answers the file-size one.
    assert_eq!(code, INVALID_FILE_SIZE);
    let mut image = PNG.to_vec();
    image.resize(2 * 1024 * 1024 + 1, 0);
    let code = errcode(
        client.uploadimg(&upload("big.png", image)).await,
        "uploadimg over 2 MB",
    );
    assert_eq!(code, INVALID_IMAGE_SIZE);
}

#[tokio::test]
async fn uploadimg_answers_a_url() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let image = Upload::new("banner.png", PNG.to_vec()).with_content_type("image/png");
    let uploaded = client.uploadimg(&image).await.expect("uploadimg");
    assert!(uploaded.url.starts_with("https://"), "{}", uploaded.url);
    let req = sb.last_corp_request("media/uploadimg", "POST");
    assert!(req.body.contains("filename=\"banner.png\""), "{}", req.body);
    let code = errcode(
        client
            .uploadimg(&Upload::new("a.txt", b"not an image".to_vec()))
            .await,
        "a text file",
    );
    assert_eq!(code, INVALID_MEDIA_FORMAT);
}

/// A writer that keeps what it is given and how: how many writes, the largest.
#[derive(Default)]
struct CountingWriter {
    data: Vec<u8>,
    writes: usize,
    largest: usize,
}

impl tokio::io::AsyncWrite for CountingWriter {
    fn poll_write(mut self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        self.writes += 1;
        self.largest = self.largest.max(buf.len());
        self.data.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// A corp client that reads no reply body larger than 1 MB whole.
fn small_limit_client(sb: &Sandbox) -> CorpClient {
    sb.client_builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .max_response_size(1 << 20)
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_large_file_streams_to_a_writer_piece_by_piece() {
    let sb = Sandbox::start().await;
    // Larger than the client will ever hold in memory.
    let client = small_limit_client(&sb);
    let content = pattern(6 * 1024 * 1024 + 123);
    let uploaded = client
        .upload_media(MediaType::File, &Upload::new("backup.bin", content.clone()))
        .await
        .expect("upload 6 MB");

    let download = client.get_media(&uploaded.media_id, None).await.expect("get");
    assert_eq!(download.file_name(), Some("backup.bin"));
    assert_eq!(download.content_length(), Some(content.len() as u64));
    let mut writer = CountingWriter::default();
    let written = download.write_to(&mut writer).await.expect("write_to");
    assert_eq!(written, content.len() as u64);
    assert!(writer.data == content, "the bytes arrived in order, all of them");
    assert!(
        writer.writes > 1,
        "written piece by piece ({} writes)",
        writer.writes
    );
    assert!(
        writer.largest < content.len() && writer.largest <= 1 << 20,
        "no piece is the whole file (largest {})",
        writer.largest
    );

    // As a stream, too.
    let pieces: Vec<_> = client
        .get_media(&uploaded.media_id, None)
        .await
        .expect("get")
        .into_stream()
        .try_collect()
        .await
        .expect("stream");
    assert!(pieces.len() > 1);
    assert!(pieces.concat() == content);

    // Read whole, the same file is over the client's limit.
    let whole = client
        .get_media(&uploaded.media_id, None)
        .await
        .expect("get")
        .bytes()
        .await;
    assert!(
        matches!(whole, Err(Error::ResponseTooLarge { limit, .. }) if limit == 1 << 20),
        "{whole:?}"
    );
}

#[tokio::test]
async fn a_range_is_answered_206_with_exactly_its_bytes() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let content = pattern(2048);
    let uploaded = client
        .upload_media(MediaType::File, &Upload::new("doc.bin", content.clone()))
        .await
        .expect("upload");

    let first = client
        .get_media(&uploaded.media_id, Some(ByteRange::new(0, 1023)))
        .await
        .expect("range");
    assert!(first.is_partial());
    let range = first.content_range().expect("Content-Range");
    assert_eq!((range.first, range.last, range.total), (0, 1023, Some(2048)));
    assert_eq!(first.content_length(), Some(1024));
    let req = sb.assert_got("media/get", &[("media_id", &uploaded.media_id)]);
    assert_eq!(req.header("range"), Some("bytes=0-1023"));
    assert_eq!(first.bytes().await.expect("bytes").bytes, content[..1024]);

    // The rest, and the tail, assemble the file.
    let rest = client
        .get_media(&uploaded.media_id, Some(ByteRange::starting_at(1024)))
        .await
        .expect("rest");
    assert_eq!(sb.last_request("media/get").header("range"), Some("bytes=1024-"));
    assert_eq!(rest.bytes().await.expect("bytes").bytes, content[1024..]);
    let tail = client
        .get_media(&uploaded.media_id, Some(ByteRange::last(10)))
        .await
        .expect("tail");
    assert_eq!(
        tail.content_range().map(|r| (r.first, r.last)),
        Some((2038, 2047))
    );
    assert_eq!(tail.bytes().await.expect("bytes").bytes, content[2038..]);

    // A range past the end is refused with HTTP 416.
    let past = client
        .get_media(&uploaded.media_id, Some(ByteRange::starting_at(4096)))
        .await;
    assert!(matches!(past, Err(Error::Http { status: 416, .. })), "{past:?}");
}

#[tokio::test]
async fn ranges_read_a_file_over_20_mb_that_wecom_refuses_whole() {
    let sb = Sandbox::start().await;
    let client = small_limit_client(&sb);
    // Put straight into the store (an upload is at most 20 MB; upload_by_url takes 200).
    let content = pattern(21 * 1024 * 1024);
    let media_id = sb.media().put(
        creds::CORPID,
        "file",
        "huge.bin",
        "application/octet-stream",
        content.clone(),
    );
    let whole = client.get_media(&media_id, None).await;
    assert_eq!(errcode(whole, "a 21 MB file whole"), 830_002);
    let mut file = Vec::new();
    let piece: u64 = 8 * 1024 * 1024;
    let mut first = 0;
    while first < content.len() as u64 {
        let last = (first + piece - 1).min(content.len() as u64 - 1);
        let download = client
            .get_media(&media_id, Some(ByteRange::new(first, last)))
            .await
            .expect("a piece");
        assert_eq!(
            download.content_range().map(|r| (r.first, r.last)),
            Some((first, last))
        );
        download.write_to(&mut file).await.expect("write");
        first = last + 1;
    }
    assert!(file == content, "the pieces assemble the file");

    // One range over 20 MB: advised against, but refused only for media
    // fetched by upload_by_url (page 90254).
    let last = content.len() as u64 - 1;
    let mut whole_range = Vec::new();
    client
        .get_media(&media_id, Some(ByteRange::new(0, last)))
        .await
        .expect("a 21 MB range of an uploaded file")
        .write_to(&mut whole_range)
        .await
        .expect("write");
    assert!(whole_range == content);
}

#[tokio::test]
async fn a_download_of_an_unknown_or_expired_media_id_is_api_error_40007() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let unknown = client.get_media("3nosuchmedia", None).await;
    match unknown {
        Err(Error::Api { code, path, .. }) => assert_eq!((code, path), (INVALID_MEDIA_ID, "media/get")),
        other => panic!("expected Error::Api 40007, got {other:?}"),
    }
    let uploaded = client
        .upload_media(MediaType::File, &Upload::new("a.txt", b"hello world".to_vec()))
        .await
        .expect("upload");
    sb.advance_clock(3 * 24 * 3600 - 10);
    client
        .get_media(&uploaded.media_id, None)
        .await
        .expect("still valid");
    sb.advance_clock(20);
    let expired = client.get_media(&uploaded.media_id, None).await;
    assert_eq!(errcode(expired, "three days later"), INVALID_MEDIA_ID);

    // Another corp's client does not see this corp's media.
    let downstream = client.downstream(creds::DOWNSTREAM_CORPID, 1_000_005);
    let fresh = client
        .upload_media(MediaType::File, &Upload::new("b.txt", b"hello again".to_vec()))
        .await
        .expect("upload");
    let other = downstream.get_media(&fresh.media_id, None).await;
    assert_eq!(errcode(other, "another corp's media"), INVALID_MEDIA_ID);
}

#[tokio::test]
async fn a_stale_token_during_a_download_is_refreshed_and_the_download_retried() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let content = pattern(300_000);
    let uploaded = client
        .upload_media(MediaType::File, &Upload::new("report.bin", content.clone()))
        .await
        .expect("upload");
    assert_eq!(sb.request_count("gettoken"), 1);

    sb.expire_tokens();
    let mut writer = CountingWriter::default();
    client
        .get_media(&uploaded.media_id, Some(ByteRange::starting_at(100)))
        .await
        .expect("retried after the refresh")
        .write_to(&mut writer)
        .await
        .expect("write");
    assert!(
        writer.data == content[100..],
        "only the retried reply was written"
    );
    assert_eq!(sb.request_count("gettoken"), 2, "one refresh");
    let gets = sb.requests("media/get");
    assert_eq!(gets.len(), 2, "the download was sent twice");
    assert_ne!(
        gets[0].query_param("access_token"),
        gets[1].query_param("access_token")
    );
    assert_eq!(
        gets[1].header("range"),
        Some("bytes=100-"),
        "the retry keeps its range"
    );
}

#[tokio::test]
async fn jssdk_voice_comes_back_as_speex() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let speex = pattern(5000);
    let server_id = sb.media().add_jssdk_voice(creds::CORPID, speex.clone());
    let voice = client.get_jssdk_media(&server_id, None).await.expect("jssdk");
    assert_eq!(voice.content_type(), Some("voice/speex"));
    assert_eq!(voice.bytes().await.expect("bytes").bytes, speex);
    sb.assert_got("media/get/jssdk", &[("media_id", &server_id)]);

    let part = client
        .get_jssdk_media(&server_id, Some(ByteRange::new(10, 19)))
        .await
        .expect("range");
    assert_eq!(part.bytes().await.expect("bytes").bytes, speex[10..20]);

    // A media/upload id is no JS-SDK recording.
    let uploaded = client
        .upload_media(MediaType::Voice, &Upload::new("memo.amr", AMR.to_vec()))
        .await
        .expect("upload");
    let code = errcode(
        client.get_jssdk_media(&uploaded.media_id, None).await,
        "an upload id",
    );
    assert_eq!(code, INVALID_MEDIA_ID);
}

#[tokio::test]
async fn an_attachment_goes_into_the_media_store() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let image = Upload::new("poster.png", PNG.to_vec()).with_content_type("image/png");
    let uploaded = client
        .upload_attachment(MediaType::Image, AttachmentType::Moment, &image)
        .await
        .expect("upload_attachment");
    assert_eq!(uploaded.media_type, MediaType::Image);
    assert_eq!(
        sb.media().bytes(creds::CORPID, &uploaded.media_id),
        Some(PNG.to_vec())
    );
    let back = client
        .get_media(&uploaded.media_id, None)
        .await
        .expect("get")
        .bytes()
        .await;
    assert_eq!(back.expect("bytes").file_name.as_deref(), Some("poster.png"));

    let video = Upload::new("clip.mp4", MP4.to_vec()).with_content_type("video/mp4");
    let code = errcode(
        client
            .upload_attachment(MediaType::Video, AttachmentType::ProductAlbum, &video)
            .await,
        "a video for the product album",
    );
    assert_eq!(code, INVALID_MEDIA_FORMAT);
}

/// Serves `content` at `/file` on a loopback port (as the CDN WeCom fetches from).
async fn serve_on_loopback(content: Vec<u8>) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = axum::Router::new().route(
        "/file",
        axum::routing::get(move || {
            let content = content.clone();
            async move { content }
        }),
    );
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/file"), task)
}

/// Polls the job until it is no longer processing (bounded).
async fn finished(client: &CorpClient, jobid: &str) -> UploadByUrlResult {
    for _ in 0..500 {
        let result = client.get_upload_by_url_result(jobid).await.expect("poll");
        if result.status != UploadJobStatus::Processing {
            return result;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("job {jobid} did not finish");
}

#[tokio::test]
async fn upload_by_url_fetches_from_loopback_and_yields_a_media_id() {
    let sb = Sandbox::start().await;
    let client = sb.corp_client();
    let mut video = MP4.to_vec();
    video.extend(pattern(3 * 1024 * 1024));
    let (url, server) = serve_on_loopback(video.clone()).await;
    let md5 = sb.media().md5_hex(&video);

    let request = UploadByUrlRequest::new(
        UploadScene::GroupWelcome,
        MediaType::Video,
        "welcome.mp4",
        &url,
        &md5,
    );
    let job = client.upload_by_url(&request).await.expect("upload_by_url");
    sb.assert_posted(
        "media/upload_by_url",
        json!({"scene": 1, "type": "video", "filename": "welcome.mp4", "url": url, "md5": md5}),
    );
    let result = finished(&client, &job.jobid).await;
    sb.assert_posted("media/get_upload_by_url_result", json!({"jobid": job.jobid}));
    assert_eq!(result.status, UploadJobStatus::Finished);
    assert_eq!(result.detail.errcode, 0);
    let media_id = result.media_id().expect("media_id").to_owned();
    assert!((result.detail.created_at - sb.now()).abs() <= 2);

    let mut file = Vec::new();
    let download = client.get_media(&media_id, None).await.expect("get");
    assert_eq!(download.file_name(), Some("welcome.mp4"));
    assert_eq!(download.content_type(), Some("video/mp4"));
    download.write_to(&mut file).await.expect("write");
    assert!(file == video, "the fetched file, byte for byte");

    // A wrong MD5 fails the job, with the reason in `detail`.
    let wrong = UploadByUrlRequest::new(
        UploadScene::GroupWelcome,
        MediaType::Video,
        "welcome.mp4",
        &url,
        sb.media().md5_hex(b"something else"),
    );
    let job = client.upload_by_url(&wrong).await.expect("upload_by_url");
    let failed = finished(&client, &job.jobid).await;
    assert_eq!(
        (failed.status, failed.detail.errcode),
        (UploadJobStatus::Failed, 301_019),
        "文件MD5不匹配"
    );
    assert_eq!(failed.media_id(), None);
    server.abort();

    // The sandbox fetches from loopback only.
    let outside = UploadByUrlRequest::new(
        UploadScene::GroupWelcome,
        MediaType::File,
        "x.bin",
        "https://example.com/x.bin",
        &md5,
    );
    let job = client.upload_by_url(&outside).await.expect("upload_by_url");
    let refused = finished(&client, &job.jobid).await;
    assert_eq!(
        (refused.status, refused.detail.errcode),
        (UploadJobStatus::Failed, 830_001)
    );

    // Images are not taken, and an unknown job is an error.
    let image = UploadByUrlRequest::new(UploadScene::GroupWelcome, MediaType::Image, "a.png", &url, &md5);
    assert_eq!(
        errcode(client.upload_by_url(&image).await, "an image"),
        INVALID_TYPE
    );
    assert_eq!(
        errcode(client.get_upload_by_url_result("jobid_nope").await, "unknown job"),
        830_902
    );
}

#[tokio::test]
async fn media_upload_is_still_reachable_from_external_contact() {
    // The declaration moved to the media family; the old import path still works.
    use wecom_apis::external_contact::{AttachmentMediaType, MediaUploadApi as _};
    let sb = Sandbox::start().await;
    let client: CorpClient = Client::builder()
        .corp(creds::CORPID, creds::CORP_SECRET)
        .base_url(sb.base_url())
        .build()
        .expect("client");
    let uploaded = client
        .upload_media(AttachmentMediaType::Image, &Upload::new("a.png", PNG.to_vec()))
        .await
        .expect("upload");
    assert_eq!(uploaded.media_type, AttachmentMediaType::Image);
    let paths: Vec<&str> = wecom_apis::endpoints()
        .map(|e| e.path())
        .filter(|p| *p == "media/upload")
        .collect();
    assert_eq!(paths, ["media/upload"], "declared once");
}
