//! The error model: one enum for everything a call can run into.

use std::fmt;

/// Shorthand for `std::result::Result<T, wecom_core::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How many bytes of an unexpected response body an error keeps.
pub const SNIPPET_LIMIT: usize = 256;

/// Everything that can go wrong when calling WeCom.
///
/// Each variant says what happened and keeps what WeCom sent back, so that no
/// information is lost on the way to the caller. Use the predicates
/// ([`Error::code`], [`Error::is_timeout`], …) rather than matching on messages.
///
/// ```
/// use wecom_core::Error;
///
/// let err = Error::Api { code: 701030, message: "exceed 5 years".into(), path: "license/active_account" };
/// assert_eq!(err.code(), Some(701030));
/// assert_eq!(err.message(), Some("exceed 5 years"));
/// assert!(!err.is_busy() && !err.is_timeout() && !err.is_token_error());
/// // The text names the endpoint and links WeCom's explanation of the code.
/// assert!(err.to_string().contains("license/active_account"));
/// assert!(err.hint_url().is_some_and(|url| url.ends_with("701030")));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// WeCom answered with a non-zero `errcode`.
    #[error("WeCom error {code} on `{path}`: {message} (see {})", code_hint_url(*.code))]
    Api {
        /// The `errcode` WeCom returned.
        code: i64,
        /// The `errmsg` WeCom returned.
        message: String,
        /// The endpoint path, relative to the base URL.
        path: &'static str,
    },
    /// The HTTP exchange succeeded but the status was not 2xx.
    #[error("HTTP {status} from `{path}`; body starts with: {snippet:?}")]
    Http {
        /// The HTTP status code.
        status: u16,
        /// The endpoint path, relative to the base URL.
        path: &'static str,
        /// The first bytes of the body (at most [`SNIPPET_LIMIT`]).
        snippet: String,
    },
    /// The request could not be sent or the response could not be read
    /// (connection refused, timeout, reset …). The URL, which carries the
    /// token, is stripped from the inner error.
    #[error("transport error on `{path}`: {}", error_chain(source))]
    Transport {
        /// The endpoint path, relative to the base URL.
        path: &'static str,
        /// The underlying reqwest error (without its URL).
        #[source]
        source: reqwest::Error,
    },
    /// The response body was not the JSON that was expected.
    #[error("cannot decode the response of `{path}`: {source}; body starts with: {snippet:?}")]
    Decode {
        /// The endpoint path, relative to the base URL.
        path: &'static str,
        /// What serde_json reported.
        #[source]
        source: serde_json::Error,
        /// The first bytes of the body (at most [`SNIPPET_LIMIT`]).
        snippet: String,
    },
    /// A request argument could not be encoded (JSON body or query parameter).
    #[error("cannot encode the request for `{path}`: {reason}")]
    Encode {
        /// The endpoint path, relative to the base URL.
        path: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// The credential needed for the call could not be obtained.
    #[error("cannot obtain the {kind} token: {source}")]
    Token {
        /// Which token kind (`corp`, `provider`, `suite`).
        kind: &'static str,
        /// Why the token fetch failed (often an [`Error::Api`] such as 40001).
        #[source]
        source: Box<Error>,
    },
    /// The token store (e.g. Redis) could not be used. While a client still
    /// holds a valid token locally, calls keep working during an outage; a
    /// call that needs the store fails with this error instead of fetching
    /// around it, so a cluster never hammers WeCom's token endpoints.
    #[error("token store unavailable ({operation}): {reason}")]
    Store {
        /// What the SDK was doing (get, put, lock …).
        operation: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// Another instance has been refreshing a token for longer than a fetch
    /// can take (its lock was renewed all along, or taken over again and
    /// again), and no token was stored. The store itself worked.
    #[error(
        "gave up waiting for another instance to refresh the token `{key}` after {waited:?}: it holds the refresh lock but stored no token"
    )]
    RefreshWait {
        /// The token's store key (no secrets in it).
        key: String,
        /// How long this call waited.
        waited: std::time::Duration,
    },
    /// The reply body was larger than the configured limit
    /// (`ClientBuilder::max_response_size`); it was not read further.
    #[error(
        "the reply of `{path}` exceeds the {limit}-byte limit (raise it with `ClientBuilder::max_response_size`)"
    )]
    ResponseTooLarge {
        /// The endpoint path, relative to the base URL.
        path: &'static str,
        /// The configured limit, in bytes.
        limit: usize,
    },
    /// A paginated walk was stopped because the server sent a cursor it had
    /// already sent, or an offset that went back: following it would loop
    /// or yield items twice.
    #[error("pagination stopped: {reason}")]
    Pagination {
        /// What the server did.
        reason: String,
    },
    /// A suite token was needed, but no suite_ticket has been received yet.
    #[error(
        "no suite_ticket stored for suite `{suite_id}` yet: WeCom pushes one to the suite's command callback URL every 10 minutes; hand it to the SDK (`Client::store_suite_ticket` or the callback receiver), or re-push it from the provider console"
    )]
    MissingSuiteTicket {
        /// The suite that has no ticket.
        suite_id: String,
    },
    /// The client was configured wrongly (bad base URL, …).
    #[error("invalid configuration: {0}")]
    Config(String),
    /// Writing a download to its destination failed (`Download::write_to`):
    /// the writer's own error, e.g. a full disk.
    #[error("writing the download of `{path}` failed: {source}")]
    Io {
        /// The endpoint path, relative to the base URL.
        path: &'static str,
        /// What the writer reported.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// WeCom's `errcode`, when WeCom returned one (also through a failed token fetch).
    pub fn code(&self) -> Option<i64> {
        match self {
            Error::Api { code, .. } => Some(*code),
            Error::Token { source, .. } => source.code(),
            _ => None,
        }
    }

    /// WeCom's `errmsg`, when WeCom returned one.
    pub fn message(&self) -> Option<&str> {
        match self {
            Error::Api { message, .. } => Some(message),
            Error::Token { source, .. } => source.message(),
            _ => None,
        }
    }

    /// True when the request timed out (connect or read).
    pub fn is_timeout(&self) -> bool {
        match self {
            Error::Transport { source, .. } => source.is_timeout(),
            Error::Token { source, .. } => source.is_timeout(),
            _ => false,
        }
    }

    /// True when the call failed because of its credential: either the token
    /// could not be obtained ([`is_token_fetch_error`](Self::is_token_fetch_error))
    /// or WeCom rejected it even after the one refresh-and-retry
    /// ([`is_token_rejected`](Self::is_token_rejected)).
    ///
    /// ```
    /// use wecom_core::Error;
    /// let expired = Error::Api { code: 42001, message: "access_token expired".into(), path: "user/get" };
    /// assert!(expired.is_token_error() && expired.is_token_rejected() && !expired.is_token_fetch_error());
    /// let busy = Error::Api { code: -1, message: "system busy".into(), path: "user/get" };
    /// assert!(!busy.is_token_error() && busy.is_busy());
    /// ```
    pub fn is_token_error(&self) -> bool {
        self.is_token_fetch_error() || self.is_token_rejected()
    }

    /// True when obtaining the credential failed (a wrong secret — 40001 —,
    /// a missing suite_ticket, the token store, the token endpoint
    /// unreachable …): the call itself was never sent. [`Error::Token`] holds
    /// the cause.
    pub fn is_token_fetch_error(&self) -> bool {
        matches!(self, Error::Token { .. } | Error::MissingSuiteTicket { .. })
    }

    /// True when WeCom answered the call itself with a stale-token code
    /// (40014, 42001, 40082, 42009) and it persisted after the runtime
    /// dropped the token, fetched a new one and retried once.
    pub fn is_token_rejected(&self) -> bool {
        matches!(self, Error::Api { code, .. } if crate::token::kind::STALE_TOKEN_CODES.contains(code))
    }

    /// True when WeCom reported it was busy (`errcode` -1) — after the
    /// runtime's own bounded retries.
    pub fn is_busy(&self) -> bool {
        self.code() == Some(-1)
    }

    /// WeCom's online explanation of an error code, when there is a code.
    pub fn hint_url(&self) -> Option<String> {
        self.code().map(code_hint_url)
    }
}

/// An error and its causes, `: `-separated (reqwest's own message alone
/// rarely says what happened, e.g. "error sending request").
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// The page of WeCom's error-code lookup tool for `code`.
pub fn code_hint_url(code: i64) -> String {
    format!("https://open.work.weixin.qq.com/devtool/query?e={code}")
}

/// JSON keys whose string values never go into an error message.
const SECRET_KEYS: [&str; 5] = ["token", "secret", "ticket", "permanent_code", "session_key"];

/// Replaces the string value of every secret-looking JSON key with `<redacted>`
/// (`"access_token":"abc"` → `"access_token":"<redacted>"`), so that a body
/// quoted in an error (e.g. an undecodable token reply) leaks nothing.
fn redact_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(quote) = rest.find('"') {
        let (before, from_quote) = rest.split_at(quote);
        out.push_str(before);
        let Some(key_len) = from_quote[1..].find('"') else {
            out.push_str(from_quote);
            return out;
        };
        let key = &from_quote[1..1 + key_len];
        let after_key = &from_quote[key_len + 2..];
        out.push_str(&from_quote[..key_len + 2]);
        rest = after_key;
        let value = after_key.trim_start_matches([' ', ':']);
        let separator_len = after_key.len() - value.len();
        if after_key[..separator_len].contains(':')
            && value.starts_with('"')
            && SECRET_KEYS.iter().any(|s| key.to_ascii_lowercase().contains(s))
        {
            out.push_str(&after_key[..separator_len]);
            out.push_str("\"<redacted>\"");
            let end = value[1..].find('"').map_or(value.len(), |i| i + 2);
            rest = &value[end..];
        }
    }
    out.push_str(rest);
    out
}

/// The first [`SNIPPET_LIMIT`] bytes of a body, as lossy UTF-8 cut on a
/// character boundary, with secret-looking JSON values redacted, for error
/// messages.
pub fn snippet(body: &[u8]) -> String {
    let cut = body.len().min(SNIPPET_LIMIT);
    let text = String::from_utf8_lossy(&body[..cut]);
    let mut out = text.into_owned();
    if body.len() > SNIPPET_LIMIT {
        // Drop a possibly split trailing character and mark the cut.
        while out.ends_with('\u{FFFD}') {
            out.pop();
        }
        out.push('…');
    }
    redact_secrets(&out)
}

/// A display helper that never prints its content; used for secrets.
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Stands in for a text that may hold secrets (decrypted callback XML): its
/// length only.
pub(crate) struct RedactedText(pub(crate) usize);

impl fmt::Debug for RedactedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted: {} bytes>", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_bounded_and_keeps_short_bodies() {
        assert_eq!(snippet(b"<html>oops</html>"), "<html>oops</html>");
        let long = "中".repeat(200); // 600 bytes
        let s = snippet(long.as_bytes());
        assert!(s.len() <= SNIPPET_LIMIT + '…'.len_utf8());
        assert!(s.ends_with('…'));
        assert!(!s.contains('\u{FFFD}'));
    }

    #[test]
    fn snippets_never_show_secret_values() {
        let body = br#"{"errcode":0,"access_token":"TOKEN123","expires_in":7200,"provider_secret" : "S3CRET","suite_ticket":"TICK"#;
        let s = snippet(body);
        assert!(
            !s.contains("TOKEN123") && !s.contains("S3CRET") && !s.contains("TICK\""),
            "{s}"
        );
        assert!(s.contains(r#""access_token":"<redacted>""#), "{s}");
        assert!(s.contains(r#""expires_in":7200"#), "{s}");
        assert_eq!(
            snippet(br#"{"errcode":40014,"errmsg":"invalid access_token"}"#),
            r#"{"errcode":40014,"errmsg":"invalid access_token"}"#
        );
        assert_eq!(snippet(b"<html>\"unclosed"), "<html>\"unclosed");
    }

    #[test]
    fn api_error_displays_code_message_and_hint() {
        let e = Error::Api {
            code: 701030,
            message: "exceed 5 years".into(),
            path: "license/active_account",
        };
        let text = e.to_string();
        assert!(text.contains("701030") && text.contains("exceed 5 years"));
        assert!(text.contains("devtool/query?e=701030"));
        assert_eq!(e.code(), Some(701030));
    }
}
