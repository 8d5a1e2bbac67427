//! The paginator behind every `…_stream` method that `#[api]` generates for
//! an endpoint declared with `page = …`.
//!
//! The request is encoded once, when the stream method is called, with the
//! cursor left out ([`PagedRequest`]); each page then only adds the cursor:
//! one query parameter on a GET, one key appended to the already-encoded JSON
//! object on a POST. Pages are walked by [`paginate`], so a cursor seen
//! before, or an offset that does not move forward, ends the stream with
//! [`Error::Pagination`](crate::Error::Pagination).

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::pagination::{CursorPage, paginate};
use crate::reply::Reply;
use crate::request::Request;
use crate::runtime::Runtime;
use crate::token::TokenCell;

/// What a list's cursor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// An opaque string (`next_cursor`), sent as a JSON string.
    Cursor,
    /// A numeric offset that moves forward, sent as a JSON number.
    Offset,
}

/// Where the cursor goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSlot {
    /// A query parameter (GET endpoints, `#[query]` arguments).
    Query,
    /// A key of the JSON body (POST endpoints).
    Body,
}

/// A request encoded once, without its cursor: [`page`](Self::page) builds
/// each page's request by adding only the cursor.
pub struct PagedRequest {
    request: Request,
    name: &'static str,
    kind: PageKind,
    slot: PageSlot,
    /// The first page's cursor: the value the body carried under `name`.
    start: Option<String>,
}

/// Shows the shape only: the request may hold secrets.
impl fmt::Debug for PagedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PagedRequest")
            .field("request", &self.request)
            .field("cursor", &self.name)
            .field("kind", &self.kind)
            .field("slot", &self.slot)
            .finish_non_exhaustive()
    }
}

impl PagedRequest {
    /// Prepares `request` (encoded without its cursor, except that a
    /// `#[body]` may carry a starting one) for a walk whose cursor is `name`.
    ///
    /// With the cursor in the body, the body is read as a JSON object once:
    /// the value under `name`, if any, becomes the first page's cursor, and
    /// `size` (the page-size key and value of `page = cursor(limit = N)`) is
    /// filled in when the body leaves it missing, `null` or 0.
    pub fn new(
        mut request: Request,
        name: &'static str,
        kind: PageKind,
        slot: PageSlot,
        size: Option<(&'static str, u64)>,
    ) -> Self {
        let mut start = None;
        if slot == PageSlot::Body {
            match take_cursor(request.body.as_deref(), name, size) {
                Ok((body, cursor)) => {
                    request.body = Some(body);
                    start = cursor;
                }
                Err(reason) => request.fail(reason),
            }
        }
        PagedRequest {
            request,
            name,
            kind,
            slot,
            start,
        }
    }

    /// The request of the page at `cursor` (`None`: the first page).
    pub fn page(&self, cursor: Option<&str>) -> Request {
        let mut request = self.request.duplicate();
        let Some(cursor) = cursor.or(self.start.as_deref()) else {
            return request;
        };
        match self.slot {
            PageSlot::Query => request.query.push((self.name, cursor.to_owned())),
            PageSlot::Body => {
                let value = match self.kind {
                    PageKind::Cursor => Value::String(cursor.to_owned()),
                    PageKind::Offset => match cursor.parse::<u64>() {
                        Ok(offset) => Value::from(offset),
                        Err(_) => {
                            request.fail(format!("offset `{cursor}` is not a number"));
                            return request;
                        }
                    },
                };
                let body = request.body.as_deref().unwrap_or(b"{}");
                request.body = Some(append_key(body, self.name, &value));
            }
        }
        request
    }
}

/// The body without `name` (and with the page size filled in), and the
/// cursor it carried, as text.
fn take_cursor(
    body: Option<&[u8]>,
    name: &str,
    size: Option<(&'static str, u64)>,
) -> std::result::Result<(Bytes, Option<String>), String> {
    let mut map: Map<String, Value> = match body {
        None => Map::new(),
        Some(bytes) => serde_json::from_slice(bytes)
            .map_err(|_| "the body of a paginated endpoint must be a JSON object".to_string())?,
    };
    let start = match map.remove(name) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err(format!("the cursor `{name}` must be a string or a number")),
    };
    if let Some((key, value)) = size {
        let unset = match map.get(key) {
            None | Some(Value::Null) => true,
            Some(v) => v.as_u64() == Some(0),
        };
        if unset {
            map.insert(key.to_owned(), Value::from(value));
        }
    }
    let bytes = serde_json::to_vec(&map).map_err(|e| format!("JSON body: {e}"))?;
    Ok((Bytes::from(bytes), start))
}

/// `body` (an encoded JSON object) with `"name": value` added before its
/// closing brace.
fn append_key(body: &[u8], name: &str, value: &Value) -> Bytes {
    let inner = body
        .trim_ascii_end()
        .strip_suffix(b"}")
        .unwrap_or(b"{")
        .trim_ascii_end();
    let mut out = BytesMut::with_capacity(inner.len() + name.len() + 48);
    out.extend_from_slice(inner);
    if inner != b"{" {
        out.extend_from_slice(b",");
    }
    // Writing a `&str` and a `Value` into memory cannot fail.
    out.extend_from_slice(&serde_json::to_vec(name).unwrap_or_default());
    out.extend_from_slice(b":");
    out.extend_from_slice(&serde_json::to_vec(value).unwrap_or_default());
    out.extend_from_slice(b"}");
    out.freeze()
}

/// Every item of a paginated list whose replies are `R`s, page after page:
/// what a generated `…_stream` method returns. It is a
/// `Stream<Item = Result<R::Item>>` ([`CursorPage::Item`]).
///
/// A page is fetched only when the previous one has been consumed; the items
/// come one by one, and an error is yielded as the last item. It is `Send`
/// and borrows only the client (the arguments were encoded when the method
/// was called).
#[must_use = "a stream does nothing unless polled"]
pub struct PageStream<'a, R> {
    inner: Pin<Box<dyn Pages<R> + Send + 'a>>,
}

/// A stream of `R`'s items, named without requiring `R: CursorPage` (so a
/// reply that is no page is one error where the stream is made, not one per
/// mention of the type).
trait Pages<R> {
    fn poll_item(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<R::Item>>>
    where
        R: CursorPage;
}

impl<R: CursorPage, S: Stream<Item = Result<R::Item>>> Pages<R> for S {
    fn poll_item(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<R::Item>>> {
        self.poll_next(cx)
    }
}

impl<'a, R> PageStream<'a, R>
where
    R: Reply + CursorPage + Send + 'a,
    R::Item: Send + 'a,
{
    /// Walks the list whose pages `request` describes, decoding each reply
    /// as `R`.
    pub fn new(runtime: &'a Runtime, token: Option<&'a TokenCell>, request: PagedRequest) -> Self {
        let stream = paginate(move |cursor: Option<String>| {
            let page = request.page(cursor.as_deref());
            async move { runtime.execute::<R>(token, page).await.map(R::into_page) }
        });
        PageStream {
            inner: Box::pin(stream),
        }
    }
}

impl<R: CursorPage> Stream for PageStream<'_, R> {
    type Item = Result<R::Item>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_item(cx)
    }
}

impl<R> fmt::Debug for PageStream<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PageStream(<pending>)")
    }
}

/// A reply an endpoint declared with `page = …` can have: a [`Reply`] that
/// is a [`CursorPage`] (owned, `Send`, like its items). Implemented for
/// every such type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a page of a list: an endpoint declared with `page = …` must reply with a `CursorPage`",
    label = "this reply does not implement `wecom_apis::CursorPage`",
    note = "implement `CursorPage` for the reply (its items, and the next cursor with `Page::from_cursor` / `Page::from_offset`), or remove `page = …` from the endpoint attribute"
)]
pub trait ListReply: Sized {
    /// Walks the list (what generated stream methods call, so a reply that
    /// is no page is reported here).
    #[doc(hidden)]
    fn __stream<'a>(
        runtime: &'a Runtime,
        token: Option<&'a TokenCell>,
        request: PagedRequest,
    ) -> PageStream<'a, Self>;
}

#[diagnostic::do_not_recommend]
impl<T> ListReply for T
where
    T: Reply + CursorPage + Send + 'static,
    T::Item: Send + 'static,
{
    fn __stream<'a>(
        runtime: &'a Runtime,
        token: Option<&'a TokenCell>,
        request: PagedRequest,
    ) -> PageStream<'a, T> {
        PageStream::new(runtime, token, request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Endpoint, JsonFields, Method};

    static LIST: Endpoint = Endpoint::new(Method::Post, "x/list");
    static GET: Endpoint = Endpoint::new(Method::Get, "x/get");

    fn body(r: &Request) -> Value {
        serde_json::from_slice(r.body.as_deref().unwrap()).unwrap()
    }

    #[test]
    fn a_body_is_encoded_once_and_only_the_cursor_changes() {
        let request =
            Request::new(&LIST).json(&serde_json::json!({"corpid": "c", "cursor": "START", "limit": 0}));
        let paged = PagedRequest::new(
            request,
            "cursor",
            PageKind::Cursor,
            PageSlot::Body,
            Some(("limit", 100)),
        );
        assert_eq!(
            body(&paged.page(None)),
            serde_json::json!({"corpid": "c", "cursor": "START", "limit": 100})
        );
        assert_eq!(
            body(&paged.page(Some("N2"))),
            serde_json::json!({"corpid": "c", "cursor": "N2", "limit": 100})
        );
    }

    #[test]
    fn an_offset_is_a_number_and_fields_keep_their_bytes() {
        let mut fields = JsonFields::new();
        fields.field("msgid", "M");
        let paged = PagedRequest::new(
            Request::new(&LIST).fields(fields),
            "offset",
            PageKind::Offset,
            PageSlot::Body,
            None,
        );
        assert_eq!(paged.page(None).body.as_deref(), Some(&br#"{"msgid":"M"}"#[..]));
        assert_eq!(
            paged.page(Some("20")).body.as_deref(),
            Some(&br#"{"msgid":"M","offset":20}"#[..])
        );
        let empty = PagedRequest::new(
            Request::new(&LIST),
            "cursor",
            PageKind::Cursor,
            PageSlot::Body,
            None,
        );
        assert_eq!(
            empty.page(Some("c")).body.as_deref(),
            Some(&br#"{"cursor":"c"}"#[..])
        );
    }

    #[test]
    fn a_query_cursor_is_one_more_parameter() {
        let paged = PagedRequest::new(
            Request::new(&GET).query("id", "7"),
            "cursor",
            PageKind::Cursor,
            PageSlot::Query,
            None,
        );
        assert_eq!(paged.page(None).query, vec![("id", "7".to_string())]);
        assert_eq!(
            paged.page(Some("n")).query,
            vec![("id", "7".to_string()), ("cursor", "n".to_string())]
        );
    }

    #[test]
    fn a_body_that_is_not_an_object_is_an_encoding_error() {
        let paged = PagedRequest::new(
            Request::new(&LIST).json(&[1, 2]),
            "cursor",
            PageKind::Cursor,
            PageSlot::Body,
            None,
        );
        assert!(paged.page(None).encode_error.is_some());
    }
}
