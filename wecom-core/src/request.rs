//! A prepared request: endpoint, query parameters and an already-encoded body.
//!
//! Generated endpoint methods build a [`Request`] synchronously, so the future
//! they return owns its data and is `Send` whatever the argument types are.

use bytes::Bytes;
use serde::Serialize;

use crate::token::kind::{KindInfo, TokenKind};
use crate::upload::Upload;

/// HTTP method of an endpoint. WeCom uses only these two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET: arguments go in the query string.
    Get,
    /// POST: arguments go in a JSON body.
    Post,
}

/// The static description of one endpoint.
///
/// The `api` macro writes one per declared method, as a static next to the
/// trait, and lists them per trait (`<TRAIT>_ENDPOINTS`); `wecom_apis::endpoints()`
/// chains the SDK's lists. Build one by hand with the `const` builders:
///
/// ```
/// use wecom_core::Corp;
/// use wecom_core::request::{Endpoint, Method};
///
/// static USER_GET: Endpoint = Endpoint::new(Method::Get, "user/get")
///     .with_token::<Corp>()
///     .declared_by("UserApi", "get_user");
/// assert_eq!(USER_GET.token_param(), Some("access_token"));
/// assert_eq!(USER_GET.token_kind().map(|k| k.name), Some("corp"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Endpoint {
    pub(crate) method: Method,
    pub(crate) path: &'static str,
    pub(crate) token_param: Option<&'static str>,
    token_kind: Option<KindInfo>,
    declared_by: Option<(&'static str, &'static str)>,
}

impl Endpoint {
    /// An endpoint at `path` (relative to the base URL, e.g.
    /// `license/get_order`) that sends no token.
    pub const fn new(method: Method, path: &'static str) -> Self {
        Endpoint {
            method,
            path,
            token_param: None,
            token_kind: None,
            declared_by: None,
        }
    }

    /// Sends a token of kind `K`, under `K`'s query parameter
    /// ([`KindInfo::param`]).
    pub const fn with_token<K: TokenKind>(mut self) -> Self {
        self.token_kind = Some(K::INFO);
        self.token_param = Some(K::INFO.param);
        self
    }

    /// Sends the token under `name` instead of its kind's parameter (WeCom
    /// has a few such endpoints). Call it after [`with_token`](Self::with_token).
    pub const fn with_token_param(mut self, name: &'static str) -> Self {
        self.token_param = Some(name);
        self
    }

    /// Records the trait and method that declare this endpoint.
    pub const fn declared_by(mut self, trait_name: &'static str, method_name: &'static str) -> Self {
        self.declared_by = Some((trait_name, method_name));
        self
    }

    /// GET or POST.
    pub const fn method(&self) -> Method {
        self.method
    }

    /// Path relative to the base URL, e.g. `license/get_order`.
    pub const fn path(&self) -> &'static str {
        self.path
    }

    /// The kind of token sent, or `None` for an endpoint without a token.
    pub const fn token_kind(&self) -> Option<&KindInfo> {
        self.token_kind.as_ref()
    }

    /// The query parameter that carries the token, or `None` for an
    /// endpoint without a token.
    pub const fn token_param(&self) -> Option<&'static str> {
        self.token_param
    }

    /// The trait that declares this endpoint (e.g. `LicenseApi`); `None`
    /// for a descriptor built by hand without [`declared_by`](Self::declared_by).
    pub const fn trait_name(&self) -> Option<&'static str> {
        match self.declared_by {
            Some((trait_name, _)) => Some(trait_name),
            None => None,
        }
    }

    /// The method that declares this endpoint (e.g. `get_order`); `None`
    /// for a descriptor built by hand without [`declared_by`](Self::declared_by).
    pub const fn method_name(&self) -> Option<&'static str> {
        match self.declared_by {
            Some((_, method_name)) => Some(method_name),
            None => None,
        }
    }
}

impl Method {
    /// `"GET"` or `"POST"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// One call, ready to send (and to re-send on retry).
pub struct Request {
    pub(crate) endpoint: &'static Endpoint,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<Bytes>,
    pub(crate) file: Option<(&'static str, Upload)>,
    /// Extra HTTP headers (`#[header = "…"]` arguments, e.g. `Range`).
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) encode_error: Option<String>,
}

/// Shows the endpoint and the query parameter names only: values and bodies
/// may hold secrets (`corpsecret`, `provider_secret`, `suite_ticket` …).
impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.query.iter().map(|(name, _)| *name).collect();
        f.debug_struct("Request")
            .field("method", &self.endpoint.method)
            .field("path", &self.endpoint.path)
            .field("query", &names)
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .field("file", &self.file.as_ref().map(|(name, upload)| (name, upload)))
            .field(
                "headers",
                &self.headers.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Request {
    /// A request to `endpoint` with no arguments yet.
    pub fn new(endpoint: &'static Endpoint) -> Self {
        Request {
            endpoint,
            query: Vec::new(),
            body: None,
            file: None,
            headers: Vec::new(),
            encode_error: None,
        }
    }

    /// The endpoint this request goes to.
    pub fn endpoint(&self) -> &'static Endpoint {
        self.endpoint
    }

    /// Adds a query parameter. `None` (or anything serializing to null) is
    /// skipped; strings, numbers and booleans are written as text; anything
    /// else is an encoding error reported when the call runs.
    pub fn query<V: Serialize + ?Sized>(mut self, name: &'static str, value: &V) -> Self {
        match query_text(value) {
            Ok(Some(text)) => self.query.push((name, text)),
            Ok(None) => {}
            Err(reason) => self.fail(format!("query parameter `{name}`: {reason}")),
        }
        self
    }

    /// Sets the whole JSON body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Bytes::from(bytes)),
            Err(e) => self.fail(format!("JSON body: {e}")),
        }
        self
    }

    /// Sends the request as `multipart/form-data` with this file as part `name`.
    pub fn file(mut self, name: &'static str, upload: &Upload) -> Self {
        self.file = Some((name, upload.clone()));
        self
    }

    /// Sends an HTTP header with the request (e.g. `Range: bytes=0-1023`).
    /// A value with a line break or another control character is an
    /// encoding error reported when the call runs.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        if value.bytes().any(|b| b.is_ascii_control() && b != b'\t') {
            self.fail(format!(
                "header `{name}`: control characters are not allowed in a header value"
            ));
        } else {
            self.headers.push((name, value));
        }
        self
    }

    /// Sets the JSON body from individual fields.
    pub fn fields(mut self, fields: JsonFields) -> Self {
        match fields.finish() {
            Ok(bytes) => self.body = Some(bytes),
            Err(reason) => self.fail(reason),
        }
        self
    }

    pub(crate) fn fail(&mut self, reason: String) {
        self.encode_error.get_or_insert(reason);
    }

    /// A copy to send again (the body is shared, not copied).
    pub(crate) fn duplicate(&self) -> Request {
        Request {
            endpoint: self.endpoint,
            query: self.query.clone(),
            body: self.body.clone(),
            file: self.file.clone(),
            headers: self.headers.clone(),
            encode_error: self.encode_error.clone(),
        }
    }
}

/// A type whose values can be query parameters (`#[query]` arguments, and
/// every bare argument of a GET endpoint).
///
/// Implemented for strings (`str`, `String`, `Cow<str>`), integers, floats,
/// `bool` and `char`, and for `&T`, `Box<T>` and `Option<T>` of those (a
/// `None` parameter is left out). Lists, maps and structs are not query
/// values: WeCom takes them as JSON fields of a POST.
///
/// An enum that serializes to a string or a number (a unit-variant enum with
/// `#[derive(Serialize)]`, or a code enum) can be a query value too: say so
/// with an empty impl, `impl QueryValue for MyEnum {}`. A value that still
/// serializes to a list or an object is reported as an encoding error when
/// the call runs.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a query parameter: query values are strings, numbers, `bool` or `char`",
    label = "not a query value",
    note = "lists and structs go in the JSON body of a POST; an enum that serializes to a string or a number becomes a query value with `impl wecom_apis::request::QueryValue for MyEnum {{}}`"
)]
pub trait QueryValue: Serialize {
    /// Adds `self` to `request` as query parameter `name`.
    #[doc(hidden)]
    fn __add_query(&self, request: Request, name: &'static str) -> Request {
        request.query(name, self)
    }
}

/// Implements [`QueryValue`], kept out of "other types implement it" lists
/// so a rejected type gets the trait's message alone.
macro_rules! query_value {
    ($($ty:ty),* $(,)?) => {
        $(
            #[diagnostic::do_not_recommend]
            impl QueryValue for $ty {}
        )*
    };
}

query_value!(str, String, std::borrow::Cow<'_, str>, bool, char, f32, f64);
query_value!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

#[diagnostic::do_not_recommend]
impl<T: QueryValue + ?Sized> QueryValue for &T {}

#[diagnostic::do_not_recommend]
impl<T: QueryValue + ?Sized> QueryValue for Box<T> {}

#[diagnostic::do_not_recommend]
impl<T: QueryValue> QueryValue for Option<T> {}

/// A type an `#[body]` argument can have: anything `serde::Serialize`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as the request body: it does not implement `serde::Serialize`",
    label = "add `#[derive(serde::Serialize)]` to this type"
)]
pub trait JsonBody {
    /// Sets `self` as the request's JSON body.
    #[doc(hidden)]
    fn __set_body(&self, request: Request) -> Request;
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> JsonBody for T {
    fn __set_body(&self, request: Request) -> Request {
        request.json(self)
    }
}

/// A type an argument sent as a JSON field can have: anything `serde::Serialize`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a JSON field: it does not implement `serde::Serialize`",
    label = "add `#[derive(serde::Serialize)]` to this type"
)]
pub trait JsonField {
    /// Appends `self` to `fields` as `name`.
    #[doc(hidden)]
    fn __add_field(&self, fields: &mut JsonFields, name: &'static str);
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> JsonField for T {
    fn __add_field(&self, fields: &mut JsonFields, name: &'static str) {
        fields.field(name, self);
    }
}

/// A type a `#[file]` argument can have: [`Upload`], a reference to one, or
/// anything else that is `AsRef<Upload>` (`Box<Upload>`, `Arc<Upload>` …).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a file to upload: a `#[file]` argument is an `&Upload`",
    label = "expected `&Upload` (or `Upload`, `Box<Upload>`, `Arc<Upload>`: any `AsRef<Upload>`)",
    note = "wrap the content in an `Upload`: `Upload::new(\"name.png\", bytes)`"
)]
pub trait FilePart {
    /// Attaches `self` as multipart part `name`.
    #[doc(hidden)]
    fn __add_file(&self, request: Request, name: &'static str) -> Request;
}

#[diagnostic::do_not_recommend]
impl<T: AsRef<Upload> + ?Sized> FilePart for T {
    fn __add_file(&self, request: Request, name: &'static str) -> Request {
        request.file(name, self.as_ref())
    }
}

/// A type a `#[header = "Name"]` argument can have: a string (`&str`,
/// `String`, `Cow<str>`), a [`ByteRange`](crate::ByteRange), or an `Option`
/// (no header when `None`), reference or `Box` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an HTTP header value: header arguments are strings or `ByteRange`",
    label = "not a header value",
    note = "a `#[header = \"Name\"]` argument is a `&str`, `String`, `ByteRange`, or an `Option` of one (left out when `None`)"
)]
pub trait HeaderArg {
    /// Adds `self` to `request` as header `name`.
    #[doc(hidden)]
    fn __add_header(&self, request: Request, name: &'static str) -> Request;
}

/// Implements [`HeaderArg`] for text types, kept out of "other types
/// implement it" lists so a rejected type gets the trait's message alone.
macro_rules! header_text {
    ($($ty:ty),* $(,)?) => {
        $(
            #[diagnostic::do_not_recommend]
            impl HeaderArg for $ty {
                fn __add_header(&self, request: Request, name: &'static str) -> Request {
                    request.header(name, <Self as AsRef<str>>::as_ref(self))
                }
            }
        )*
    };
}

header_text!(str, String, std::borrow::Cow<'_, str>);

#[diagnostic::do_not_recommend]
impl<T: HeaderArg + ?Sized> HeaderArg for &T {
    fn __add_header(&self, request: Request, name: &'static str) -> Request {
        (**self).__add_header(request, name)
    }
}

#[diagnostic::do_not_recommend]
impl<T: HeaderArg + ?Sized> HeaderArg for Box<T> {
    fn __add_header(&self, request: Request, name: &'static str) -> Request {
        (**self).__add_header(request, name)
    }
}

#[diagnostic::do_not_recommend]
impl<T: HeaderArg> HeaderArg for Option<T> {
    fn __add_header(&self, request: Request, name: &'static str) -> Request {
        match self {
            Some(value) => value.__add_header(request, name),
            None => request,
        }
    }
}

fn query_text<V: Serialize + ?Sized>(value: &V) -> Result<Option<String>, String> {
    match serde_json::to_value(value).map_err(|e| e.to_string())? {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(s) => Ok(Some(s)),
        serde_json::Value::Number(n) => Ok(Some(n.to_string())),
        serde_json::Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(format!(
            "must be a string, number or boolean, not {}",
            if other.is_array() { "a list" } else { "an object" }
        )),
    }
}

/// A JSON object written field by field, straight into bytes.
///
/// Fields whose value serializes to `null` (e.g. `None`) are left out, since
/// WeCom treats a missing optional field and `null` differently at times.
pub struct JsonFields {
    buf: Vec<u8>,
    count: usize,
    error: Option<String>,
}

/// Shows only sizes: the fields may hold secrets.
impl std::fmt::Debug for JsonFields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonFields")
            .field("fields", &self.count)
            .field("bytes", &self.buf.len())
            .finish_non_exhaustive()
    }
}

impl Default for JsonFields {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonFields {
    /// An empty object.
    pub fn new() -> Self {
        let mut buf = Vec::with_capacity(128);
        buf.push(b'{');
        JsonFields {
            buf,
            count: 0,
            error: None,
        }
    }

    /// Appends `"name": value`, unless the value is null.
    pub fn field<V: Serialize + ?Sized>(&mut self, name: &'static str, value: &V) {
        let mark = self.buf.len();
        if self.count > 0 {
            self.buf.push(b',');
        }
        let written = serde_json::to_writer(&mut self.buf, name)
            .and_then(|_| {
                self.buf.push(b':');
                let value_start = self.buf.len();
                serde_json::to_writer(&mut self.buf, value).map(|_| value_start)
            })
            .map(|value_start| &self.buf[value_start..] != b"null");
        match written {
            Ok(true) => self.count += 1,
            Ok(false) => self.buf.truncate(mark),
            Err(e) => {
                self.buf.truncate(mark);
                self.error.get_or_insert(format!("field `{name}`: {e}"));
            }
        }
    }

    /// The finished object, or the first encoding error.
    pub fn finish(mut self) -> Result<Bytes, String> {
        if let Some(e) = self.error {
            return Err(e);
        }
        self.buf.push(b'}');
        Ok(Bytes::from(self.buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_skip_none_and_escape_names() {
        let mut f = JsonFields::new();
        f.field("order_id", "OI1");
        f.field("cursor", &None::<&str>);
        f.field("limit", &Some(100));
        assert_eq!(f.finish().unwrap(), &br#"{"order_id":"OI1","limit":100}"#[..]);
        let mut empty = JsonFields::new();
        empty.field("a", &None::<u8>);
        assert_eq!(empty.finish().unwrap(), &b"{}"[..]);
    }

    #[test]
    fn debug_shows_no_values() {
        static EP: Endpoint = Endpoint::new(Method::Get, "gettoken");
        let r = Request::new(&EP).query("corpsecret", "s3cr3t");
        let shown = format!("{r:?}");
        assert!(
            shown.contains("corpsecret") && !shown.contains("s3cr3t"),
            "{shown}"
        );
    }

    #[test]
    fn query_values_are_scalars() {
        static EP: Endpoint = Endpoint::new(Method::Get, "user/get").with_token::<crate::Corp>();
        let r = Request::new(&EP)
            .query("userid", "zhangsan")
            .query("n", &3)
            .query("x", &None::<u8>);
        assert_eq!(
            r.query,
            vec![("userid", "zhangsan".to_string()), ("n", "3".to_string())]
        );
        assert!(r.encode_error.is_none());
        let bad = Request::new(&EP).query("list", &vec![1, 2]);
        assert!(bad.encode_error.unwrap().contains("`list`"));
    }

    #[test]
    fn headers_are_kept_and_checked() {
        static EP: Endpoint = Endpoint::new(Method::Get, "media/get").with_token::<crate::Corp>();
        let r = Some("bytes=0-9").__add_header(Request::new(&EP), "Range");
        let r = None::<&str>.__add_header(r, "If-Range");
        assert_eq!(r.headers, vec![("Range", "bytes=0-9".to_string())]);
        assert!(format!("{r:?}").contains("Range") && !format!("{r:?}").contains("0-9"));
        let bad = Request::new(&EP).header("Range", "bytes=0-1\r\nX-Evil: 1");
        assert!(bad.encode_error.unwrap().contains("`Range`"));
        assert!(bad.headers.is_empty());
    }
}
