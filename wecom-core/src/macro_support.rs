//! Items the `api` macro's generated code refers to. Not a stable API.
//!
//! The generated code passes each argument through the trait for its role
//! ([`JsonBody`], [`JsonField`], [`QueryValue`], [`FilePart`], [`HeaderArg`]) and the reply
//! through [`Reply`], called as `<Type as Trait>::…` on the type's own span:
//! a type that does not fit is then one error on that type, in the trait's
//! words, instead of an unmet bound deep inside the runtime.

pub use crate::call::Call;
pub use crate::client::{ApiClient, HasToken};
pub use crate::error::Result;
pub use crate::page_stream::{ListReply, PageKind, PageSlot, PageStream, PagedRequest};
pub use crate::reply::Reply;
pub use crate::request::{
    Endpoint, FilePart, HeaderArg, JsonBody, JsonField, JsonFields, Method, QueryValue, Request,
};
pub use crate::runtime::Runtime;
pub use crate::token::{Corp, Provider, Suite, TokenCell, TokenKind};
pub use crate::upload::Upload;
pub use serde;

/// Runs a call that returns only the envelope.
pub fn execute_unit<'a>(
    runtime: &'a Runtime,
    token: Option<&'a TokenCell>,
    request: Request,
) -> impl std::future::Future<Output = Result<()>> + Send + 'a {
    runtime.execute_unit(token, request)
}

/// Fails the build when a query argument of an endpoint sending a `K` token
/// under `K`'s own parameter has that parameter's name: the runtime adds the
/// token, so the argument would send it twice. The generated code evaluates
/// it in a `const` spanned on the argument, so the error (`message`) points there.
pub const fn assert_not_token_param<K: TokenKind>(name: &str, message: &str) {
    let (param, name) = (K::INFO.param.as_bytes(), name.as_bytes());
    if param.len() != name.len() {
        return;
    }
    let mut i = 0;
    while i < param.len() {
        if param[i] != name[i] {
            return;
        }
        i += 1;
    }
    panic!("{}", message);
}
