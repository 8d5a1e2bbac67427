//! The parts of a `multipart/form-data` upload, as WeCom reads them: each
//! part's name, its `filename` and `Content-Type`, and its bytes. Used by
//! every upload the sandbox serves (`media/*`, the group robot's
//! `webhook/upload_media`).

use super::record::RecordedRequest;

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// `name="…"` of its `Content-Disposition`.
    pub(crate) name: String,
    /// `filename="…"`, when it is a file.
    pub(crate) filename: Option<String>,
    /// Its `Content-Type`, when given.
    pub(crate) content_type: Option<String>,
    pub(crate) bytes: Vec<u8>,
}

/// The parts of `req`'s body; `None` when it is not `multipart/form-data`
/// with a boundary, or is malformed.
pub(crate) fn parts(req: &RecordedRequest) -> Option<Vec<Part>> {
    let content_type = req.header("content-type")?;
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = params.split(';').find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
    })?;
    split(&req.body_bytes, boundary.as_bytes())
}

/// The part named `name` of `req`'s body, if the body is well-formed
/// `multipart/form-data` and has one.
pub(crate) fn find_part(req: &RecordedRequest, name: &str) -> Option<Part> {
    parts(req)?.into_iter().find(|part| part.name == name)
}

/// Splits `body` on `--boundary` lines.
fn split(body: &[u8], boundary: &[u8]) -> Option<Vec<Part>> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    let mut rest = &body[find(body, &delimiter)? + delimiter.len()..];
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let header_end = find(rest, b"\r\n\r\n")?;
        let headers = String::from_utf8_lossy(&rest[..header_end]).into_owned();
        let content = &rest[header_end + 4..];
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(&delimiter);
        let end = find(content, &closing)?;
        parts.push(part(&headers, content[..end].to_vec())?);
        rest = &content[end + closing.len()..];
    }
}

/// A part from its header lines and content.
fn part(headers: &str, bytes: Vec<u8>) -> Option<Part> {
    let mut name = None;
    let mut filename = None;
    let mut content_type = None;
    for line in headers.split("\r\n") {
        let (key, value) = line.split_once(':')?;
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            for param in value.split(';').skip(1) {
                let Some((k, v)) = param.split_once('=') else {
                    continue;
                };
                let v = v.trim().trim_matches('"').to_owned();
                match k.trim() {
                    "name" => name = Some(v),
                    "filename" => filename = Some(v),
                    _ => {}
                }
            }
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_owned());
        }
    }
    Some(Part {
        name: name?,
        filename,
        content_type,
        bytes,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_wecom_documented_upload() {
        // The request of https://developer.work.weixin.qq.com/document/path/90253
        let body = b"---------------------------acebdf13572468\r\nContent-Disposition: form-data; name=\"media\";filename=\"wework.txt\"; filelength=6\r\nContent-Type: application/octet-stream\r\n\r\nmytext\r\n---------------------------acebdf13572468--\r\n";
        let parts = split(body, b"-------------------------acebdf13572468").expect("parts");
        assert_eq!(
            parts,
            [Part {
                name: "media".into(),
                filename: Some("wework.txt".into()),
                content_type: Some("application/octet-stream".into()),
                bytes: b"mytext".to_vec(),
            }]
        );
        assert!(split(b"no boundary here", b"x").is_none());
        assert!(
            split(
                b"--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
                b"x"
            )
            .is_none()
        );
    }

    fn upload(content_type: &str, body: &[u8]) -> RecordedRequest {
        RecordedRequest {
            method: "POST".into(),
            path: "webhook/upload_media".into(),
            query: Vec::new(),
            headers: vec![("content-type".into(), content_type.into())],
            body: String::from_utf8_lossy(body).into_owned(),
            body_bytes: body.to_vec(),
        }
    }

    #[test]
    fn finds_the_named_part() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n";
        let req = upload("multipart/form-data; boundary=XyZ", body);
        let part = find_part(&req, "media").expect("part");
        assert_eq!(part.filename.as_deref(), Some("a.txt"));
        assert_eq!(part.bytes, b"hello");
        assert!(find_part(&req, "nope").is_none());
        assert!(find_part(&upload("application/json", body), "media").is_none());
        assert!(
            find_part(
                &upload("multipart/form-data; boundary=XyZ", b"--XyZ\r\ngarbage"),
                "media"
            )
            .is_none()
        );
    }
}
