//! WeCom's response envelope (`errcode`, `errmsg`), handled in one place.
//!
//! Success replies are decoded in one pass straight into the payload type:
//! WeCom writes `errcode` first, so a scan of the first few bytes tells
//! whether the reply is a success. Only replies that don't start that way pay
//! for a second pass.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result, snippet};

#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    errcode: i64,
    #[serde(default)]
    errmsg: String,
}

/// Reads a leading `"errcode": <int>` without parsing the rest of the body.
fn leading_errcode(body: &[u8]) -> Option<i64> {
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < body.len() && body[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if body.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    skip_ws(&mut i);
    let key = b"\"errcode\"";
    if !body[i..].starts_with(key) {
        return None;
    }
    i += key.len();
    skip_ws(&mut i);
    if body.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    skip_ws(&mut i);
    let negative = body.get(i) == Some(&b'-');
    if negative {
        i += 1;
    }
    let start = i;
    let mut value: i64 = 0;
    while i < body.len() && body[i].is_ascii_digit() {
        value = value.checked_mul(10)?.checked_add(i64::from(body[i] - b'0'))?;
        i += 1;
    }
    if i == start || i - start > 18 {
        return None;
    }
    // The number must end here (`,`, `}` or whitespace), not be `1.5` or `12abc`.
    match body.get(i) {
        Some(b',' | b'}') => {}
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    Some(if negative { -value } else { value })
}

/// The outcome of reading an envelope: success, or WeCom's error.
pub(crate) enum Status {
    /// `errcode` was 0 or absent.
    Ok,
    /// `errcode` was not 0.
    Failed { code: i64, message: String },
}

/// Reads the envelope's status.
pub(crate) fn status(path: &'static str, body: &[u8]) -> Result<Status> {
    if leading_errcode(body) == Some(0) {
        return Ok(Status::Ok);
    }
    let env: Envelope = serde_json::from_slice(body).map_err(|source| decode_error(path, source, body))?;
    Ok(if env.errcode == 0 {
        Status::Ok
    } else {
        Status::Failed {
            code: env.errcode,
            message: env.errmsg,
        }
    })
}

/// Decodes the payload of a successful reply.
pub(crate) fn payload<T: DeserializeOwned>(path: &'static str, body: &[u8]) -> Result<T> {
    serde_json::from_slice(body).map_err(|source| decode_error(path, source, body))
}

fn decode_error(path: &'static str, source: serde_json::Error, body: &[u8]) -> Error {
    Error::Decode {
        path,
        source,
        snippet: snippet(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_errcode_reads_only_a_leading_integer() {
        assert_eq!(leading_errcode(br#"{"errcode":0,"errmsg":"ok"}"#), Some(0));
        assert_eq!(
            leading_errcode(b" { \"errcode\" : -1 , \"errmsg\":\"busy\"}"),
            Some(-1)
        );
        assert_eq!(leading_errcode(br#"{"errcode":701030}"#), Some(701030));
        assert_eq!(leading_errcode(br#"{"errmsg":"ok","errcode":0}"#), None);
        assert_eq!(leading_errcode(br#"{"errcode":0.5}"#), None);
        assert_eq!(leading_errcode(br#"{"errcode":99999999999999999999999}"#), None);
        assert_eq!(leading_errcode(b""), None);
        assert_eq!(leading_errcode(br#"{"errcode":"#), None);
    }

    #[test]
    fn status_handles_missing_late_and_broken_envelopes() {
        assert!(matches!(status("p", br#"{"access_token":"x"}"#), Ok(Status::Ok)));
        match status("p", br#"{"errmsg":"invalid","errcode":40014}"#) {
            Ok(Status::Failed { code, message }) => {
                assert_eq!(code, 40014);
                assert_eq!(message, "invalid");
            }
            _ => panic!("expected a failure"),
        }
        match status("p", b"<html>502</html>") {
            Err(Error::Decode { snippet, .. }) => assert_eq!(snippet, "<html>502</html>"),
            _ => panic!("expected a decode error"),
        }
    }
}
