//! Just enough `multipart/form-data` parsing for an upload: the named part's
//! file name and bytes. Malformed bodies give `None`, never a panic.

/// One part of a multipart body.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// Its `filename`, if it gave one.
    pub(crate) filename: Option<String>,
    /// Its content.
    pub(crate) bytes: Vec<u8>,
}

/// The part named `name` of a body whose `content_type` is
/// `multipart/form-data; boundary=…`.
pub(crate) fn find_part(content_type: &str, body: &[u8], name: &str) -> Option<Part> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut rest = body;
    loop {
        let start = find(rest, delimiter)? + delimiter.len();
        rest = &rest[start..];
        if rest.starts_with(b"--") {
            return None;
        }
        let rest_after_crlf = rest.strip_prefix(b"\r\n").unwrap_or(rest);
        let header_end = find(rest_after_crlf, b"\r\n\r\n")?;
        let headers = String::from_utf8_lossy(&rest_after_crlf[..header_end]).into_owned();
        let content = &rest_after_crlf[header_end + 4..];
        let end = find(content, delimiter)?;
        let bytes = content[..end].strip_suffix(b"\r\n").unwrap_or(&content[..end]);
        if param(&headers, "name").as_deref() == Some(name) {
            return Some(Part {
                filename: param(&headers, "filename"),
                bytes: bytes.to_vec(),
            });
        }
        rest = content;
    }
}

/// `key="value"` from a part's `Content-Disposition` header.
fn param(headers: &str, key: &str) -> Option<String> {
    let line = headers
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))?;
    line.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_named_part() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n";
        let part = find_part("multipart/form-data; boundary=XyZ", body, "media").expect("part");
        assert_eq!(part.filename.as_deref(), Some("a.txt"));
        assert_eq!(part.bytes, b"hello");
        assert!(find_part("multipart/form-data; boundary=XyZ", body, "nope").is_none());
        assert!(find_part("application/json", body, "media").is_none());
        assert!(find_part("multipart/form-data; boundary=XyZ", b"--XyZ\r\ngarbage", "media").is_none());
    }
}
