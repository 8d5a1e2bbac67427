//! Downloads read as they arrive: a reply body (a media file) that is not
//! buffered whole, a byte range of it, and the headers that describe it.
//!
//! An endpoint declared with `Result<Download>` runs through the same call
//! path as every other ([`Runtime::download`](crate::runtime::Runtime::download)): the
//! token is injected, a stale token is refreshed and the call retried, and a
//! JSON reply with a non-zero `errcode` is [`Error::Api`] — all before the
//! `Download` is handed out, so no byte of a file has been read by then.
//! Only [`Download::bytes`] buffers, and it alone is bounded by
//! `ClientBuilder::max_response_size`.

use std::fmt;

use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_RANGE, CONTENT_TYPE, HeaderMap};
use tokio::io::{AsyncWrite, AsyncWriteExt};

use crate::call::Call;
use crate::error::{Error, Result};
use crate::reply::{Binary, Reply};
use crate::request::Request;
use crate::runtime::Runtime;
use crate::token::TokenCell;

/// The byte range of a ranged download, sent as `Range: bytes=…`
/// (a `#[header = "Range"]` argument). WeCom answers `206 Partial Content`
/// with those bytes; `media/get` asks for ranges of at most 20 MB on files
/// larger than that.
///
/// ```
/// use wecom_core::ByteRange;
///
/// assert_eq!(ByteRange::new(0, 1023).to_string(), "bytes=0-1023");
/// assert_eq!(ByteRange::starting_at(2048).to_string(), "bytes=2048-");
/// assert_eq!(ByteRange::last(500).to_string(), "bytes=-500");
/// assert_eq!(ByteRange::from(0..=9), ByteRange::new(0, 9));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRange(RangeSpec);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeSpec {
    /// `first` to `last`, both included.
    Closed { first: u64, last: u64 },
    /// `first` to the end.
    From(u64),
    /// The last `n` bytes.
    Last(u64),
}

impl ByteRange {
    /// Bytes `first` to `last`, both included (`bytes=0-1023` is the first KiB).
    /// A `last` before `first` is taken as `first` (one byte).
    pub fn new(first: u64, last: u64) -> Self {
        ByteRange(RangeSpec::Closed {
            first,
            last: last.max(first),
        })
    }

    /// From byte `first` to the end of the file.
    pub fn starting_at(first: u64) -> Self {
        ByteRange(RangeSpec::From(first))
    }

    /// The last `n` bytes of the file.
    pub fn last(n: u64) -> Self {
        ByteRange(RangeSpec::Last(n))
    }
}

impl From<std::ops::RangeInclusive<u64>> for ByteRange {
    fn from(range: std::ops::RangeInclusive<u64>) -> Self {
        ByteRange::new(*range.start(), *range.end())
    }
}

impl From<std::ops::RangeFrom<u64>> for ByteRange {
    fn from(range: std::ops::RangeFrom<u64>) -> Self {
        ByteRange::starting_at(range.start)
    }
}

impl fmt::Display for ByteRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            RangeSpec::Closed { first, last } => write!(f, "bytes={first}-{last}"),
            RangeSpec::From(first) => write!(f, "bytes={first}-"),
            RangeSpec::Last(n) => write!(f, "bytes=-{n}"),
        }
    }
}

#[diagnostic::do_not_recommend]
impl crate::request::HeaderArg for ByteRange {
    fn __add_header(&self, request: crate::request::Request, name: &'static str) -> crate::request::Request {
        request.header(name, self.to_string())
    }
}

/// Where the bytes of a partial reply sit in the whole file: its
/// `Content-Range: bytes first-last/total` header.
///
/// ```
/// use wecom_core::ContentRange;
///
/// let range = ContentRange::parse("bytes 0-1023/2048").unwrap();
/// assert_eq!((range.first, range.last, range.total), (0, 1023, Some(2048)));
/// assert_eq!(range.len(), 1024);
/// assert_eq!(ContentRange::parse("bytes 5-9/*").unwrap().total, None);
/// assert!(ContentRange::parse("bytes */2048").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentRange {
    /// The first byte sent (from 0).
    pub first: u64,
    /// The last byte sent (included).
    pub last: u64,
    /// The whole file's size, when the server says it.
    pub total: Option<u64>,
}

impl ContentRange {
    /// Parses a `Content-Range` value; `None` for anything but a satisfied
    /// byte range.
    pub fn parse(value: &str) -> Option<ContentRange> {
        let rest = value.trim().strip_prefix("bytes")?.trim_start();
        let (range, total) = rest.split_once('/')?;
        let (first, last) = range.split_once('-')?;
        let (first, last) = (first.trim().parse().ok()?, last.trim().parse().ok()?);
        if last < first {
            return None;
        }
        let total = match total.trim() {
            "*" => None,
            n => Some(n.parse().ok()?),
        };
        Some(ContentRange { first, last, total })
    }

    /// How many bytes the range holds.
    #[allow(clippy::len_without_is_empty)] // a satisfied range is never empty
    pub fn len(&self) -> u64 {
        self.last - self.first + 1
    }
}

/// A downloaded file, read as it arrives (the reply of an endpoint declared
/// with `Result<Download>`, e.g. `media/get`).
///
/// By the time a `Download` is returned WeCom has accepted the call: the
/// reply is the file (or a range of it), not a JSON error. Read it once, in
/// one of three ways:
/// * [`write_to`](Self::write_to) — piece by piece into any `AsyncWrite`
///   (a file, a socket), never holding more than one piece;
/// * [`into_stream`](Self::into_stream) / [`chunk`](Self::chunk) — the
///   pieces themselves;
/// * [`bytes`](Self::bytes) — the whole body in memory, as a [`Binary`]
///   (bounded by `ClientBuilder::max_response_size`).
///
/// Its `Debug` shows the headers it read, never the body nor the URL (which
/// carries the token).
pub struct Download {
    path: &'static str,
    content_type: Option<String>,
    file_name: Option<String>,
    content_length: Option<u64>,
    content_range: Option<ContentRange>,
    body: Body,
    limit: usize,
}

/// Where the rest of the body comes from.
enum Body {
    /// Already in memory (a reply that was read whole); `None` once taken.
    Buffered(Option<Bytes>),
    /// Still on the connection; `first` was read ahead to tell a file from JSON.
    Open {
        response: reqwest::Response,
        first: Option<Bytes>,
    },
}

impl Download {
    /// A download still on the connection.
    pub(crate) fn open(
        path: &'static str,
        headers: &HeaderMap,
        response: reqwest::Response,
        first: Option<Bytes>,
        limit: usize,
    ) -> Self {
        let content_length = response
            .content_length()
            .map(|n| n + first.as_ref().map_or(0, |b| b.len() as u64));
        Download {
            content_length,
            body: Body::Open { response, first },
            ..Download::described(path, headers, limit)
        }
    }

    /// A download whose body was read whole.
    pub(crate) fn buffered(path: &'static str, headers: &HeaderMap, body: Bytes, limit: usize) -> Self {
        Download {
            content_length: Some(body.len() as u64),
            body: Body::Buffered(Some(body)),
            ..Download::described(path, headers, limit)
        }
    }

    fn described(path: &'static str, headers: &HeaderMap, limit: usize) -> Self {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
        };
        Download {
            path,
            content_type: text(CONTENT_TYPE).map(str::to_string),
            file_name: headers
                .get(CONTENT_DISPOSITION)
                .and_then(|v| file_name_of(v.as_bytes())),
            content_length: None,
            content_range: text(CONTENT_RANGE).and_then(ContentRange::parse),
            body: Body::Buffered(None),
            limit,
        }
    }

    /// The `Content-Type` WeCom sent, e.g. `image/jpeg`.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The file name of `Content-Disposition: attachment; filename="…"`
    /// (`filename*=UTF-8''…` preferred when both are sent).
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The size of this reply's body (the range's size for a partial
    /// reply), when the server declared it.
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// Where the body sits in the whole file, for a partial reply (`206`).
    pub fn content_range(&self) -> Option<ContentRange> {
        self.content_range
    }

    /// Whether this is a range of the file (`206 Partial Content`) rather
    /// than the whole file. A server that ignores `Range` sends the whole
    /// file: check this before appending a range to what you have.
    pub fn is_partial(&self) -> bool {
        self.content_range.is_some()
    }

    /// The next piece of the body, `None` at the end.
    ///
    /// # Errors
    /// [`Error::Transport`] when the connection fails mid-body.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>> {
        match &mut self.body {
            Body::Buffered(body) => Ok(body.take()),
            Body::Open { response, first } => {
                if let Some(first) = first.take() {
                    return Ok(Some(first));
                }
                response.chunk().await.map_err(|err| Error::Transport {
                    path: self.path,
                    source: err.without_url(),
                })
            }
        }
    }

    /// Writes the body to `writer` as it arrives, one piece at a time, then
    /// flushes it; the number of bytes written.
    ///
    /// # Errors
    /// [`Error::Transport`] when the connection fails, [`Error::Io`] when the
    /// writer does (what was written so far stays written).
    pub async fn write_to<W>(mut self, writer: &mut W) -> Result<u64>
    where
        W: AsyncWrite + Unpin + ?Sized,
    {
        let path = self.path;
        let io = |source| Error::Io { path, source };
        let mut written = 0u64;
        while let Some(piece) = self.chunk().await? {
            writer.write_all(&piece).await.map_err(io)?;
            written += piece.len() as u64;
        }
        writer.flush().await.map_err(io)?;
        Ok(written)
    }

    /// The pieces of the body as a `Stream`.
    pub fn into_stream(self) -> impl Stream<Item = Result<Bytes>> + Send + 'static {
        futures_util::stream::unfold(Some(self), |download| async move {
            let mut download = download?;
            match download.chunk().await {
                Ok(Some(piece)) => Some((Ok(piece), Some(download))),
                Ok(None) => None,
                Err(err) => Some((Err(err), None)),
            }
        })
    }

    /// Reads the whole body into memory.
    ///
    /// # Errors
    /// [`Error::ResponseTooLarge`] when it exceeds the client's
    /// `max_response_size` (declared or read; nothing more is read), and
    /// [`Error::Transport`] when the connection fails.
    pub async fn bytes(mut self) -> Result<Binary> {
        let too_large = Error::ResponseTooLarge {
            path: self.path,
            limit: self.limit,
        };
        let limit = self.limit;
        if self.content_length.is_some_and(|n| n > limit as u64) {
            return Err(too_large);
        }
        let bytes = match &mut self.body {
            Body::Buffered(body) => body.take().unwrap_or_default(),
            Body::Open { .. } => {
                let mut body = BytesMut::new();
                while let Some(piece) = self.chunk().await? {
                    if body.len() + piece.len() > limit {
                        return Err(too_large);
                    }
                    body.extend_from_slice(&piece);
                }
                body.freeze()
            }
        };
        Ok(Binary {
            content_type: self.content_type,
            file_name: self.file_name,
            bytes,
        })
    }
}

impl fmt::Debug for Download {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("path", &self.path)
            .field("content_type", &self.content_type)
            .field("file_name", &self.file_name)
            .field("content_length", &self.content_length)
            .field("content_range", &self.content_range)
            .finish_non_exhaustive()
    }
}

/// A `Result<Download>` endpoint runs through [`Runtime::download`]: the
/// body is left on the connection once WeCom has accepted the call.
#[diagnostic::do_not_recommend]
impl Reply for Download {
    const ACCEPTS_BINARY: bool = true;

    fn from_reply(path: &'static str, headers: &HeaderMap, body: Bytes) -> Result<Self> {
        Ok(Download::buffered(path, headers, body, usize::MAX))
    }

    fn __call<'a>(runtime: &'a Runtime, token: Option<&'a TokenCell>, request: Request) -> Call<'a, Self>
    where
        Self: 'a,
    {
        Call::new(runtime.download(token, request))
    }
}

/// The file name of a `Content-Disposition` value: `filename*=charset''…`
/// (percent-encoded, RFC 6266 / 5987) when present, else `filename="…"` or
/// `filename=token`. Raw UTF-8 in a quoted name is kept (WeCom sends it).
pub(crate) fn file_name_of(value: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(value);
    let params = split_params(&text);
    let extended = params.iter().find_map(|(key, value)| {
        key.eq_ignore_ascii_case("filename*").then(|| {
            let (_charset, rest) = value.split_once('\'')?;
            let (_language, encoded) = rest.split_once('\'')?;
            percent_decode(encoded)
        })?
    });
    extended
        .or_else(|| {
            params
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case("filename"))
                .map(|(_, value)| value.clone())
        })
        .filter(|name| !name.is_empty())
}

/// `key=value` parameters after the disposition type, quotes removed
/// (`\"` inside quotes unescaped); `;` inside quotes does not split.
fn split_params(text: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut chars = text.chars().peekable();
    // Skip the disposition type (`attachment`).
    for c in chars.by_ref() {
        if c == ';' {
            break;
        }
    }
    loop {
        let key: String = chars.by_ref().take_while(|c| *c != '=').collect();
        let key = key.trim().to_string();
        if key.is_empty() {
            return params;
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
            for c in chars.by_ref() {
                if c == ';' {
                    break;
                }
            }
        } else {
            value = chars.by_ref().take_while(|c| *c != ';').collect();
            value = value.trim().to_string();
        }
        params.push((key, value));
    }
}

/// Decodes `%XX` escapes as UTF-8; `None` for a malformed escape or invalid UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_content_disposition() {
        // WeCom's documented reply header.
        assert_eq!(
            file_name_of(br#"attachment; filename="MEDIA_ID.jpg""#).as_deref(),
            Some("MEDIA_ID.jpg")
        );
        assert_eq!(
            file_name_of(b"attachment; filename=plain.txt; size=3").as_deref(),
            Some("plain.txt")
        );
        assert_eq!(
            file_name_of("attachment; filename=\"报告 2024.pdf\"".as_bytes()).as_deref(),
            Some("报告 2024.pdf")
        );
        assert_eq!(
            file_name_of(br#"attachment; filename="a.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf"#)
                .as_deref(),
            Some("报告.pdf")
        );
        assert_eq!(
            file_name_of(br#"attachment; filename="semi;colon \"q\".txt""#).as_deref(),
            Some(r#"semi;colon "q".txt"#)
        );
        assert_eq!(file_name_of(b"attachment"), None);
        assert_eq!(file_name_of(br#"attachment; filename="""#), None);
        // A broken extended name falls back to the plain one.
        assert_eq!(
            file_name_of(br#"attachment; filename*=UTF-8''%ZZ; filename="ok.bin""#).as_deref(),
            Some("ok.bin")
        );
    }

    #[test]
    fn ranges_are_written_and_read() {
        assert_eq!(ByteRange::new(9, 3).to_string(), "bytes=9-9");
        assert_eq!(ByteRange::from(5..).to_string(), "bytes=5-");
        let r = ContentRange::parse("bytes 1024-2047/2048").unwrap();
        assert_eq!(
            (r.first, r.last, r.total, r.len()),
            (1024, 2047, Some(2048), 1024)
        );
        for bad in [
            "",
            "bytes",
            "bytes 5-1/9",
            "items 0-1/2",
            "bytes 0-x/2",
            "bytes 0-1/x",
        ] {
            assert_eq!(ContentRange::parse(bad), None, "{bad}");
        }
    }

    #[tokio::test]
    async fn a_buffered_download_reads_once_and_respects_the_limit() {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, "text/csv".parse().unwrap());
        headers.insert(
            CONTENT_DISPOSITION,
            r#"attachment; filename="a.csv""#.parse().unwrap(),
        );
        let download = Download::buffered("media/get", &headers, Bytes::from_static(b"a,b\n"), 64);
        assert!(!download.is_partial());
        let shown = format!("{download:?}");
        assert!(shown.contains("a.csv") && !shown.contains("a,b"), "{shown}");
        let mut out = Vec::new();
        assert_eq!(download.write_to(&mut out).await.unwrap(), 4);
        assert_eq!(out, b"a,b\n");
        let binary = Download::buffered("media/get", &headers, Bytes::from_static(b"a,b\n"), 64)
            .bytes()
            .await
            .unwrap();
        assert_eq!(binary.file_name.as_deref(), Some("a.csv"));
        let too_big = Download::buffered("media/get", &headers, Bytes::from_static(b"a,b\n"), 3)
            .bytes()
            .await;
        assert!(matches!(too_big, Err(Error::ResponseTooLarge { limit: 3, .. })));
    }
}
