//! `service/get_app_qrcode`: an image by default, a URL with `result_type` 2.

use serde_json::json;

use super::super::creds;
use super::super::params::JsonBody;
use super::super::record::RecordedRequest;
use super::super::reply::{ApiError, Reply, fields};
use super::codes;

/// Content type of the (placeholder) QR code image.
const IMAGE: &str = "image/png";

/// `POST service/get_app_qrcode` with `{suite_id, appid?, state?, style?, result_type?}`.
pub(crate) fn get_app_qrcode(suite: &str, req: &RecordedRequest) -> Result<Reply, ApiError> {
    let body = JsonBody::parse(&req.body)?;
    let f = body.fields();
    let suite_id = f
        .opt_str("suite_id")?
        .ok_or_else(|| ApiError::new(codes::MISSING_SUITE_ID, "missing suite_id"))?;
    if suite_id != creds::SUITE_ID || suite_id != suite {
        return Err(ApiError::new(
            codes::INVALID_SUITE_ID,
            format!("invalid suite_id {suite_id}: not the suite of this suite_access_token"),
        ));
    }
    let state = f.opt_str("state")?.unwrap_or_default();
    if state.len() > 32 || !state.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::invalid("state: [a-zA-Z0-9], at most 32 bytes"));
    }
    let style = f.opt_int("style")?.unwrap_or(2);
    if !(0..=4).contains(&style) {
        return Err(ApiError::invalid("style must be 0..=4"));
    }
    match f.opt_int("result_type")?.unwrap_or(1) {
        1 => Ok(Reply::bytes(
            200,
            IMAGE,
            format!("sandbox-qrcode-image suite={suite_id} state={state} style={style}").into_bytes(),
        )),
        2 => Ok(Reply::ok(&fields(json!({
            "qrcode": format!("https://sandbox.invalid/qrcode/{suite_id}?state={state}&style={style}")
        })))),
        _ => Err(ApiError::invalid("result_type must be 1 or 2")),
    }
}
