//! The small model of an `#[api]` trait as written, which parsing produces
//! and validation reads (and turns into the checked [`model`](crate::model)).

use proc_macro2::Span;
use syn::{Attribute, Generics, Ident, LitStr, Path, Type, Visibility};

/// The whole annotated trait.
pub struct Api {
    /// Attributes kept on the generated trait (docs, lints …).
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub generics: Generics,
    pub endpoints: Vec<Endpoint>,
    /// Path to the runtime crate (`crate = …` or found in Cargo.toml).
    pub krate: Path,
}

/// HTTP verb of an endpoint.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
        }
    }

    /// The attribute that declares it: `get` or `post`.
    pub fn attr_name(self) -> &'static str {
        match self {
            Verb::Get => "get",
            Verb::Post => "post",
        }
    }
}

/// Which credential an endpoint needs.
///
/// Only the *names* a user writes after `token =` live here, each with the
/// runtime's marker type: everything else about a kind (its query parameter,
/// the error codes of a stale token) is defined once in `wecom-core`
/// (`token::kind`), which the generated code reads through
/// `<Marker as TokenKind>::INFO`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Corp,
    Provider,
    Suite,
    None,
}

/// Every kind: the word after `token =` and the runtime's marker type.
const KINDS: [(&str, TokenKind, Option<&str>); 4] = [
    ("corp", TokenKind::Corp, Some("Corp")),
    ("provider", TokenKind::Provider, Some("Provider")),
    ("suite", TokenKind::Suite, Some("Suite")),
    ("none", TokenKind::None, None),
];

/// The kinds as a user writes them, for error messages.
pub const KINDS_HINT: &str = "`corp`, `provider`, `suite` or `none`";

impl TokenKind {
    /// The kind written as `name` (`corp` …).
    pub fn from_name(name: &str) -> Option<Self> {
        KINDS.iter().find(|(n, ..)| *n == name).map(|(_, kind, _)| *kind)
    }

    pub fn from_ident(ident: &Ident) -> Option<Self> {
        Self::from_name(ident.to_string().as_str())
    }

    fn entry(self) -> &'static (&'static str, TokenKind, Option<&'static str>) {
        KINDS
            .iter()
            .find(|(_, kind, _)| *kind == self)
            .unwrap_or(&KINDS[3])
    }

    /// The word a user writes for this kind.
    pub fn name(self) -> &'static str {
        self.entry().0
    }

    /// The runtime's marker type for this kind; `None` for `none`.
    pub fn marker(self) -> Option<&'static str> {
        self.entry().2
    }
}

/// The parsed `#[get(...)]` / `#[post(...)]` attribute.
pub struct Route {
    pub verb: Verb,
    /// The attribute as a whole (for "missing …" errors).
    pub attr_span: Span,
    pub path: Option<LitStr>,
    pub token: Option<(TokenKind, Span)>,
    pub token_param: Option<LitStr>,
    /// `page = cursor(…)` / `page = offset(…)`: the list is paginated.
    pub page: Option<PageOpt>,
    /// `stream = name`: the generated stream method's name.
    pub stream: Option<Ident>,
    /// `alias = old_name`: a `#[deprecated]` method under the endpoint's old
    /// name, kept for one release after a rename.
    pub alias: Option<Ident>,
    /// Part of the attribute was rejected (already reported): checks that
    /// something is missing would only repeat that error.
    pub malformed: bool,
}

/// What a paginated list's cursor is, as written after `page =`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `cursor`: an opaque string.
    Cursor,
    /// `offset`: a number that moves forward.
    Offset,
}

impl PageKind {
    /// The kind written as `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "cursor" => Some(PageKind::Cursor),
            "offset" => Some(PageKind::Offset),
            _ => None,
        }
    }

    /// The word after `page =`, which is also the default cursor name.
    pub fn name(self) -> &'static str {
        match self {
            PageKind::Cursor => "cursor",
            PageKind::Offset => "offset",
        }
    }
}

/// The parsed `page = kind`, `page = kind("name")`, `page = kind(limit = N)`
/// or `page = kind("name", limit = N)`.
pub struct PageOpt {
    pub kind: PageKind,
    /// The whole option (`page = …`), for errors spanned on it.
    pub tokens: proc_macro2::TokenStream,
    /// The cursor's wire name, when not the kind's own.
    pub name: Option<LitStr>,
    /// The page-size argument or body field, and the size sent.
    pub size: Option<(Ident, syn::LitInt)>,
}

/// How the method takes `self`.
pub enum Receiver {
    /// `&self`, as required.
    RefSelf,
    /// `self`, `&mut self`, `self: Box<Self>` …
    Other(Span),
    /// No `self` at all.
    Missing,
}

/// One endpoint method, as written.
pub struct Endpoint {
    /// Attributes passed through to the generated method (docs, `deprecated` …).
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    /// `None` when the method has no `#[get]`/`#[post]` (already reported).
    pub route: Option<Route>,
    pub fn_span: Span,
    pub is_async: bool,
    pub receiver: Receiver,
    pub generics: Generics,
    /// Span of a default body, which endpoint declarations must not have.
    pub default_body: Option<Span>,
    pub args: Vec<Arg>,
    /// The declared return type, as written (`wecom_apis::Result<T>`); `None` if missing.
    pub output: Option<Type>,
    /// Parsing already reported an error on this method: it is left out of
    /// the generated trait.
    pub rejected: bool,
}

/// How an argument is sent.
pub enum Role {
    /// No attribute: a JSON field on POST, a query parameter on GET.
    Bare,
    /// `#[body]`: the whole JSON body.
    Body,
    /// `#[query]` / `#[query = "name"]`.
    Query(Option<LitStr>),
    /// `#[field = "name"]`.
    Field(LitStr),
    /// `#[file]` / `#[file = "name"]`: a multipart file part.
    File(Option<LitStr>),
    /// `#[header = "Name"]`: an HTTP header (e.g. `Range`).
    Header(LitStr),
}

/// One argument after `&self`.
pub struct Arg {
    pub ident: Ident,
    pub ty: Type,
    pub role: Role,
    /// Span of the role attribute, or of the argument when it has none.
    pub role_span: Span,
}

impl Arg {
    /// The wire name (JSON field or query parameter).
    pub fn wire_name(&self) -> String {
        match &self.role {
            Role::Query(Some(name)) | Role::Field(name) | Role::File(Some(name)) | Role::Header(name) => {
                name.value()
            }
            _ => self.ident.to_string().trim_start_matches("r#").to_string(),
        }
    }
}
