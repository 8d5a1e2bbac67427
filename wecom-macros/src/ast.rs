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
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Corp,
    Provider,
    Suite,
    None,
}

impl TokenKind {
    pub fn from_ident(ident: &Ident) -> Option<Self> {
        Some(match ident.to_string().as_str() {
            "corp" => TokenKind::Corp,
            "provider" => TokenKind::Provider,
            "suite" => TokenKind::Suite,
            "none" => TokenKind::None,
            _ => return None,
        })
    }

    /// The runtime's marker type for this kind.
    pub fn marker(self) -> Option<&'static str> {
        match self {
            TokenKind::Corp => Some("Corp"),
            TokenKind::Provider => Some("Provider"),
            TokenKind::Suite => Some("Suite"),
            TokenKind::None => None,
        }
    }

    /// WeCom's default query parameter for this kind.
    pub fn default_param(self) -> Option<&'static str> {
        match self {
            TokenKind::Corp => Some("access_token"),
            TokenKind::Provider => Some("provider_access_token"),
            TokenKind::Suite => Some("suite_access_token"),
            TokenKind::None => None,
        }
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
    /// Part of the attribute was rejected (already reported): checks that
    /// something is missing would only repeat that error.
    pub malformed: bool,
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
            Role::Query(Some(name)) | Role::Field(name) | Role::File(Some(name)) => name.value(),
            _ => self.ident.to_string().trim_start_matches("r#").to_string(),
        }
    }
}
