//! The checked model that validation hands to expansion: only endpoints that
//! passed every rule, with every part known to be present and valid, so
//! expansion decides nothing and reports nothing.

use proc_macro2::Span;
use syn::{Attribute, Ident, LitStr, Path, Type, Visibility};

use crate::ast::{PageKind, TokenKind, Verb};

/// The trait to generate.
pub struct Api {
    /// Attributes kept on the generated trait (docs, lints …).
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// The endpoints that passed validation; rejected ones are left out (their
    /// errors are reported), so calls to the others still compile.
    pub endpoints: Vec<Endpoint>,
    /// Path to the runtime crate.
    pub krate: Path,
}

/// One valid endpoint.
pub struct Endpoint {
    /// Attributes passed through to the generated method.
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub verb: Verb,
    pub path: LitStr,
    /// The credential, as written after `token =`.
    pub kind: TokenKind,
    /// The runtime's marker type for the credential, spanned on `token = KIND`;
    /// `None` for `token = none`.
    pub credential: Option<Ident>,
    /// `token_param = "…"`: the token sent under another name than its
    /// kind's (which only the runtime knows).
    pub token_param: Option<LitStr>,
    pub args: Vec<Arg>,
    /// The declared return type, `…::Result<T>`.
    pub output: Type,
    /// Its `T`.
    pub payload: Type,
    /// `T` is `()`: the reply carries only `errcode`/`errmsg`.
    pub unit: bool,
    /// `page = …`: the list's stream method is generated too.
    pub paging: Option<Paging>,
    /// `alias = old_name`: a deprecated method under the old name is
    /// generated too, calling this one.
    pub alias: Option<Ident>,
}

/// How the generated stream method walks a paginated list.
pub struct Paging {
    pub kind: PageKind,
    /// The stream method's name (`<method>_stream` unless `stream = …`).
    pub stream: Ident,
    /// The cursor's wire name.
    pub wire: String,
    /// Whether the cursor is a query parameter (else a JSON key).
    pub in_query: bool,
    /// The argument that carries the cursor, which the stream method does
    /// not take; `None` when the cursor is a field of the `#[body]`.
    pub cursor_arg: Option<Ident>,
    /// `limit = N`: the page size.
    pub size: Option<PageSize>,
}

/// The page size of `page = …(limit = N)`.
pub struct PageSize {
    /// Its wire name (a JSON key of the body, or the argument's).
    pub wire: String,
    pub value: u64,
    /// The argument it replaces, which the stream method does not take;
    /// `None` when it is a field of the `#[body]` (set when the body leaves it unset).
    pub arg: Option<Ident>,
}

/// One argument after `&self`.
pub struct Arg {
    pub ident: Ident,
    pub ty: Type,
    /// Span of its role attribute, or of the argument when it has none.
    pub span: Span,
    pub sent_as: SentAs,
}

/// Where an argument goes in the request, with its wire name.
pub enum SentAs {
    /// The whole JSON body.
    Body,
    /// A field of the JSON body.
    Field(String),
    /// A query parameter.
    Query(String),
    /// The multipart file part.
    File(String),
    /// An HTTP header, by its name as written (e.g. `Range`).
    Header(String),
}
