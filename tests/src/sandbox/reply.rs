//! HTTP replies in WeCom's JSON envelope, and the error type handlers return.

use serde_json::{Map, Value};

use super::codes;

/// A WeCom-style error: an errcode and its errmsg.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub(crate) code: i64,
    pub(crate) msg: String,
}

impl ApiError {
    /// An error with the given code and message.
    pub(crate) fn new(code: i64, msg: impl Into<String>) -> Self {
        ApiError {
            code,
            msg: msg.into(),
        }
    }

    /// `40058 invalid parameter: …`.
    pub(crate) fn invalid(msg: impl std::fmt::Display) -> Self {
        ApiError::new(codes::INVALID_PARAMETER, format!("invalid parameter: {msg}"))
    }

    /// A required field is absent; corpid and userid have their own WeCom codes.
    pub(crate) fn missing(field: &str) -> Self {
        let code = match field {
            "corpid" | "from_corpid" | "to_corpid" => codes::MISSING_CORPID,
            "userid" => codes::MISSING_USERID,
            _ => codes::INVALID_PARAMETER,
        };
        ApiError::new(code, format!("missing {field}"))
    }
}

/// What a handler produces: the payload fields that follow `errcode`/`errmsg`.
pub(crate) type ApiResult = Result<Map<String, Value>, ApiError>;

/// A finished HTTP reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: String,
    pub(crate) body: Vec<u8>,
    /// Headers besides `Content-Type` (a download's `Content-Disposition`,
    /// `Content-Range` …).
    pub(crate) headers: Vec<(String, String)>,
}

const JSON: &str = "application/json";

impl Reply {
    /// HTTP 200 `{"errcode":0,"errmsg":"ok", ...payload}`.
    pub(crate) fn ok(payload: &Map<String, Value>) -> Self {
        Reply::json(200, envelope(codes::OK, "ok", payload))
    }

    /// HTTP 200 with just `errcode`/`errmsg`.
    pub(crate) fn error(err: &ApiError) -> Self {
        Reply::json(200, envelope(err.code, &err.msg, &Map::new()))
    }

    /// Turns a handler result into a reply.
    pub(crate) fn from_result(result: ApiResult) -> Self {
        match result {
            Ok(payload) => Reply::ok(&payload),
            Err(err) => Reply::error(&err),
        }
    }

    /// HTTP 404 for a path the sandbox does not serve.
    pub(crate) fn not_found(path: &str) -> Self {
        let msg = format!("sandbox: no such API: /cgi-bin/{path}");
        Reply::json(404, envelope(codes::UNKNOWN_PATH, &msg, &Map::new()))
    }

    /// A reply with an exact JSON body.
    pub(crate) fn json(status: u16, body: String) -> Self {
        Reply::bytes(status, JSON, body.into_bytes())
    }

    /// A reply with any body and content type (an image, a file).
    pub(crate) fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Reply {
            status,
            content_type: content_type.to_owned(),
            body,
            headers: Vec::new(),
        }
    }

    /// The same reply with one more header.
    pub(crate) fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// A reply with an exact body whose content type is guessed (JSON if it parses).
    pub(crate) fn raw(status: u16, body: String) -> Self {
        let content_type = if serde_json::from_str::<Value>(&body).is_ok() {
            JSON
        } else {
            "text/plain; charset=utf-8"
        };
        Reply::bytes(status, content_type, body.into_bytes())
    }
}

/// Serialises `{"errcode":code,"errmsg":msg, ...payload}` with `errcode` first,
/// whatever order the payload map iterates in.
pub(crate) fn envelope(code: i64, msg: &str, payload: &Map<String, Value>) -> String {
    let mut out = format!("{{\"errcode\":{code},\"errmsg\":{}", Value::from(msg));
    for (key, value) in payload {
        if key == "errcode" || key == "errmsg" {
            continue;
        }
        out.push(',');
        out.push_str(&Value::from(key.as_str()).to_string());
        out.push(':');
        out.push_str(&value.to_string());
    }
    out.push('}');
    out
}

/// The fields of a `json!({...})` object literal (empty for anything else).
pub(crate) fn fields(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn errcode_comes_first() {
        let body = envelope(0, "ok", &fields(json!({"access_token": "t", "expires_in": 7200})));
        assert!(body.starts_with("{\"errcode\":0,\"errmsg\":\"ok\","), "{body}");
        let parsed: Value = serde_json::from_str(&body).expect("valid json");
        assert_eq!(parsed["access_token"], "t");
        assert_eq!(parsed["expires_in"], 7200);
    }

    #[test]
    fn payload_cannot_override_errcode() {
        let body = envelope(40058, "bad \"x\"", &fields(json!({"errcode": 0})));
        let parsed: Value = serde_json::from_str(&body).expect("valid json");
        assert_eq!(parsed["errcode"], 40058);
        assert_eq!(parsed["errmsg"], "bad \"x\"");
    }
}
