//! How a successful reply becomes the value an endpoint returns: JSON
//! payloads through serde, binary replies (images, files) as bytes.

use bytes::Bytes;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, HeaderMap};
use serde::de::DeserializeOwned;

use crate::call::Call;
use crate::envelope;
use crate::error::Result;
use crate::request::Request;
use crate::runtime::Runtime;
use crate::token::TokenCell;

/// A type an endpoint can return. Implemented for every JSON payload type
/// (anything `DeserializeOwned`) and for [`Binary`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an endpoint's reply: it does not implement `serde::Deserialize`",
    label = "add `#[derive(serde::Deserialize)]` to this type",
    note = "a reply owns its data (`String`, not `&str`); `wecom_apis::Binary` takes a binary body"
)]
pub trait Reply: Sized {
    /// Whether a non-JSON reply is this type's success case (binary bodies
    /// carry no `errcode`; WeCom sends JSON only when something went wrong).
    const ACCEPTS_BINARY: bool = false;

    /// Builds the value from a successful reply's headers and body.
    #[doc(hidden)]
    fn from_reply(path: &'static str, headers: &HeaderMap, body: Bytes) -> Result<Self>;

    /// Runs a prepared call and decodes its reply as `Self` (what generated
    /// endpoint methods call, so a type that is no reply is reported here).
    #[doc(hidden)]
    fn __call<'a>(runtime: &'a Runtime, token: Option<&'a TokenCell>, request: Request) -> Call<'a, Self>
    where
        Self: 'a,
    {
        Call::new(runtime.execute(token, request))
    }
}

#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned> Reply for T {
    fn from_reply(path: &'static str, _headers: &HeaderMap, body: Bytes) -> Result<Self> {
        envelope::payload(path, &body)
    }
}

/// A binary reply, such as the QR-code image of `service/get_app_qrcode` or a
/// downloaded file, read whole (bounded by `ClientBuilder::max_response_size`).
/// A JSON reply with a non-zero `errcode` is still an error. For a large
/// file, read as it arrives instead: [`Download`](crate::Download).
///
/// Declare an endpoint with `Result<Binary>` to get one; its `Debug` shows
/// the content type, file name and length, not the bytes:
///
/// ```
/// use wecom_core::Binary;
///
/// let image = Binary {
///     content_type: Some("image/png".into()),
///     file_name: Some("qrcode.png".into()),
///     bytes: vec![0x89, b'P', b'N', b'G'].into(),
/// };
/// assert_eq!(image.bytes.len(), 4);
/// assert_eq!(
///     format!("{image:?}"),
///     r#"Binary { content_type: Some("image/png"), file_name: Some("qrcode.png"), len: 4 }"#
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Binary {
    /// The `Content-Type` WeCom sent, e.g. `image/png`.
    pub content_type: Option<String>,
    /// The file name of its `Content-Disposition: attachment; filename="…"`,
    /// when WeCom sent one.
    pub file_name: Option<String>,
    /// The body.
    pub bytes: Bytes,
}

impl std::fmt::Debug for Binary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Binary")
            .field("content_type", &self.content_type)
            .field("file_name", &self.file_name)
            .field("len", &self.bytes.len())
            .finish()
    }
}

#[diagnostic::do_not_recommend]
impl Reply for Binary {
    const ACCEPTS_BINARY: bool = true;

    fn from_reply(_path: &'static str, headers: &HeaderMap, body: Bytes) -> Result<Self> {
        Ok(Binary {
            content_type: headers
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            file_name: headers
                .get(CONTENT_DISPOSITION)
                .and_then(|v| crate::download::file_name_of(v.as_bytes())),
            bytes: body,
        })
    }
}

/// Whether a reply body is JSON (and so carries the envelope).
pub(crate) fn is_json(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(ct) if ct.contains("json") => true,
        Some(ct) if ct.starts_with("text/plain") => body.trim_ascii_start().starts_with(b"{"),
        Some(_) => false,
        None => body.trim_ascii_start().starts_with(b"{"),
    }
}
