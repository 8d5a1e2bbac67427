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
    /// The raw request body (lossily decoded as UTF-8).
    pub body: String,
}

impl RecordedRequest {
    /// The first query parameter called `name`.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        super::params::query_param(&self.query, name)
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
