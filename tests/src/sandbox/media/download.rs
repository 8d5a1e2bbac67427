//! `media/get` and `media/get/jssdk`: the stored file, whole or by byte
//! range, with the headers WeCom sends.

use super::super::media_store::MediaStore;
use super::super::params::query_param;
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, Reply};
use super::{INVALID_MEDIA_ID, MISSING_MEDIA_ID, MediaState, RANGE_REQUIRED};

/// The largest piece WeCom serves in one reply: 20 MB.
const MAX_PIECE: u64 = 20 << 20;

/// `GET media/get?media_id=…` (or, with `jssdk`, `media/get/jssdk`, which
/// serves only the JS-SDK's recordings): the file, or its range.
pub(super) fn get(
    store: &MediaStore,
    state: &MediaState,
    corpid: &str,
    req: &RecordedRequest,
    now: i64,
    jssdk: bool,
) -> Reply {
    let Some(media_id) = query_param(&req.query, "media_id").filter(|id| !id.is_empty()) else {
        return Reply::error(&ApiError::new(MISSING_MEDIA_ID, "media_id missing"));
    };
    let media = store
        .get(corpid, media_id, now)
        .filter(|m| !jssdk || (m.media_type == "voice" && state.jssdk.contains(media_id)));
    let Some(media) = media else {
        return Reply::error(&ApiError::new(INVALID_MEDIA_ID, "invalid media_id"));
    };
    let total = media.bytes.len() as u64;
    let range = match req.header("range").map(|value| parse_range(value, total)) {
        None => None,
        Some(Some(range)) => Some(range),
        Some(None) => {
            return Reply::bytes(416, "text/plain", b"range not satisfiable".to_vec())
                .with_header("content-range", format!("bytes */{total}"));
        }
    };
    // Page 90254: a file over 20 MB needs Range; pieces of at most 20 MB
    // are required for media fetched by upload_by_url, advised for others.
    let too_large = match range {
        None => total > MAX_PIECE,
        Some((first, last)) => state.by_url.contains(media_id) && last - first + 1 > MAX_PIECE,
    };
    if too_large {
        return Reply::error(&ApiError::new(
            RANGE_REQUIRED,
            "file over 20 MB: download it with Range in pieces of at most 20 MB",
        ));
    }
    let disposition = format!("attachment; filename=\"{}\"", media.filename.replace('"', "'"));
    match range {
        None => Reply::bytes(200, &media.content_type, media.bytes.clone())
            .with_header("content-disposition", disposition)
            .with_header("accept-ranges", "bytes"),
        Some((first, last)) => {
            // Both ends are within the file (`parse_range` clamps them).
            let body = media.bytes[first as usize..=last as usize].to_vec();
            Reply::bytes(206, &media.content_type, body)
                .with_header("content-disposition", disposition)
                .with_header("accept-ranges", "bytes")
                .with_header("content-range", format!("bytes {first}-{last}/{total}"))
        }
    }
}

/// A `Range: bytes=a-b` / `bytes=a-` / `bytes=-n` header (one range) as
/// `(first, last)` within a file of `total` bytes; `None` when it cannot be
/// satisfied or is malformed. WeCom's own example writes `bytes 0-1023`
/// (a space); that is read too.
fn parse_range(value: &str, total: u64) -> Option<(u64, u64)> {
    let spec = value.trim().strip_prefix("bytes")?.trim_start_matches(['=', ' ']);
    let (first, last) = spec.split_once('-')?;
    let (first, last) = match (first.trim(), last.trim()) {
        ("", n) => {
            let n: u64 = n.parse().ok()?;
            (total.checked_sub(n.min(total))?, total.checked_sub(1)?)
        }
        (a, "") => (a.parse().ok()?, total.checked_sub(1)?),
        (a, b) => (a.parse().ok()?, b.parse::<u64>().ok()?.min(total.checked_sub(1)?)),
    };
    (first <= last && first < total).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_as_rfc_7233_reads_them() {
        assert_eq!(parse_range("bytes=0-1023", 2048), Some((0, 1023)));
        assert_eq!(parse_range("bytes 0-1023", 2048), Some((0, 1023)));
        assert_eq!(parse_range("bytes=1024-", 2048), Some((1024, 2047)));
        assert_eq!(parse_range("bytes=-10", 2048), Some((2038, 2047)));
        assert_eq!(parse_range("bytes=2000-9999", 2048), Some((2000, 2047)));
        assert_eq!(parse_range("bytes=2048-", 2048), None);
        assert_eq!(parse_range("bytes=5-1", 2048), None);
        assert_eq!(parse_range("items=0-1", 2048), None);
        assert_eq!(parse_range("bytes=0-1", 0), None);
    }
}
