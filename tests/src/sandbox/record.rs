//! The record of requests the sandbox received.

/// One request as the sandbox received it, before any handling.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// HTTP method, e.g. `"GET"`.
    pub method: String,
    /// Path relative to `/cgi-bin/`, e.g. `"license/get_order"`.
    pub path: String,
    /// Decoded query parameters in order of appearance.
    pub query: Vec<(String, String)>,
    /// The request headers in order of appearance, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The request body, lossily decoded as UTF-8.
    pub body: String,
    /// The request body as sent (a multipart upload, say).
    pub body_bytes: Vec<u8>,
}

impl RecordedRequest {
    /// The first query parameter called `name`.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        super::params::query_param(&self.query, name)
    }

    /// The first header called `name` (any case), e.g. `content-type`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }
}

/// Normalises a user-supplied path to the recorded form: no leading `/`, no `cgi-bin/`.
pub(crate) fn relative_path(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    trimmed.strip_prefix("cgi-bin/").unwrap_or(trimmed).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised() {
        assert_eq!(relative_path("/cgi-bin/license/get_order"), "license/get_order");
        assert_eq!(relative_path("gettoken"), "gettoken");
        assert_eq!(relative_path("/favicon.ico"), "favicon.ico");
    }
}
